/**
 * playbook-check.js: the playbook's checker for browsers and Node, with no dependencies.
 *
 * It reads the exported rules (rules.json) and gives the findings `playbook check --format
 * json` gives: same rules, spans, messages, suggestions and links. Positions are in Unicode
 * code points, like Python's: `offset` counts code points from the start of the reply (in
 * normal form C), `line` is 1 plus the "\n" before it, `column` is 1 plus the code points
 * since the line's start. JavaScript strings count UTF-16 units: the module works in those
 * and converts at the end. Patterns are RE2 syntax, translated to JavaScript (see `translate`).
 *
 *   import { check, detectSituation } from "./playbook-check.js";
 *   const situation = detectSituation(rules, "whatsapp", customerMessage);
 *   const findings = check(rules, draft, { channel: "whatsapp", situation });
 */

const APOSTROPHES = "'\u2019\u02bc";
const SEVERITY_ORDER = { suggestion: 0, warning: 1, error: 2 };
// RE2's \s is ASCII; Python's \s and str.strip() are Unicode (str.isspace).
const RE2_SPACE = "[\\t\\n\\f\\r ]";
const PY_SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const PY_SPACES = new RegExp(`${PY_SPACE}+`, "gu");
const PY_EDGES = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, "gu");
const ASCII_WORD = "[0-9A-Za-z_]";
const WORD = /[\p{L}\p{N}_]/u;
const WORDS = /[\p{L}\p{N}_]+/gu;
const SYNTAX = new Set("^$\\.*+?()[]{}|/");

