/**
 * Unicode as the Python checker reads it: white space as str.isspace(), word characters as
 * str.isalnum() or "_", case folding letter for letter, canonical combining classes, and
 * positions counted in code points. Part of playbook-check.js.
 */

export const APOSTROPHES = "'\u2019\u02bc";
export const SEVERITY_ORDER = { suggestion: 0, warning: 1, error: 2 };
// Python's \s and str.strip() are Unicode (str.isspace); RE2's \s is ASCII (see translate).
export const PY_SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
export const PY_SPACE_RUNS = new RegExp(`${PY_SPACE}{2,}`, "gu");
export const PY_SPACE_ONE = new RegExp(PY_SPACE, "gu");
export const PY_EDGES = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, "gu");
export const APOSTROPHE_OTHERS = /[\u2019\u02bc]/g;
export const NON_ASCII = /[^\x00-\x7f]+/g;
export const ASCII_WORD = "[0-9A-Za-z_]";
export const WORD = /^[\p{L}\p{N}_]$/u;
export const WORD_RUNS = /[\p{L}\p{N}_]+/gu;
export const SYNTAX = new Set("^$\\.*+?()[]{}|/");

// Tables from Python's unicodedata (Unicode 14), made by tests/js/unicode_tables.py:
// where Python's letter-for-letter case folding differs from toLowerCase(), and the ranges
// of code points with a combining class other than 0.
export const FOLD_TABLE = {"181":"μ","304":"İ","383":"s","837":"ι","962":"σ","976":"β","977":"θ","981":"φ","982":"π","1008":"κ","1009":"ρ","1013":"ε","5024":"Ꭰ","5025":"Ꭱ","5026":"Ꭲ","5027":"Ꭳ","5028":"Ꭴ","5029":"Ꭵ","5030":"Ꭶ","5031":"Ꭷ","5032":"Ꭸ","5033":"Ꭹ","5034":"Ꭺ","5035":"Ꭻ","5036":"Ꭼ","5037":"Ꭽ","5038":"Ꭾ","5039":"Ꭿ","5040":"Ꮀ","5041":"Ꮁ","5042":"Ꮂ","5043":"Ꮃ","5044":"Ꮄ","5045":"Ꮅ","5046":"Ꮆ","5047":"Ꮇ","5048":"Ꮈ","5049":"Ꮉ","5050":"Ꮊ","5051":"Ꮋ","5052":"Ꮌ","5053":"Ꮍ","5054":"Ꮎ","5055":"Ꮏ","5056":"Ꮐ","5057":"Ꮑ","5058":"Ꮒ","5059":"Ꮓ","5060":"Ꮔ","5061":"Ꮕ","5062":"Ꮖ","5063":"Ꮗ","5064":"Ꮘ","5065":"Ꮙ","5066":"Ꮚ","5067":"Ꮛ","5068":"Ꮜ","5069":"Ꮝ","5070":"Ꮞ","5071":"Ꮟ","5072":"Ꮠ","5073":"Ꮡ","5074":"Ꮢ","5075":"Ꮣ","5076":"Ꮤ","5077":"Ꮥ","5078":"Ꮦ","5079":"Ꮧ","5080":"Ꮨ","5081":"Ꮩ","5082":"Ꮪ","5083":"Ꮫ","5084":"Ꮬ","5085":"Ꮭ","5086":"Ꮮ","5087":"Ꮯ","5088":"Ꮰ","5089":"Ꮱ","5090":"Ꮲ","5091":"Ꮳ","5092":"Ꮴ","5093":"Ꮵ","5094":"Ꮶ","5095":"Ꮷ","5096":"Ꮸ","5097":"Ꮹ","5098":"Ꮺ","5099":"Ꮻ","5100":"Ꮼ","5101":"Ꮽ","5102":"Ꮾ","5103":"Ꮿ","5104":"Ᏸ","5105":"Ᏹ","5106":"Ᏺ","5107":"Ᏻ","5108":"Ᏼ","5109":"Ᏽ","5112":"Ᏸ","5113":"Ᏹ","5114":"Ᏺ","5115":"Ᏻ","5116":"Ᏼ","5117":"Ᏽ","7296":"в","7297":"д","7298":"о","7299":"с","7300":"т","7301":"т","7302":"ъ","7303":"ѣ","7304":"ꙋ","7835":"ṡ","8126":"ι","43888":"Ꭰ","43889":"Ꭱ","43890":"Ꭲ","43891":"Ꭳ","43892":"Ꭴ","43893":"Ꭵ","43894":"Ꭶ","43895":"Ꭷ","43896":"Ꭸ","43897":"Ꭹ","43898":"Ꭺ","43899":"Ꭻ","43900":"Ꭼ","43901":"Ꭽ","43902":"Ꭾ","43903":"Ꭿ","43904":"Ꮀ","43905":"Ꮁ","43906":"Ꮂ","43907":"Ꮃ","43908":"Ꮄ","43909":"Ꮅ","43910":"Ꮆ","43911":"Ꮇ","43912":"Ꮈ","43913":"Ꮉ","43914":"Ꮊ","43915":"Ꮋ","43916":"Ꮌ","43917":"Ꮍ","43918":"Ꮎ","43919":"Ꮏ","43920":"Ꮐ","43921":"Ꮑ","43922":"Ꮒ","43923":"Ꮓ","43924":"Ꮔ","43925":"Ꮕ","43926":"Ꮖ","43927":"Ꮗ","43928":"Ꮘ","43929":"Ꮙ","43930":"Ꮚ","43931":"Ꮛ","43932":"Ꮜ","43933":"Ꮝ","43934":"Ꮞ","43935":"Ꮟ","43936":"Ꮠ","43937":"Ꮡ","43938":"Ꮢ","43939":"Ꮣ","43940":"Ꮤ","43941":"Ꮥ","43942":"Ꮦ","43943":"Ꮧ","43944":"Ꮨ","43945":"Ꮩ","43946":"Ꮪ","43947":"Ꮫ","43948":"Ꮬ","43949":"Ꮭ","43950":"Ꮮ","43951":"Ꮯ","43952":"Ꮰ","43953":"Ꮱ","43954":"Ꮲ","43955":"Ꮳ","43956":"Ꮴ","43957":"Ꮵ","43958":"Ꮶ","43959":"Ꮷ","43960":"Ꮸ","43961":"Ꮹ","43962":"Ꮺ","43963":"Ꮻ","43964":"Ꮼ","43965":"Ꮽ","43966":"Ꮾ","43967":"Ꮿ"};
export const COMBINING_RANGES = [0x300,0x34e,0x350,0x36f,0x483,0x487,0x591,0x5bd,0x5bf,0x5bf,0x5c1,0x5c2,0x5c4,0x5c5,0x5c7,0x5c7,0x610,0x61a,0x64b,0x65f,0x670,0x670,0x6d6,0x6dc,0x6df,0x6e4,0x6e7,0x6e8,0x6ea,0x6ed,0x711,0x711,0x730,0x74a,0x7eb,0x7f3,0x7fd,0x7fd,0x816,0x819,0x81b,0x823,0x825,0x827,0x829,0x82d,0x859,0x85b,0x898,0x89f,0x8ca,0x8e1,0x8e3,0x8ff,0x93c,0x93c,0x94d,0x94d,0x951,0x954,0x9bc,0x9bc,0x9cd,0x9cd,0x9fe,0x9fe,0xa3c,0xa3c,0xa4d,0xa4d,0xabc,0xabc,0xacd,0xacd,0xb3c,0xb3c,0xb4d,0xb4d,0xbcd,0xbcd,0xc3c,0xc3c,0xc4d,0xc4d,0xc55,0xc56,0xcbc,0xcbc,0xccd,0xccd,0xd3b,0xd3c,0xd4d,0xd4d,0xdca,0xdca,0xe38,0xe3a,0xe48,0xe4b,0xeb8,0xeba,0xec8,0xecb,0xf18,0xf19,0xf35,0xf35,0xf37,0xf37,0xf39,0xf39,0xf71,0xf72,0xf74,0xf74,0xf7a,0xf7d,0xf80,0xf80,0xf82,0xf84,0xf86,0xf87,0xfc6,0xfc6,0x1037,0x1037,0x1039,0x103a,0x108d,0x108d,0x135d,0x135f,0x1714,0x1715,0x1734,0x1734,0x17d2,0x17d2,0x17dd,0x17dd,0x18a9,0x18a9,0x1939,0x193b,0x1a17,0x1a18,0x1a60,0x1a60,0x1a75,0x1a7c,0x1a7f,0x1a7f,0x1ab0,0x1abd,0x1abf,0x1ace,0x1b34,0x1b34,0x1b44,0x1b44,0x1b6b,0x1b73,0x1baa,0x1bab,0x1be6,0x1be6,0x1bf2,0x1bf3,0x1c37,0x1c37,0x1cd0,0x1cd2,0x1cd4,0x1ce0,0x1ce2,0x1ce8,0x1ced,0x1ced,0x1cf4,0x1cf4,0x1cf8,0x1cf9,0x1dc0,0x1dff,0x20d0,0x20dc,0x20e1,0x20e1,0x20e5,0x20f0,0x2cef,0x2cf1,0x2d7f,0x2d7f,0x2de0,0x2dff,0x302a,0x302f,0x3099,0x309a,0xa66f,0xa66f,0xa674,0xa67d,0xa69e,0xa69f,0xa6f0,0xa6f1,0xa806,0xa806,0xa82c,0xa82c,0xa8c4,0xa8c4,0xa8e0,0xa8f1,0xa92b,0xa92d,0xa953,0xa953,0xa9b3,0xa9b3,0xa9c0,0xa9c0,0xaab0,0xaab0,0xaab2,0xaab4,0xaab7,0xaab8,0xaabe,0xaabf,0xaac1,0xaac1,0xaaf6,0xaaf6,0xabed,0xabed,0xfb1e,0xfb1e,0xfe20,0xfe2f,0x101fd,0x101fd,0x102e0,0x102e0,0x10376,0x1037a,0x10a0d,0x10a0d,0x10a0f,0x10a0f,0x10a38,0x10a3a,0x10a3f,0x10a3f,0x10ae5,0x10ae6,0x10d24,0x10d27,0x10eab,0x10eac,0x10f46,0x10f50,0x10f82,0x10f85,0x11046,0x11046,0x11070,0x11070,0x1107f,0x1107f,0x110b9,0x110ba,0x11100,0x11102,0x11133,0x11134,0x11173,0x11173,0x111c0,0x111c0,0x111ca,0x111ca,0x11235,0x11236,0x112e9,0x112ea,0x1133b,0x1133c,0x1134d,0x1134d,0x11366,0x1136c,0x11370,0x11374,0x11442,0x11442,0x11446,0x11446,0x1145e,0x1145e,0x114c2,0x114c3,0x115bf,0x115c0,0x1163f,0x1163f,0x116b6,0x116b7,0x1172b,0x1172b,0x11839,0x1183a,0x1193d,0x1193e,0x11943,0x11943,0x119e0,0x119e0,0x11a34,0x11a34,0x11a47,0x11a47,0x11a99,0x11a99,0x11c3f,0x11c3f,0x11d42,0x11d42,0x11d44,0x11d45,0x11d97,0x11d97,0x16af0,0x16af4,0x16b30,0x16b36,0x16ff0,0x16ff1,0x1bc9e,0x1bc9e,0x1d165,0x1d169,0x1d16d,0x1d172,0x1d17b,0x1d182,0x1d185,0x1d18b,0x1d1aa,0x1d1ad,0x1d242,0x1d244,0x1e000,0x1e006,0x1e008,0x1e018,0x1e01b,0x1e021,0x1e023,0x1e024,0x1e026,0x1e02a,0x1e130,0x1e136,0x1e2ae,0x1e2ae,0x1e2ec,0x1e2ef,0x1e8d0,0x1e8d6,0x1e944,0x1e94a];
export const FOLD = new Map(Object.entries(FOLD_TABLE).map(([k, v]) => [Number(k), v]));

