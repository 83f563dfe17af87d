/**
 * The rule kinds: what each makes of its options, and how it reports (Python's
 * generator/kinds/). Part of playbook-check.js.
 */
import { PY_SPACE, isHigh, pyStrip, length } from "./unicode.js";
import { compilePatterns, spans, translate } from "./re2.js";
import { TermIndex } from "./terms.js";
import { duration, say } from "./wording.js";

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
    const suggestion = o.replacement ? say("write '{replacement}' instead", { replacement: o.replacement }) : null;
    return {
      group: group(o.terms, o.case_sensitive, o.exceptions),
      report: (matches) => matches.map((m) => hit(m.start, m.end, suggestion, null, o.replacement || null)),
    };
  },
  preferred_term(o) {
    const suggestion = say("write '{term}' instead", { term: o.term });
    return {
      group: group(o.instead_of, o.case_sensitive, o.exceptions),
      report: (matches) => matches.map((m) => hit(m.start, m.end, suggestion, null, o.term)),
    };
  },
  register(o) {
    const suggestions = o.markers.map((m) => (m.replacement ? say("write '{replacement}' instead", { replacement: m.replacement }) : say("leave it out")));
    const markers = new TermIndex([group(o.markers.map((m) => m.term), o.case_sensitive ?? false)]);
    const address = addressForms(o.address ?? null);
    return {
      run(text) {
        const words = markers.find(text)[0].filter((m) => !inAbbreviation(text, m.start, m.end));
        const hits = [...words.map((m) => hit(m.start, m.end, suggestions[m.index])), ...address(text)];
        hits.sort((a, b) => a.start - b.start || b.end - a.end);
        const kept = [];
        for (const h of hits) if (!kept.length || h.start >= kept.at(-1).end) kept.push(h);
        return kept;
      },
    };
  },
  required_phrase(o) {
    const suggestion = say("add a phrase such as {phrases}", { phrases: o.phrases.slice(0, 3).map((p) => `'${p}'`).join(", ") });
    const firstOnly = o.replies === "first";
    return {
      group: group(o.phrases, o.case_sensitive),
      report: (matches, context) =>
        matches.length || (firstOnly && context.metric === "next_response") ? [] : [hit(0, 0, suggestion)],
    };
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
    const message = o.max === 0 ? null : say("more than {limit} emoji", { limit: o.max });
    return {
      run: (text) =>
        /^[\x00-\x7f]*$/.test(text) ? [] : [...spans(pattern, text)].slice(o.max).map(([s, e]) => hit(s, e, null, message)),
    };
  },
  placeholder(o) {
    const pattern = compilePatterns([o.pattern], true);
    const suggestion = say("replace it with the customer's details");
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
        const message = say("sent after {waited}, past the {band} time of {limit}", {
          waited: duration(context.waited),
          band: say(o.band),
          limit: duration(limit),
        });
        return [hit(0, 0, say("answer sooner"), message)];
      },
    };
  },
};

// Where a clause starts: an imperative here cannot be a third person ("Verifica la linea").
const CLAUSE_START = "(?:^|[.!?:;,]\\s*|\\n|\\b(?:e|poi|quindi|ora|pure)\\s+)";

/** A marker that is one letter of an abbreviation: the "U" of "U.S." (Python's register._in_abbreviation). */
function inAbbreviation(text, start, end) {
  return /^\.\p{L}/u.test(text.slice(end, end + 3)) || /\p{L}\.$/u.test(text.slice(Math.max(start - 3, 0), start));
}

/** The forms of the address a channel does not allow (Python's register._address). */
function addressForms(forms) {
  if (!forms) return () => [];
  const words = new TermIndex([group(forms.words, forms.report === "formal")]);
  const starts = forms.clause_start.length
    ? new RegExp(translate(`${CLAUSE_START}(${forms.clause_start.join("|")})\\b`, false), "giud")
    : null;
  const patterns = forms.patterns.map((p) => compilePatterns([p], forms.case_sensitive_patterns ?? false));
  const excluded = new Set(forms.except.map((e) => e.toLowerCase()));
  return (text) => {
    const found = words.find(text)[0].map((m) => [m.start, m.end]);
    if (starts) {
      starts.lastIndex = 0;
      let m;
      while ((m = starts.exec(text)) !== null) {
        found.push(m.indices[1]);
        if (m[0].length === 0) starts.lastIndex += 1;
      }
    }
    for (const pattern of patterns) found.push(...spans(pattern, text));
    return found
      .filter(([s, e]) => !excluded.has(text.slice(s, e).toLowerCase()))
      .map(([s, e]) => hit(s, e, say(forms.suggestion)));
  };
}

