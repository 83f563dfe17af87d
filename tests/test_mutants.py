"""Behaviour that earlier tests left unpinned: Unicode word edges, YAML 1.2 scalars."""

from __future__ import annotations

import pytest

from generator.kinds import KINDS, Context, Environment
from generator.validation.loading import load_bytes, pointer


def _hits(term: str, text: str) -> list[tuple[int, int]]:
    kind = KINDS["banned_term"]
    options = kind.normalise({"terms": [term]}, Environment("it"))
    return [(h.start, h.end) for h in kind.compile(options)(text, Context())]


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("perch", "Perché no?"),  # an accented letter after the term
        ("ora", "èora di cena"),  # and before it
        ("пока", "покачать"),  # a term without any ASCII letter
        ("сква", "Москва"),
        ("caf", "café"),
        ("nome", "nome_utente"),  # an underscore is a word character too
    ],
)
def test_a_term_is_not_found_inside_a_word_of_other_letters(term: str, text: str) -> None:
    assert _hits(term, text) == []


@pytest.mark.parametrize(
    ("term", "text", "span"),
    [
        ("operatore", "l'operatore risponde", (2, 11)),
        ("operatore", "dell’operatore", (5, 14)),
        ("пока", "Ну, пока!", (4, 8)),
        ("perché", "Ma perché?", (3, 9)),
        ("caf", "caf-é", (0, 3)),
    ],
)
def test_a_term_is_found_between_other_characters(
    term: str, text: str, span: tuple[int, int]
) -> None:
    assert _hits(term, text) == [span]


def _scalar(text: str) -> object:
    document, problems = load_bytes(f"value: {text}\n".encode(), "f.yml")
    assert document is not None, problems
    return document.data["value"]


@pytest.mark.parametrize("text", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On"])
def test_yaml_1_1_booleans_stay_text(text: str) -> None:
    assert _scalar(text) == text


@pytest.mark.parametrize("text", ["09:00", "1_000", "0x1F", "1:30:00", "2026-12-01"])
def test_yaml_1_1_numbers_and_times_stay_text(text: str) -> None:
    assert _scalar(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [("true", True), ("False", False), ("~", None), ("null", None), ("12", 12), ("1.5", 1.5)],
)
def test_yaml_1_2_core_scalars_are_typed(text: str, value: object) -> None:
    assert _scalar(text) == value and type(_scalar(text)) is type(value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"a: b: c\n",
            "f.yml:1:5: error [yaml/syntax] mapping values are not allowed in this context: "
            "quote a value that contains ': '.",
        ),
        (
            b"a: 1\nb\nc: 2\n",
            "f.yml:3:1: error [yaml/syntax] could not find expected ':' (while scanning a simple "
            "key that starts at line 2, column 1): check the indentation of this line and the "
            "one above.",
        ),
        (
            b"a: *nope\n",
            "f.yml:1:4: error [yaml/syntax] found undefined alias: define the anchor (&name) "
            "before using it.",
        ),
        (
            b"a: [1, 2\n",
            "f.yml:2:1: error [yaml/syntax] did not find expected ',' or ']' (while parsing a "
            "flow sequence that starts at line 1, column 4).",
        ),
    ],
)
def test_yaml_syntax_errors_say_where_what_and_how_to_fix(raw: bytes, expected: str) -> None:
    document, problems = load_bytes(raw, "f.yml")
    assert document is None and [p.text() for p in problems] == [expected]


def test_a_pointer_escapes_tilde_and_slash() -> None:
    assert pointer(("a/b", "c~d", 0, "~/")) == "/a~1b/c~0d/0/~0~1"
    assert pointer(()) == ""
