"""Finding terms and phrases in text: whole words, Unicode-aware, apostrophe- and case-tolerant.

The semantics, spelled out for other implementations in the JSON export:
- a term matches a run of the text equal to it, except that any run of white space in the
  term matches any run of white space in the text, and the apostrophes ' and ’ are equal;
- unless the term is case-sensitive, letters compare by Unicode case folding;
- the run is a whole word: no word character (Unicode letter, digit, or underscore) right
  before or after it, so "hey" does not match "they" and "operatore" matches "l'operatore";
- text and terms are compared in Unicode normal form C, so "perché" matches however typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import re2

APOSTROPHES = "'’ʼ"
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False
_SPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def canonical(term: str, case_sensitive: bool) -> str:
    """The form under which two spellings of a term are the same term."""
    term = _SPACE.sub(" ", nfc(term).strip())
    for apostrophe in APOSTROPHES[1:]:
        term = term.replace(apostrophe, "'")
    return term if case_sensitive else term.casefold()


def _escape(term: str) -> str:
    """A term as RE2 syntax: any white space run for a space, any apostrophe for one."""
    parts = []
    for char in term:
        if char == " ":
            parts.append(r"\s+")
        elif char == "'":
            parts.append(f"[{APOSTROPHES}]")
        elif char.isascii() and not char.isalnum():
            parts.append("\\" + char)
        else:
            parts.append(char)
    return "".join(parts)


def _edge(char: str) -> str:
    # RE2's \b knows only ASCII word characters: it is a safe (looser) boundary only next to
    # an ASCII letter or digit; the exact Unicode boundary is checked afterwards.
    return r"\b" if char.isascii() and (char.isalnum() or char == "_") else ""


def prefilter(terms: Sequence[str], case_sensitive: bool) -> str:
    """An RE2 pattern that finds every match of the terms (and perhaps a few more)."""
    canon = {canonical(t, True) for t in terms if t.strip()}
    alternatives = [
        _edge(term[0]) + _escape(term) + _edge(term[-1])
        for term in sorted(canon, key=lambda t: (-len(t), t))
    ]
    joined = "|".join(alternatives) or r"[^\x{0}-\x{10FFFF}]"
    return f"(?:{joined})" if case_sensitive else f"(?i:{joined})"


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    index: int  # which of the matcher's terms


class TermMatcher:
    """Finds any of a list of terms as whole words, skipping those inside exception phrases.

    RE2 finds candidates in one linear pass; Python's `re`, whose lookarounds know Unicode word
    characters, settles the rare candidate that turns out to be part of a longer word.
    """

    def __init__(
        self, terms: Sequence[str], *, case_sensitive: bool = False, exceptions: Sequence[str] = ()
    ) -> None:
        self.case_sensitive = case_sensitive
        self._index: dict[str, int] = {}
        for i, term in enumerate(terms):
            self._index.setdefault(canonical(term, case_sensitive), i)
        self._candidates = re2.compile(prefilter(terms, case_sensitive), options=_RE2_OPTIONS)
        self._terms = tuple(terms)
        self._exact: re.Pattern[str] | None = None  # compiled on first need: rarely needed
        self._margin = 4 * max((len(t) for t in self._index), default=0) + 16
        self._exceptions = (
            TermMatcher(exceptions, case_sensitive=case_sensitive)
            if any(e.strip() for e in exceptions)
            else None
        )

    def finditer(self, text: str) -> Iterator[Match]:
        if not self._index:
            return
        last, excepted = 0, None
        for found in self._candidates.finditer(text):
            start, end = found.span()
            if start < last:
                continue
            if not _whole(text, start, end):
                span = self._exact_near(text, start, end)
                if span is None:
                    continue
                start, end = span
            last = end
            if self._exceptions is not None:
                if excepted is None:
                    excepted = [(m.start, m.end) for m in self._exceptions.finditer(text)]
                if any(s <= start and end <= e for s, e in excepted):
                    continue
            key = canonical(text[start:end], self.case_sensitive)
            yield Match(start, end, self._index.get(key, 0))

    def _exact_near(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A whole-word match that starts inside a candidate that was part of a longer word."""
        if self._exact is None:
            self._exact = _exact(self._terms, self.case_sensitive)
        limit = min(len(text), end + self._margin)
        found = self._exact.search(text, start, limit)
        while found is not None and found.start() < end:
            if _whole(text, *found.span()):
                return found.span()
            found = self._exact.search(text, found.start() + 1, limit)
        return None

    def search(self, text: str) -> Match | None:
        return next(self.finditer(text), None)


def _whole(text: str, start: int, end: int) -> bool:
    return not (start and _is_word(text[start - 1])) and not (
        end < len(text) and _is_word(text[end])
    )


def _exact(terms: Sequence[str], case_sensitive: bool) -> re.Pattern[str]:
    patterns = sorted({_python_pattern(t) for t in terms if t.strip()}, key=lambda p: (-len(p), p))
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")", flags)


def _python_pattern(term: str) -> str:
    words = canonical(term, case_sensitive=True).split(" ")
    return r"\s+".join(re.escape(w).replace("'", f"[{APOSTROPHES}]") for w in words)
