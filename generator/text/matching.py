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
there are. Each whole-word occurrence is then given to its groups as a compact span (start,
end, group, term), and a group that has two or more keeps the leftmost, longest of
overlapping ones, as a regular expression of the alternatives would.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Container, Iterator, Sequence
from typing import NamedTuple

import ahocorasick

from generator.text.reading import APOSTROPHES, Reading, canonical_term, read

__all__ = [
    "APOSTROPHES",
    "MAX_TERM_CHARACTERS",
    "Match",
    "Reading",
    "Span",
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


#: A match of a group's term: (start, end, group, index of the term in the group).
Span = tuple[int, int, int, int]


class TermGroup(NamedTuple):
    """The terms one rule looks for."""

    terms: tuple[str, ...]
    case_sensitive: bool = False
    exceptions: tuple[str, ...] = ()


_TERM, _EXCEPTION = 0, 1
_GROUP = operator.itemgetter(2)
_GROUP_START = operator.itemgetter(2, 0)


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

    def spans(self, text: str | Reading, wanted: Container[int] | None = None) -> list[Span]:
        """The matches of the `wanted` groups (by default all) as (start, end, group, term)
        at offsets of the text as typed: within a group the leftmost, longest of overlapping
        ones, by start, and none inside one of its exceptions; groups in no set order."""
        reading = text if isinstance(text, Reading) else read(text)
        if wanted is None:
            wanted = range(len(self.groups))
        hits: list[Span] = []
        excepted: list[Span] = []
        words = reading.canonical
        size = len(words)
        for case_sensitive, automaton in self._automata.items():
            haystack = words if case_sensitive else reading.folded
            for end, (length, number, index, others) in automaton.iter(haystack):
                # Whole words only: no word character (letter, digit, _) on either side; most
                # often a space, which is compared first as the cheapest test.
                start = end - length + 1
                if start:
                    char = words[start - 1]
                    if char != " " and (char.isalnum() or char == "_"):
                        continue
                end += 1
                if end < size:
                    char = words[end]
                    if char != " " and (char.isalnum() or char == "_"):
                        continue
                if others is None:  # most terms: of one group, not an exception
                    if number in wanted:
                        hits.append((start, end, number, index))
                    continue
                for number, index in others:
                    if number in wanted:
                        if index < 0:
                            excepted.append((start, end, number, ~index))
                        else:
                            hits.append((start, end, number, index))
        if not hits:
            return []
        # Overlapping matches of a group need settling only where a group has two or more.
        if len(hits) > 1 and len(set(map(_GROUP, hits))) < len(hits):
            hits = _leftmost_longest(hits)
        if excepted:
            hits = _outside(hits, _leftmost_longest(excepted))
        return hits if reading.as_typed else reading.typed_spans(hits)

    def find(
        self, text: str | Reading, active: Container[int] | None = None
    ) -> dict[int, list[Match]]:
        """The matches of each group found in the text (of the `active` ones, by default of
        all), at offsets of the text as typed; a group found nowhere is left out."""
        found: dict[int, list[Match]] = {}
        for start, end, group, term in self.spans(text, active):
            if group in found:
                found[group].append(Match(start, end, term))
            else:
                found[group] = [Match(start, end, term)]
        return found


def _automaton(keys: dict[str, dict[tuple[int, int], int]]) -> ahocorasick.Automaton:
    """Each key with its length and owners: (length, group, index of the term, None) for the
    key of one group's term, else (length, -1, -1, owners), an owner being (group, index of
    the term) or (group, ~index of the exception), so that its role is the index's sign."""
    automaton = ahocorasick.Automaton()
    for key, owners in keys.items():
        if len(owners) == 1 and next(iter(owners))[1] == _TERM:
            ((number, _), index), *_ = owners.items()
            automaton.add_word(key, (len(key), number, index, None))
        else:
            others = tuple((n, i if r == _TERM else ~i) for (n, r), i in owners.items())
            automaton.add_word(key, (len(key), -1, -1, others))
    automaton.make_automaton()
    return automaton


def _leftmost_longest(spans: list[Span]) -> list[Span]:
    """The spans, as found (by end), as a regular expression of a group's alternatives would
    find them: of overlapping ones, the leftmost, then the longest; sorted by group and start."""
    # Reversed, the spans of a group that start together come longest first; sorting is
    # stable, so they stay so.
    spans.reverse()
    spans.sort(key=_GROUP_START)
    kept: list[Span] = []
    group, last = -1, 0
    for span in spans:
        if span[2] != group:
            group = span[2]
        elif span[0] < last:
            continue
        last = span[1]
        kept.append(span)
    return kept


def _outside(kept: list[Span], exceptions: list[Span]) -> list[Span]:
    """The spans that lie within none of their group's (sorted, disjoint) exception spans."""
    allowed: dict[int, tuple[list[int], list[int]]] = {}
    for start, end, group, _ in exceptions:
        starts, ends = allowed.setdefault(group, ([], []))
        starts.append(start)
        ends.append(end)
    out = []
    for span in kept:
        spans = allowed.get(span[2])
        if spans is not None:
            index = bisect.bisect_right(spans[0], span[0]) - 1
            if index >= 0 and span[1] <= spans[1][index]:
                continue
        out.append(span)
    return out


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
