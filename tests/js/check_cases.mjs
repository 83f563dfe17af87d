// Runs the browser checker over a batch of cases, for the differential test against the
// Python checker. Usage: node tests/js/check_cases.mjs rules.json cases.json > results.json
// cases.json: {"replies": [{text, channel, situation, waited, metric}], "messages": [{channel, text}],
// "translations": {template: text}}
// (a reply may have a confidence: given, weak or strong)
// results.json: {"findings": [[finding, ...] per reply], "situations": [id or null per message],
// "confidences": [strong, weak or null per message]}
import { readFileSync } from "node:fs";
// PLAYBOOK_CHECK_MODULE: the module to test, by default the source; the tests also run the
// modules the site ships. playbook-detect.js is beside it.
const checker = process.env.PLAYBOOK_CHECK_MODULE ?? new URL("../../site_templates/js/playbook-check.js", import.meta.url).href;
const { check } = await import(checker);
const { detectSituation, detectSituationWithConfidence } = await import(new URL("playbook-detect.js", checker).href);

const [rulesPath, casesPath] = process.argv.slice(2);
const rules = JSON.parse(readFileSync(rulesPath, "utf8"));
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
// translations: the table of the playbook's language for the sentences, as the site passes it.
const messages = cases.translations ?? null;
const findings = cases.replies.map((c) =>
  check(rules, c.text, { ...c, messages }).map(({ start, end, ...finding }) => finding),
);
const situations = cases.messages.map((m) => detectSituation(rules, m.channel, m.text));
const confidences = cases.messages.map((m) => {
  const { situation, confidence } = detectSituationWithConfidence(rules, m.channel, m.text);
  return situation === null ? null : confidence;
});
process.stdout.write(JSON.stringify({ findings, situations, confidences }));
