"""The conformance vectors: the Python checker gives exactly the findings each case expects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.audit.conversation import ChannelRules, audit_conversation
from generator.audit.reading import parse_time
from generator.checking import Checker
from generator.kinds import KINDS, Message
from generator.schemas.export import export_schema
from generator.vocabulary import FORMAT, FORMAT_VERSION

VECTORS = Path(__file__).parent / "conformance"
CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted(VECTORS.glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
]


def rules_document(rules: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "playbook": {"company": "Test", "language": "en", "version": "1", "source_hash": ""},
        "matching": {},
        "situations": [{"id": s, "name": s, "signals": [s]} for s in ("information", "complaint")],
        "rules": {rule["id"]: rule for rule in rules},
        "channels": [
            {
                "id": "test",
                "name": "Test",
                "kind": "live_chat",
                "public": False,
                "business_hours": None,
                "response_times": {},
                "limits": {"characters": None, "words": None, "sentences": None},
                "templates": [],
                "rules": [rule["id"] for rule in rules],
            }
        ],
    }


def test_every_kind_has_vectors() -> None:
    assert {p.stem for p in VECTORS.glob("*.json")} == set(KINDS)


@pytest.mark.parametrize("case", CASES)
def test_vector(case: dict[str, Any]) -> None:
    document = rules_document(case["rules"])
    assert not list(Draft202012Validator(export_schema()).iter_errors(document))
    if "conversation" in case or "conversations" in case:
        assert _conversation_findings(document, case) == case["expected"]
        return
    findings = Checker(document).check(
        case["text"],
        channel="test",
        situation=case["situation"],
        waited=case["waited"],
        metric=case["metric"],
        confidence=case.get("confidence", "given"),
    )
    actual = [
        {"rule": f.rule, "line": f.line, "column": f.column, "match": f.match} for f in findings
    ]
    assert actual == case["expected"]


def _messages(records: list[dict[str, Any]]) -> list[Message]:
    return [
        Message(
            r["role"],
            r["text"],
            parse_time(r["time"], None),
            department=r.get("department"),
            handoff=r.get("handoff", False),
        )
        for r in records
    ]


def _conversation_findings(document: dict[str, Any], case: dict[str, Any]) -> list[dict[str, Any]]:
    checker = Checker(document)
    if "conversations" in case:
        (rule, check), *_ = checker.conversation_rules("test", None, scope="log")
        replies = [
            (c, i, m["text"])
            for c, conversation in enumerate(case["conversations"])
            for i, m in enumerate(conversation)
            if m["role"] == "agent"
        ]
        hits = check(replies)
        return [
            {"rule": rule["id"], "conversation": h.conversation, "index": h.index} for h in hits
        ]
    rules = ChannelRules.of(checker, "test", reopen_after=None)
    audit = audit_conversation(
        "case",
        _messages(case["conversation"]),
        rules,
        situation=case["situation"],
        end=parse_time(case["end"], None),
    )
    return [{"rule": f.rule, "index": f.index} for f in audit.findings]
