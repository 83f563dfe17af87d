// The conformance vectors of tests/conformance/, run against the browser checker:
// node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
// PLAYBOOK_CHECK_MODULE: the module to test, by default the source; the tests also run the
// one module the site ships.
const { check } = await import(
  process.env.PLAYBOOK_CHECK_MODULE ?? new URL("../../site_templates/js/playbook-check.js", import.meta.url).href
);

const folder = new URL("../conformance/", import.meta.url);

function rulesDocument(rules) {
  return {
    format: "playbook-rules",
    format_version: "2.0.0",
    playbook: { company: "Test", language: "en", version: "1", source_hash: "" },
    matching: {},
    situations: ["information", "complaint"].map((s) => ({ id: s, name: s, signals: [s] })),
    rules: Object.fromEntries(rules.map((rule) => [rule.id, rule])),
    channels: [{ id: "test", name: "Test", kind: "live_chat", public: false, rules: rules.map((rule) => rule.id) }],
  };
}

const files = readdirSync(folder).filter((name) => name.endsWith(".json")).sort();

test("every kind has vectors", () => assert.ok(files.length >= 9));

for (const file of files) {
  for (const vector of JSON.parse(readFileSync(new URL(file, folder), "utf8")).cases) {
    // Conversation and log vectors are cases for an audit of conversations, not of a reply.
    if (vector.conversation || vector.conversations) continue;
    test(`${file.replace(".json", "")}: ${vector.name}`, () => {
      const findings = check(rulesDocument(vector.rules), vector.text, {
        channel: "test",
        situation: vector.situation,
        confidence: vector.confidence ?? "given",
        waited: vector.waited,
        metric: vector.metric,
      });
      const actual = findings.map((f) => ({ column: f.column, line: f.line, match: f.match, rule: f.rule }));
      assert.deepEqual(actual, vector.expected);
    });
  }
}
