"""`playbook diff`: what changed between two folders, rules files or git revisions."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import MINIMAL


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The minimal playbook and a next version with one change of each kind."""
    monkeypatch.chdir(tmp_path)
    old, new = tmp_path / "old", tmp_path / "guidelines"
    shutil.copytree(MINIMAL, old)
    shutil.copytree(MINIMAL, new)
    playbook, chat = new / "playbook.yml", new / "channels" / "chat.yml"
    _edit(
        playbook,
        "severity: error\n    message: A complaint",
        "severity: warning\n    message: A complaint",
    )
    _edit(
        playbook,
        "  - term: refund",
        "  - term: sorted\n    status: banned\n    reason: slang.\n  - term: refund",
    )
    _edit(chat, "first_response: {target: 30s", "first_response: {target: 25s")
    _edit(chat, "characters: 300", "characters: 250")
    _edit(chat, "I'm sorry your order is late.", "I'm sorry your order is late. It ships today.")
    return old, new


def test_every_kind_of_change_in_text(versions: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(main, ["diff", "old", "guidelines"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "changed rule apology severity: 'error' -> 'warning' (chat)\n"
        "added term term-sorted: \"Don't write 'sorted': slang.\" (chat)\n"
        "changed target first_response/*/target seconds: 30 -> 25 (chat)\n"
        "changed limit length characters: 300 -> 250 (chat)\n"
        'changed template late-order text: "Hi {first_name}, I\'m sorry your order is late." -> '
        '"Hi {first_name}, I\'m sorry your order is late. It ships today." (chat)\n'
    )


def test_json_and_markdown_and_rules_files(versions: tuple[Path, Path]) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["export", "old", "-o", "old.json"]).exit_code == 0
    # NEW defaults to guidelines/ here; a rules.json compares like its folder.
    result = runner.invoke(main, ["diff", "old.json", "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["from"] == "old.json" and body["to"] == "guidelines"
    assert body["changes"][0] == {
        "category": "rule",
        "action": "changed",
        "subject": "apology",
        "field": "severity",
        "old": "error",
        "new": "warning",
        "channels": ["chat"],
    }
    page = runner.invoke(main, ["diff", "old", "guidelines", "--format", "markdown"]).stdout
    assert "## Rules\n\n- changed rule apology severity" in page
    assert '## Templates\n\n- changed template late-order text: "Hi \\{first\\_name\\}' in page


def test_git_revisions_of_the_same_folder(versions: tuple[Path, Path]) -> None:
    old, new = versions
    git = ["git", "-c", "user.name=CX lead", "-c", "user.email=cx@example.com"]
    subprocess.run(["git", "init", "-q"], check=True)
    shutil.rmtree(new)
    shutil.copytree(old, new)
    subprocess.run([*git, "add", "guidelines"], check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True)
    subprocess.run([*git, "tag", "v1"], check=True)
    _edit(new / "channels" / "chat.yml", "characters: 300", "characters: 250")
    subprocess.run([*git, "commit", "-qam", "v2"], check=True)
    runner = CliRunner()
    expected = "changed limit length characters: 300 -> 250 (chat)\n"
    assert runner.invoke(main, ["diff", "HEAD~1", "HEAD"]).stdout == expected
    assert runner.invoke(main, ["diff", "v1:guidelines", "HEAD:guidelines"]).stdout == expected
    assert runner.invoke(main, ["diff", "v1"]).stdout == expected
    assert runner.invoke(main, ["diff", "HEAD"]).stdout == "no changes from HEAD to guidelines\n"


def test_versions_that_cannot_be_compared(versions: tuple[Path, Path]) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["diff", "nowhere", "guidelines"])
    assert missing.exit_code == 2
    assert "'nowhere' is not a folder, a rules file or a git revision" in missing.output
    _edit(versions[0] / "playbook.yml", "language: en", "language: english")
    invalid = runner.invoke(main, ["diff", "old", "guidelines"])
    assert invalid.exit_code == 2
    assert "the guidelines of old are not valid (1 error, 0 warnings)" in invalid.output


def test_the_site_has_a_page_of_what_changed_since(versions: tuple[Path, Path]) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--since", "old", "-d", "site", "--strict"])
    assert result.exit_code == 0, result.output
    page = Path("site/changes/index.html").read_text(encoding="utf-8")
    assert (
        "<li>Changed: <code>apology</code>, <code>severity</code>: 'error' → 'warning' (chat)</li>"
        in page
    )
    assert "What changed from old to version" in page
    home = Path("site/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="changes/"[^>]*>\s*(<[^>]*>\s*)*What changed\s*<', home)
    plain = runner.invoke(main, ["build", "-d", "plain"])
    assert plain.exit_code == 0 and not Path("plain/changes").exists()
    broken = runner.invoke(main, ["build", "--since", "nowhere", "-d", "site"])
    assert broken.exit_code == 1
    assert "--since nowhere: 'nowhere' is not a folder" in broken.output
