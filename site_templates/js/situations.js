/**
 * situations.js: which situation a customer's message is in, as the Python checker detects
 * it (generator/checking/situations.py, generator/text/signals.py), from the export's
 * `detection` section: signals as Snowball stems in order, the cues (sentiment, shouting,
 * negation, questions) and a precedence. Regular expressions read characters as Python's
 * do: a word character is a letter, a number or "_", white space is str.isspace().
 * Part of playbook-check.js.
 */

import { PY_SPACE, APOSTROPHES, length } from "./unicode.js";
import { Reading } from "./reading.js";
import { casefold } from "./casefold.js";
import { EnglishStemmer, ItalianStemmer } from "./stemmers.js";
import { vaderCompound } from "./vader.js";

const WORD_CHAR = "[\\p{L}\\p{N}_]", LETTER_OR_DIGIT = "[\\p{L}\\p{N}]";
const NOT_SPACE = `[^${PY_SPACE.slice(1, -1)}]`;
const EMOJI = "[\\u{1F300}-\\u{1FAFF}\\u2600-\\u27BF]";
const WORD_KEEP = new RegExp(`${LETTER_OR_DIGIT}+(?:[${APOSTROPHES}]${LETTER_OR_DIGIT}+)*|${EMOJI}`, "gu");
const WORD_SPLIT = new RegExp(`${LETTER_OR_DIGIT}+|${EMOJI}`, "gu");
const SIGNAL_NOT_WORDS = new RegExp(`(?:https?://|www\\.)${NOT_SPACE}+|@${WORD_CHAR}+`, "gu");
const NOT_WORDS = new RegExp(`(?:https?://|www\\.)${NOT_SPACE}+|[@#]${WORD_CHAR}+`, "gu");
const ALL_WORDS = new RegExp(`${LETTER_OR_DIGIT}+`, "gu");
const SENTENCES = /[.!?\n]+/u, SENTENCE_ENDS = /[.!?\n]+/gu;
// Python's \b[^\W\d_a-z]{3,}\b: a word of three characters or more, none a-z or a digit.
const CAPITALS = new RegExp(`(?<!${WORD_CHAR})(?:(?![\\p{Nd}a-z])${LETTER_OR_DIGIT}){3,}(?!${WORD_CHAR})`, "gu");
// Python's str.isupper: a cased letter, and none in lower or title case (CJK has no case).
const CAPITAL_LETTER = /\p{Uppercase}/u, NOT_CAPITAL = /[\p{Lowercase}\p{Lt}]/u;
const allCapitals = (word) => CAPITAL_LETTER.test(word) && !NOT_CAPITAL.test(word);
const OTHER_APOSTROPHES = new RegExp(`[${APOSTROPHES.slice(1)}]`, "g");
const STEMMERS = { english: EnglishStemmer, italian: ItalianStemmer };

export class DetectionError extends Error {
  name = "DetectionError";
}

