"""Validation: one precise diagnostic per mistake, at the right file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.validation import validate
from tests.conftest import GOLDEN, ITALIAN, SAMPLE, assert_golden

PLAYBOOK, CHAT = "playbook.yml", "channels/chat.yml"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True)
)

# name -> (file, text to replace, replacement); a replacement of bytes replaces the whole file.
CASES: dict[str, tuple[str, str | None, str | bytes]] = {
    # YAML layer
    "yaml-syntax": (CHAT, "name: Live chat", "name: Live chat: the fast one"),
    "yaml-unclosed": (CHAT, "dos: [Answer at once.]", "dos: [Answer at once."),
    "yaml-duplicate-key": (CHAT, "public: false", "public: false\npublic: true"),
    "yaml-tab": (CHAT, "  formality: neutral", "\tformality: neutral"),
    "yaml-empty": (CHAT, None, b"# nothing yet\n"),
    "yaml-not-utf8": (CHAT, None, b"id: chat\nname: Caff\xe8\n"),
    "yaml-too-large": (CHAT, None, b"id: chat\n" + b"# padding\n" * 110_000),
    "yaml-alias-bomb": (CHAT, None, BOMB.encode()),
    "yaml-unsupported-tag": (CHAT, "public: false", "public: !!python/object false"),
    # schema layer
    "schema-unknown-key": (CHAT, "tone:", "tonne:"),
    "schema-enum": (CHAT, "formality: neutral", "formality: formel"),
    "schema-second-class-channel": (
        CHAT,
        "complaint_handling:\n  steps: [Apologise., Fix it.]\n  must_include: [an apology]\n",
        "",
    ),
    "schema-type": (CHAT, "public: false", "public: sometimes"),
    "schema-duration": (CHAT, "target: 30s, acceptable: 1m", "target: 30 secs, acceptable: 1m"),
    "schema-unknown-kind": (PLAYBOOK, "kind: forbidden_pattern", "kind: forbiden_pattern"),
    "schema-rule-options": (PLAYBOOK, "phrases: [sorry, apologise]", "phrase: [sorry]"),
    "schema-bad-id": (PLAYBOOK, "id: no-call-us", "id: No Call Us"),
    "schema-unquoted-colon": (CHAT, "dos: [Answer at once.]", "dos:\n  - Answer: at once."),
    # meaning layer
    "meaning-complaint-slower": (
        CHAT,
        "first_response: {target: 20s",
        "first_response: {target: 45s",
    ),
    "meaning-band-order": (CHAT, "{target: 30s, acceptable: 1m", "{target: 3m, acceptable: 1m"),
    "meaning-term-conflict": (PLAYBOOK, "term: refund", "term: calm down"),
    "meaning-duplicate-rule": (PLAYBOOK, "id: no-call-us", "id: apology"),
    "meaning-duplicate-term": (
        PLAYBOOK,
        "term: refund\n    status: preferred\n    instead_of: [money back]",
        "term: Calm  down\n    status: banned",
    ),
    "meaning-unknown-situation": (PLAYBOOK, "situations: [complaint]", "situations: [complaints]"),
    "meaning-unknown-channel": (
        PLAYBOOK,
        "    message: Answer here.",
        "    message: Answer here.\n    channels: [chatt]",
    ),
    "meaning-invalid-regex": (PLAYBOOK, r"'\bcall\s+us\b'", r"'\bcall\s+(us'"),
    "meaning-non-linear-regex": (PLAYBOOK, r"'\bcall\s+us\b'", r"'(call)\s+\1'"),
    "meaning-lookaround-regex": (PLAYBOOK, r"'\bcall\s+us\b'", r"'call(?!\s+back)'"),
    "meaning-browser-regex": (PLAYBOOK, r"'\bcall\s+us\b'", r"'(?U)call\s+us.*'"),
    "meaning-unknown-override": (
        CHAT,
        "templates:",
        "overrides:\n  apologies: {severity: warning}\ntemplates:",
    ),
    "meaning-bad-override-options": (
        CHAT,
        "templates:",
        "overrides:\n  apology: {options: {phrases: []}}\ntemplates:",
    ),
    "meaning-channel-id": (CHAT, "id: chat\n", "id: live-chat\n"),
    "meaning-undeclared-placeholder": (CHAT, "your order is late", "your order {order} is late"),
    "meaning-rule-example": (
        PLAYBOOK,
        'fail: ["It ships tomorrow."]',
        'fail: ["Sorry, it ships tomorrow."]',
    ),
    "meaning-good-example-breaks-rule": (
        CHAT,
        "agent: I'm sorry, Anna.",
        "agent: Calm down, Anna.",
    ),
    "meaning-template-breaks-rule": (CHAT, "I'm sorry your order", "calm down, your order"),
}


def _break(folder: Path, file: str, old: str | None, new: str | bytes) -> None:
    path = folder / file
    if isinstance(new, bytes):
        path.write_bytes(new)
        return
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_gets_one_precise_diagnostic(case: str, minimal: Path) -> None:
    _break(minimal, *CASES[case])
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert_golden(GOLDEN / "diagnostics" / f"{case}.txt", result.stdout)


def test_all_mistakes_are_reported_in_one_run(minimal: Path) -> None:
    for case in ("schema-enum", "meaning-unknown-situation", "meaning-invalid-regex"):
        _break(minimal, *CASES[case])
    lines = CliRunner().invoke(main, ["validate"]).stdout.splitlines()
    assert [line.split(" ")[2] for line in lines] == [
        "[schema/enum]",
        "[meaning/unknown-situation]",
        "[meaning/pattern]",
    ]
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


@pytest.mark.parametrize("folder", [SAMPLE, ITALIAN], ids=["sample", "italian"])
def test_shipped_playbooks_are_valid_without_warnings(folder: Path) -> None:
    result = validate(folder)
    assert [d.text() for d in result.diagnostics] == []
    assert result.playbook is not None


def test_exit_codes_and_strict(minimal: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["validate"]).exit_code == 0
    _break(
        minimal,
        CHAT,
        "      first_name: The customer's first name.",
        "      first_name: The customer's first name.\n      unused: Never used.",
    )
    warned = runner.invoke(main, ["validate"])
    assert warned.exit_code == 0
    assert "warning [meaning/placeholder]" in warned.stdout
    assert runner.invoke(main, ["validate", "--strict"]).exit_code == 1
    assert runner.invoke(main, ["validate", "--format", "yaml"]).exit_code == 2
    # A folder that is not there is a usage error, like a file given for a folder.
    missing = runner.invoke(main, ["validate", "no-such-folder"])
    assert missing.exit_code == 2
    assert "playbook init no-such-folder" in missing.output
    assert runner.invoke(main, ["validate", "guidelines/channels/chat.yml"]).exit_code == 2


def test_json_and_github_formats(minimal: Path) -> None:
    import json

    _break(minimal, *CASES["schema-enum"])
    body = json.loads(CliRunner().invoke(main, ["validate", "--format", "json"]).stdout)
    assert body["errors"] == 1
    [diagnostic] = body["diagnostics"]
    assert (diagnostic["file"], diagnostic["line"], diagnostic["column"]) == (
        "guidelines/channels/chat.yml",
        7,
        14,
    )
    assert diagnostic["pointer"] == "/tone/formality"
    github = CliRunner().invoke(main, ["validate", "--format", "github"]).stdout
    assert github.startswith("::error file=guidelines/channels/chat.yml,line=7,col=14,")


def test_missing_playbook_file(minimal: Path) -> None:
    (minimal / "playbook.yml").unlink()
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1
    assert (
        "guidelines/playbook.yml: error [files/missing] there is no playbook.yml" in result.stdout
    )


def test_every_validation_reads_the_folder_as_it_is_now(minimal: Path) -> None:
    first = validate(minimal)
    assert validate(minimal) == first
    chat = minimal / "channels" / "chat.yml"
    chat.write_text(chat.read_text(encoding="utf-8") + "\nbogus: 1\n", encoding="utf-8")
    changed = validate(minimal)
    assert changed.playbook is None
    assert any("bogus" in d.message for d in changed.errors)
    chat.write_text(chat.read_text(encoding="utf-8").replace("\nbogus: 1\n", ""), "utf-8")
    assert validate(minimal).playbook == first.playbook
    (minimal / "pages").mkdir(exist_ok=True)
    (minimal / "pages" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    assert [p.title for p in validate(minimal).playbook.pages] == ["Extra"]


def test_a_folder_named_like_a_channel_file_is_refused(minimal: Path) -> None:
    (minimal / "channels" / "folder.yml").mkdir()
    result = validate(Path("guidelines"))
    assert [(d.file, d.line, d.column, d.code) for d in result.errors] == [
        ("guidelines/channels/folder.yml", 1, 1, "files/refused")
    ]
    assert "a folder, not a plain file" in result.errors[0].message


def test_an_id_with_a_trailing_newline_is_refused(minimal: Path) -> None:
    playbook = minimal / "playbook.yml"
    text = playbook.read_text(encoding="utf-8")
    assert "- id: complaint\n" in text
    playbook.write_text(text.replace("- id: complaint\n", '- id: "complaint\\n"\n', 1), "utf-8")
    result = validate(Path("guidelines"))
    assert result.playbook is None
    assert any(
        d.code == "schema/pattern" and "lowercase letters, digits and single hyphens" in d.message
        for d in result.errors
    ), [d.text() for d in result.errors]


def test_an_unclosed_quote_is_reported_where_it_opens(minimal: Path) -> None:
    channel = minimal / CHAT
    text = channel.read_text(encoding="utf-8").split("\n")
    # The quote opens on line 3 and nothing after it closes it: the parser gives up at the end.
    channel.write_text("\n".join([*text[:2], 'name: "Live chat', "kind: live_chat"]) + "\n")
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1
    assert result.stdout == (
        "guidelines/channels/chat.yml:3:7: error [yaml/syntax] this quote is never closed: YAML "
        "found unexpected end of stream at line 5, column 1 while reading the quoted text; "
        "close the quote on this line.\n"
    )


def test_an_unclosed_bracket_names_the_line_where_it_opens(minimal: Path) -> None:
    channel = minimal / CHAT
    channel.write_text("id: chat\ndos: [Answer at once.\ndonts: [Wait.]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1
    assert "(while parsing a flow sequence that starts at line 2, column 6)" in result.stdout
