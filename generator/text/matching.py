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
from collections.abc import Set as AbstractSet
from typing import NamedTuple

import ahocorasick

from generator.text.reading import APOSTROPHES, Reading, canonical_term

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

#: The most characters of terms an index may hold (about 200,000 terms): the automaton takes
#: some 100 bytes a character, so this keeps the terms within a few hundred MB.
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


class Match(NamedTuple):
    start: int
    end: int
    term: int  # which of the group's terms (its index in the group)


class TermGroup(NamedTuple):
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
                "that playbook compiles: shorten the lists of terms."
            )
        self._automata = {
            case_sensitive: _automaton(keys) for case_sensitive, keys in entries.items() if keys
        }

    def find(
        self, text: str | Reading, active: AbstractSet[int] | None = None
    ) -> dict[int, list[Match]]:
        """The matches of each group found in the text (of the `active` ones, by default of
        all), at offsets of the text as typed; a group found nowhere is left out."""
        reading = text if isinstance(text, Reading) else Reading(text)
        found: dict[int, list[Match]] = {}
        excepted: dict[int, list[Match]] = {}
        words = reading.canonical
        size = len(words)
        for case_sensitive, automaton in self._automata.items():
            haystack = words if case_sensitive else reading.folded
            for end, (length, owners) in automaton.iter(haystack):
                # Whole words only: no word character (letter, digit, _) on either side.
                start = end - length + 1
                if start:
                    char = words[start - 1]
                    if char.isalnum() or char == "_":
                        continue
                end += 1
                if end < size:
                    char = words[end]
                    if char.isalnum() or char == "_":
                        continue
                for number, role, index in owners:
                    if active is not None and number not in active:
                        continue
                    spans = found if role == _TERM else excepted
                    if number in spans:
                        spans[number].append(Match(start, end, index))
                    else:
                        spans[number] = [Match(start, end, index)]
        if reading.as_typed and not excepted:  # the common case: nothing to settle or map
            for number, matches in found.items():
                if len(matches) > 1:
                    found[number] = _leftmost_longest(matches)
            return found
        return {
            number: _matches(reading, spans, excepted.get(number))
            for number, spans in found.items()
        }


def _automaton(keys: dict[str, dict[tuple[int, int], int]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, owners in keys.items():
        automaton.add_word(key, (len(key), tuple((n, r, i) for (n, r), i in owners.items())))
    automaton.make_automaton()
    return automaton


def _leftmost_longest(spans: list[Match]) -> list[Match]:
    kept, last = [], 0
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] >= last:
            kept.append(span)
            last = span[1]
    return kept


def _matches(reading: Reading, spans: list[Match], exceptions: list[Match] | None) -> list[Match]:
    kept = _leftmost_longest(spans) if len(spans) > 1 else spans
    if exceptions:
        allowed = _leftmost_longest(exceptions)
        starts = [s for s, _, _ in allowed]
        kept = [k for k in kept if not _inside(k, allowed, starts)]
    if reading.as_typed:
        return kept
    return [Match(*reading.span(start, end), index) for start, end, index in kept]


def _inside(span: Match, allowed: list[Match], starts: list[int]) -> bool:
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
        return iter(self._index.find(text).get(0, ()))

    def search(self, text: str | Reading) -> Match | None:
        return next(self.finditer(text), None)