/** Advance a UTF-16 index by a number of code points. */
export function advance(text, index, count) {
  for (let n = 0; n < count && index < text.length; n++) index += isHigh(text.charCodeAt(index)) ? 2 : 1;
  return index;
}

const W = "[\\p{L}\\p{N}_]";
const MENTIONS = new RegExp(`^(?:@${W}+${PY_SPACE}*)+`, "u");
const URL = /(?:https?:\/\/|www\.)[^\s]+/gu;
const THREAD = new RegExp(`^\\(?\\p{Nd}{1,2}/\\p{Nd}{1,2}\\)?(?=${PY_SPACE})|(?<=${PY_SPACE})\\(?\\p{Nd}{1,2}/\\p{Nd}{1,2}\\)?$`, "u");
const SIGNATURE = new RegExp(`(?:https?://|www\\.)[^\\s]+|@${W}+|(?<!${W})[\\^*~/-]${PY_SPACE}?${W}+|\\p{Nd}+/\\p{Nd}+`, "gu");
const LETTERS = /\p{L}[\p{L}\p{N}_'\u2019]*/gu;
const WORD_BEFORE = new RegExp(`(${W}+)$`, "u");
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "vs", "no", "nr", "etc", "approx", "ca", "sig", "sigg", "tel"]);
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** (UTF-16 start, weight) of what counts: graphemes, and links at the platform's fixed length. */
function pieces(text, { url_length, leading_mentions }) {
  let start = 0;
  const lead = leading_mentions === false ? MENTIONS.exec(text) : null;
  if (lead) start = lead[0].length;
  const found = [];
  let position = start;
  const links = url_length ? [...text.slice(start).matchAll(URL)].map((m) => [m.index + start, m[0].length]) : [];
  for (const link of [...links, null]) {
    const end = link ? link[0] : text.length;
    for (const g of GRAPHEMES.segment(text.slice(position, end))) found.push([position + g.index, 1]);
    if (link) {
      found.push([link[0], url_length]);
      position = link[0] + link[1];
    }
  }
  return found;
}

const abbreviation = (text, at, punctuation) => {
  const word = punctuation === "." ? WORD_BEFORE.exec(text.slice(Math.max(at - 12, 0), at)) : null;
  if (!word) return false;
  return ([...word[1]].length === 1 && /\p{L}/u.test(word[1])) || ABBREVIATIONS.has(word[1].toLowerCase());
};
const isSentence = (tail) => (tail.replace(SIGNATURE, " ").match(LETTERS) ?? []).length >= 3;

export function overLength({ characters, words, sentences, url_length = null, leading_mentions = true, threads = true }, text) {
  const stripped = pyStrip(text);
  const offset = text.length - text.replace(new RegExp(`^${PY_SPACE}+`, "u"), "").length;
  const end = offset + stripped.length;
  const over = (start, count, limit, unit) =>
    hit(
      start,
      end,
      say("shorten the reply to at most {limit} {unit}", { limit, unit }),
      say("{count} {unit}, over the limit of {limit}", { count, unit, limit }),
    );
  const hits = [];
  if (characters && (length(stripped) > characters || (url_length && /(?:https?:\/\/|www\.)[^\s]+/u.test(stripped)))) {
    let total = 0, at = null;
    for (const [start, weight] of pieces(stripped, { url_length, leading_mentions })) {
      total += weight;
      if (at === null && total > characters) at = start;
    }
    if (at !== null) hits.push(over(offset + at, total, characters, say("characters")));
  }
  const marker = threads === false ? THREAD.exec(stripped) : null;
  if (marker) {
    hits.push(
      hit(
        offset + marker.index,
        offset + marker.index + marker[0].length,
        say("write one reply that fits, or answer in a private message"),
        say("a reply split into a thread, which this channel does not allow"),
      ),
    );
  }
  if (words && length(stripped) > words) {
    const count = stripped ? stripped.split(PY_SPLIT).filter(Boolean).length : 0;
    if (count > words) hits.push(over([...text.matchAll(PY_WORD)][words].index, count, words, say("words")));
  }
  if (sentences && [...stripped].filter((c) => ".!?\u2026".includes(c)).length >= sentences) {
    const ends = [...stripped.matchAll(SENTENCE_END)]
      .filter((m) => !abbreviation(stripped, m.index, m[0]))
      .map((m) => m.index + m[0].length);
    const count = ends.length + (!ends.length || isSentence(stripped.slice(ends.at(-1))) ? 1 : 0);
    if (count > sentences) {
      let start = ends[sentences - 1];
      const rest = stripped.slice(start);
      start += rest.length - rest.replace(new RegExp(`^${PY_SPACE}+`, "u"), "").length;
      hits.push(over(offset + start, count, sentences, say("sentences")));
    }
  }
  return hits;
}
