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
 *   import { check, detectSituation } from "./playbook-check.js";
 *   const situation = detectSituation(rules, "whatsapp", customerMessage);
 *   const findings = check(rules, draft, { channel: "whatsapp", situation });
 */

const APOSTROPHES = "'\u2019\u02bc";
const SEVERITY_ORDER = { suggestion: 0, warning: 1, error: 2 };
// Python's \s and str.strip() are Unicode (str.isspace); RE2's \s is ASCII (see translate).
const PY_SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const PY_SPACE_RUNS = new RegExp(`${PY_SPACE}{2,}`, "gu");
const PY_SPACE_ONE = new RegExp(PY_SPACE, "gu");
const PY_EDGES = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, "gu");
const APOSTROPHE_OTHERS = /[\u2019\u02bc]/g;
const NON_ASCII = /[^\x00-\x7f]+/g;
const ASCII_WORD = "[0-9A-Za-z_]";
const WORD = /^[\p{L}\p{N}_]$/u;
const WORD_RUNS = /[\p{L}\p{N}_]+/gu;
const SYNTAX = new Set("^$\\.*+?()[]{}|/");

// Tables from Python's unicodedata (Unicode 14), made by tests/js/unicode_tables.py:
// where Python's letter-for-letter case folding differs from toLowerCase(), and the ranges
// of code points with a combining class other than 0.
const FOLD_TABLE = {"181":"μ","304":"İ","383":"s","837":"ι","962":"σ","976":"β","977":"θ","981":"φ","982":"π","1008":"κ","1009":"ρ","1013":"ε","5024":"Ꭰ","5025":"Ꭱ","5026":"Ꭲ","5027":"Ꭳ","5028":"Ꭴ","5029":"Ꭵ","5030":"Ꭶ","5031":"Ꭷ","5032":"Ꭸ","5033":"Ꭹ","5034":"Ꭺ","5035":"Ꭻ","5036":"Ꭼ","5037":"Ꭽ","5038":"Ꭾ","5039":"Ꭿ","5040":"Ꮀ","5041":"Ꮁ","5042":"Ꮂ","5043":"Ꮃ","5044":"Ꮄ","5045":"Ꮅ","5046":"Ꮆ","5047":"Ꮇ","5048":"Ꮈ","5049":"Ꮉ","5050":"Ꮊ","5051":"Ꮋ","5052":"Ꮌ","5053":"Ꮍ","5054":"Ꮎ","5055":"Ꮏ","5056":"Ꮐ","5057":"Ꮑ","5058":"Ꮒ","5059":"Ꮓ","5060":"Ꮔ","5061":"Ꮕ","5062":"Ꮖ","5063":"Ꮗ","5064":"Ꮘ","5065":"Ꮙ","5066":"Ꮚ","5067":"Ꮛ","5068":"Ꮜ","5069":"Ꮝ","5070":"Ꮞ","5071":"Ꮟ","5072":"Ꮠ","5073":"Ꮡ","5074":"Ꮢ","5075":"Ꮣ","5076":"Ꮤ","5077":"Ꮥ","5078":"Ꮦ","5079":"Ꮧ","5080":"Ꮨ","5081":"Ꮩ","5082":"Ꮪ","5083":"Ꮫ","5084":"Ꮬ","5085":"Ꮭ","5086":"Ꮮ","5087":"Ꮯ","5088":"Ꮰ","5089":"Ꮱ","5090":"Ꮲ","5091":"Ꮳ","5092":"Ꮴ","5093":"Ꮵ","5094":"Ꮶ","5095":"Ꮷ","5096":"Ꮸ","5097":"Ꮹ","5098":"Ꮺ","5099":"Ꮻ","5100":"Ꮼ","5101":"Ꮽ","5102":"Ꮾ","5103":"Ꮿ","5104":"Ᏸ","5105":"Ᏹ","5106":"Ᏺ","5107":"Ᏻ","5108":"Ᏼ","5109":"Ᏽ","5112":"Ᏸ","5113":"Ᏹ","5114":"Ᏺ","5115":"Ᏻ","5116":"Ᏼ","5117":"Ᏽ","7296":"в","7297":"д","7298":"о","7299":"с","7300":"т","7301":"т","7302":"ъ","7303":"ѣ","7304":"ꙋ","7835":"ṡ","8126":"ι","43888":"Ꭰ","43889":"Ꭱ","43890":"Ꭲ","43891":"Ꭳ","43892":"Ꭴ","43893":"Ꭵ","43894":"Ꭶ","43895":"Ꭷ","43896":"Ꭸ","43897":"Ꭹ","43898":"Ꭺ","43899":"Ꭻ","43900":"Ꭼ","43901":"Ꭽ","43902":"Ꭾ","43903":"Ꭿ","43904":"Ꮀ","43905":"Ꮁ","43906":"Ꮂ","43907":"Ꮃ","43908":"Ꮄ","43909":"Ꮅ","43910":"Ꮆ","43911":"Ꮇ","43912":"Ꮈ","43913":"Ꮉ","43914":"Ꮊ","43915":"Ꮋ","43916":"Ꮌ","43917":"Ꮍ","43918":"Ꮎ","43919":"Ꮏ","43920":"Ꮐ","43921":"Ꮑ","43922":"Ꮒ","43923":"Ꮓ","43924":"Ꮔ","43925":"Ꮕ","43926":"Ꮖ","43927":"Ꮗ","43928":"Ꮘ","43929":"Ꮙ","43930":"Ꮚ","43931":"Ꮛ","43932":"Ꮜ","43933":"Ꮝ","43934":"Ꮞ","43935":"Ꮟ","43936":"Ꮠ","43937":"Ꮡ","43938":"Ꮢ","43939":"Ꮣ","43940":"Ꮤ","43941":"Ꮥ","43942":"Ꮦ","43943":"Ꮧ","43944":"Ꮨ","43945":"Ꮩ","43946":"Ꮪ","43947":"Ꮫ","43948":"Ꮬ","43949":"Ꮭ","43950":"Ꮮ","43951":"Ꮯ","43952":"Ꮰ","43953":"Ꮱ","43954":"Ꮲ","43955":"Ꮳ","43956":"Ꮴ","43957":"Ꮵ","43958":"Ꮶ","43959":"Ꮷ","43960":"Ꮸ","43961":"Ꮹ","43962":"Ꮺ","43963":"Ꮻ","43964":"Ꮼ","43965":"Ꮽ","43966":"Ꮾ","43967":"Ꮿ"};
const COMBINING_RANGES = [0x300,0x34e,0x350,0x36f,0x483,0x487,0x591,0x5bd,0x5bf,0x5bf,0x5c1,0x5c2,0x5c4,0x5c5,0x5c7,0x5c7,0x610,0x61a,0x64b,0x65f,0x670,0x670,0x6d6,0x6dc,0x6df,0x6e4,0x6e7,0x6e8,0x6ea,0x6ed,0x711,0x711,0x730,0x74a,0x7eb,0x7f3,0x7fd,0x7fd,0x816,0x819,0x81b,0x823,0x825,0x827,0x829,0x82d,0x859,0x85b,0x898,0x89f,0x8ca,0x8e1,0x8e3,0x8ff,0x93c,0x93c,0x94d,0x94d,0x951,0x954,0x9bc,0x9bc,0x9cd,0x9cd,0x9fe,0x9fe,0xa3c,0xa3c,0xa4d,0xa4d,0xabc,0xabc,0xacd,0xacd,0xb3c,0xb3c,0xb4d,0xb4d,0xbcd,0xbcd,0xc3c,0xc3c,0xc4d,0xc4d,0xc55,0xc56,0xcbc,0xcbc,0xccd,0xccd,0xd3b,0xd3c,0xd4d,0xd4d,0xdca,0xdca,0xe38,0xe3a,0xe48,0xe4b,0xeb8,0xeba,0xec8,0xecb,0xf18,0xf19,0xf35,0xf35,0xf37,0xf37,0xf39,0xf39,0xf71,0xf72,0xf74,0xf74,0xf7a,0xf7d,0xf80,0xf80,0xf82,0xf84,0xf86,0xf87,0xfc6,0xfc6,0x1037,0x1037,0x1039,0x103a,0x108d,0x108d,0x135d,0x135f,0x1714,0x1715,0x1734,0x1734,0x17d2,0x17d2,0x17dd,0x17dd,0x18a9,0x18a9,0x1939,0x193b,0x1a17,0x1a18,0x1a60,0x1a60,0x1a75,0x1a7c,0x1a7f,0x1a7f,0x1ab0,0x1abd,0x1abf,0x1ace,0x1b34,0x1b34,0x1b44,0x1b44,0x1b6b,0x1b73,0x1baa,0x1bab,0x1be6,0x1be6,0x1bf2,0x1bf3,0x1c37,0x1c37,0x1cd0,0x1cd2,0x1cd4,0x1ce0,0x1ce2,0x1ce8,0x1ced,0x1ced,0x1cf4,0x1cf4,0x1cf8,0x1cf9,0x1dc0,0x1dff,0x20d0,0x20dc,0x20e1,0x20e1,0x20e5,0x20f0,0x2cef,0x2cf1,0x2d7f,0x2d7f,0x2de0,0x2dff,0x302a,0x302f,0x3099,0x309a,0xa66f,0xa66f,0xa674,0xa67d,0xa69e,0xa69f,0xa6f0,0xa6f1,0xa806,0xa806,0xa82c,0xa82c,0xa8c4,0xa8c4,0xa8e0,0xa8f1,0xa92b,0xa92d,0xa953,0xa953,0xa9b3,0xa9b3,0xa9c0,0xa9c0,0xaab0,0xaab0,0xaab2,0xaab4,0xaab7,0xaab8,0xaabe,0xaabf,0xaac1,0xaac1,0xaaf6,0xaaf6,0xabed,0xabed,0xfb1e,0xfb1e,0xfe20,0xfe2f,0x101fd,0x101fd,0x102e0,0x102e0,0x10376,0x1037a,0x10a0d,0x10a0d,0x10a0f,0x10a0f,0x10a38,0x10a3a,0x10a3f,0x10a3f,0x10ae5,0x10ae6,0x10d24,0x10d27,0x10eab,0x10eac,0x10f46,0x10f50,0x10f82,0x10f85,0x11046,0x11046,0x11070,0x11070,0x1107f,0x1107f,0x110b9,0x110ba,0x11100,0x11102,0x11133,0x11134,0x11173,0x11173,0x111c0,0x111c0,0x111ca,0x111ca,0x11235,0x11236,0x112e9,0x112ea,0x1133b,0x1133c,0x1134d,0x1134d,0x11366,0x1136c,0x11370,0x11374,0x11442,0x11442,0x11446,0x11446,0x1145e,0x1145e,0x114c2,0x114c3,0x115bf,0x115c0,0x1163f,0x1163f,0x116b6,0x116b7,0x1172b,0x1172b,0x11839,0x1183a,0x1193d,0x1193e,0x11943,0x11943,0x119e0,0x119e0,0x11a34,0x11a34,0x11a47,0x11a47,0x11a99,0x11a99,0x11c3f,0x11c3f,0x11d42,0x11d42,0x11d44,0x11d45,0x11d97,0x11d97,0x16af0,0x16af4,0x16b30,0x16b36,0x16ff0,0x16ff1,0x1bc9e,0x1bc9e,0x1d165,0x1d169,0x1d16d,0x1d172,0x1d17b,0x1d182,0x1d185,0x1d18b,0x1d1aa,0x1d1ad,0x1d242,0x1d244,0x1e000,0x1e006,0x1e008,0x1e018,0x1e01b,0x1e021,0x1e023,0x1e024,0x1e026,0x1e02a,0x1e130,0x1e136,0x1e2ae,0x1e2ae,0x1e2ec,0x1e2ef,0x1e8d0,0x1e8d6,0x1e944,0x1e94a];
const FOLD = new Map(Object.entries(FOLD_TABLE).map(([k, v]) => [Number(k), v]));

