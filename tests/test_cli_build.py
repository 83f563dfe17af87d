"""`playbook build`: validate, export and build; the site folder is replaced only on success."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import SAMPLE


def test_build_writes_the_site_with_the_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-d", "out"])
    assert result.exit_code == 0, result.output
    assert json.loads(Path("out/rules.json").read_text(encoding="utf-8"))["channels"]
    assert Path("out/channels/whatsapp/index.html").is_file()
    assert Path("out/export.schema.json").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left behind


def test_a_failed_build_keeps_the_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLE, "g")
    Path("out").mkdir()
    Path("out/index.html").write_text("previous", encoding="utf-8")
    whatsapp = Path("g/channels/whatsapp.yml")
    whatsapp.write_text(
        whatsapp.read_text(encoding="utf-8").replace("formality: neutral", "formality: formel"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", "g", "-d", "out"])
    assert result.exit_code == 1
    assert "whatsapp.yml:11:14: error [schema/enum]" in result.output
    assert Path("out/index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g", "out"]
