/**
 * Finding terms as whole words: every term of a channel's rules in one reading of a reply
 * (Python's generator.text.matching). Part of playbook-check.js.
 */
import { WORD_RUNS, isWordAt, before, pyStrip, lastOfSorted } from "./unicode.js";
import { Reading, canonicalTerm } from "./reading.js";

export function leftmostLongest(spans) {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept = [];
  let last = 0;
  for (const span of spans) {
    if (span[0] >= last) {
      kept.push(span);
      last = span[1];
    }
  }
  return kept;
}

/**
 * Every term of some groups (a rule's terms, case sensitivity and exceptions), found in one
 * reading of a reply: every whole-word occurrence of every term, then, per group, the
 * leftmost longest of overlapping ones, less those inside an exception.
 */
export class TermIndex {
  constructor(groups) {
    this.groups = groups;
    this.keys = [new Map(), new Map()]; // [folded, case-sensitive]: key -> [[group, role, index]]
    groups.forEach((group, number) => {
      const keys = this.keys[group.caseSensitive ? 1 : 0];
      for (const [role, terms] of [[0, group.terms], [1, group.exceptions ?? []]]) {
        terms.forEach((term, index) => {
          const key = canonicalTerm(term, group.caseSensitive);
          if (!pyStrip(key)) return;
          if (!keys.has(key)) keys.set(key, []);
          const owners = keys.get(key);
          if (!owners.some(([n, r]) => n === number && r === role)) owners.push([number, role, index]);
        });
      }
    });
    this.hasExceptions = groups.some((g) => (g.exceptions ?? []).length);
    // Most keys start with a word character, so can only match where a word starts: those
    // are looked up by their first two units at each word start; the others are searched.
    this.lookup = this.keys.map((keys) => {
      const starts = new Map(), others = [];
      for (const key of keys.keys()) {
        if (!isWordAt(key, 0)) {
          others.push(key);
          continue;
        }
        const prefix = key.slice(0, 2);
        if (!starts.has(prefix)) starts.set(prefix, []);
        starts.get(prefix).push(key);
      }
      return { starts, others };
    });
  }

  /** Where each key occurs as whole words in a haystack: [start, end, key] in UTF-16 units. */
  occurrences(words, haystack, number) {
    const keys = this.keys[number], { starts, others } = this.lookup[number];
    const found = [];
    const whole = (at, end) => !((at > 0 && isWordAt(words, before(words, at))) || isWordAt(words, end));
    for (const key of others) {
      for (let at = haystack.indexOf(key); at >= 0; at = haystack.indexOf(key, at + 1)) {
        if (whole(at, at + key.length)) found.push([at, at + key.length, keys.get(key)]);
      }
    }
    if (starts.size) {
      WORD_RUNS.lastIndex = 0;
      for (let m = WORD_RUNS.exec(words); m !== null; m = WORD_RUNS.exec(words)) {
        const at = m.index, two = haystack.slice(at, at + 2);
        for (const bucket of [starts.get(two), two.length === 2 ? starts.get(two[0]) : undefined]) {
          if (bucket === undefined) continue;
          for (const key of bucket) {
            if (haystack.startsWith(key, at) && whole(at, at + key.length)) found.push([at, at + key.length, keys.get(key)]);
          }
        }
      }
    }
    return found;
  }

  /** For each group, its matches: {start, end, index}, UTF-16 indexes of the text as typed. */
  find(text) {
    const reading = text instanceof Reading ? text : new Reading(text);
    const found = this.groups.map(() => []);
    const excepted = this.groups.map(() => []);
    const words = reading.canonical;
    this.keys.forEach((keys, caseSensitive) => {
      if (!keys.size) return;
      const haystack = caseSensitive ? words : reading.folded;
      for (const [at, end, owners] of this.occurrences(words, haystack, caseSensitive)) {
        for (const [number, role, index] of owners) (role === 0 ? found : excepted)[number].push([at, end, index]);
      }
    });
    return found.map((spans, number) => {
      if (!spans.length) return [];
      let kept = leftmostLongest(spans);
      if (this.hasExceptions && excepted[number].length) {
        const allowed = leftmostLongest(excepted[number]);
        const starts = allowed.map((a) => a[0]);
        kept = kept.filter(([s, e]) => {
          const i = lastOfSorted(starts, s);
          return !(i >= 0 && e <= allowed[i][1]);
        });
      }
      return kept.map(([s, e, index]) => {
        const [start, end] = reading.span(s, e);
        return { start, end, index };
      });
    });
  }
}
