"""Behaviour that earlier tests left unpinned: Unicode word edges, YAML 1.2 scalars."""

from __future__ import annotations

import pytest

from generator.kinds import KINDS, Context, Environment
from generator.validation.loading import load_bytes


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