/** Python's case folding letter for letter (generator.text.reading.fold): "ẞ" -> "ß". */
export function fold(text) {
  let out = "";
  for (const char of text) out += FOLD.get(char.codePointAt(0)) ?? char.toLowerCase();
  return out;
}

function combining(code) {
  let lo = 0, hi = COMBINING_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code < COMBINING_RANGES[2 * mid]) hi = mid - 1;
    else if (code > COMBINING_RANGES[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const isHigh = (unit) => unit >= 0xd800 && unit <= 0xdbff;
const isWordAt = (text, index) => index >= 0 && index < text.length && WORD.test(String.fromCodePoint(text.codePointAt(index)));
/** The UTF-16 index of the code point that ends right before `index`. */
const before = (text, index) => (index >= 2 && isHigh(text.charCodeAt(index - 2)) && !isHigh(text.charCodeAt(index - 1)) ? index - 2 : index - 1);
export const pyStrip = (text) => text.replace(PY_EDGES, "");
/** Length in code points, as Python counts. */
const length = (text) => {
  let count = text.length;
  for (let i = 0; i < text.length; i++) if (isHigh(text.charCodeAt(i))) count--;
  return count;
};
const byCodePoint = (a, b) => {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
  }
  return x.length - y.length;
};
const lastOfSorted = (starts, value) => {
  // The index of the last start <= value (bisect_right - 1), -1 for none.
  let lo = 0, hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
};

/** A text split where NFC of the whole is the NFC of the parts joined (Python's _clusters). */
function clusters(piece) {
  const bounds = [0];
  let at = 0;
  for (const char of piece) {
    if (at > 0 && !combining(char.codePointAt(0))) bounds.push(at);
    at += char.length;
  }
  bounds.push(piece.length);
  const merged = [[bounds[0], bounds[1]]];
  for (let i = 1; i + 1 < bounds.length; i++) {
    const [begin, end] = [bounds[i], bounds[i + 1]];
    const first = merged.at(-1)[0];
    const joined = piece.slice(first, end).normalize("NFC");
    const apart = piece.slice(first, begin).normalize("NFC") + piece.slice(begin, end).normalize("NFC");
    if (joined === apart) merged.push([begin, end]);
    else merged.at(-1)[1] = end;
  }
  return merged;
}

/**
 * A reply as the rules read it (Python's generator.text.reading.Reading): its normal form C,
 * its canonical form (white space runs as one space, ’ and ʼ as ') and its folded form, with
 * the way back from each to the text as typed. Offsets here are UTF-16 indexes.
 */
export class Reading {
  constructor(text) {
    this.text = text;
    this.pieces = []; // changed pieces: [nfc start, nfc end, typed start, typed end]
    this.nfc = text === text.normalize("NFC") ? text : this.normalise(text);
    this.pieceStarts = this.pieces.map((p) => p[0]);
    this.runs = []; // runs of 2+ spaces: [canonical position, nfc start, nfc end]
    let removed = 0;
    for (const run of this.nfc.matchAll(PY_SPACE_RUNS)) {
      this.runs.push([run.index - removed, run.index, run.index + run[0].length]);
      removed += run[0].length - 1;
    }
    this.runStarts = this.runs.map((r) => r[0]);
    const spaced = this.runs.length ? this.nfc.replace(PY_SPACE_RUNS, " ") : this.nfc;
    this.canonical = spaced.replace(PY_SPACE_ONE, " ").replace(APOSTROPHE_OTHERS, "'");
    this._folded = null;
  }

  get folded() {
    return (this._folded ??= fold(this.canonical));
  }

  normalise(text) {
    const out = [];
    let typedAt = 0, nfcAt = 0;
    for (const run of text.matchAll(NON_ASCII)) {
      const start = Math.max(run.index - 1, typedAt);
      const end = run.index + run[0].length;
      const piece = text.slice(start, end);
      if (piece === piece.normalize("NFC")) continue;
      out.push(text.slice(typedAt, start));
      nfcAt += start - typedAt;
      for (const [begin, stop] of clusters(piece)) {
        const part = piece.slice(begin, stop), normal = part.normalize("NFC");
        if (normal !== part) this.pieces.push([nfcAt, nfcAt + normal.length, start + begin, start + stop]);
        out.push(normal);
        nfcAt += normal.length;
      }
      typedAt = end;
    }
    out.push(text.slice(typedAt));
    return out.join("");
  }

  /** The typed span of a span of the NFC text. */
  nfcSpan(start, end) {
    if (!this.pieces.length) return [start, end];
    const typedStart = this.typed(start, false);
    return [typedStart, end > start ? this.typed(end, true) : typedStart];
  }

  typed(offset, isEnd) {
    const index = lastOfSorted(this.pieceStarts, isEnd ? offset - 1 : offset);
    if (index < 0) return offset;
    const [nfcStart, nfcEnd, typedStart, typedEnd] = this.pieces[index];
    if (offset < nfcEnd || (isEnd && offset === nfcEnd)) return isEnd ? typedEnd : typedStart;
    return typedEnd + offset - nfcEnd;
  }

  /** The typed span of a span of the canonical text. */
  span(start, end) {
    const nfcStart = this.nfcOffset(start, false);
    return this.nfcSpan(nfcStart, end > start ? this.nfcOffset(end, true) : nfcStart);
  }

  nfcOffset(offset, isEnd) {
    if (!this.runs.length) return offset;
    const index = lastOfSorted(this.runStarts, isEnd ? offset - 1 : offset);
    if (index < 0) return offset;
    const [position, nfcStart, nfcEnd] = this.runs[index];
    if (!isEnd && offset === position) return nfcStart;
    return nfcEnd + offset - position - 1;
  }
}

/** A term in the form it is looked for in a reply's canonical (or folded) text. */
export function canonicalTerm(term, caseSensitive) {
  const reading = new Reading(pyStrip(term));
  return caseSensitive ? reading.canonical : reading.folded;
}

// ---------------------------------------------------------------- format access

/** The rules that apply on a channel, in order. Format 2: channels list keys into `rules`. */
export function channelRules(rules, channel) {
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

export class UnknownName extends Error {}

// ---------------------------------------------------------------- terms

function leftmostLongest(spans) {
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

// ---------------------------------------------------------------- RE2 patterns

export class PatternError extends Error {}

const CLASS_ESCAPES = { d: "0-9", w: "0-9A-Za-z_", s: "\\t\\n\\f\\r " };
const POSIX = {
  alnum: "0-9A-Za-z", alpha: "A-Za-z", ascii: "\\x00-\\x7f", blank: "\\t ", cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9", graph: "!-~", lower: "a-z", print: " -~", punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ", upper: "A-Z", word: "0-9A-Za-z_", xdigit: "0-9A-Fa-f",
};
const CATEGORIES = /^(?:L[ultmo&]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?)$/;
const BOUNDARY = `(?:(?<=${ASCII_WORD})(?!${ASCII_WORD})|(?<!${ASCII_WORD})(?=${ASCII_WORD}))`;
const NOT_BOUNDARY = `(?:(?<=${ASCII_WORD})(?=${ASCII_WORD})|(?<!${ASCII_WORD})(?!${ASCII_WORD}))`;

function property(pattern, i, negated) {
  // \pL or \p{Name}, \p{^Name}; i points after the p or P.
  let name;
  if (pattern[i] === "{") {
    const close = pattern.indexOf("}", i);
    if (close < 0) throw new PatternError("an unclosed \\p{...}");
    name = pattern.slice(i + 1, close);
    i = close + 1;
  } else {
    name = pattern[i];
    i += 1;
  }
  if (name.startsWith("^")) [name, negated] = [name.slice(1), !negated];
  const letter = negated ? "P" : "p";
  if (name === "Any") return [negated ? "[^\\s\\S]" : "[\\s\\S]", i];
  const body = CATEGORIES.test(name) ? name.replace("L&", "LC") : `Script=${name}`;
  return [`\\${letter}{${body}}`, i];
}

function hex(pattern, i) {
  // \xHH or \x{H...}; i points after the x.
  if (pattern[i] === "{") {
    const close = pattern.indexOf("}", i);
    return [`\\u{${pattern.slice(i + 1, close)}}`, close + 1];
  }
  return [`\\x${pattern.slice(i, i + 2)}`, i + 2];
}

function octal(pattern, i) {
  // \0, \012, \12...: up to three octal digits; i points at the first.
  let end = i + 1;
  while (end < pattern.length && end < i + 3 && /[0-7]/.test(pattern[end])) end++;
  if (pattern[i] !== "0" && end === i + 1) throw new PatternError(`\\${pattern[i]} is a backreference, which RE2 refuses`);
  return [`\\u{${parseInt(pattern.slice(i, end), 8).toString(16)}}`, end];
}

/** An escape inside a class: [piece, next index, negated set or null]; i points after the \. */
function classEscape(pattern, i) {
  const c = pattern[i];
  if (c in CLASS_ESCAPES) return [CLASS_ESCAPES[c], i + 1, null];
  if ("DWS".includes(c)) return ["", i + 1, CLASS_ESCAPES[c.toLowerCase()]];
  if (c === "p" || c === "P") return [...property(pattern, i + 1, c === "P"), null];
  if (c === "x") return [...hex(pattern, i + 1), null];
  if (/[0-7]/.test(c)) return [...octal(pattern, i), null];
  if ("ntrfv".includes(c)) return [`\\${c}`, i + 1, null];
  if (c === "a") return ["\\x07", i + 1, null];
  if (/[0-9A-Za-z]/.test(c)) throw new PatternError(`\\${c} has no JavaScript equivalent`);
  return [SYNTAX.has(c) || c === "-" ? `\\${c}` : c, i + 1, null];
}

function translateClass(pattern, i) {
  // i points after the [; returns the class and the index after its ]. Negated sets inside
  // ([\S], [[:^alpha:]]) have no place in a JavaScript class: they become alternatives.
  let positive = "", negated = false;
  const complements = [];
  if (pattern[i] === "^") [negated, i] = [true, i + 1];
  if (pattern[i] === "]") [positive, i] = ["\\]", i + 1];
  while (i < pattern.length && pattern[i] !== "]") {
    if (pattern.startsWith("[:", i)) {
      const close = pattern.indexOf(":]", i + 2);
      let name = close < 0 ? "" : pattern.slice(i + 2, close);
      const not = name.startsWith("^");
      if (not) name = name.slice(1);
      if (!(name in POSIX)) throw new PatternError(`[:${name}:] is not a POSIX class`);
      if (not) complements.push(POSIX[name]);
      else positive += POSIX[name];
      i = close + 2;
    } else if (pattern[i] === "\\") {
      const [piece, next, complement] = classEscape(pattern, i + 1);
      if (complement !== null) complements.push(complement);
      positive += piece;
      i = next;
    } else {
      const char = String.fromCodePoint(pattern.codePointAt(i));
      positive += char === "[" ? "\\[" : char;
      i += char.length;
    }
  }
  if (i >= pattern.length) throw new PatternError("an unclosed [");
  if (!complements.length) return [`[${negated ? "^" : ""}${positive}]`, i + 1];
  if (!negated) {
    const options = [...(positive ? [`[${positive}]`] : []), ...complements.map((set) => `[^${set}]`)];
    return [`(?:${options.join("|")})`, i + 1];
  }
  // Neither a positive member nor outside any complement: inside every complemented set.
  const ahead = [...(positive ? [`(?![${positive}])`] : []), ...complements.slice(1).map((set) => `(?=[${set}])`)];
  return [`(?:${ahead.join("")}[${complements[0]}])`, i + 1];
}

/**
 * An RE2 pattern as JavaScript source for the u flag (with i unless case-sensitive).
 * Translated: \A \z \Q..\E \x{...} octal escapes, \pL \p{Greek} \p{^Greek}, POSIX
 * classes ([[:alpha:]], [[:^alpha:]]), negated escapes inside classes ([^\S,]), (?P<name>),
 * (?s) (?m) (?-s) anywhere, a { that is not a repetition, and ., ^, $, \s, \d, \w, \b with
 * RE2's meaning (. stops only at \n; \s \d \w \b are ASCII). Refused, as at validation
 * (PatternError): (?i) or (?-i) that turns on or off what case_sensitive says (JavaScript
 * has one case rule per expression), (?U), \C, and what RE2 itself refuses.
 */
export function translate(pattern, caseSensitive) {
  let out = "", i = 0;
  const flags = [{ s: false, m: false }];
  const setFlags = (letters) => {
    let on = true;
    const top = { ...flags.at(-1) };
    for (const f of letters) {
      if (f === "-") on = false;
      else if (f === "s" || f === "m") top[f] = on;
      else if (f === "i") {
        if (on === caseSensitive) throw new PatternError("(?i) and (?-i) inside a pattern have no JavaScript equivalent: use case_sensitive");
      } else throw new PatternError(`the flag ${f} has no JavaScript equivalent`);
    }
    return top;
  };
  while (i < pattern.length) {
    const c = pattern[i];
    const { s, m } = flags.at(-1);
    if (c === "\\") {
      const e = pattern[i + 1];
      i += 2;
      if (e === undefined) throw new PatternError("a trailing \\");
      if (e in CLASS_ESCAPES) out += `[${CLASS_ESCAPES[e]}]`;
      else if ("DWS".includes(e)) out += `[^${CLASS_ESCAPES[e.toLowerCase()]}]`;
      else if (e === "b") out += BOUNDARY;
      else if (e === "B") out += NOT_BOUNDARY;
      else if (e === "A") out += "(?<![\\s\\S])";
      else if (e === "z") out += "(?![\\s\\S])";
      else if (e === "Q") {
        const close = pattern.indexOf("\\E", i);
        const literal = close < 0 ? pattern.slice(i) : pattern.slice(i, close);
        out += [...literal].map((ch) => (SYNTAX.has(ch) ? `\\${ch}` : ch)).join("");
        i = close < 0 ? pattern.length : close + 2;
      } else if (e === "p" || e === "P" || e === "x" || "ntrfva01234567".includes(e)) {
        const [piece, next] = classEscape(pattern, i - 1);
        out += piece;
        i = next;
      } else if (/[0-9A-Za-z]/.test(e)) throw new PatternError(`\\${e} has no JavaScript equivalent`);
      else out += SYNTAX.has(e) ? `\\${e}` : e;
    } else if (c === "[") {
      const [piece, next] = translateClass(pattern, i + 1);
      out += piece;
      i = next;
    } else if (c === "(") {
      const group = pattern.slice(i).match(/^\((?:\?(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|([a-zA-Z-]*)(:|\))))?/);
      if (pattern[i + 1] === "?" && group[0] === "(") throw new PatternError("lookaround and this group syntax have no RE2 equivalent");
      if (group[1] !== undefined) {
        out += `(?<${group[1]}>`;
        flags.push({ ...flags.at(-1) });
      } else if (group[3] === ":") {
        out += "(?:";
        flags.push(setFlags(group[2]));
      } else if (group[3] === ")") {
        flags[flags.length - 1] = setFlags(group[2]);
      } else {
        out += "(";
        flags.push({ ...flags.at(-1) });
      }
      i += group[0].length;
    } else if (c === ")") {
      if (flags.length > 1) flags.pop();
      out += ")";
      i += 1;
    } else if (c === "{") {
      const repeat = pattern.slice(i).match(/^\{\d+(?:,\d*)?\}/);
      out += repeat ? repeat[0] : "\\{";
      i += repeat ? repeat[0].length : 1;
    } else {
      if (c === ".") out += s ? "[\\s\\S]" : "[^\\n]";
      else if (c === "^") out += m ? "(?<![^\\n])" : "(?<![\\s\\S])";
      else if (c === "$") out += m ? "(?![^\\n])" : "(?![\\s\\S])";
      else if (c === "}" || c === "]" || c === "/") out += `\\${c}`;
      else out += String.fromCodePoint(pattern.codePointAt(i));
      i += String.fromCodePoint(pattern.codePointAt(i)).length;
    }
  }
  return out;
}

/** Patterns joined as alternatives, compiled for JavaScript; null for none. */
export function compilePatterns(patterns, caseSensitive) {
  if (!patterns.length) return null;
  const source = patterns.map((p) => `(?:${translate(p, caseSensitive)})`).join("|");
  return new RegExp(source, caseSensitive ? "gu" : "giu");
}

function* spans(regex, text) {
  regex.lastIndex = 0;
  let m;
  while ((m = regex.exec(text)) !== null) {
    if (m[0].length === 0) regex.lastIndex += isHigh(text.charCodeAt(m.index)) ? 2 : 1;
    yield [m.index, m.index + m[0].length];
  }
}

// ---------------------------------------------------------------- rule kinds

const UNITS = { d: 86400, h: 3600, m: 60, s: 1 };
const SYMBOLS = { d: "d", h: "h", m: "min", s: "s" };
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

const hit = (start, end, suggestion = null, message = null, replacement = null) => ({ start, end, suggestion, message, replacement });
const PY_SPLIT = new RegExp(`${PY_SPACE}+`, "u");
const PY_WORD = new RegExp(`(?:(?!${PY_SPACE})[\\s\\S])+`, "gu");
const SENTENCE_END = new RegExp(`[.!?\u2026]+(?=${PY_SPACE}|$)`, "gu");
const group = (terms, caseSensitive, exceptions = []) => ({ terms, caseSensitive, exceptions });

/**
 * Per kind: options -> a term kind's { group, report(matches, context) -> hits }, found with
 * the channel's other terms in one pass, or any other kind's { run(nfcText, context) -> hits }.
 */
const KINDS = {
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
        matches.map((m) => hit(m.start, m.end, suggestions[m.index], null, o.markers[m.index].replacement)),
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
function advance(text, index, count) {
  for (let n = 0; n < count && index < text.length; n++) index += isHigh(text.charCodeAt(index)) ? 2 : 1;
  return index;
}

function overLength({ characters, words, sentences }, text) {
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

// ---------------------------------------------------------------- checking

const compiled = new WeakMap(); // rules document -> { kinds, channels }

function plan(rules, channel) {
  let cache = compiled.get(rules);
  if (!cache) compiled.set(rules, (cache = { kinds: new Map(), channels: new Map() }));
  let entries = cache.channels.get(channel);
  if (!entries) {
    entries = channelRules(rules, channel).map((rule) => {
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

function termIndex(entries, situation) {
  if (!entries.indexes.has(situation)) {
    const terms = entries.filter((e) => e.group && applies(e.rule, situation));
    entries.indexes.set(situation, { terms, index: new TermIndex(terms.map((e) => e.group)) });
  }
  return entries.indexes.get(situation);
}

const applies = (rule, situation) => !rule.situations.length || rule.situations.includes(situation);

/** Code-point positions of UTF-16 indexes of the typed text, as the Python checker counts. */
function positions(text) {
  const astral = /[\ud800-\udbff]/.test(text);
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const points = (index) => (astral ? length(text.slice(0, index)) : index);
  return (index) => {
    const line = lastOfSorted(lineStarts, index);
    return { line: line + 1, column: points(index) - points(lineStarts[line]) + 1, offset: points(index) };
  };
}

/**
 * The findings of a reply on a channel, sorted as the Python checker sorts them. Options:
 * channel (required), situation (null for none), waited (seconds), metric
 * ("first_response"), baseUrl (prefixed to links). Positions count the reply as typed.
 * Each finding also has `start` and `end`, UTF-16 indexes into the reply as typed, for
 * highlighting, and `replacement`, the text that replaces the match when the rule names one
 * (a term's), else null.
 */
export function check(rules, text, { channel, situation = null, waited = null, metric = "first_response", baseUrl = "" } = {}) {
  const entries = plan(rules, channel);
  if (situation !== null && !rules.situations.some((s) => s.id === situation)) {
    throw new UnknownName(`there is no situation '${situation}'. Situations: ${rules.situations.map((s) => s.id).join(", ")}.`);
  }
  const reading = new Reading(text);
  const context = { situation, waited, metric };
  const hits = [];
  const { terms, index } = termIndex(entries, situation);
  if (terms.length) {
    const found = index.find(reading);
    terms.forEach((entry, number) => {
      for (const h of entry.report(found[number], context)) hits.push([entry.rule, h]);
    });
  }
  for (const entry of entries) {
    if (entry.run && applies(entry.rule, situation)) {
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
      message: h.message ? `${message.replace(/\.+$/, "")}: ${h.message}.` : message,
      line: from.line,
      column: from.column,
      end_line: to.line,
      end_column: to.column,
      offset: from.offset,
      match,
      suggestion: h.suggestion ?? null,
      link: baseUrl + rule.link,
      start: h.start,
      end: h.end,
      replacement: h.replacement ?? null,
    };
  });
  return findings.sort(
    (a, b) => a.offset - b.offset || SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || byCodePoint(a.rule, b.rule),
  );
}

const detectors = new WeakMap();

/** The situation whose signals occur most in a customer's message (first on a tie), or null. */
export function detectSituation(rules, channel, customerText) {
  channelRules(rules, channel); // an unknown channel is an error, as in check
  let detector = detectors.get(rules);
  if (!detector) {
    const list = situations(rules);
    detector = { ids: list.map((s) => s.id), index: new TermIndex(list.map((s) => group(s.signals, false))) };
    detectors.set(rules, detector);
  }
  let best = null, bestCount = 0;
  detector.index.find(customerText).forEach((matches, i) => {
    const count = new Set(matches.map((m) => m.index)).size;
    if (count > bestCount) [best, bestCount] = [detector.ids[i], count];
  });
  return best;
}