/** Python's str.casefold() where it differs from toLowerCase(), by code point (Unicode 14). */
const CASEFOLD = new Map(Object.entries({"181":"μ","223":"ss","329":"ʼn","383":"s","496":"ǰ","837":"ι","912":"ΐ","944":"ΰ","962":"σ","976":"β","977":"θ","981":"φ","982":"π","1008":"κ","1009":"ρ","1013":"ε","1415":"եւ","5024":"Ꭰ","5025":"Ꭱ","5026":"Ꭲ","5027":"Ꭳ","5028":"Ꭴ","5029":"Ꭵ","5030":"Ꭶ","5031":"Ꭷ","5032":"Ꭸ","5033":"Ꭹ","5034":"Ꭺ","5035":"Ꭻ","5036":"Ꭼ","5037":"Ꭽ","5038":"Ꭾ","5039":"Ꭿ","5040":"Ꮀ","5041":"Ꮁ","5042":"Ꮂ","5043":"Ꮃ","5044":"Ꮄ","5045":"Ꮅ","5046":"Ꮆ","5047":"Ꮇ","5048":"Ꮈ","5049":"Ꮉ","5050":"Ꮊ","5051":"Ꮋ","5052":"Ꮌ","5053":"Ꮍ","5054":"Ꮎ","5055":"Ꮏ","5056":"Ꮐ","5057":"Ꮑ","5058":"Ꮒ","5059":"Ꮓ","5060":"Ꮔ","5061":"Ꮕ","5062":"Ꮖ","5063":"Ꮗ","5064":"Ꮘ","5065":"Ꮙ","5066":"Ꮚ","5067":"Ꮛ","5068":"Ꮜ","5069":"Ꮝ","5070":"Ꮞ","5071":"Ꮟ","5072":"Ꮠ","5073":"Ꮡ","5074":"Ꮢ","5075":"Ꮣ","5076":"Ꮤ","5077":"Ꮥ","5078":"Ꮦ","5079":"Ꮧ","5080":"Ꮨ","5081":"Ꮩ","5082":"Ꮪ","5083":"Ꮫ","5084":"Ꮬ","5085":"Ꮭ","5086":"Ꮮ","5087":"Ꮯ","5088":"Ꮰ","5089":"Ꮱ","5090":"Ꮲ","5091":"Ꮳ","5092":"Ꮴ","5093":"Ꮵ","5094":"Ꮶ","5095":"Ꮷ","5096":"Ꮸ","5097":"Ꮹ","5098":"Ꮺ","5099":"Ꮻ","5100":"Ꮼ","5101":"Ꮽ","5102":"Ꮾ","5103":"Ꮿ","5104":"Ᏸ","5105":"Ᏹ","5106":"Ᏺ","5107":"Ᏻ","5108":"Ᏼ","5109":"Ᏽ","5112":"Ᏸ","5113":"Ᏹ","5114":"Ᏺ","5115":"Ᏻ","5116":"Ᏼ","5117":"Ᏽ","7296":"в","7297":"д","7298":"о","7299":"с","7300":"т","7301":"т","7302":"ъ","7303":"ѣ","7304":"ꙋ","7830":"ẖ","7831":"ẗ","7832":"ẘ","7833":"ẙ","7834":"aʾ","7835":"ṡ","7838":"ss","8016":"ὐ","8018":"ὒ","8020":"ὔ","8022":"ὖ","8064":"ἀι","8065":"ἁι","8066":"ἂι","8067":"ἃι","8068":"ἄι","8069":"ἅι","8070":"ἆι","8071":"ἇι","8072":"ἀι","8073":"ἁι","8074":"ἂι","8075":"ἃι","8076":"ἄι","8077":"ἅι","8078":"ἆι","8079":"ἇι","8080":"ἠι","8081":"ἡι","8082":"ἢι","8083":"ἣι","8084":"ἤι","8085":"ἥι","8086":"ἦι","8087":"ἧι","8088":"ἠι","8089":"ἡι","8090":"ἢι","8091":"ἣι","8092":"ἤι","8093":"ἥι","8094":"ἦι","8095":"ἧι","8096":"ὠι","8097":"ὡι","8098":"ὢι","8099":"ὣι","8100":"ὤι","8101":"ὥι","8102":"ὦι","8103":"ὧι","8104":"ὠι","8105":"ὡι","8106":"ὢι","8107":"ὣι","8108":"ὤι","8109":"ὥι","8110":"ὦι","8111":"ὧι","8114":"ὰι","8115":"αι","8116":"άι","8118":"ᾶ","8119":"ᾶι","8124":"αι","8126":"ι","8130":"ὴι","8131":"ηι","8132":"ήι","8134":"ῆ","8135":"ῆι","8140":"ηι","8146":"ῒ","8147":"ΐ","8150":"ῖ","8151":"ῗ","8162":"ῢ","8163":"ΰ","8164":"ῤ","8166":"ῦ","8167":"ῧ","8178":"ὼι","8179":"ωι","8180":"ώι","8182":"ῶ","8183":"ῶι","8188":"ωι","43888":"Ꭰ","43889":"Ꭱ","43890":"Ꭲ","43891":"Ꭳ","43892":"Ꭴ","43893":"Ꭵ","43894":"Ꭶ","43895":"Ꭷ","43896":"Ꭸ","43897":"Ꭹ","43898":"Ꭺ","43899":"Ꭻ","43900":"Ꭼ","43901":"Ꭽ","43902":"Ꭾ","43903":"Ꭿ","43904":"Ꮀ","43905":"Ꮁ","43906":"Ꮂ","43907":"Ꮃ","43908":"Ꮄ","43909":"Ꮅ","43910":"Ꮆ","43911":"Ꮇ","43912":"Ꮈ","43913":"Ꮉ","43914":"Ꮊ","43915":"Ꮋ","43916":"Ꮌ","43917":"Ꮍ","43918":"Ꮎ","43919":"Ꮏ","43920":"Ꮐ","43921":"Ꮑ","43922":"Ꮒ","43923":"Ꮓ","43924":"Ꮔ","43925":"Ꮕ","43926":"Ꮖ","43927":"Ꮗ","43928":"Ꮘ","43929":"Ꮙ","43930":"Ꮚ","43931":"Ꮛ","43932":"Ꮜ","43933":"Ꮝ","43934":"Ꮞ","43935":"Ꮟ","43936":"Ꮠ","43937":"Ꮡ","43938":"Ꮢ","43939":"Ꮣ","43940":"Ꮤ","43941":"Ꮥ","43942":"Ꮦ","43943":"Ꮧ","43944":"Ꮨ","43945":"Ꮩ","43946":"Ꮪ","43947":"Ꮫ","43948":"Ꮬ","43949":"Ꮭ","43950":"Ꮮ","43951":"Ꮯ","43952":"Ꮰ","43953":"Ꮱ","43954":"Ꮲ","43955":"Ꮳ","43956":"Ꮴ","43957":"Ꮵ","43958":"Ꮶ","43959":"Ꮷ","43960":"Ꮸ","43961":"Ꮹ","43962":"Ꮺ","43963":"Ꮻ","43964":"Ꮼ","43965":"Ꮽ","43966":"Ꮾ","43967":"Ꮿ","64256":"ff","64257":"fi","64258":"fl","64259":"ffi","64260":"ffl","64261":"st","64262":"st","64275":"մն","64276":"մե","64277":"մի","64278":"վն","64279":"մխ"}).map(([k, v]) => [Number(k), v]));

