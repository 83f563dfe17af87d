"""A hostile or hand-edited rules.json given to `check --rules` is a clear error, exit 2."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.export import export
from generator.validation import validate
from tests.conftest import SAMPLE

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def exported() -> Doc:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    return export(playbook)


def _patterns(value: str) -> Callable[[Doc], None]:
    def edit(doc: Doc) -> None:
        for rule in doc["rules"].values():
            if rule["kind"] == "forbidden_pattern":
                rule["options"]["patterns"] = [value]

    return edit


def _emoji(doc: Doc) -> None:
    for rule in doc["rules"].values():
        if rule["kind"] == "emoji":
            rule["options"]["pattern"] = "(a"


def _no_patterns(doc: Doc) -> None:
    for rule in doc["rules"].values():
        if rule["kind"] == "forbidden_pattern":
            rule["options"]["patterns"] = []


def _duplicate_channel(doc: Doc) -> None:
    doc["channels"].append(copy.deepcopy(doc["channels"][0]))


def _duplicate_situation(doc: Doc) -> None:
    doc["situations"].append(copy.deepcopy(doc["situations"][0]))


def _unknown_situation(doc: Doc) -> None:
    doc["rules"][doc["channels"][0]["rules"][0]]["situations"] = ["no-such-situation"]


def _unknown_rule(doc: Doc) -> None:
    doc["channels"][0]["rules"].append("no-such-rule")


def _duplicate_rule(doc: Doc) -> None:
    doc["channels"][0]["rules"].append(doc["channels"][0]["rules"][0])


EDITS = {
    "invalid pattern": (_patterns("(a"), "is not a valid regular expression"),
    "backreference": (_patterns(r"(a)\1"), "cannot run in linear time"),
    "any byte": (_patterns(r"\C"), "\\C"),
    "invalid emoji pattern": (_emoji, "is not a valid regular expression"),
    "no patterns": (_no_patterns, "should be non-empty"),
    "duplicate channel": (_duplicate_channel, "the channel 'facebook' is also at /channels/0"),
    "duplicate situation": (_duplicate_situation, "is also at /situations/0"),
    "unknown situation": (_unknown_situation, "there is no situation 'no-such-situation'"),
    "unknown rule": (_unknown_rule, "no rule 'no-such-rule' under /rules"),
    "duplicate rule": (_duplicate_rule, "is also at /channels/0/rules/0"),
}


def _check(tmp_path: Path, text: str) -> Any:
    rules = tmp_path / "rules.json"
    rules.write_text(text, encoding="utf-8")
    return CliRunner().invoke(
        main, ["check", "--rules", str(rules), "-c", "facebook", "-"], input="Hello, sorry."
    )


@pytest.mark.parametrize("name", EDITS)
def test_a_broken_rules_file_is_a_usage_error(exported: Doc, tmp_path: Path, name: str) -> None:
    edit, expected = EDITS[name]
    document = copy.deepcopy(exported)
    edit(document)
    result = _check(tmp_path, json.dumps(document))
    assert result.exit_code == 2, result.output
    assert expected in result.output and "export it again" in result.output
    assert "internal error" not in result.output


@pytest.mark.parametrize(
    "text", ["[" * 100_000, '{"format_version": "1.0.0", "x": ' + '{"a":' * 5000 + "1}"]
)
def test_deeply_nested_json_is_a_usage_error(tmp_path: Path, text: str) -> None:
    result = _check(tmp_path, text)
    assert result.exit_code == 2 and "nests values too deeply" in result.output


def test_a_huge_pattern_is_checked(exported: Doc, tmp_path: Path) -> None:
    # RE2 compiles it within its budget; no set of all patterns multiplies its size.
    document = copy.deepcopy(exported)
    _patterns("a" * 200_000)(document)
    result = _check(tmp_path, json.dumps(document))
    assert result.exit_code in (0, 1) and "internal error" not in result.output


def test_the_exported_file_itself_is_accepted(exported: Doc, tmp_path: Path) -> None:
    assert _check(tmp_path, json.dumps(exported)).exit_code in (0, 1)


def test_sarif_describes_the_rules_of_the_checked_channel(exported: Doc, tmp_path: Path) -> None:
    document = copy.deepcopy(exported)
    first, last = document["channels"][0], document["channels"][-1]
    assert first["id"] == "facebook" and last["id"] != "facebook"
    # A variant of the rule for the last channel, listed after the first channel's.
    rule = copy.deepcopy(document["rules"]["complaint-apology"])
    rule["message"], rule["severity"] = "The last channel's words.", "suggestion"
    document["rules"]["complaint-apology@" + last["id"]] = rule
    last["rules"] = [
        "complaint-apology@" + last["id"] if key == "complaint-apology" else key
        for key in last["rules"]
    ]
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["check", "--rules", str(rules), "-c", "facebook", "-s", "complaint", "--format=sarif"],
        input="Your replacement lamp ships tomorrow.",
    )
    [run] = json.loads(result.stdout)["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    described = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "complaint-apology" in first["rules"]
    expected = document["rules"]["complaint-apology"]
    assert described["complaint-apology"]["shortDescription"]["text"] == expected["message"]
    assert described["complaint-apology"]["defaultConfiguration"]["level"] == "error"
