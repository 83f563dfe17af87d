/**
 * RE2 patterns as JavaScript regular expressions, with RE2's meaning. Part of
 * playbook-check.js.
 */
import { ASCII_WORD, SYNTAX, isHigh } from "./unicode.js";

export class PatternError extends Error {
  name = "PatternError";
}

export const CLASS_ESCAPES = { d: "0-9", w: "0-9A-Za-z_", s: "\\t\\n\\f\\r " };
export const POSIX = {
  alnum: "0-9A-Za-z", alpha: "A-Za-z", ascii: "\\x00-\\x7f", blank: "\\t ", cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9", graph: "!-~", lower: "a-z", print: " -~", punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ", upper: "A-Z", word: "0-9A-Za-z_", xdigit: "0-9A-Fa-f",
};
export const CATEGORIES = /^(?:L[ultmo&]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?)$/;
export const BOUNDARY = `(?:(?<=${ASCII_WORD})(?!${ASCII_WORD})|(?<!${ASCII_WORD})(?=${ASCII_WORD}))`;
export const NOT_BOUNDARY = `(?:(?<=${ASCII_WORD})(?=${ASCII_WORD})|(?<!${ASCII_WORD})(?!${ASCII_WORD}))`;

export function property(pattern, i, negated) {
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

export function hex(pattern, i) {
  // \xHH or \x{H...}; i points after the x.
  if (pattern[i] === "{") {
    const close = pattern.indexOf("}", i);
    return [`\\u{${pattern.slice(i + 1, close)}}`, close + 1];
  }
  return [`\\x${pattern.slice(i, i + 2)}`, i + 2];
}

export function octal(pattern, i) {
  // \0, \012, \12...: up to three octal digits; i points at the first.
  let end = i + 1;
  while (end < pattern.length && end < i + 3 && /[0-7]/.test(pattern[end])) end++;
  if (pattern[i] !== "0" && end === i + 1) throw new PatternError(`\\${pattern[i]} is a backreference, which RE2 refuses`);
  return [`\\u{${parseInt(pattern.slice(i, end), 8).toString(16)}}`, end];
}

/** An escape inside a class: [piece, next index, negated set or null]; i points after the \. */
export function classEscape(pattern, i) {
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

export function translateClass(pattern, i) {
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

export function* spans(regex, text) {
  regex.lastIndex = 0;
  let m;
  while ((m = regex.exec(text)) !== null) {
    if (m[0].length === 0) regex.lastIndex += isHigh(text.charCodeAt(m.index)) ? 2 : 1;
    yield [m.index, m.index + m[0].length];
  }
}