/** Python's str.casefold(): full case folding, so "Straße" and "STRASSE" fold alike. */
export function casefold(text) {
  let out = "";
  for (const char of text) {
    out += CASEFOLD.get(char.codePointAt(0)) ?? char.toLowerCase();
  }
  return out;
}

export const nfc = (text) => text.normalize("NFC");
const pyStrip = (text) => text.replace(PY_EDGES, "");
const length = (text) => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff || i === 0 || !isHigh(text.charCodeAt(i - 1))) count++;
  }
  return count;
};
const isHigh = (unit) => unit >= 0xd800 && unit <= 0xdbff;
const byCodePoint = (a, b) => {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
  }
  return x.length - y.length;
};

/** The form under which two spellings of a term are the same term. */
export function canonical(term, caseSensitive) {
  term = pyStrip(nfc(term)).replace(PY_SPACES, " ");
  for (const apostrophe of APOSTROPHES.slice(1)) term = term.split(apostrophe).join("'");
  return caseSensitive ? term : casefold(term);
}

// ---------------------------------------------------------------- format access

/** The rules that apply on a channel, in the order of rules.json (format 1.x). */
export function channelRules(rules, channel) {
  const found = rules.channels.find((c) => c.id === channel);
  if (!found) {
    throw new UnknownName(`there is no channel '${channel}'. Channels: ${rules.channels.map((c) => c.id).join(", ")}.`);
  }
  return found.rules;
}

/** The situations with the signals that detect them, in precedence order. */
export function situations(rules) {
  return rules.situations.map((s) => ({ id: s.id, name: s.name, signals: s.signals }));
}

export class UnknownName extends Error {}

// ---------------------------------------------------------------- terms

function whole(text, start, end) {
  if (start > 0) {
    let i = start - 1;
    if (i > 0 && !isHigh(text.charCodeAt(i)) && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff && isHigh(text.charCodeAt(i - 1))) i--;
    if (WORD.test(String.fromCodePoint(text.codePointAt(i)))) return false;
  }
  return !(end < text.length && WORD.test(String.fromCodePoint(text.codePointAt(end))));
}

function escapeTerm(term) {
  let out = "";
  for (const char of term) {
    if (char === " ") out += `${RE2_SPACE}+`;
    else if (char === "'") out += `[${APOSTROPHES}]`;
    else if (SYNTAX.has(char)) out += `\\${char}`;
    else out += char;
  }
  return out;
}

const edgeStart = (char) => (/^[0-9A-Za-z_]$/.test(char) ? `(?<!${ASCII_WORD})` : "");
const edgeEnd = (char) => (/^[0-9A-Za-z_]$/.test(char) ? `(?!${ASCII_WORD})` : "");

/** Python's re.escape (3.7+), whose lengths order the exact alternatives as Python does. */
const pyEscape = (word) => word.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, "\\$&");

