"""What the commands do around the guidelines: where they look, what they write, how they link."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_site_and_the_export_get_the_modes_of_the_umask(minimal: Path, umask_022: None) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-d", "site"]).exit_code == 0
    assert _mode(Path("site")) == 0o755
    assert _mode(Path("site/index.html")) == 0o644
    assert _mode(Path("site/rules.json")) == 0o644
    assert runner.invoke(main, ["export", "-o", "rules.json"]).exit_code == 0
    assert _mode(Path("rules.json")) == 0o644
    os.umask(0o077)
    assert runner.invoke(main, ["export", "-o", "private.json"]).exit_code == 0
    assert _mode(Path("private.json")) == 0o600
    # A file written again keeps the mode its owner gave it.
    Path("rules.json").chmod(0o640)
    assert runner.invoke(main, ["export", "-o", "rules.json"]).exit_code == 0
    assert _mode(Path("rules.json")) == 0o640


@pytest.mark.parametrize(
    "site_url", ["https://playbook.example.com", "https://playbook.example.com/"]
)
def test_site_url_with_or_without_a_slash(minimal: Path, site_url: str) -> None:
    result = CliRunner().invoke(
        main,
        ["check", "-c", "chat", "-s", "complaint", "--site-url", site_url, "--format", "json", "-"],
        input="Your order ships tomorrow.",
    )
    assert result.exit_code == 1, result.output
    links = {f["link"] for f in json.loads(result.stdout)["findings"]}
    assert links and all(link.startswith("https://playbook.example.com/rules/#") for link in links)


@pytest.mark.parametrize("command", ["validate", "export", "build", "serve"])
def test_without_guidelines_the_commands_point_to_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [command])
    assert result.exit_code == 2, result.output
    assert "there is no guidelines/ folder here: start a playbook with 'playbook init'" in (
        result.output
    )
    assert list(tmp_path.iterdir()) == []


def test_check_without_guidelines_points_to_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "-c", "chat", "-"], input="Hello")
    assert result.exit_code == 2
    assert "playbook init" in result.output
