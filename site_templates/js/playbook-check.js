/**
 * playbook-check.js: the playbook's checker for browsers and Node, with no dependencies.
 *
 * It reads the exported rules (rules.json, format 2; format 1's inline rules are read too)
 * and gives the findings `playbook check --format json` gives: same rules, spans, messages,
 * suggestions and links. Positions count the reply as typed, in Unicode code points, as
 * Python does: `offset` is the code points before the span, `line` is 1 plus the "\n"
 * before it, `column` 1 plus the code points since the line's start. JavaScript strings
 * count UTF-16 units, so a character outside the Basic Multilingual Plane (an emoji) is one
 * code point but two units: the module works in units and converts at the end; `start` and
 * `end` give the span in units, for highlighting. Patterns are RE2 syntax, translated to
 * JavaScript (see `translate`).
 *
 *   import { check } from "./playbook-check.js";
 *   const findings = check(rules, draft, { channel: "whatsapp", situation });
 *
 * Detecting the situation of a customer's message needs stemmers and sentiment lexicons, most
 * of the weight: they are in playbook-detect.js, a module of its own that a page loads only
 * when a message is to be detected (`detectSituation` there).
 */

import { SEVERITY_ORDER, length, byCodePoint, lastOfSorted } from "./unicode.js";
import { Reading } from "./reading.js";
import { TermIndex } from "./terms.js";
import { PatternError } from "./re2.js";
import { CONVERSATION_KINDS, KINDS } from "./kinds.js";
import { render } from "./wording.js";

export { fold, pyStrip } from "./unicode.js";
export { Reading, canonicalTerm } from "./reading.js";
export { TermIndex } from "./terms.js";
export { PatternError, compilePatterns, translate } from "./re2.js";
export { describe } from "./kinds.js";

// ---------------------------------------------------------------- format access
export class FormatError extends Error {
  name = "FormatError";
}

/** The major versions of rules.json this module reads: 1 (rules inline) and 2 (by key). */
const MAJORS = ["1", "2"];

function supported(rules) {
  const major = String(rules?.format_version ?? "").split(".")[0];
  if (rules?.format !== "playbook-rules" || !MAJORS.includes(major)) {
    throw new FormatError(
      `not a rules file this checker reads: format ${rules?.format} ${rules?.format_version}; it reads playbook-rules ${MAJORS.join(".x, ")}.x`,
    );
  }
}

/** The rules that apply on a channel, in order. Format 2: channels list keys into `rules`. */
export function channelRules(rules, channel) {
  supported(rules);
  const found = rules.channels.find((c) => c.id === channel);
  if (!found) {
    throw new UnknownName(`there is no channel '${channel}'. Channels: ${rules.channels.map((c) => c.id).join(", ")}.`);
  }
  return found.rules.map((key) => (typeof key === "string" ? rules.rules[key] : key));
}

/** The situations with the signals that detect them, in precedence order. */
export function situations(rules) {
  return rules.situations.map((s) => ({ id: s.id, name: s.name, signals: s.signals }));
}

export class UnknownName extends Error {
  name = "UnknownName";
}

const compiled = new WeakMap(); // rules document -> { kinds, channels }

function plan(rules, channel) {
  let cache = compiled.get(rules);
  if (!cache) compiled.set(rules, (cache = { kinds: new Map(), channels: new Map() }));
  let entries = cache.channels.get(channel);
  if (!entries) {
    entries = channelRules(rules, channel).filter((rule) => !CONVERSATION_KINDS.has(rule.kind)).map((rule) => {
      // A rule shared by channels compiles once.
      if (!cache.kinds.has(rule)) {
        const kind = KINDS[rule.kind];
        if (!kind) throw new PatternError(`the rule kind '${rule.kind}' is unknown to this checker`);
        cache.kinds.set(rule, kind(rule.options));
      }
      return { rule, ...cache.kinds.get(rule) };
    });
    // One index of the channel's terms per situation, as the rules that apply differ.
    entries.indexes = new Map();
    cache.channels.set(channel, entries);
  }
  return entries;
}

function termIndex(entries, situation, confidence) {
  const key = `${situation}\n${confidence}`;
  if (!entries.indexes.has(key)) {
    const terms = entries.filter((e) => e.group && applies(e.rule, situation, confidence));
    entries.indexes.set(key, { terms, index: new TermIndex(terms.map((e) => e.group)) });
  }
  return entries.indexes.get(key);
}

