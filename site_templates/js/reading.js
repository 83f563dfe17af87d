/**
 * A reply as the rules read it: normal form C, canonical and folded forms, and the way back
 * to the text as typed (Python's generator.text.reading). Part of playbook-check.js.
 */
import { PY_SPACE_RUNS, PY_SPACE_ONE, APOSTROPHE_OTHERS, NON_ASCII, fold, pyStrip, lastOfSorted, clusters } from "./unicode.js";

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
