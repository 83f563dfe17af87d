"""User mistakes are diagnostics at their file, line and column, never internal errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.kinds import KINDS
from generator.text.patterns import problem
from generator.validation import validate
from generator.validation.building import term_rule_id

NEEDS_OPTIONS = [
    name
    for name, kind in KINDS.items()
    if kind.options_schema.get("required") or kind.options_schema.get("minProperties")
]


def errors(directory: Path) -> list[tuple[str, int, int, str]]:
    result = validate(directory)
    assert result.playbook is None
    return [(Path(d.file).name, d.line, d.column, d.message) for d in result.errors]


def add_rule(minimal: Path, rule: str) -> None:
    playbook = minimal / "playbook.yml"
    text = playbook.read_text(encoding="utf-8")
    playbook.write_text(text.replace("\nrules:\n", f"\nrules:\n{rule}\n", 1), encoding="utf-8")


def test_every_kind_with_required_options_is_checked() -> None:
    assert {"emoji", "banned_term", "required_phrase", "forbidden_pattern"} <= set(NEEDS_OPTIONS)


@pytest.mark.parametrize("kind", NEEDS_OPTIONS)
def test_a_rule_without_the_options_its_kind_needs(minimal: Path, kind: str) -> None:
    add_rule(minimal, f"  - {{id: bare, kind: {kind}, severity: error, message: Hi.}}")
    [(file, line, column, message)] = errors(minimal)
    assert (file, line, column) == ("playbook.yml", 30, 5)
    assert f"missing 'options': a rule of kind {kind} needs them" in message
    result = CliRunner().invoke(main, ["validate", str(minimal)])
    assert result.exit_code == 1, result.output


def test_an_override_with_an_invalid_pattern_is_checked_as_resolved(minimal: Path) -> None:
    chat = minimal / "channels" / "chat.yml"
    overrides = "overrides:\n  no-call-us:\n    options: {patterns: ['(a']}\n"
    chat.write_text(chat.read_text(encoding="utf-8") + overrides, encoding="utf-8")
    [(file, line, _, message)] = errors(minimal)
    assert file == "chat.yml" and "'(a' is not a valid regular expression" in message
    assert CliRunner().invoke(main, ["validate", str(minimal)]).exit_code == 1


def test_limits_without_a_limit_are_refused(minimal: Path) -> None:
    chat = minimal / "channels" / "chat.yml"
    text = chat.read_text(encoding="utf-8")
    start = text.index("\nlimits:")
    end = text.index("\n", text.index("\n", start + 1) + 1)
    while text[end + 1 : end + 3] == "  ":
        end = text.index("\n", end + 1)
    chat.write_text(text[:start] + "\nlimits: {severity: warning}" + text[end:], "utf-8")
    [(file, _, _, message)] = errors(minimal)
    assert file == "chat.yml"
    assert message == (
        "needs at least one of 'characters', 'words', 'sentences': add the limit it sets."
    )


def test_any_byte_is_refused_and_an_escaped_backslash_is_not() -> None:
    assert "\\C" in (problem(r"a\Cb") or "")
    assert problem(r"a\\Cb") is None


@pytest.mark.parametrize("pattern", [r"a{1001}", r"[[:foo:]]", r"a++", r"\Z"])
def test_an_invalid_pattern_is_not_said_to_be_slow(pattern: str) -> None:
    message = problem(pattern) or ""
    assert "not a valid regular expression" in message and "linear" not in message


@pytest.mark.parametrize("pattern", [r"(a)\1", r"(?=a)", r"(?<!a)b", r"(?P<n>a)(?P=n)"])
def test_backreferences_and_lookaround_are_said_to_be_slow(pattern: str) -> None:
    assert "cannot run in linear time" in (problem(pattern) or "")


def test_term_ids_keep_what_ascii_would_lose() -> None:
    terms = ["спасибо", "пока", "perché", "perche", "l’operatore", "l'operatore"]
    ids = [term_rule_id(term, None) for term in terms]
    assert len(set(ids)) == len(ids)
    assert term_rule_id("as per our policy", None) == "term-as-per-our-policy"
    assert term_rule_id("perche", "chat") == "chat-term-perche"
    assert term_rule_id("Perché", None) == term_rule_id("perché", None)  # one term, any case


def test_accented_and_plain_terms_are_not_duplicates(minimal: Path) -> None:
    playbook = minimal / "playbook.yml"
    entries = "".join(
        f"  - {{term: {term}, status: banned, replacement: ok, reason: r.}}\n"
        for term in ("perché", "perche", "спасибо", "пока")
    )
    text = playbook.read_text(encoding="utf-8")
    playbook.write_text(text.replace("\nterms:\n", f"\nterms:\n{entries}", 1), "utf-8")
    result = validate(minimal)
    assert result.errors == (), [d.text() for d in result.errors]


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\ufffe"])
def test_a_control_character_is_reported_where_it_is(minimal: Path, character: str) -> None:
    chat = minimal / "channels" / "chat.yml"
    lines = chat.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5][:3] + "é" + character + lines[5][3:]
    chat.write_text("".join(lines), encoding="utf-8")
    [(file, line, column, message)] = errors(minimal)
    assert (file, line, column) == ("chat.yml", 6, 5)
    assert f"U+{ord(character):04X}" in message
