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

APOSTROPHES = "'’ʼ"
_SPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def canonical(term: str, case_sensitive: bool) -> str:
    """The form under which two spellings of a term are the same term."""
    term = _SPACE.sub(" ", nfc(term).strip())
    for apostrophe in APOSTROPHES[1:]:
        term = term.replace(apostrophe, "'")
    return term if case_sensitive else term.casefold()


def term_pattern(term: str) -> str:
    """A regular expression (Python and RE2 syntax) for a term, without its word boundaries."""
    words = canonical(term, case_sensitive=True).split(" ")
    escaped = (re.escape(word).replace("'", f"[{APOSTROPHES}]") for word in words)
    return r"\s+".join(escaped)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    index: int  # which of the matcher's terms


class TermMatcher:
    """Finds any of a list of terms as whole words, skipping those inside exception phrases."""

    def __init__(
        self, terms: Sequence[str], *, case_sensitive: bool = False, exceptions: Sequence[str] = ()
    ) -> None:
        self.case_sensitive = case_sensitive
        self._index: dict[str, int] = {}
        for i, term in enumerate(terms):
            self._index.setdefault(canonical(term, case_sensitive), i)
        self._regex = _compile(terms, case_sensitive)
        self._exceptions = _compile(exceptions, case_sensitive) if exceptions else None

    def finditer(self, text: str) -> Iterator[Match]:
        if self._regex is None:
            return
        excepted: list[tuple[int, int]] | None = None
        for found in self._regex.finditer(text):
            start, end = found.span()
            if self._exceptions is not None:
                if excepted is None:
                    excepted = [m.span() for m in self._exceptions.finditer(text)]
                if any(s <= start and end <= e for s, e in excepted):
                    continue
            key = canonical(found.group(), self.case_sensitive)
            yield Match(start, end, self._index.get(key, 0))

    def search(self, text: str) -> Match | None:
        return next(self.finditer(text), None)


def _compile(terms: Sequence[str], case_sensitive: bool) -> re.Pattern[str] | None:
    patterns = sorted({term_pattern(t) for t in terms if t.strip()}, key=lambda p: (-len(p), p))
    if not patterns:
        return None
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", flags)