/** Python's case folding letter for letter (generator.text.reading.fold): "ẞ" -> "ß". */
export function fold(text) {
  let out = "";
  for (const char of text) out += FOLD.get(char.codePointAt(0)) ?? char.toLowerCase();
  return out;
}

export function combining(code) {
  let lo = 0, hi = COMBINING_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code < COMBINING_RANGES[2 * mid]) hi = mid - 1;
    else if (code > COMBINING_RANGES[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export const isHigh = (unit) => unit >= 0xd800 && unit <= 0xdbff;
export const isWordAt = (text, index) => index >= 0 && index < text.length && WORD.test(String.fromCodePoint(text.codePointAt(index)));
/** The UTF-16 index of the code point that ends right before `index`. */
export const before = (text, index) => (index >= 2 && isHigh(text.charCodeAt(index - 2)) && !isHigh(text.charCodeAt(index - 1)) ? index - 2 : index - 1);
export const pyStrip = (text) => text.replace(PY_EDGES, "");
/** Length in code points, as Python counts. */
export const length = (text) => {
  let count = text.length;
  for (let i = 0; i < text.length; i++) if (isHigh(text.charCodeAt(i))) count--;
  return count;
};
export const byCodePoint = (a, b) => {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
  }
  return x.length - y.length;
};
export const lastOfSorted = (starts, value) => {
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
export function clusters(piece) {
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
