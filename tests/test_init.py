"""`playbook init`: a new playbook that validates and builds at once, in English and Italian."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.starter import CHANNELS
from generator.validation import validate


@pytest.mark.parametrize(("language", "channels"), [("en", None), ("it", ",".join(CHANNELS))])
def test_init_then_validate_and_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, channels: str | None
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    args = ["init", "demo", "--language", language, "--company", "Bottega d'Aurora"]
    result = runner.invoke(main, [*args, *(["--channels", channels] if channels else [])])
    assert result.exit_code == 0, result.output
    strict = runner.invoke(main, ["validate", "demo", "--strict"])
    assert strict.exit_code == 0, strict.output
    assert strict.stdout == ""
    playbook = validate(Path("demo/guidelines")).playbook
    assert playbook is not None
    assert playbook.language == language and playbook.company == "Bottega d'Aurora"
    expected = channels.split(",") if channels else ["email", "live-chat", "whatsapp"]
    assert [c.id for c in playbook.channels] == expected
    for path in Path("demo/guidelines").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = first.removeprefix("# yaml-language-server: $schema=")
        assert (path.parent / schema).resolve().is_file(), path
    built = runner.invoke(main, ["build", "demo", "--strict", "-d", "site"])
    assert built.exit_code == 0, built.output
    home = Path("site/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in home
    assert Path("site/channels/email/index.html").is_file()


def test_init_writes_the_workflow_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["init", "--company", "Shop"]).exit_code == 0
    hooks = yaml.safe_load(Path(".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "playbook validate guidelines"
    workflow = Path(".github/workflows/playbook.yml").read_text(encoding="utf-8")
    assert "playbook validate --format github" in workflow
    assert yaml.safe_load(Path("mkdocs.yml").read_text(encoding="utf-8"))["plugins"][1] == {
        "playbook": {"guidelines": "guidelines"}
    }
    # Every field of a channel has a comment that says what it is for.
    channel = Path("guidelines/channels/email.yml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(channel):
        if line and not line.startswith(("#", " ", "-")) and not line.endswith(":"):
            assert channel[number - 1].startswith("#"), line


def test_init_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mkdocs.yml").write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "--company", "Shop"])
    assert result.exit_code == 2
    assert "these files exist already: mkdocs.yml" in result.output
    assert Path("mkdocs.yml").read_text(encoding="utf-8") == "mine\n"
    assert not Path("guidelines").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--channels", "email,fax"], "unknown channel 'fax'"),
        (["--language", "de"], "'de' is not one of 'en', 'it'"),
        (["--company", " "], "the company's name is empty"),
    ],
)
def test_init_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "--company", "Shop", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert list(tmp_path.iterdir()) == []
