"""The checker's findings of term rules: fields, positions over lines, and their order among
the findings of other rules, compared with what each finding says about itself."""

from __future__ import annotations

from typing import Any

import pytest

from generator.checking import Checker, Finding
from generator.export import export
from generator.validation import validate
from generator.vocabulary import SEVERITY_ORDER
from tests.conftest import SAMPLE

DOCUMENT = export(validate(SAMPLE).playbook)


def _rule(key: str, kind: str, severity: str, options: dict[str, Any], message: str) -> dict:
    return {
        "id": key,
        "kind": kind,
        "severity": severity,
        "message": message,
        "situations": [],
        "options": options,
        "link": f"rules/#{key}",
    }


def _banned(terms: list[str], replacement: str | None = None, **more: Any) -> dict[str, Any]:
    return (
        {"terms": terms, "replacement": replacement, "case_sensitive": False}
        | {"exceptions": []}
        | more
    )


RULES = {
    "b-zeta": _rule("b-zeta", "banned_term", "warning", _banned(["ok"]), "Not '{match}'."),
    "a-alpha": _rule("a-alpha", "banned_term", "warning", _banned(["ok now"], "fine"), "No."),
    "c-error": _rule("c-error", "banned_term", "error", _banned(["ok"], "WhatsApp"), "No."),
    "d-tip": _rule(
        "d-tip",
        "preferred_term",
        "suggestion",
        {
            "term": "store credit",
            "instead_of": ["cash back"],
            "case_sensitive": False,
            "exceptions": [],
        },
        "Say '{match}' as the company does.",
    ),
}


@pytest.fixture(scope="module")
def checker() -> Checker:
    rules = {**DOCUMENT["rules"], **RULES}
    channels = [{**c, "rules": [*c["rules"], *RULES]} for c in DOCUMENT["channels"]]
    return Checker({**DOCUMENT, "rules": rules, "channels": channels})


def _order(finding: Finding) -> tuple[int, int, str]:
    return finding.offset, -SEVERITY_ORDER[finding.severity], finding.rule


def _assert_consistent(text: str, findings: list[Finding]) -> None:
    assert findings == sorted(findings, key=_order)
    for f in findings:
        assert text[f.offset : f.end_offset] == f.match
        for line, column, offset in (
            (f.line, f.column, f.offset),
            (f.end_line, f.end_column, f.end_offset),
        ):
            before = text[:offset].split("\n")
            assert (line, column) == (len(before), len(before[-1]) + 1), f


def test_findings_at_one_offset_come_by_severity_then_rule(checker: Checker) -> None:
    text = "Ok now, ok."
    found = [
        (f.rule, f.offset, f.match, f.message, f.fix)
        for f in checker.check(text, channel="whatsapp", kinds=("banned_term",))
    ]
    assert found == [
        ("c-error", 0, "Ok", "No.", "WhatsApp"),
        ("a-alpha", 0, "Ok now", "No.", "Fine"),  # a capital in the reply, a capital in the fix
        ("b-zeta", 0, "Ok", "Not 'Ok'.", None),
        ("c-error", 8, "ok", "No.", "WhatsApp"),
        ("b-zeta", 8, "ok", "Not 'ok'.", None),
    ]


def test_term_findings_over_several_lines(checker: Checker) -> None:
    text = "First line\nok\n\nwe give cash\nback, ok now\nok"
    findings = checker.check(text, channel="whatsapp", kinds=("banned_term", "preferred_term"))
    _assert_consistent(text, findings)
    assert [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in findings] == [
        ("c-error", 2, 1, 2, 3),
        ("b-zeta", 2, 1, 2, 3),
        ("d-tip", 4, 9, 5, 5),  # across a line break
        ("c-error", 5, 7, 5, 9),
        ("a-alpha", 5, 7, 5, 13),
        ("b-zeta", 5, 7, 5, 9),
        ("c-error", 6, 1, 6, 3),
        ("b-zeta", 6, 1, 6, 3),
    ]
    cash = next(f for f in findings if f.rule == "d-tip")
    assert (cash.match, cash.message, cash.fix) == (
        "cash\nback",
        "Say 'cash\nback' as the company does.",
        "store credit",
    )


@pytest.mark.parametrize("others", [1, 5, 80])
def test_findings_of_other_rules_take_their_places(checker: Checker, others: int) -> None:
    # Each "DM us" breaks a pattern rule of X; the term findings are around them.
    text = " ".join(["ok DM us", "fine, ok now"] * others) + "\nDM us ok"
    findings = checker.check(text, channel="x")
    _assert_consistent(text, findings)
    rules = {f.rule for f in findings}
    assert {"c-error", "b-zeta", "a-alpha"} <= rules and len(rules) > 3
    alone = checker.check(text, channel="x", kinds=("banned_term",))
    assert [f for f in findings if f.kind == "banned_term"] == alone


def test_links_follow_the_base_url(checker: Checker) -> None:
    text = "ok"
    plain = checker.check(text, channel="whatsapp", kinds=("banned_term",))
    assert [f.link for f in plain] == ["rules/#c-error", "rules/#b-zeta"]
    other = checker.with_base_url("https://playbook.example.com")
    assert [f.link for f in other.check(text, channel="whatsapp", kinds=("banned_term",))] == [
        "https://playbook.example.com/rules/#c-error",
        "https://playbook.example.com/rules/#b-zeta",
    ]
    assert checker.check(text, channel="whatsapp", kinds=("banned_term",)) == plain


def test_a_rule_for_other_situations_finds_nothing(checker: Checker) -> None:
    rules = {**RULES, "e-late": {**RULES["b-zeta"], "id": "e-late", "situations": ["complaint"]}}
    document = {
        **DOCUMENT,
        "rules": {**DOCUMENT["rules"], **rules},
        "channels": [{**c, "rules": [*c["rules"], *rules]} for c in DOCUMENT["channels"]],
    }
    late = Checker(document)
    assert "e-late" not in {f.rule for f in late.check("ok", channel="whatsapp")}
    found = late.check("ok", channel="whatsapp", situation="complaint")
    assert "e-late" in {f.rule for f in found}
