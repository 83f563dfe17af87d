// What the browser checker says about rules and names it cannot use: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";

const checker = process.env.PLAYBOOK_CHECK_MODULE ?? new URL("../../site_templates/js/playbook-check.js", import.meta.url).href;
const checking = await import(checker);
const { check, translate } = checking;
const { detectSituation } = await import(new URL("playbook-detect.js", checker).href);

const rules = {
  format: "playbook-rules",
  format_version: "2.0.0",
  situations: [{ id: "complaint", name: "Complaint", signals: ["broken"] }],
  rules: {},
  channels: [{ id: "chat", rules: [] }],
};

test("a file of another major version is refused, with the versions read", () => {
  const future = { ...rules, format_version: "3.0.0" };
  assert.throws(() => check(future, "Hi", { channel: "chat" }), { name: "FormatError", message: /3\.0\.0.*2\.x/ });
  assert.throws(() => detectSituation({ format: "other" }, "chat", "Hi"), { name: "FormatError" });
});

test("an unknown channel or situation names those there are", () => {
  assert.throws(() => check(rules, "Hi", { channel: "email" }), { name: "UnknownName", message: /Channels: chat/ });
  assert.throws(() => check(rules, "Hi", { channel: "chat", situation: "x" }), { name: "UnknownName", message: /Situations: complaint/ });
});

test("patterns JavaScript cannot apply are refused, as at validation", () => {
  for (const [pattern, caseSensitive] of [["(?U)a+", false], ["a\\C", false], ["(?i)a", true], ["(?-i:a)", false]]) {
    assert.throws(() => translate(pattern, caseSensitive), { name: "PatternError" }, pattern);
  }
  assert.equal(translate("(?i)a", false), "a");
});

test("a detected situation needs a signal", () => {
  assert.equal(detectSituation(rules, "chat", "The lamp is BROKEN"), "complaint");
  assert.equal(detectSituation(rules, "chat", "Thanks!"), null);
});

test("a language the module cannot stem is a DetectionError; the draft is still checked", () => {
  const german = {
    ...rules,
    format_version: "2.1.0",
    playbook: { language: "de" },
    detection: { language: "de", stemmer: "german", signals: {}, precedence: [], cues: {}, question_openers: [] },
  };
  assert.throws(() => detectSituation(german, "chat", "Die Lampe ist kaputt"), { name: "DetectionError", message: /german/ });
  assert.deepEqual(check(german, "Hi", { channel: "chat" }), []);
});

test("the checker's module carries no detection: that is playbook-detect.js, loaded apart", () => {
  for (const name of ["detectSituation", "compileDetection", "vaderCompound", "DetectionError"]) {
    assert.equal(name in checking, false, name);
  }
});
