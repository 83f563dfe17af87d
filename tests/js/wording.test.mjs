// The browser checker's sentences in the page's language: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";

const { check } = await import(
  process.env.PLAYBOOK_CHECK_MODULE ?? new URL("../../site_templates/js/playbook-check.js", import.meta.url).href
);

const late = {
  id: "late",
  kind: "response_time",
  severity: "warning",
  message: "Late.",
  situations: [],
  options: { metric: "first_response", band: "acceptable", seconds: { "*": 3600 } },
  link: "rules/#late",
};
const rules = {
  format: "playbook-rules",
  format_version: "2.0.0",
  situations: [],
  rules: { late },
  channels: [{ id: "chat", rules: ["late"] }],
};
// The entries of it.yml that these sentences use, as the site passes them.
const italian = {
  "sent after {waited}, past the {band} time of {limit}": "inviata dopo {waited}, oltre il tempo {band} di {limit}",
  acceptable: "accettabile",
  "answer sooner": "rispondi prima",
  "duration-h": { one: "{n} ora", other: "{n} ore" },
  "duration-m": { one: "{n} minuto", other: "{n} minuti" },
  "duration-separator": ", ",
  "duration-list": "{first} e {last}",
};

test("without a table the sentences are English, with durations in symbols", () => {
  const [finding] = check(rules, "Hi", { channel: "chat", waited: 5400 });
  assert.equal(finding.message, "Late: sent after 1 h 30 min, past the acceptable time of 1 h.");
  assert.equal(finding.suggestion, "answer sooner");
});

test("with the Italian table, Italian words and plurals", () => {
  const [finding] = check(rules, "Ciao", { channel: "chat", waited: 3 * 3600 + 60, messages: italian });
  assert.equal(finding.message, "Late: inviata dopo 3 ore e 1 minuto, oltre il tempo accettabile di 1 ora.");
  assert.equal(finding.suggestion, "rispondi prima");
});

test("a sentence the table lacks stays English", () => {
  const [finding] = check(rules, "Ciao", { channel: "chat", waited: 7200, messages: { acceptable: "accettabile" } });
  assert.equal(finding.message, "Late: sent after 2 h, past the accettabile time of 1 h.");
});
