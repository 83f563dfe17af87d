"""Checking replies: the right rule, line, column and link; every output format; the API."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checking import Checker, UnknownName
from generator.cli import main
from generator.validation import validate
from tests.conftest import GOLDEN, ITALIAN, SAMPLE, assert_golden

BAD_WHATSAPP = (
    "Hello Marta. As per our policy, parcels are only traced after five working days.\n"
    "Please call our hotline and the team will open a case for your order, which can take a "
    "while because the courier needs to confirm the status of the parcel with the local depot. "
    "Once the depot answers we will update the order, and if the parcel is really lost we will "
    "prepare a replacement or a refund depending on stock, which we check every morning with "
    "the warehouse team before the first delivery round leaves. We will keep you posted.\n"
)
GOOD_WHATSAPP = (
    "Hi Marta, I'm sorry your order hasn't arrived. I've asked the courier to trace it and "
    "I'll message you here by 5 pm today."
)


@pytest.fixture(scope="module")
def sample() -> Checker:
    return Checker.from_playbook(validate(SAMPLE).playbook)


def test_a_bad_complaint_reply_gets_each_problem_once(sample: Checker) -> None:
    situation = sample.detect_situation("My parcel is still not here, I'm really disappointed.")
    assert situation == "complaint"
    findings = sample.check(BAD_WHATSAPP, channel="whatsapp", situation=situation)
    summary = [(f.rule, f.line, f.column, f.match[:10]) for f in findings]
    first_line = BAD_WHATSAPP.index("\n") + 1
    past_limit = 500  # WhatsApp's character limit in the sample: the finding starts after it
    assert len(BAD_WHATSAPP.strip()) > past_limit
    assert summary == [
        ("complaint-apology", 1, 1, ""),
        ("term-as-per-our-policy", 1, 14, "As per our"),
        ("no-channel-switch", 2, 1, "Please cal"),
        (
            "whatsapp-message-length",
            2,
            past_limit - first_line + 1,
            BAD_WHATSAPP[past_limit : past_limit + 10],
        ),
    ]
    assert all(f.link == f"rules/#{f.rule}" for f in findings)
    assert findings[1].suggestion == "write 'here is what we can do' instead"


def test_a_good_reply_gets_nothing(sample: Checker) -> None:
    assert sample.check(GOOD_WHATSAPP, channel="whatsapp", situation="complaint") == []


def test_unknown_channel_and_situation_say_what_exists(sample: Checker) -> None:
    with pytest.raises(UnknownName, match="Did you mean 'whatsapp'"):
        sample.check("Hi", channel="whatsap")
    with pytest.raises(UnknownName, match="Did you mean 'complaint'"):
        sample.check("Hi", channel="whatsapp", situation="complain")


def test_italian_register_and_apology() -> None:
    checker = Checker.from_playbook(validate(ITALIAN).playbook)
    assert checker.detect_situation("Il mio ordine è in ritardo, è inaccettabile!") == "complaint"
    found = checker.check(
        "Ciao, puoi mandarci il tuo numero d'ordine?", channel="whatsapp", situation="complaint"
    )
    rules = {f.rule for f in found}
    assert any(f.match == "puoi" for f in found) and any(f.match == "tuo" for f in found)
    assert len(rules) >= 2  # the register and the missing apology at least


def test_shared_across_threads(sample: Checker) -> None:
    expected = sample.check(BAD_WHATSAPP, channel="whatsapp", situation="complaint")
    results: list[object] = []

    def work() -> None:
        for _ in range(50):
            results.append(sample.check(BAD_WHATSAPP, channel="whatsapp", situation="complaint"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 200 and all(r == expected for r in results)


def test_a_megabyte_reply(sample: Checker) -> None:
    text = ("We're sorry. As per our policy we cannot call us back. 😀 " * 20_000)[:1_000_000]
    findings = sample.check(text, channel="whatsapp", situation="complaint")
    assert len(findings) > 20_000


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_cli_output_formats(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("reply.txt").write_text(BAD_WHATSAPP, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--guidelines",
            str(SAMPLE),
            "--channel",
            "whatsapp",
            "--in-reply-to",
            "Still no parcel. Really disappointed.",
            "--format",
            fmt,
            "reply.txt",
        ],
    )
    assert result.exit_code == 1, result.output
    assert_golden(GOLDEN / "check" / f"bad-whatsapp.{fmt}", result.stdout)
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)


def test_cli_exit_codes_and_stdin(tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["check", "--guidelines", str(SAMPLE), "-c", "whatsapp", "-s", "complaint"]
    assert runner.invoke(main, base, input=GOOD_WHATSAPP).exit_code == 0
    assert runner.invoke(main, [*base, "-"], input=BAD_WHATSAPP).exit_code == 1
    warn_only = "Hi Marta, sorry: you get your money back today."
    assert runner.invoke(main, base, input=warn_only).exit_code == 0
    assert runner.invoke(main, [*base, "--fail-on", "warning"], input=warn_only).exit_code == 1
    assert runner.invoke(main, [*base, "--fail-on", "never"], input=BAD_WHATSAPP).exit_code == 0
    assert runner.invoke(main, [*base, "--waited", "soon"], input="x").exit_code == 2
    assert runner.invoke(main, [*base, "missing.txt"]).exit_code == 2
    (tmp_path / "latin1.txt").write_bytes(b"Caff\xe8")
    bad = runner.invoke(main, [*base, str(tmp_path / "latin1.txt")])
    assert bad.exit_code == 2 and "is not UTF-8" in bad.output


def test_waited_reports_a_late_reply() -> None:
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--guidelines",
            str(SAMPLE),
            "-c",
            "whatsapp",
            "-s",
            "complaint",
            "--waited",
            "3h",
            "--fail-on",
            "warning",
        ],
        input=GOOD_WHATSAPP,
    )
    assert result.exit_code == 1
    assert "[first-response-time]" in result.stdout and "past the acceptable time of 1 h" in (
        result.stdout
    )


def test_checking_from_the_export_gives_the_same_findings(tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    assert CliRunner().invoke(main, ["export", str(SAMPLE), "-o", str(rules)]).exit_code == 0
    args = ["-c", "whatsapp", "-s", "complaint", "--format", "json"]
    from_yaml = CliRunner().invoke(
        main, ["check", "--guidelines", str(SAMPLE), *args], input=BAD_WHATSAPP
    )
    from_json = CliRunner().invoke(
        main, ["check", "--rules", str(rules), *args], input=BAD_WHATSAPP
    )
    assert from_yaml.stdout == from_json.stdout and json.loads(from_json.stdout)["findings"]


def test_a_broken_rules_file_is_a_usage_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text('{"format_version": "9.0.0"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), "-c", "x"], input="hi")
    assert result.exit_code == 2 and "format version 2.x" in result.output
