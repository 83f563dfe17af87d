"""A reply as the rules read it, with the way back to the text as the user typed it.

Rules compare text in Unicode normal form C (`nfc`); terms are found in a canonical form of
that text (`canonical`: every run of white space one space, the apostrophes ’ and ʼ as ')
and, unless case-sensitive, its case folding (`folded`, letter for letter). Positions found in
either are mapped back to the reply as typed, so a finding points at what the user wrote even
when the editor sent decomposed accents or several spaces.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

APOSTROPHES = "'’ʼ"
_SPACES = re.compile(r"\s\s+")
_OTHER_SPACE = re.compile(r"[^\S ]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def fold(text: str) -> str:
    """Unicode simple case folding: one character for one, so positions stay where they were."""
    folded = text.casefold()
    if len(folded) == len(text):  # casefold never shortens: equal length means one for one
        return folded
    return "".join(
        piece.lower() if piece.isascii() else _fold_run(piece) for piece in _RUNS.findall(text)
    )


def _fold_run(run: str) -> str:
    folded = run.casefold()
    return folded if len(folded) == len(run) else "".join(_fold_char(c) for c in run)


def _fold_char(char: str) -> str:
    for candidate in (char.casefold(), char.lower()):
        if len(candidate) == 1:
            return candidate
    return char


def canonical_term(term: str, case_sensitive: bool) -> str:
    """A term in the form it is looked for in a reply's canonical text."""
    if term.isascii():  # already NFC, no other apostrophes: only spaces and case to settle
        words = " ".join(term.split())
        return words if case_sensitive else words.lower()
    reading = Reading(term.strip())
    return reading.canonical if case_sensitive else reading.folded


#: A span, (start, end), with two numbers that say what it is a span of.
Spanned = tuple[int, int, int, int]


