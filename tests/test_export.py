"""The JSON export: valid against its schema, deterministic, complete and linked to the site."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.export import dumps, export
from generator.schemas.export import export_schema
from generator.validation import validate
from tests.conftest import ITALIAN, MINIMAL, SAMPLE


def test_export_validates_against_its_schema() -> None:
    for folder in (SAMPLE, ITALIAN, MINIMAL):
        document = export(validate(folder).playbook)
        errors = list(Draft202012Validator(export_schema()).iter_errors(document))
        assert errors == []


def test_export_is_byte_identical_and_ignores_the_folder_name(tmp_path: Path) -> None:
    import shutil

    first = dumps(export(validate(SAMPLE).playbook))
    shutil.copytree(SAMPLE, tmp_path / "copy")
    assert dumps(export(validate(tmp_path / "copy").playbook)) == first
    assert first.endswith("}\n")


def test_export_text_is_json_with_sorted_keys_and_unescaped_text() -> None:
    for folder in (SAMPLE, ITALIAN):
        document = export(validate(folder).playbook)
        text = dumps(document)
        assert json.loads(text) == document
        lines = text.splitlines()
        # a rule's fields one a line, its options on one line
        assert '      "kind": "banned_term",' in lines
        assert any(line.startswith('      "options": {"') for line in lines)
        keys = [line.split('"')[1] for line in lines if line.startswith('  "')]
        assert keys == sorted(keys)
    odd = {"b": [2**70, "perché l'operatore\u0000\u2028"], "a": {}}
    assert json.loads(dumps(odd)) == odd
    assert "perché l'operatore" in dumps(odd)


def test_rules_are_resolved_per_channel() -> None:
    document = export(validate(SAMPLE).playbook)
    channels = {c["id"]: c for c in document["channels"]}
    rules = document["rules"]
    phone = {rules[k]["id"] for k in channels["phone"]["rules"]}
    whatsapp = {rules[k]["id"]: rules[k] for k in channels["whatsapp"]["rules"]}
    assert "no-channel-switch" not in phone and "no-channel-switch" in whatsapp
    assert whatsapp["whatsapp-message-length"]["options"]["characters"] == 500
    seconds = whatsapp["first-response-time"]["options"]["seconds"]
    assert seconds == {"*": 7200, "complaint": 3600}
    assert channels["whatsapp"]["response_times"]["first_response"]["*"]["target"] == 1800
    assert any(
        m["term"] == "no worries" for m in whatsapp["formal-when-wrong"]["options"]["markers"]
    )


def test_cli_export_to_stdout_and_file(tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["export", str(SAMPLE)])
    assert out.exit_code == 0 and json.loads(out.stdout)["format"] == "playbook-rules"
    target = tmp_path / "rules.json"
    assert runner.invoke(main, ["export", str(SAMPLE), "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == out.stdout


def test_export_of_invalid_guidelines_writes_nothing(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(MINIMAL, tmp_path / "g")
    (tmp_path / "g" / "channels" / "chat.yml").write_text("id: [", encoding="utf-8")
    target = tmp_path / "rules.json"
    target.write_text("previous", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(tmp_path / "g"), "-o", str(target)])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "previous"


def test_a_rule_shared_by_channels_is_written_once() -> None:
    document = export(validate(SAMPLE).playbook)
    rules, channels = document["rules"], document["channels"]
    assert all(k in rules for c in channels for k in c["rules"])
    assert sorted({k for c in channels for k in c["rules"]}) == sorted(rules)
    # one body for all channels: keyed by its id
    assert all("term-calm-down" in c["rules"] for c in channels)
    # resolved differently per channel: one variant per distinct body, named after a channel
    variants = [k for k in rules if rules[k]["id"] == "first-response-time"]
    assert len(variants) > 1 and all(k.startswith("first-response-time@") for k in variants)
    bodies = [json.dumps(rules[k], sort_keys=True) for k in variants]
    assert len(set(bodies)) == len(bodies)
    instagram = next(c for c in channels if c["id"] == "instagram")
    assert "first-response-time@facebook" in instagram["rules"]  # same targets as facebook
