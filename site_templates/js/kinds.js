/**
 * The rule kinds: what each makes of its options, and how it reports (Python's
 * generator/kinds/). Part of playbook-check.js.
 */
import { PY_SPACE, isHigh, pyStrip, length } from "./unicode.js";
import { compilePatterns, spans } from "./re2.js";

export const UNITS = { d: 86400, h: 3600, m: 60, s: 1 };
export const SYMBOLS = { d: "d", h: "h", m: "min", s: "s" };
/** 5400 -> "1 h 30 min", as the Python checker writes waits. */
export function describe(seconds) {
  if (seconds === 0) return "0 s";
  const parts = [];
  for (const [unit, size] of Object.entries(UNITS)) {
    const count = Math.floor(seconds / size);
    seconds -= count * size;
    if (count) parts.push(`${count} ${SYMBOLS[unit]}`);
  }
  return parts.join(" ");
}

/** Where a rule is broken; `fix` is the text that replaces the span when that is unambiguous. */
export const hit = (start, end, suggestion = null, message = null, fix = null) => ({ start, end, suggestion, message, fix });
export const PY_SPLIT = new RegExp(`${PY_SPACE}+`, "u");
export const PY_WORD = new RegExp(`(?:(?!${PY_SPACE})[\\s\\S])+`, "gu");
export const SENTENCE_END = new RegExp(`[.!?\u2026]+(?=${PY_SPACE}|$)`, "gu");
export const group = (terms, caseSensitive, exceptions = []) => ({ terms, caseSensitive, exceptions });

/**
 * Per kind: options -> a term kind's { group, report(matches, context) -> hits }, found with
 * the channel's other terms in one pass, or any other kind's { run(nfcText, context) -> hits }.
 */
// Kinds that look at whole conversations, for the audit of logs: they do not check a reply.
export const CONVERSATION_KINDS = new Set(["follow_ups", "handoff", "repeated_reply", "transfers", "unanswered"]);

export const KINDS = {
  banned_term(o) {
    const suggestion = o.replacement ? `write '${o.replacement}' instead` : null;
    return {
      group: group(o.terms, o.case_sensitive, o.exceptions),
      report: (matches) => matches.map((m) => hit(m.start, m.end, suggestion, null, o.replacement || null)),
    };
  },
  preferred_term(o) {
    const suggestion = `write '${o.term}' instead`;
    return {
      group: group(o.instead_of, o.case_sensitive, o.exceptions),
      report: (matches) => matches.map((m) => hit(m.start, m.end, suggestion, null, o.term)),
    };
  },
  register(o) {
    const suggestions = o.markers.map((m) => (m.replacement ? `write '${m.replacement}' instead` : "leave it out"));
    return {
      group: group(o.markers.map((m) => m.term), o.case_sensitive ?? false),
      report: (matches) =>
        matches.map((m) => hit(m.start, m.end, suggestions[m.index])),
    };
  },
  required_phrase(o) {
    const suggestion = `add a phrase such as ${o.phrases.slice(0, 3).map((p) => `'${p}'`).join(", ")}`;
    return { group: group(o.phrases, o.case_sensitive), report: (matches) => (matches.length ? [] : [hit(0, 0, suggestion)]) };
  },
  forbidden_pattern(o) {
    const patterns = compilePatterns(o.patterns, o.case_sensitive);
    const unless = compilePatterns(o.unless, o.case_sensitive);
    return {
      run(text) {
        const hits = [...spans(patterns, text)].map(([s, e]) => hit(s, e, o.suggestion));
        if (hits.length && unless !== null) {
          unless.lastIndex = 0;
          if (unless.test(text)) return [];
        }
        return hits;
      },
    };
  },
  emoji(o) {
    const pattern = compilePatterns([o.pattern], true);
    const message = o.max === 0 ? null : `more than ${o.max} emoji`;
    return {
      run: (text) =>
        /^[\x00-\x7f]*$/.test(text) ? [] : [...spans(pattern, text)].slice(o.max).map(([s, e]) => hit(s, e, null, message)),
    };
  },
  placeholder(o) {
    const pattern = compilePatterns([o.pattern], true);
    const suggestion = "replace it with the customer's details";
    return {
      run: (text) => (text.includes("{") || text.includes("[") ? [...spans(pattern, text)].map(([s, e]) => hit(s, e, suggestion)) : []),
    };
  },
  max_length(o) {
    return { run: (text) => overLength(o, text) };
  },
  response_time(o) {
    return {
      run(text, context) {
        if (context.waited == null || context.metric !== o.metric) return [];
        const limit = o.seconds[context.situation ?? "*"] ?? o.seconds["*"];
        if (limit === undefined || context.waited <= limit) return [];
        const message = `sent after ${describe(context.waited)}, past the ${o.band} time of ${describe(limit)}`;
        return [hit(0, 0, "answer sooner", message)];
      },
    };
  },
};

/** Advance a UTF-16 index by a number of code points. */
export function advance(text, index, count) {
  for (let n = 0; n < count && index < text.length; n++) index += isHigh(text.charCodeAt(index)) ? 2 : 1;
  return index;
}

export function overLength({ characters, words, sentences }, text) {
  const stripped = pyStrip(text);
  const offset = text.length - text.replace(new RegExp(`^${PY_SPACE}+`, "u"), "").length;
  const end = offset + stripped.length;
  const over = (start, count, limit, unit) =>
    hit(start, end, `shorten the reply to at most ${limit} ${unit}`, `${count} ${unit}, over the limit of ${limit}`);
  const hits = [];
  const size = length(stripped);
  if (characters && size > characters) hits.push(over(advance(text, offset, characters), size, characters, "characters"));
  if (words && size > words) {
    const count = stripped ? stripped.split(PY_SPLIT).filter(Boolean).length : 0;
    if (count > words) hits.push(over([...text.matchAll(PY_WORD)][words].index, count, words, "words"));
  }
  if (sentences && [...stripped].filter((c) => ".!?\u2026".includes(c)).length >= sentences) {
    const ends = [...stripped.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
    const count = ends.length + (!ends.length || pyStrip(stripped.slice(ends.at(-1))) ? 1 : 0);
    if (count > sentences) {
      let start = ends[sentences - 1];
      const rest = stripped.slice(start);
      start += rest.length - rest.replace(new RegExp(`^${PY_SPACE}+`, "u"), "").length;
      hits.push(over(offset + start, count, sentences, "sentences"));
    }
  }
  return hits;
}