function exactRegex(terms, caseSensitive) {
  const patterns = new Map();
  for (const term of terms) {
    if (!pyStrip(term)) continue;
    const words = canonical(term, true).split(" ");
    const python = words.map((w) => pyEscape(w).split("'").join(`[${APOSTROPHES}]`)).join("\\s+");
    patterns.set(python, words.map((w) => escapeTerm(w)).join(`${PY_SPACE}+`));
  }
  const sorted = [...patterns.keys()].sort((a, b) => length(b) - length(a) || byCodePoint(a, b));
  const source = `(?<![\\p{L}\\p{N}_])(?:${sorted.map((p) => patterns.get(p)).join("|")})`;
  return new RegExp(source, caseSensitive ? "gu" : "giu");
}

/** Finds any of a list of terms as whole words, skipping those inside exception phrases. */
export class TermMatcher {
  constructor(terms, { caseSensitive = false, exceptions = [] } = {}) {
    this.caseSensitive = caseSensitive;
    this.terms = terms;
    this.index = new Map();
    terms.forEach((term, i) => {
      const key = canonical(term, caseSensitive);
      if (!this.index.has(key)) this.index.set(key, i);
    });
    const canon = [...new Set(terms.filter((t) => pyStrip(t)).map((t) => canonical(t, true)))];
    canon.sort((a, b) => length(b) - length(a) || byCodePoint(a, b));
    const alternatives = canon.map((t) => edgeStart([...t][0]) + escapeTerm(t) + edgeEnd([...t].at(-1)));
    this.candidates = new RegExp(`(?:${alternatives.join("|") || "[^\\u{0}-\\u{10FFFF}]"})`, caseSensitive ? "gu" : "giu");
    this.exact = null;
    this.margin = 4 * Math.max(0, ...[...this.index.keys()].map(length)) + 16;
    this.exceptions = exceptions.some((e) => pyStrip(e)) ? new TermMatcher(exceptions, { caseSensitive }) : null;
    // The first word of every term, folded: a reply with none of them cannot match.
    this.firstWords = [];
    for (const term of canon) {
      const first = term.match(/^[\p{L}\p{N}_]+/u);
      if (!first) {
        this.firstWords = null;
        break;
      }
      this.firstWords.push(casefold(first[0]));
    }
  }

  /** Whether a reply, given the folded words in it, may hold a match. */
  mayMatch(words) {
    return this.firstWords === null || this.firstWords.some((w) => words.has(w));
  }

  findAll(text, first = false) {
    const found = [];
    if (!this.index.size) return found;
    const candidates = this.candidates;
    candidates.lastIndex = 0;
    let last = 0, excepted = null, m;
    while ((m = candidates.exec(text)) !== null) {
      let start = m.index, end = start + m[0].length;
      if (start < last) continue;
      if (!whole(text, start, end)) {
        const span = this.exactNear(text, start, end);
        if (span === null) continue;
        [start, end] = span;
      }
      last = end;
      if (this.exceptions !== null) {
        excepted ??= this.exceptions.findAll(text);
        if (excepted.some((e) => e.start <= start && end <= e.end)) continue;
      }
      const key = canonical(text.slice(start, end), this.caseSensitive);
      found.push({ start, end, index: this.index.get(key) ?? 0 });
      if (first) break;
    }
    return found;
  }

