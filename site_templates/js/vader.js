/**
 * vader.js: the compound sentiment score of vaderSentiment's SentimentIntensityAnalyzer
 * (Python, version in vader-lexicon.js; C.J. Hutto, MIT licence: see vader-LICENSE.txt),
 * step for step, with Python's own readings of white space, punctuation, case and code points.
 * Part of playbook-check.js.
 */

import { VADER_LEXICON, VADER_EMOJIS } from "./vader-lexicon.js";
import { PY_SPACE, pyStrip, length } from "./unicode.js";

const B_INCR = 0.293, B_DECR = -0.293, C_INCR = 0.733, N_SCALAR = -0.74;
const NEGATE = new Set([
  "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
  "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
  "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't",
  "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh",
  "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont",
  "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
]);
const BOOSTERS = new Map([
  ...[
    "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
    "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
    "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
    "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
    "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
    "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
    "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
  ].map((w) => [w, B_INCR]),
  ...[
    "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
    "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight",
    "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
  ].map((w) => [w, B_DECR]),
]);
const SPECIAL_CASES = new Map([
  ["the shit", 3], ["the bomb", 3], ["bad ass", 1.5], ["badass", 1.5], ["bus stop", 0.0], ["yeah right", -2],
  ["kiss of death", -1.5], ["to die for", 3], ["beating heart", 3.5],
]);
const SPLIT = new RegExp(`${PY_SPACE}+`, "u");
const PUNCTUATION = "[!\"#$%&'()*+,\\-./:;<=>?@[\\\\\\]^_`{|}~]";
const PUNCTUATION_EDGES = new RegExp(`^${PUNCTUATION}+|${PUNCTUATION}+$`, "g");
const LOWER_OR_TITLE = /[\p{Lowercase}\p{Lt}]/u, UPPER = /\p{Uppercase}/u;

/** Python's str.isupper(): a cased character, and none in lower or title case. */
const isUpper = (word) => UPPER.test(word) && !LOWER_OR_TITLE.test(word);
const lower = (word) => word.toLowerCase();
const negated = (word) => NEGATE.has(word) || word.includes("n't");
const inLexicon = (word) => VADER_LEXICON.has(word);

function words(text) {
  const found = pyStrip(text) ? pyStrip(text).split(SPLIT) : [];
  return found.map((token) => {
    const stripped = token.replace(PUNCTUATION_EDGES, "");
    return length(stripped) <= 2 ? token : stripped;
  });
}

function scalarIncDec(word, valence, capDifferent) {
  let scalar = 0.0;
  const key = lower(word);
  if (BOOSTERS.has(key)) {
    scalar = BOOSTERS.get(key);
    if (valence < 0) scalar *= -1;
    if (isUpper(word) && capDifferent) scalar += valence > 0 ? C_INCR : -C_INCR;
  }
  return scalar;
}

function negationCheck(valence, low, start, i) {
  if (start === 0 && negated(low[i - 1])) return valence * N_SCALAR;
  if (start === 1) {
    if (low[i - 2] === "never" && (low[i - 1] === "so" || low[i - 1] === "this")) return valence * 1.25;
    if (low[i - 2] === "without" && low[i - 1] === "doubt") return valence;
    if (negated(low[i - 2])) return valence * N_SCALAR;
  }
  if (start === 2) {
    if ((low[i - 3] === "never" && (low[i - 2] === "so" || low[i - 2] === "this")) || low[i - 1] === "so" || low[i - 1] === "this") {
      return valence * 1.25;
    }
    if (low[i - 3] === "without" && (low[i - 2] === "doubt" || low[i - 1] === "doubt")) return valence;
    if (negated(low[i - 3])) return valence * N_SCALAR;
  }
  return valence;
}

// Python's words[i - 3] with i - 3 < 0 counts from the end: `at` does the same.
function idiomsCheck(valence, low, i) {
  const w = (k) => low.at(k);
  const onezero = `${w(i - 1)} ${w(i)}`, twoonezero = `${w(i - 2)} ${w(i - 1)} ${w(i)}`;
  const twoone = `${w(i - 2)} ${w(i - 1)}`, threetwoone = `${w(i - 3)} ${w(i - 2)} ${w(i - 1)}`;
  const threetwo = `${w(i - 3)} ${w(i - 2)}`;
  for (const sequence of [onezero, twoonezero, twoone, threetwoone, threetwo]) {
    if (SPECIAL_CASES.has(sequence)) {
      valence = SPECIAL_CASES.get(sequence);
      break;
    }
  }
  if (low.length - 1 > i && SPECIAL_CASES.has(`${low[i]} ${low[i + 1]}`)) valence = SPECIAL_CASES.get(`${low[i]} ${low[i + 1]}`);
  if (low.length - 1 > i + 1 && SPECIAL_CASES.has(`${low[i]} ${low[i + 1]} ${low[i + 2]}`)) {
    valence = SPECIAL_CASES.get(`${low[i]} ${low[i + 1]} ${low[i + 2]}`);
  }
  for (const gram of [threetwoone, threetwo, twoone]) if (BOOSTERS.has(gram)) valence = valence + BOOSTERS.get(gram);
  return valence;
}

