"""How confident a detected situation is, and how that gates the rules scoped to situations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from generator.checking import Checker
from generator.cli import main
from generator.export import dumps, export
from generator.schemas.export import export_schema
from generator.validation import validate
from tests.conftest import SAMPLE
from tests.test_mistakes import add_rule, errors


@pytest.fixture(scope="module")
def sample() -> Checker:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    return Checker(export(playbook))


@pytest.mark.parametrize(
    ("message", "situation", "confidence"),
    [
        ("My lamp arrived broken and the service is terrible", "complaint", "strong"),
        ("STOP CRASHING, USELESS APP", "complaint", "strong"),  # a signal and shouting
        ("I was charged twice for order 3310.", "complaint", "weak"),  # overlapping signals
        ("Halloween isn't complete without a $3 bowl!", "complaint", "weak"),  # a negation
        ("Hey, isn't this the cutest burrito you've ever seen?", "complaint", "weak"),
        ("Thanks, all good now", None, None),
    ],
)
def test_two_pieces_of_evidence_make_a_strong_detection(
    sample: Checker, message: str, situation: str | None, confidence: str | None
) -> None:
    found = sample.explain_situation(message)
    assert (found.situation, found.confidence) == (situation, confidence)
    assert sample.situation_of(message) == (situation, confidence or "weak")
    if situation:
        assert found.explain(message)[-1].startswith(f"confidence {confidence}")


def test_a_negation_outside_the_signals_counts_once(sample: Checker) -> None:
    found = sample.explain_situation("fix your app, it won't even open")
    assert found.pieces == ("signal 'fix'", "a negation")
    assert found.confidence == "strong"


def test_scoped_rules_apply_on_a_given_or_strong_situation_only(sample: Checker) -> None:
    reply = "So sorry 😔 we'll look into it"
    fired = {
        confidence: {
            f.rule
            for f in sample.check(reply, channel="x", situation="complaint", confidence=confidence)
        }
        for confidence in ("given", "strong", "weak")
    }
    assert "no-emoji-when-wrong" in fired["given"] == fired["strong"]
    assert "no-emoji-when-wrong" not in fired["weak"]
    # rules for every situation still apply on a weak detection
    assert fired["weak"] == fired["given"] - {"no-emoji-when-wrong"}


def test_a_rule_can_accept_a_weak_detection(sample: Checker) -> None:
    # the sample's chatbot offers a person on a single signal
    reply = "I can answer questions about orders."
    for confidence in ("weak", "strong", "given"):
        found = sample.check(
            reply, channel="chatbot", situation="human-request", confidence=confidence
        )
        assert "bot-offers-human" in {f.rule for f in found}


def test_the_setting_is_exported_and_follows_the_schema() -> None:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    document = json.loads(dumps(export(playbook)))
    assert not list(Draft202012Validator(export_schema()).iter_errors(document))
    levels = {r["id"]: r["situation_confidence"] for r in document["rules"].values()}
    assert levels["bot-offers-human"] == "weak"
    assert levels["complaint-apology"] == levels["no-emoji-when-wrong"] == "strong"


def test_an_export_without_the_setting_applies_any_detection() -> None:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    document = json.loads(dumps(export(playbook)))
    for rule in document["rules"].values():
        del rule["situation_confidence"]
    assert not list(Draft202012Validator(export_schema()).iter_errors(document))
    found = Checker(document).check(
        "Sorry 😔", channel="x", situation="complaint", confidence="weak"
    )
    assert "no-emoji-when-wrong" in {f.rule for f in found}


def test_a_wrong_value_is_a_diagnostic_where_it_is_written(minimal: Path) -> None:
    add_rule(
        minimal,
        "  - {id: calm, kind: emoji, severity: error, message: Hi., situations: [complaint],\n"
        "     situation_confidence: sure, options: {max: 0}}",
    )
    [(file, line, column, message)] = errors(minimal)
    assert (file, line) == ("playbook.yml", 31) and column > 5
    assert "sure" in message and "weak" in message and "strong" in message
    assert CliRunner().invoke(main, ["validate", str(minimal)]).exit_code == 1


def test_check_shows_the_confidence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("reply.txt").write_text("Hi there 😀", encoding="utf-8")
    args = ["check", "--guidelines", str(SAMPLE), "--channel", "x", "--format", "json"]
    weak = CliRunner().invoke(
        main, [*args, "--explain", "--in-reply-to", "I was charged twice.", "reply.txt"]
    )
    assert "situation: confidence weak" in weak.stderr
    body = json.loads(weak.stdout)
    assert body["situation"] == {"id": "complaint", "confidence": "weak"}
    assert "no-emoji-when-wrong" not in {f["rule"] for f in body["findings"]}
    given = CliRunner().invoke(main, [*args, "--situation", "complaint", "reply.txt"])
    body = json.loads(given.stdout)
    assert body["situation"] == {"id": "complaint", "confidence": "given"}
    assert "no-emoji-when-wrong" in {f["rule"] for f in body["findings"]}