  exactNear(text, start, end) {
    this.exact ??= exactRegex(this.terms, this.caseSensitive);
    let limit = end;
    for (let n = 0; n < this.margin && limit < text.length; n++) limit += isHigh(text.charCodeAt(limit)) ? 2 : 1;
    const visible = limit < text.length ? text.slice(0, limit) : text;
    this.exact.lastIndex = start;
    let found = this.exact.exec(visible);
    while (found !== null && found.index < end) {
      const foundEnd = found.index + found[0].length;
      if (whole(text, found.index, foundEnd)) return [found.index, foundEnd];
      this.exact.lastIndex = found.index + (isHigh(text.charCodeAt(found.index)) ? 2 : 1);
      found = this.exact.exec(visible);
    }
    return null;
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

function classEscape(pattern, i) {
  const c = pattern[i];
  if (c in CLASS_ESCAPES) return [CLASS_ESCAPES[c], i + 1];
  if (c === "p" || c === "P") return property(pattern, i + 1, c === "P");
  if (c === "x") return hex(pattern, i + 1);
  if ("ntrfv".includes(c)) return [`\\${c}`, i + 1];
  if (c === "a") return ["\\x07", i + 1];
  if (/[0-9A-Za-z]/.test(c)) throw new PatternError(`\\${c} inside a class has no JavaScript equivalent`);
  return [SYNTAX.has(c) || c === "-" ? `\\${c}` : c, i + 1];
}

function translateClass(pattern, i) {
  // i points after the [; returns the class and the index after its ].
  let out = "[";
  if (pattern[i] === "^") [out, i] = ["[^", i + 1];
  if (pattern[i] === "]") [out, i] = [out + "\\]", i + 1];
  while (i < pattern.length && pattern[i] !== "]") {
    if (pattern.startsWith("[:", i)) {
      const close = pattern.indexOf(":]", i + 2);
      const name = close < 0 ? "" : pattern.slice(i + 2, close);
      if (!(name in POSIX)) throw new PatternError(`[:${name}:] has no JavaScript equivalent`);
      out += POSIX[name];
      i = close + 2;
    } else if (pattern[i] === "\\") {
      const [piece, next] = classEscape(pattern, i + 1);
      out += piece;
      i = next;
    } else {
      const char = String.fromCodePoint(pattern.codePointAt(i));
      out += char === "[" ? "\\[" : char;
      i += char.length;
    }
  }
  if (i >= pattern.length) throw new PatternError("an unclosed [");
  return [out + "]", i + 1];
}

/**
 * An RE2 pattern as JavaScript source for the u flag (with i unless case-sensitive).
 * Translated: \A \z \Q..\E \x{...} \pL \p{Greek} [[:alpha:]] (?P<name>) (?s) (?m), and
 * ., \s, \d, \w, \b with RE2's meaning (. stops only at \n; \s \d \w \b are ASCII).
 * Refused (PatternError): (?i) or (?-i) that changes the case rule inside a pattern, (?U),
 * \C, octal escapes, \pN inside a class negated with [:^...:], and lookaround or
 * backreferences (which RE2 refuses too).
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
      } else if (e === "p" || e === "P" || e === "x" || "ntrfva".includes(e)) {
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
      else if (c === "}" || c === "/") out += `\\${c}`;
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
const terms = (matcher, suggest, replace) => (text) =>
  matcher.findAll(text).map((m) => hit(m.start, m.end, suggest(m), null, replace(m)));
const PY_SPLIT = new RegExp(`${PY_SPACE}+`, "u");
const PY_WORD = new RegExp(`(?:(?!${PY_SPACE})[\\s\\S])+`, "gu");
const SENTENCE_END = new RegExp(`[.!?\u2026]+(?=${PY_SPACE}|$)`, "gu");

/** Per kind: options -> { run(text, context) -> hits, matcher (for prefiltering) }. */
const KINDS = {
  banned_term(o) {
    const matcher = new TermMatcher(o.terms, { caseSensitive: o.case_sensitive, exceptions: o.exceptions });
    const suggestion = o.replacement ? `write '${o.replacement}' instead` : null;
    return { matcher, run: terms(matcher, () => suggestion, () => o.replacement || null) };
  },
  preferred_term(o) {
    const matcher = new TermMatcher(o.instead_of, { caseSensitive: o.case_sensitive, exceptions: o.exceptions });
    return { matcher, run: terms(matcher, () => `write '${o.term}' instead`, () => o.term) };
  },
  register(o) {
    const matcher = new TermMatcher(o.markers.map((m) => m.term));
    const suggestions = o.markers.map((m) => (m.replacement ? `write '${m.replacement}' instead` : "leave it out"));
    return { matcher, run: terms(matcher, (m) => suggestions[m.index], (m) => o.markers[m.index].replacement) };
  },
  required_phrase(o) {
    const matcher = new TermMatcher(o.phrases, { caseSensitive: o.case_sensitive });
    const suggestion = `add a phrase such as ${o.phrases.slice(0, 3).map((p) => `'${p}'`).join(", ")}`;
    return { run: (text) => (matcher.findAll(text, true).length ? [] : [hit(0, 0, suggestion)]) };
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

const compiled = new WeakMap(); // rules document -> { matchers, channels }

function plan(rules, channel) {
  let cache = compiled.get(rules);
  if (!cache) compiled.set(rules, (cache = { matchers: new Map(), channels: new Map() }));
  let entries = cache.channels.get(channel);
  if (!entries) {
    entries = channelRules(rules, channel).map((rule) => {
      // Channels inherit most of their rules: equal options compile once.
      const key = JSON.stringify([rule.kind, rule.options]);
      if (!cache.matchers.has(key)) {
        const kind = KINDS[rule.kind];
        if (!kind) throw new PatternError(`the rule kind '${rule.kind}' is unknown to this checker`);
        cache.matchers.set(key, kind(rule.options));
      }
      return { rule, ...cache.matchers.get(key) };
    });
    cache.channels.set(channel, entries);
  }
  return entries;
}

/** Code-point positions of UTF-16 indexes, as the Python checker reports them. */
function positions(text) {
  const astral = /[\ud800-\udbff]/.test(text);
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const points = (index) => (astral ? length(text.slice(0, index)) : index);
  return (index) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: points(index) - points(lineStarts[lo]) + 1, offset: points(index) };
  };
}

/**
 * The findings of a reply on a channel, sorted as the Python checker sorts them. Options:
 * channel (required), situation (null for none), waited (seconds), metric
 * ("first_response"), baseUrl (prefixed to links). Each finding also has `start` and `end`,
 * UTF-16 indexes into the reply in normal form C, for highlighting, and `replacement`, the
 * text that replaces the match when the rule names one (a term's), else null.
 */
export function check(rules, text, { channel, situation = null, waited = null, metric = "first_response", baseUrl = "" } = {}) {
  const entries = plan(rules, channel);
  if (situation !== null && !rules.situations.some((s) => s.id === situation)) {
    throw new UnknownName(`there is no situation '${situation}'. Situations: ${rules.situations.map((s) => s.id).join(", ")}.`);
  }
  text = nfc(text);
  const context = { situation, waited, metric };
  let words = null, where = null;
  const findings = [];
  for (const { rule, run, matcher } of entries) {
    if (rule.situations.length && !rule.situations.includes(situation)) continue;
    if (matcher) {
      words ??= new Set((text.match(WORDS) ?? []).map(casefold));
      if (!matcher.mayMatch(words)) continue;
    }
    for (const h of run(text, context)) {
      where ??= positions(text);
      const from = where(h.start), to = where(h.end);
      const match = text.slice(h.start, h.end);
      const message = rule.message.split("{match}").join(match);
      findings.push({
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
        replacement: h.replacement,
      });
    }
  }
  return findings.sort(
    (a, b) => a.offset - b.offset || SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || byCodePoint(a.rule, b.rule),
  );
}

const detectors = new WeakMap();

/** The situation whose signals occur most in a customer's message (first on a tie), or null. */
export function detectSituation(rules, channel, customerText) {
  channelRules(rules, channel); // an unknown channel is an error, as in check
  let list = detectors.get(rules);
  if (!list) detectors.set(rules, (list = situations(rules).map((s) => [s.id, new TermMatcher(s.signals)])));
  const message = nfc(customerText);
  let best = null, bestCount = 0;
  for (const [id, matcher] of list) {
    const count = new Set(matcher.findAll(message).map((m) => m.index)).size;
    if (count > bestCount) [best, bestCount] = [id, count];
  }
  return best;
}