function leastCheck(valence, low, i) {
  if (i > 1 && !inLexicon(low[i - 1]) && low[i - 1] === "least") {
    if (low[i - 2] !== "at" && low[i - 2] !== "very") valence = valence * N_SCALAR;
  } else if (i > 0 && !inLexicon(low[i - 1]) && low[i - 1] === "least") {
    valence = valence * N_SCALAR;
  }
  return valence;
}

function valenceOf(item, i, all, low, capDifferent) {
  const key = low[i];
  if (!inLexicon(key)) return 0;
  let valence = VADER_LEXICON.get(key);
  if (key === "no" && i !== all.length - 1 && inLexicon(low[i + 1])) valence = 0.0;
  if ((i > 0 && low[i - 1] === "no") || (i > 1 && low[i - 2] === "no") || (i > 2 && low[i - 3] === "no" && (low[i - 1] === "or" || low[i - 1] === "nor"))) {
    valence = VADER_LEXICON.get(key) * N_SCALAR;
  }
  if (isUpper(item) && capDifferent) valence += valence > 0 ? C_INCR : -C_INCR;
  for (let start = 0; start < 3; start++) {
    if (i > start && !inLexicon(low[i - (start + 1)])) {
      let s = scalarIncDec(all[i - (start + 1)], valence, capDifferent);
      if (start === 1 && s !== 0) s = s * 0.95;
      if (start === 2 && s !== 0) s = s * 0.9;
      valence = valence + s;
      valence = negationCheck(valence, low, start, i);
      if (start === 2) valence = idiomsCheck(valence, low, i);
    }
  }
  return leastCheck(valence, low, i);
}

/** Python's round(x, 4): the nearest of the double's exact value, ties to even. toFixed
 * rounds ties away from zero; a double is exactly halfway only when it is an odd 32nd. */
function round4(x) {
  if (Number.isInteger(x * 32) && !Number.isInteger(x * 10000)) {
    const low = Math.floor(x * 10000);
    return (low % 2 === 0 ? low : low + 1) / 10000;
  }
  return Number(x.toFixed(4));
}

/** vaderSentiment's polarity_scores(text)["compound"]: from -1 (most negative) to 1. */
export function vaderCompound(text) {
  let plain = "", previousSpace = true;
  for (const char of text) {
    const description = VADER_EMOJIS.get(char);
    if (description !== undefined) {
      if (!previousSpace) plain += " ";
      plain += description;
      previousSpace = false;
    } else {
      plain += char;
      previousSpace = char === " ";
    }
  }
  plain = pyStrip(plain);
  const all = words(plain);
  const low = all.map(lower);
  const capitals = all.filter(isUpper).length;
  const capDifferent = all.length - capitals > 0 && all.length - capitals < all.length;
  let sentiments = [];
  all.forEach((item, i) => {
    if (BOOSTERS.has(low[i]) || (i < all.length - 1 && low[i] === "kind" && low[i + 1] === "of")) sentiments.push(0);
    else sentiments.push(valenceOf(item, i, all, low, capDifferent));
  });
  const but = low.indexOf("but");
  if (but >= 0) {
    // As the Python does: each value goes to where the first equal value is.
    for (let n = 0; n < sentiments.length; n++) {
      const sentiment = sentiments[n], si = sentiments.indexOf(sentiment);
      if (si < but) sentiments.splice(si, 1, sentiment * 0.5);
      else if (si > but) sentiments.splice(si, 1, sentiment * 1.5);
    }
  }
  if (!sentiments.length) return 0.0;
  let sum = 0;
  for (const s of sentiments) sum += s;
  const marks = Math.min([...plain.matchAll(/!/g)].length, 4) * 0.292;
  const questions = [...plain.matchAll(/\?/g)].length;
  const emphasis = marks + (questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0);
  if (sum > 0) sum += emphasis;
  else if (sum < 0) sum -= emphasis;
  const compound = Math.max(-1.0, Math.min(1.0, sum / Math.sqrt(sum * sum + 15)));
  return round4(compound);
}