/** The words of a text (in NFC) with their stems, as generator.text.signals.words. */
function wordsOf(text, detector) {
  const skipped = [...text.matchAll(SIGNAL_NOT_WORDS)].map((m) => [m.index, m.index + m[0].length]);
  const found = [];
  for (const m of text.matchAll(detector.split ? WORD_SPLIT : WORD_KEEP)) {
    if (skipped.some(([start, end]) => start <= m.index && m.index < end)) continue;
    const form = casefold(m[0].replace(OTHER_APOSTROPHES, "'"));
    found.push({ stem: detector.stem(form), form, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

const matches = (signal, words) =>
  words.length === signal.length && signal.every((token, i) => token === words[i].stem || token === `=${words[i].form}`);

/** The detector of a `detection` section, compiled once. */
export function compileDetection(data) {
  let stem = (word) => word;
  if (data.stemmer) {
    const Stemmer = STEMMERS[data.stemmer];
    if (!Stemmer) throw new DetectionError(`this checker has no '${data.stemmer}' stemmer: it stems ${Object.keys(STEMMERS).join(", ")}`);
    const stemmer = new Stemmer(), cache = new Map();
    stem = (word) => {
      let found = cache.get(word);
      if (found === undefined) cache.set(word, (found = stemmer.stemWord(word)));
      return found;
    };
  }
  const index = new Map(); // first token -> [situation, phrase, tokens]
  const stems = new Map(); // situation, newline, phrase -> tokens
  for (const [situation, entries] of Object.entries(data.signals)) {
    for (const entry of entries) {
      if (!index.has(entry.stems[0])) index.set(entry.stems[0], []);
      index.get(entry.stems[0]).push([situation, entry.phrase, entry.stems]);
      stems.set(`${situation}\n${entry.phrase}`, entry.stems);
    }
  }
  return {
    stem,
    index,
    stems,
    split: Boolean(data.split_apostrophes),
    precedence: data.precedence,
    cues: data.cues,
    sentiment: data.sentiment,
    negations: new Set(data.negations ?? []),
    suffixes: data.negation_suffixes ?? [],
    openers: data.question_openers.map((e) => e.stems),
    // exports before praise words: the praise cue reads the sentiment score alone
    praise: data.praise_words ? data.praise_words.map((e) => e.stems) : null,
    neutral: (data.neutral_phrases ?? []).map((e) => e.stems),
  };
}

function sentiment(detector, message, stems) {
  const { analyser, valences, negations } = detector.sentiment;
  if (analyser === "vader") return vaderCompound(message);
  if (analyser !== "lexicon") throw new DetectionError(`this checker has no '${analyser}' sentiment analyser`);
  let total = 0.0;
  stems.forEach((stem, i) => {
    let value = Object.hasOwn(valences, stem) ? valences[stem] : 0;
    if (value && i && negations.includes(stems[i - 1])) value = -value / 2;
    total += value;
  });
  return total / Math.sqrt(total * total + 15);
}

function opens(detector, message) {
  return message
    .replace(NOT_WORDS, " ")
    .split(SENTENCES)
    .some((sentence) => {
      const words = wordsOf(sentence, detector);
      return detector.openers.some((opener) => matches(opener, words.slice(0, opener.length)));
    });
}

/** Where the message's questions are, as [start, end) pairs: sentences that open with a
 * question opener or end with a question mark. */
function asked(detector, message) {
  const plain = message.replace(NOT_WORDS, (m) => " ".repeat(m.length));
  const found = [];
  let start = 0;
  for (const end of [...plain.matchAll(SENTENCE_ENDS), null]) {
    const stop = end ? end.index : plain.length;
    const words = wordsOf(plain.slice(start, stop), detector);
    if ((end && end[0].includes("?")) || detector.openers.some((o) => matches(o, words.slice(0, o.length)))) {
      found.push([start, stop]);
    }
    start = end ? end.index + end[0].length : stop;
  }
  return found;
}

/** The indices of the words inside the message's neutral phrases ("can't wait"). */
function neutralWords(detector, words) {
  const covered = new Set();
  words.forEach((_, i) => {
    for (const phrase of detector.neutral) {
      if (matches(phrase, words.slice(i, i + phrase.length))) phrase.forEach((_, k) => covered.add(i + k));
    }
  });
  return covered;
}

/** The cues that fire, as [situation, cue name]; `stems` are the words' outside neutral
 * phrases and questions (for the negation cue). */
function cued(detector, message, stems, score) {
  const { cues } = detector, found = [];
  if (cues.sentiment && score < cues.sentiment.below) found.push([cues.sentiment.situation, "sentiment"]);
  const shouting = cues.shouting;
  if (shouting && score < shouting.below) {
    const plain = message.replace(NOT_WORDS, " ");
    const capitals = (plain.match(CAPITALS) ?? []).filter((w) => length(w) >= shouting.min_letters && allCapitals(w));
    const share = capitals.length / Math.max((plain.match(ALL_WORDS) ?? []).length, 1);
    if ((capitals.length >= shouting.min_capital_words && share >= shouting.min_share) || new RegExp(shouting.repeated, "u").test(plain)) {
      found.push([shouting.situation, "shouting"]);
    }
  }
  if (cues.negation && score < cues.negation.below) {
    if (stems.some((s) => isNegation(detector, s))) found.push([cues.negation.situation, "negation"]);
  }
  const cue = cues.question;
  if (cue && (opens(detector, message) || (score < cue.below && new RegExp(cue.pattern, "u").test(message)))) {
    found.push([cue.situation, "question"]);
  }
  return found;
}

const isNegation = (detector, stem) => {
  const plain = stem.replace(/^=/, "");
  return detector.negations.has(plain) || detector.suffixes.some((suffix) => plain.endsWith(suffix));
};

/** The evidence for the situation that counts for its confidence, as Detector._pieces: its
 * signals (on overlapping words, one), its cues but the negation, and one negation told
 * outside those signals; a signal of negation words only counts as that negation. */
function confidencePieces(detector, situation, evidence, cues, told) {
  const found = new Set(), spans = [];
  let negated = false;
  for (const [s, phrase, start, end] of evidence) {
    if (s !== situation) continue;
    if (detector.stems.get(`${s}\n${phrase}`).every((t) => isNegation(detector, t))) {
      negated ||= told.some((w) => w.start === start);
    } else if (!spans.some(([a, b]) => start < b && a < end)) {
      spans.push([start, end]);
      found.add(`signal '${phrase}'`);
    }
  }
  for (const [s, name] of cues) if (s === situation && name !== "negation") found.add(`cue ${name}`);
  if (cues.some(([s, name]) => s === situation && name === "negation")) {
    negated ||= told.some((w) => isNegation(detector, w.stem) && !spans.some(([a, b]) => a <= w.start && w.start < b));
  }
  if (negated) found.add("a negation");
  return [...found];
}

/** Whether the message holds a praise word (always, for exports without praise words). */
const praised = (detector, words) =>
  detector.praise === null || words.some((_, i) => detector.praise.some((p) => matches(p, words.slice(i, i + p.length))));

/** The situation of a customer's message (Checker.detect_situation), or null. */
export function detect(detector, text) {
  return detectWithConfidence(detector, text).situation;
}

/** The situation of a customer's message and its confidence (Checker.situation_of):
 * { situation, confidence: "strong" | "weak" | null, pieces }. */
export function detectWithConfidence(detector, text) {
  const message = new Reading(text).nfc;
  const words = wordsOf(message, detector);
  const stems = words.map((w) => w.stem);
  const covered = neutralWords(detector, words);
  let evidence = []; // [situation, signal, start, end]
  words.forEach((word, i) => {
    for (const key of [word.stem, `=${word.form}`]) {
      for (const [situation, phrase, signal] of detector.index.get(key) ?? []) {
        const free = signal.every((_, k) => !covered.has(i + k));
        if (free && matches(signal, words.slice(i, i + signal.length))) {
          evidence.push([situation, phrase, word.start, words[i + signal.length - 1].end]);
        }
      }
    }
  });
  const score = sentiment(detector, message, stems);
  const praise = detector.cues.praise;
  if (praise && score >= praise.at_least) {
    const own = new Set(evidence.filter(([s]) => s === praise.situation).map(([, phrase]) => phrase));
    if (own.size && own.size < praise.signals && praised(detector, words)) {
      evidence = evidence.filter(([s]) => s !== praise.situation);
    }
  }
  // what the message tells: negations in its questions ask, they do not tell
  const questions = asked(detector, message);
  const told = words.filter((w, i) => !covered.has(i) && !questions.some(([start, end]) => start <= w.start && w.start < end));
  const cues = cued(
    detector,
    message,
    told.map((w) => w.stem),
    score,
  );
  const found = new Set([...evidence.map(([s]) => s), ...cues.map(([s]) => s)]);
  const situation = detector.precedence.find((s) => found.has(s)) ?? null;
  if (situation === null) return { situation, confidence: null, pieces: [] };
  const counted = confidencePieces(detector, situation, evidence, cues, told);
  return { situation, confidence: counted.length >= 2 ? "strong" : "weak", pieces: counted };
}