/** The replacement, capitalised when the text it replaces starts with a capital (Python's
 * generator.text.fixes.keep_first_letter_case). */
function keepFirstLetterCase(found, replacement) {
  const [first] = found, [initial] = replacement;
  if (first && /\p{Uppercase}/u.test(first) && initial && /\p{Lowercase}/u.test(initial)) {
    return initial.toUpperCase() + replacement.slice(initial.length);
  }
  return replacement;
}

// A detected situation applies a scoped rule only from the rule's situation_confidence on
// (exports before 2.2 have none: any detection applied); a given one always does.
const CONFIDENCE_RANK = { weak: 0, strong: 1, given: 2 };
const applies = (rule, situation, confidence) =>
  !rule.situations.length || (rule.situations.includes(situation) && CONFIDENCE_RANK[confidence] >= CONFIDENCE_RANK[rule.situation_confidence ?? "weak"]);

/** Code-point positions of UTF-16 indexes of the typed text, as the Python checker counts. */
function positions(text) {
  const astral = /[\ud800-\udbff]/.test(text);
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const points = (index) => (astral ? length(text.slice(0, index)) : index);
  return (index) => {
    const line = lastOfSorted(lineStarts, index);
    const place = { line: line + 1, column: points(index) - points(lineStarts[line]) + 1, offset: points(index) };
    return { ...place, position: { ...place } };
  };
}

/**
 * The findings of a reply on a channel, sorted as the Python checker sorts them. Options:
 * channel (required), situation (null for none), confidence ("given" by default; "weak" or
 * "strong" for a detected situation, see detectSituationWithConfidence in
 * playbook-detect.js), waited (seconds), metric ("first_response"), baseUrl (prefixed to
 * links), messages (the translation table of the playbook's language, for the sentences: see
 * wording.js; English without it). Positions count the reply as typed.
 * Each finding also has `start` and `end`, UTF-16 indexes into the reply as typed, for
 * highlighting. `fix` is, as in `playbook check --fix`, the replacement of an unambiguous fix
 * (a banned term's replacement, a preferred term), capitalised like the text it replaces:
 * {start, end: {line, column, offset}, text}, or null.
 */
export function check(rules, text, { channel, situation = null, confidence = "given", waited = null, metric = "first_response", baseUrl = "", messages = null } = {}) {
  const entries = plan(rules, channel);
  if (situation !== null && !rules.situations.some((s) => s.id === situation)) {
    throw new UnknownName(`there is no situation '${situation}'. Situations: ${rules.situations.map((s) => s.id).join(", ")}.`);
  }
  const reading = new Reading(text);
  const context = { situation, waited, metric };
  const hits = [];
  const { terms, index } = termIndex(entries, situation, confidence);
  if (terms.length) {
    const found = index.find(reading);
    terms.forEach((entry, number) => {
      for (const h of entry.report(found[number], context)) hits.push([entry.rule, h]);
    });
  }
  for (const entry of entries) {
    if (entry.run && applies(entry.rule, situation, confidence)) {
      for (const h of entry.run(reading.nfc, context)) {
        const [start, end] = reading.nfcSpan(h.start, h.end);
        hits.push([entry.rule, { ...h, start, end }]);
      }
    }
  }
  const where = hits.length ? positions(text) : null;
  const findings = hits.map(([rule, h]) => {
    const from = where(h.start), to = where(h.end);
    const match = text.slice(h.start, h.end);
    const message = rule.message.split("{match}").join(match);
    return {
      rule: rule.id,
      kind: rule.kind,
      severity: rule.severity,
      message: h.message ? `${message.replace(/\.+$/, "")}: ${render(h.message, messages)}.` : message,
      line: from.line,
      column: from.column,
      end_line: to.line,
      end_column: to.column,
      offset: from.offset,
      match,
      suggestion: render(h.suggestion ?? null, messages),
      link: baseUrl + rule.link,
      fix: h.fix ? { start: from.position, end: to.position, text: keepFirstLetterCase(match, h.fix) } : null,
      start: h.start,
      end: h.end,
    };
  });
  return findings.sort(
    (a, b) => a.offset - b.offset || SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || byCodePoint(a.rule, b.rule),
  );
}
