"""`playbook check --fix`: unambiguous fixes applied, and carried as data in JSON and SARIF."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.text.fixes import apply_fixes, keep_first_letter_case

REPLY = "Please calm down.\nCalm down, your money back is coming. We give MONEY BACK.\n"
FIXED = "Please I understand.\nI understand, your refund is coming. We give Refund.\n"


def test_keep_first_letter_case() -> None:
    assert keep_first_letter_case("Money back", "refund") == "Refund"
    assert keep_first_letter_case("money back", "refund") == "refund"
    assert keep_first_letter_case("money back", "WhatsApp") == "WhatsApp"
    assert keep_first_letter_case("Perché", "è") == "È"


@given(
    st.text(max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 5), st.text(max_size=3))),
)
def test_apply_fixes_keeps_the_text_outside_the_fixes(
    text: str, raw: list[tuple[int, int, str]]
) -> None:
    fixes = [(min(s, len(text)), min(s + n, len(text)), new) for s, n, new in raw]
    fixed = apply_fixes(text, fixes)
    if not fixes:
        assert fixed == text
    first = min(fixes)[0] if fixes else len(text)
    assert fixed.startswith(text[:first])


def test_fix_prints_the_fixed_reply_and_reports_what_is_left(minimal: Path) -> None:
    result = CliRunner().invoke(main, ["check", "-c", "chat", "--fix", "-"], input=REPLY)
    assert result.stdout == FIXED
    assert result.exit_code == 0, result.output
    unfixable = CliRunner().invoke(
        main, ["check", "-c", "chat", "-s", "complaint", "--fix", "-"], input="Calm down.\n"
    )
    assert unfixable.stdout == "I understand.\n"
    assert unfixable.exit_code == 1
    assert "[apology]" in unfixable.stderr and "term-calm-down" not in unfixable.stderr


def test_fix_write_rewrites_the_files(minimal: Path) -> None:
    first, second = Path("first.txt"), Path("second.txt")
    first.write_text(REPLY, encoding="utf-8")
    first.chmod(0o640)
    second.write_text("Nothing to fix.\n", encoding="utf-8")
    before = second.stat().st_mtime_ns
    result = CliRunner().invoke(
        main, ["check", "-c", "chat", "--fix", "--write", "first.txt", "second.txt"]
    )
    assert result.exit_code == 0, result.output
    assert first.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(first.stat().st_mode) == 0o640
    assert second.stat().st_mtime_ns == before
    assert "first.txt: 4 fixed" in result.stderr
    assert sorted(p.name for p in Path(".").iterdir()) == ["first.txt", "guidelines", "second.txt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--write", "a.txt"], "add --fix"),
        (["--fix", "a.txt", "b.txt"], "give one file, or add --write"),
        (["--fix", "--write", "-"], "name them instead of standard input"),
    ],
)
def test_fix_usage_errors(minimal: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["check", "-c", "chat", *args], input="x")
    assert result.exit_code == 2
    assert message in result.output


def test_findings_carry_the_fix_in_json_and_sarif(minimal: Path) -> None:
    runner = CliRunner()
    found = runner.invoke(main, ["check", "-c", "chat", "--format", "json", "-"], input=REPLY)
    fixes = [f["fix"] for f in json.loads(found.stdout)["findings"]]
    assert fixes[1] == {
        "start": {"line": 2, "column": 1, "offset": 18},
        "end": {"line": 2, "column": 10, "offset": 27},
        "text": "I understand",
    }
    assert (
        apply_fixes(REPLY, [(f["start"]["offset"], f["end"]["offset"], f["text"]) for f in fixes])
        == FIXED
    )
    sarif = runner.invoke(main, ["check", "-c", "chat", "--format", "sarif", "-"], input=REPLY)
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    replacement = results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {
        "deletedRegion": {
            "startLine": 2,
            "startColumn": 1,
            "endLine": 2,
            "endColumn": 10,
            "charOffset": 18,
            "charLength": 9,
        },
        "insertedContent": {"text": "I understand"},
    }
