"""The registry's example conversations of the audit's practices are conformance vectors too,
so that any implementation of the rules runs the conversations shown on the kinds' pages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from generator.kinds import KINDS, Environment, Example, Message, RuleKind

VECTORS = Path(__file__).parent / "conformance"
PRACTICES = [kind for kind in KINDS.values() if kind.scope != "reply"]


def example_case(kind: RuleKind, example: Example) -> dict[str, Any]:
    """The vector of an example, without its name and expected findings."""
    options = kind.normalise(example.options, Environment("en", example.targets))
    rule = {
        "id": "rule",
        "kind": kind.name,
        "link": "rules/#rule",
        "message": "m.",
        "options": options,
        "severity": "error",
        "situations": [],
    }
    conversations = [[_message(m) for m in c] for c in example.conversations]
    if kind.scope == "log":
        return {"rules": [rule], "conversations": conversations}
    (conversation,) = conversations
    end = example.conversations[0][-1].time + 86400
    return {
        "rules": [rule],
        "conversation": conversation,
        "end": _iso(end),
        "situation": example.situation,
    }


def _message(message: Message) -> dict[str, Any]:
    record: dict[str, Any] = {"role": message.role, "text": message.text}
    record["time"] = _iso(message.time)
    if message.department:
        record["department"] = message.department
    if message.handoff:
        record["handoff"] = True
    return record


def _iso(instant: float) -> str:
    return dt.datetime.fromtimestamp(instant, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("kind", PRACTICES, ids=[k.name for k in PRACTICES])
def test_every_example_conversation_is_a_vector(kind: RuleKind) -> None:
    cases = json.loads((VECTORS / f"{kind.name}.json").read_text(encoding="utf-8"))["cases"]
    for example in kind.examples:
        wanted = example_case(kind, example)
        found = [c for c in cases if {key: c.get(key) for key in wanted} == wanted]
        assert found, f"{kind.name}: no vector for the example {wanted}"
        assert all((not c["expected"]) == example.passes for c in found)
