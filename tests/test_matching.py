"""The one-pass term index against the semantics written out as regular expressions.

The oracle finds each group's terms alone with Python's `re`, whose \\w is the matcher's word
character (a letter, digit or underscore): the alternatives longest first between (?<!\\w)
and (?!\\w) find the leftmost, longest of overlapping matches, and a match inside one of the
group's exceptions (found the same way) is dropped. Texts and terms are drawn from a small
alphabet of letters, digits, punctuation, apostrophes, spaces and combining accents, so that
words touch, repeat and overlap often.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text.matching import Match, TermGroup, TermIndex, TermMatcher
from generator.text.reading import Reading, canonical_term, read

ALPHABET = "abAB1_!?' ’é\u0301"
TERMS = st.text(alphabet=ALPHABET, min_size=1, max_size=4).filter(lambda t: t.strip())
GROUPS = st.lists(
    st.tuples(
        st.lists(TERMS, min_size=1, max_size=3),
        st.booleans(),
        st.lists(TERMS, max_size=2),
    ),
    min_size=1,
    max_size=4,
)


def _finditer(keys: list[str], haystack: str) -> list[tuple[int, int, str]]:
    alternatives = "|".join(re.escape(k) for k in sorted(set(keys), key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(haystack)]


def _oracle(group: TermGroup, text: str) -> list[Match]:
    reading = Reading(text)
    haystack = reading.canonical if group.case_sensitive else reading.folded
    keys = [canonical_term(t, group.case_sensitive) for t in group.terms]
    keys = [k for k in keys if k.strip()]
    if not keys:
        return []
    excepted = [canonical_term(t, group.case_sensitive) for t in group.exceptions]
    allowed = _finditer([e for e in excepted if e.strip()], haystack) if excepted else []
    found = []
    for start, end, key in _finditer(keys, haystack):
        if any(a <= start and end <= b for a, b, _ in allowed):
            continue
        found.append(Match(*reading.span(start, end), keys.index(key)))
    return found


@settings(max_examples=400, deadline=None)
@given(GROUPS, st.text(alphabet=ALPHABET + "\t\n", max_size=30))
def test_the_index_finds_what_each_group_finds_by_regular_expression(
    groups: list[tuple[list[str], bool, list[str]]], text: str
) -> None:
    index = TermIndex([TermGroup(tuple(t), case, tuple(e)) for t, case, e in groups])
    found = index.find(text)
    for number, group in enumerate(index.groups):
        assert found.get(number, []) == _oracle(group, text), number
    assert all(found.values())


@settings(max_examples=200, deadline=None)
@given(GROUPS, st.text(alphabet=ALPHABET, max_size=30), st.data())
def test_only_the_wanted_groups_are_looked_for(
    groups: list[tuple[list[str], bool, list[str]]], text: str, data: st.DataObject
) -> None:
    index = TermIndex([TermGroup(tuple(t), case, tuple(e)) for t, case, e in groups])
    wanted = data.draw(st.frozensets(st.integers(0, len(groups) - 1)))
    every = index.spans(text)
    assert sorted(index.spans(text, wanted)) == sorted(s for s in every if s[2] in wanted)


@pytest.mark.parametrize(
    ("terms", "exceptions", "text", "spans"),
    [
        (["!"], [], "Wow !!", [(4, 5), (5, 6)]),  # touching matches of one group both count
        (["ab", "ab cd"], [], "ab cd ab", [(0, 5), (6, 8)]),  # the longest at a start
        (["ab cd", "cd ef"], [], "ab cd ef", [(0, 5)]),  # the leftmost of overlapping ones
        (["ab"], [], "ab ab_ ab1 1ab ab", [(0, 2), (15, 17)]),  # at both ends of the text
        (["ab"], ["ab cd"], "ab cd, ab", [(7, 9)]),
        (["ab"], ["x ab"], "x ab cd ab", [(8, 10)]),  # an exception ending with the term
        (["ab cd"], ["cd"], "ab cd", [(0, 5)]),  # partly in an exception: still counts
        (["ab"], ["ab"], "ab", []),
        (["b c"], ["a b", "c d"], "a b c d", [(2, 5)]),  # across two exceptions
    ],
)
def test_matches_of_one_group(
    terms: list[str], exceptions: list[str], text: str, spans: list[tuple[int, int]]
) -> None:
    matcher = TermMatcher(terms, exceptions=exceptions)
    assert [(m.start, m.end) for m in matcher.finditer(text)] == spans


def test_groups_settle_their_overlaps_apart_and_share_terms() -> None:
    index = TermIndex(
        [
            TermGroup(("ab cd",)),
            TermGroup(("cd ef", "ab")),
            TermGroup(("cd",), exceptions=("ab cd",)),
            TermGroup(("ab",), case_sensitive=True),
        ]
    )
    assert index.find("ab cd ef Ab") == {
        0: [Match(0, 5, 0)],
        1: [Match(0, 2, 1), Match(3, 8, 0), Match(9, 11, 1)],
        3: [Match(0, 2, 0)],
    }
    assert sorted(index.spans("ab cd ef", {1, 2})) == [(0, 2, 1, 1), (3, 8, 1, 0)]
    assert index.spans("cd", {0, 1, 3}) == []
    assert index.spans("ab", {2}) == []


def test_an_exception_of_one_group_leaves_another_group_alone() -> None:
    index = TermIndex([TermGroup(("cd",), exceptions=("ab cd",)), TermGroup(("cd",))])
    assert sorted(index.spans("ab cd cd")) == [(3, 5, 1, 0), (6, 8, 0, 0), (6, 8, 1, 0)]


def test_positions_are_those_of_the_text_as_typed() -> None:
    index = TermIndex([TermGroup(("perché l'operatore", "ab"))])
    text = "Perche\u0301  l’OPERATORE\tab"
    assert index.spans(text) == [(0, 20, 0, 0), (21, 23, 0, 1)]
    assert index.spans(Reading(text)) == index.spans(text)


@pytest.mark.parametrize(
    ("text", "canonical", "as_typed"),
    [
        ("Hi there, it's me", "Hi there, it's me", True),
        ("Hi  there", "Hi there", False),
        ("Hi\tthere\nnow", "Hi there now", True),
        ("Hi\x7fthere", "Hi\x7fthere", True),
        ("It’s café", "It's café", True),
        ("cafe\u0301", "café", False),
    ],
)
def test_a_reading_of_ascii_and_other_text(text: str, canonical: str, as_typed: bool) -> None:
    reading = Reading(text)
    assert (reading.canonical, reading.as_typed) == (canonical, as_typed)
    assert reading.folded == canonical.casefold()
    assert reading.span(0, len(reading.canonical)) == (0, len(text))


def test_the_text_read_last_is_read_once() -> None:
    text = "Hello there"
    first = read(text)
    assert read(text) is first
    assert read("Hello there!") is not first
    assert read(text).text is text


@pytest.mark.parametrize(
    ("text", "canonical_span", "typed"),
    [
        ("Hi  there", (2, 3), (2, 4)),  # the space that stands for a run stands for all of it
        ("Hi  there", (3, 8), (4, 9)),
        ("Hi  there", (0, 3), (0, 4)),
        ("Hi \t there  now", (3, 9), (5, 12)),
        ("cafe\u0301 ok", (3, 4), (3, 5)),  # a composed letter is its letter and accent
        ("cafe\u0301 ok", (4, 7), (5, 8)),
        ("cafe\u0301  ok", (0, 7), (0, 9)),
        ("Hi there", (4, 4), (4, 4)),
    ],
)
def test_canonical_spans_as_typed(
    text: str, canonical_span: tuple[int, int], typed: tuple[int, int]
) -> None:
    reading = Reading(text)
    assert reading.span(*canonical_span) == typed
    assert reading.typed_spans([(*canonical_span, 7, 8)]) == [(*typed, 7, 8)]
