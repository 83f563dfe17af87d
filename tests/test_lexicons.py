"""Built-in lexicons (builtin:) and Italian address: what they catch and what they leave alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.kinds import KINDS, Context, Environment
from generator.text.patterns import problem

LEXICONS = json.loads((Path(__file__).parent.parent / "rules" / "lexicons.json").read_text())
REGISTER = Path(__file__).parent / "data" / "register" / "register_tu_lei.jsonl"


def hits(kind: str, options: dict[str, Any], text: str, language: str = "en") -> list[str]:
    rule = KINDS[kind]
    check = rule.compile(rule.normalise(options, Environment(language)))
    return [text[h.start : h.end] for h in check(text, Context())]


def test_every_builtin_pattern_runs_in_linear_time() -> None:
    for lexicon in LEXICONS["lexicons"].values():
        if lexicon["type"] == "patterns":
            for entry in (lexicon["en"], lexicon["it"]):
                for pattern in entry["patterns"] + entry["unless"]:
                    assert problem(pattern) is None, pattern


@pytest.mark.parametrize(
    "text",
    [
        "Siamo spiacenti per il ritardo.",
        "Le chiediamo scusa per il disagio.",
        "Ci scusiamo, il pacco parte oggi.",
    ],
)
def test_italian_apologies_are_apologies(text: str) -> None:
    assert hits("required_phrase", {"builtin": ["apology"]}, text, "it") == []


@pytest.mark.parametrize(
    "text",
    [
        "Per favore ci contatti via email.",
        "La invitiamo a contattare il nostro servizio clienti.",
        "Devi scriverci all'indirizzo assistenza@example.com.",
        "Compili il modulo sul sito.",
    ],
)
def test_italian_channel_switches_are_caught(text: str) -> None:
    assert hits("forbidden_pattern", {"builtin": ["channel-switch"]}, text, "it")


def test_the_sensitive_data_exception_holds_in_both_languages() -> None:
    options = {"builtin": ["channel-switch"]}
    assert not hits("forbidden_pattern", options, "Per i dati della carta ci chiami.", "it")
    assert not hits("forbidden_pattern", options, "For your card details, call us.", "en")


def test_a_playbook_adds_to_a_builtin_lexicon() -> None:
    options = {"builtin": ["channel-switch"], "patterns": [r"\bvisit\s+a\s+store\b"]}
    assert hits("forbidden_pattern", options, "Please visit a store.") == ["visit a store"]
    assert hits("forbidden_pattern", options, "Please give us a call.")


@pytest.mark.parametrize(
    "text, found",
    [
        ("Scusaci per l'attesa. Riceverai il rimborso domani.", ["Scusaci", "Riceverai"]),
        ("Controlla la mail e scrivimi.", ["Controlla", "scrivimi"]),
        ("Il tuo ordine è partito, puoi seguirlo qui.", ["tuo", "puoi"]),
    ],
)
def test_tu_forms_are_read_from_the_words(text: str, found: list[str]) -> None:
    assert hits("register", {}, text, "it") == found


@pytest.mark.parametrize(
    "text",
    [
        "Il tecnico verifica la linea e La richiama domani.",
        "I nostri esperti Le risponderanno entro sera.",
        "Sono stati spediti ieri: Le invieremo i dati.",
    ],
)
def test_lei_sentences_are_not_tu(text: str) -> None:
    assert hits("register", {}, text, "it") == []


def test_a_channel_that_speaks_tu_reports_lei_instead() -> None:
    informal = {"address": "informal"}
    assert hits("register", informal, "Ciao Marco, ti scriviamo domani.", "it") == []
    assert hits("register", informal, "Possiamo richiamarLa? Il Suo ordine è pronto.", "it") == [
        "richiamarLa",
        "Suo",
    ]
    assert hits("register", {"address": "any"}, "Riceverai il rimborso.", "it") == []


def test_the_register_set_stays_above_its_floor() -> None:
    """Dev sentences: recall at least 0.95 and no false alarm (reached: 1.00 and none)."""
    rows = [json.loads(line) for line in REGISTER.read_text(encoding="utf-8").splitlines()]
    dev = [r for r in rows if r["split"] == "dev"]
    flagged = {r["id"]: bool(hits("register", {}, r["text"], "it")) for r in dev}
    informal = [r["id"] for r in dev if r["address"] == "tu"]
    assert sum(flagged[i] for i in informal) / len(informal) >= 0.95
    assert not any(flagged[r["id"]] for r in dev if r["address"] == "lei")
