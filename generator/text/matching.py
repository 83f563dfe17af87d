"""Finding terms and phrases in text: whole words, Unicode-aware, apostrophe- and case-tolerant.

The semantics, spelled out for other implementations in the JSON export:
- a term matches a run of the text equal to it, except that any run of white space in the
  term matches any run of white space in the text, and the apostrophes ' ’ ʼ are equal;
- unless the term is case-sensitive, letters compare by Unicode simple case folding;
- the run is a whole word: no word character (Unicode letter, digit, or underscore) right
  before or after it, so "hey" does not match "they" and "operatore" matches "l'operatore";
- text and terms are compared in Unicode normal form C, so "perché" matches however typed;
- an exception is a phrase found the same way: a term found inside one does not count.

Every term of every group (a rule's terms, with its case sensitivity and exceptions) goes
into one Aho-Corasick automaton over the reply's canonical text (see `reading`), so that one
pass finds them all, in time linear in the reply plus what it finds, however many terms
there are. Each whole-word occurrence is then given to its groups, which keep the leftmost,
longest of overlapping ones, as a regular expression of the alternatives would.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import ahocorasick

from generator.text.reading import APOSTROPHES, Reading, canonical_term, is_word

__all__ = [
    "APOSTROPHES",
    "MAX_TERM_CHARACTERS",
    "Match",
    "Reading",
    "TermBudgetError",
    "TermGroup",
    "TermIndex",
    "TermMatcher",
    "canonical",
    "nfc",
]

#: The most characters of terms one channel may have (about 200,000 terms): the automaton takes
#: some 100 bytes a character, so this keeps a channel's terms within a few hundred MB.
MAX_TERM_CHARACTERS = 2_000_000


class TermBudgetError(ValueError):
    """The terms of a channel are too many to compile within the budget."""

    def __init__(self, message: str, channel: str | None = None) -> None:
        super().__init__(message)
        self.channel = channel


def nfc(text: str) -> str:
    return Reading(text).nfc


def canonical(term: str, case_sensitive: bool) -> str:
    """The form under which two spellings of a term are the same term."""
    return canonical_term(term, case_sensitive)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    index: int  # which of the group's terms


@dataclass(frozen=True)
class TermGroup:
    """The terms one rule looks for."""

    terms: tuple[str, ...]
    case_sensitive: bool = False
    exceptions: tuple[str, ...] = ()


_TERM, _EXCEPTION = 0, 1


class TermIndex:
    """Every term of some groups, compiled once into automata; immutable, so thread-safe."""

    def __init__(self, groups: Sequence[TermGroup]) -> None:
        self.groups = tuple(groups)
        entries: dict[bool, dict[str, dict[tuple[int, int], int]]] = {False: {}, True: {}}
        size = 0
        for number, group in enumerate(self.groups):
            keys = entries[group.case_sensitive]
            for role, terms in ((_TERM, group.terms), (_EXCEPTION, group.exceptions)):
                for index, term in enumerate(terms):
                    key = canonical_term(term, group.case_sensitive)
                    if key.strip():
                        size += len(key)
                        keys.setdefault(key, {}).setdefault((number, role), index)
        if size > MAX_TERM_CHARACTERS:
            raise TermBudgetError(
                f"the terms take {size:,} characters, more than the {MAX_TERM_CHARACTERS:,} "
                "one channel may have: split them between channels or drop some."
            )
        self._automata = {
            case_sensitive: _automaton(keys) for case_sensitive, keys in entries.items() if keys
        }
        self._has_exceptions = any(g.exceptions for g in self.groups)

    def find(self, text: str | Reading) -> list[list[Match]]:
        """For each group, its matches in the text, at offsets of the text as typed."""
        reading = text if isinstance(text, Reading) else Reading(text)
        found: list[list[tuple[int, int, int]]] = [[] for _ in self.groups]
        excepted: list[list[tuple[int, int, int]]] | None = (
            [[] for _ in self.groups] if self._has_exceptions else None
        )
        words = reading.canonical
        last = len(words) - 1
        for case_sensitive, automaton in self._automata.items():
            haystack = words if case_sensitive else reading.folded
            for end, (length, owners) in automaton.iter(haystack):
                start = end - length + 1
                if (start and is_word(words[start - 1])) or (
                    end < last and is_word(words[end + 1])
                ):
                    continue
                for number, role, index in owners:
                    (found if role == _TERM else excepted)[number].append(  # type: ignore[index]
                        (start, end + 1, index)
                    )
        return [
            _matches(reading, spans, excepted[number] if excepted else [])
            for number, spans in enumerate(found)
        ]


def _automaton(keys: dict[str, dict[tuple[int, int], int]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, owners in keys.items():
        automaton.add_word(key, (len(key), tuple((n, r, i) for (n, r), i in owners.items())))
    automaton.make_automaton()
    return automaton


def _leftmost_longest(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    kept, last = [], 0
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] >= last:
            kept.append(span)
            last = span[1]
    return kept


def _matches(
    reading: Reading, spans: list[tuple[int, int, int]], exceptions: list[tuple[int, int, int]]
) -> list[Match]:
    if not spans:
        return []
    kept = _leftmost_longest(spans)
    if exceptions:
        allowed = _leftmost_longest(exceptions)
        starts = [s for s, _, _ in allowed]
        kept = [k for k in kept if not _inside(k, allowed, starts)]
    return [Match(*reading.span(start, end), index) for start, end, index in kept]


def _inside(
    span: tuple[int, int, int], allowed: list[tuple[int, int, int]], starts: list[int]
) -> bool:
    """Whether a span lies within one of the (sorted, disjoint) exception spans."""
    index = bisect.bisect_right(starts, span[0]) - 1
    return index >= 0 and span[1] <= allowed[index][1]


class TermMatcher:
    """Finds any of a list of terms as whole words, skipping those inside exception phrases."""

    def __init__(
        self, terms: Sequence[str], *, case_sensitive: bool = False, exceptions: Sequence[str] = ()
    ) -> None:
        self.case_sensitive = case_sensitive
        self._index = TermIndex([TermGroup(tuple(terms), case_sensitive, tuple(exceptions))])

    def finditer(self, text: str | Reading) -> Iterator[Match]:
        return iter(self._index.find(text)[0])

    def search(self, text: str | Reading) -> Match | None:
        return next(self.finditer(text), None)
