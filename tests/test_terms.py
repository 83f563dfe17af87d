"""Terms at size: one index per playbook, budgets as diagnostics, rules files read without
a JSON Schema library but as strictly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from generator.checking import Checker, TermBudgetError
from generator.checking.rules_file import RulesFileError, first_problem, read_rules
from generator.cli import main
from generator.export import dumps, export
from generator.schemas.export import export_schema
from generator.text import matching
from generator.validation import validate
from tests.conftest import MINIMAL, SAMPLE

SCHEMA = export_schema()
DOCUMENT = export(validate(SAMPLE).playbook)


def _with_terms(document: dict, terms: list[str]) -> dict:
    rules = dict(document["rules"])
    for number, term in enumerate(terms):
        rules[f"t{number}"] = {
            "id": f"t{number}",
            "kind": "banned_term",
            "severity": "error",
            "message": "no",
            "situations": [],
            "options": {
                "terms": [term],
                "replacement": None,
                "case_sensitive": False,
                "exceptions": [],
            },
            "link": f"rules/#t{number}",
        }
    keys = [f"t{n}" for n in range(len(terms))]
    channels = [{**c, "rules": [*c["rules"], *keys]} for c in document["channels"]]
    return {**document, "rules": rules, "channels": channels}


def test_fifty_thousand_terms_compile_and_each_finding_names_its_rule() -> None:
    terms = [f"w{n:05d}x" for n in range(50_000)]
    checker = Checker(_with_terms(DOCUMENT, terms))
    text = "Hi, w00007x and w49999x; not w00007xy.\nAnd w12345x."
    found = [(f.rule, f.match, f.line) for f in checker.check(text, channel="whatsapp")]
    assert ("t7", "w00007x", 1) in found and ("t49999", "w49999x", 1) in found
    assert ("t12345", "w12345x", 2) in found
    assert not any(f[1] == "w00007xy" for f in found)


def test_terms_over_the_budget_are_an_error_with_size_and_limit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(matching, "MAX_TERM_CHARACTERS", 100)
    document = _with_terms(DOCUMENT, [f"term{n}" for n in range(40)])
    with pytest.raises(TermBudgetError, match="characters, more than the 100"):
        Checker(document)
    rules = tmp_path / "rules.json"
    rules.write_text(dumps(document), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), "-c", "x"], input="hi")
    assert result.exit_code == 2 and "more than the 100" in result.output
    assert "Traceback" not in result.output


def test_terms_over_the_budget_are_a_diagnostic_of_validate(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(matching, "MAX_TERM_CHARACTERS", 10)
    shutil.copytree(SAMPLE, tmp_path / "guidelines")  # validate remembers its last folder
    result = validate(tmp_path / "guidelines")
    budget = [d for d in result.errors if d.code == "meaning/term-budget"]
    assert budget and "more than the 10" in budget[0].message
    assert budget[0].file.endswith(".yml")


def test_a_rules_file_refers_only_to_rules_it_has(tmp_path: Path) -> None:
    document = json.loads(dumps(DOCUMENT))
    document["channels"][0]["rules"].append("no-such-rule")
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(RulesFileError, match="/channels/0/rules/.*no rule 'no-such-rule'"):
        read_rules(path)


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


SMALL = export(validate(MINIMAL).playbook)
PATHS = _paths(SMALL)[1:]
VALUES = st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=5) | st.just([])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATHS), VALUES | st.just({}) | st.just("delete"))
def test_the_rules_file_check_agrees_with_jsonschema(path: tuple, new: object) -> None:
    document = json.loads(json.dumps(SMALL))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if new == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    valid = Draft202012Validator(SCHEMA).is_valid(document)
    assert (first_problem(document, SCHEMA) is None) == valid


def test_validation_and_checking_compile_a_playbook_once(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "guidelines")
    playbook = validate(tmp_path / "guidelines").playbook  # compiles it to check templates
    first = Checker.from_playbook(playbook)
    linked = Checker.from_playbook(playbook, base_url="https://playbook.example.com/")
    assert linked._terms is first._terms
    finding = linked.check("Please calm down.", channel="chat")[0]
    assert finding.link.startswith("https://playbook.example.com/rules/#")
    assert first.check("Please calm down.", channel="chat")[0].link.startswith("rules/#")