class Reading:
    """One reply read once: its NFC and canonical forms and their offsets back to `text`."""

    # Changed pieces of the NFC text: (nfc start, nfc end, typed start, typed end).
    _nfc_pieces: list[tuple[int, int, int, int]]
    _nfc_starts: list[int]
    # Runs of two or more spaces, each one space in the canonical text: (canonical
    # position, nfc start, nfc end).
    _runs: list[tuple[int, int, int]]
    _run_starts: list[int]

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        if text.isascii() and text.isprintable() and "  " not in text:
            # Most replies: NFC already, one space between words and no other white space
            # (ASCII's other white space is unprintable), no apostrophe but '.
            self.nfc = self.canonical = text
            self._nfc_pieces, self._nfc_starts, self._runs, self._run_starts = [], [], [], []
            self.as_typed = True
            return
        self._nfc_pieces = []
        self.nfc = text if unicodedata.is_normalized("NFC", text) else self._normalise(text)
        self._nfc_starts = [p[0] for p in self._nfc_pieces]
        self._runs = []
        removed = 0
        for run in _SPACES.finditer(self.nfc):
            start, end = run.span()
            self._runs.append((start - removed, start, end))
            removed += end - start - 1
        self._run_starts = [r[0] for r in self._runs]
        canonical = _SPACES.sub(" ", self.nfc) if self._runs else self.nfc
        if _OTHER_SPACE.search(canonical):  # str.replace is many times faster than re.sub
            canonical = canonical.replace("\n", " ").replace("\t", " ")
            if _OTHER_SPACE.search(canonical):
                canonical = _OTHER_SPACE.sub(" ", canonical)
        for apostrophe in APOSTROPHES[1:]:
            if apostrophe in canonical:
                canonical = canonical.replace(apostrophe, "'")
        self.canonical = canonical
        #: Whether offsets in the canonical text are offsets in the text as typed.
        self.as_typed = not self._runs and not self._nfc_pieces

    @property
    def folded(self) -> str:
        """The canonical text case-folded, letter for letter."""
        if self._folded is None:
            self._folded = fold(self.canonical)
        return self._folded

    def _normalise(self, text: str) -> str:
        """NFC of a text, remembering which typed characters each changed piece came from.

        A character before an ASCII one never composes with it, so the text splits into
        pieces, each a non-ASCII run with the character before it; a piece that NFC changes
        is split further into clusters (a starter and its combining marks, merged with the
        next when they compose) so that a change stays as local as it can be.
        """
        out, typed_at, nfc_at = [], 0, 0
        for run in _NON_ASCII.finditer(text):
            start = max(run.start() - 1, typed_at)
            piece = text[start : run.end()]
            if unicodedata.is_normalized("NFC", piece):
                continue
            out.append(text[typed_at:start])
            nfc_at += start - typed_at
            for begin, end in _clusters(piece):
                normal = unicodedata.normalize("NFC", piece[begin:end])
                if normal != piece[begin:end]:
                    self._nfc_pieces.append(
                        (nfc_at, nfc_at + len(normal), start + begin, start + end)
                    )
                out.append(normal)
                nfc_at += len(normal)
            typed_at = run.end()
        out.append(text[typed_at:])
        return "".join(out)

    def nfc_span(self, start: int, end: int) -> tuple[int, int]:
        """The typed span of a span of the NFC text."""
        if not self._nfc_pieces:
            return start, end
        typed = self._typed([(start, end, 0, 0)])[0]
        return typed[0], typed[1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The typed span of a span of the canonical text."""
        typed = self.typed_spans([(start, end, 0, 0)])[0]
        return typed[0], typed[1]

    def typed_spans(self, spans: list[Spanned]) -> list[Spanned]:
        """Spans of the canonical text, (start, end) and two numbers that stay as they are,
        as spans of the text as typed."""
        if self._runs:
            spans = self._nfc(spans)
        if self._nfc_pieces:
            spans = self._typed(spans)
        return spans

    def _nfc(self, spans: list[Spanned]) -> list[Spanned]:
        """Canonical spans as NFC spans: a space that stands for a run of them stands for all
        of it, where a span starts or ends there."""
        runs, starts = self._runs, self._run_starts
        out = []
        for start, end, first, second in spans:
            index = bisect.bisect_right(starts, start) - 1
            if index < 0:
                nfc_start = start
            else:
                position, run_start, run_end = runs[index]
                nfc_start = run_start if start == position else run_end + start - position - 1
            if end > start:
                index = bisect.bisect_right(starts, end - 1) - 1
                nfc_end = end if index < 0 else runs[index][2] + end - runs[index][0] - 1
            else:
                nfc_end = nfc_start
            out.append((nfc_start, nfc_end, first, second))
        return out

    def _typed(self, spans: list[Spanned]) -> list[Spanned]:
        """NFC spans as typed spans: a span that starts or ends inside a changed piece takes
        in the whole piece as typed."""
        pieces, starts = self._nfc_pieces, self._nfc_starts
        out = []
        for start, end, first, second in spans:
            index = bisect.bisect_right(starts, start) - 1
            if index < 0:
                typed_start = start
            else:
                nfc_start, nfc_end, piece_start, piece_end = pieces[index]
                typed_start = piece_start if start < nfc_end else piece_end + start - nfc_end
            if end > start:
                index = bisect.bisect_right(starts, end - 1) - 1
                if index < 0:
                    typed_end = end
                else:
                    nfc_end, piece_end = pieces[index][1], pieces[index][3]
                    typed_end = piece_end + max(end - nfc_end, 0)
            else:
                typed_end = typed_start
            out.append((typed_start, typed_end, first, second))
        return out


def _clusters(piece: str) -> list[tuple[int, int]]:
    """A piece split where NFC of the whole is the NFC of the parts, joined."""
    bounds = (
        [0]
        + [i for i in range(1, len(piece)) if unicodedata.combining(piece[i]) == 0]
        + [len(piece)]
    )
    merged = [(bounds[0], bounds[1])]
    for begin, end in zip(bounds[1:], bounds[2:], strict=False):
        first, _ = merged[-1]
        joined = unicodedata.normalize("NFC", piece[first:end])
        apart = unicodedata.normalize("NFC", piece[first:begin]) + unicodedata.normalize(
            "NFC", piece[begin:end]
        )
        if joined == apart:
            merged.append((begin, end))
        else:
            merged[-1] = (first, end)
    return merged


_last: Reading | None = None


def read(text: str) -> Reading:
    """The reading of a text, the same object for the text read last: the checker and the
    term matchers of its rules read a reply once between them."""
    global _last
    last = _last  # one load: another thread may replace it meanwhile, never half-way
    if last is None or last.text is not text:
        last = _last = Reading(text)
    return last
