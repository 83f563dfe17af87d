"""`playbook audit` as a user runs it: the sample log, the Twitter data, bad logs, formats."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.schemas.audit import audit_schema
from tests.conftest import GOLDEN, ROOT, TWCS, assert_golden

SAMPLE_LOG = ROOT / "tests" / "fixtures" / "logs" / "conversations.jsonl"
PRACTICES = {"unanswered", "repeated_reply", "follow_ups", "handoff", "transfers"}


def audit(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["audit", *args])
    assert result.exit_code != 3, result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def sample_json() -> dict:
    code, out, err = audit(str(SAMPLE_LOG), "--format", "json")
    assert (code, err) == (1, "")
    return json.loads(out)


def test_the_sample_log_reads_as_the_readme_shows() -> None:
    code, out, err = audit(str(SAMPLE_LOG))
    assert (code, err) == (1, "")
    assert_golden(GOLDEN / "audit" / "sample.txt", out)


def _readme_block(after: str, language: str) -> str:
    """The first fenced block of `language` in the README after the line `after`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"```{language}\n", text.index(after)) + len(language) + 4
    return text[start : text.index("```", start)]


def test_the_readme_shows_the_sample_log_as_it_audits() -> None:
    console = _readme_block("## Auditing conversations", "console")
    command, _, shown = console.partition("\n")
    assert command == f"$ playbook audit {SAMPLE_LOG.relative_to(ROOT)}"
    assert shown == (GOLDEN / "audit" / "sample.txt").read_text(encoding="utf-8")


def test_the_readme_json_example_is_the_sample_logs(sample_json: dict) -> None:
    shown = json.loads(_readme_block("- `--format json`", "json"))
    actual = next(c for c in sample_json["conversations"] if c["id"] == shown["id"])
    assert {key: actual[key] for key in shown} == shown


def test_the_sample_log_breaks_every_practice(sample_json: dict) -> None:
    kinds = {f["kind"] for c in sample_json["conversations"] for f in c["findings"]}
    assert kinds >= PRACTICES
    assert {"required_phrase", "register", "response_time"} <= kinds


def test_the_json_follows_its_published_schema(sample_json: dict) -> None:
    assert not list(Draft202012Validator(audit_schema()).iter_errors(sample_json))
    published = json.loads((ROOT / "rules" / "audit.schema.json").read_text(encoding="utf-8"))
    assert published == audit_schema()


def test_waits_in_the_sample_match_hand_computed_ones(sample_json: dict) -> None:
    by_id = {c["id"]: c for c in sample_json["conversations"]}
    # Saturday 14:00 to Monday 08:45, across the change to summer time: 45 open minutes,
    # and 41 h 45 min on the calendar (the wall clock says 42 h 45 min).
    weekend = by_id["wa-003"]["first_response"]
    assert (weekend["business_seconds"], weekend["calendar_seconds"]) == (2700, 150300)
    # Sunday to Tuesday over Easter Monday, a public holiday in Italy: 10 minutes.
    assert by_id["wa-004"]["first_response"]["business_seconds"] == 600
    # Three messages in a row are one wait, from the first.
    assert by_id["wa-005"]["first_response"]["business_seconds"] == 1500
    # The bot's automatic answer at night is not the first response.
    assert by_id["wa-002"]["first_response"]["business_seconds"] == 1200
    # A handoff starts the wait for a person.
    assert by_id["lc-002"]["first_response"]["calendar_seconds"] == 36
    # Reopened after four days: a first response of its own, Friday 17:00 to 20:00 and
    # Saturday 09:00 to 10:15.
    assert by_id["em-002"]["reopened_first_responses"][0]["business_seconds"] == 3 * 3600 + 4500
    # An out-of-hours reply to an out-of-hours email.
    off = by_id["em-003"]["first_response"]
    assert (off["business_seconds"], off["answered_out_of_hours"]) == (0, True)
    # Company-started: no first response until the customer writes.
    assert by_id["wa-007"]["first_response"]["business_seconds"] == 1200


def test_unanswered_public_complaints_come_first(sample_json: dict) -> None:
    assert sample_json["summary"]["worst"][0] != ""
    unanswered = [
        c["id"]
        for c in sample_json["conversations"]
        if any(f["kind"] == "unanswered" for f in c["findings"])
    ]
    assert {"x-001", "wa-006"} <= set(unanswered)


def test_repeated_replies_are_counted_per_channel_and_agent(sample_json: dict) -> None:
    rows = sample_json["summary"]["repeated_replies"]
    sofia = next(r for r in rows if r["channel"] == "x" and r["agent"] == "sofia")
    assert sofia["repeated"] == 5 and sofia["rate"] == round(5 / sofia["replies"], 4)
    top = sample_json["summary"]["rules"]["copy-paste"]["top_texts"]
    assert any("sent you a private message about order" in t["text"] for t in top)


def test_messages_in_any_order_give_the_same_audit(tmp_path: Path, sample_json: dict) -> None:
    lines = SAMPLE_LOG.read_text(encoding="utf-8").splitlines(keepends=True)
    random.Random(1).shuffle(lines)
    shuffled = tmp_path / "shuffled.jsonl"
    shuffled.write_text("".join(lines), encoding="utf-8")
    code, out, _ = audit(str(shuffled), "--format", "json")
    got = json.loads(out)
    key = lambda c: c["id"]  # noqa: E731
    assert sorted(got["conversations"], key=key) == sorted(sample_json["conversations"], key=key)
    assert got["summary"] == sample_json["summary"]


def test_the_twitter_support_data_audits_without_errors() -> None:
    code, out, err = audit(str(TWCS), "--format", "json", "--fail-on", "never")
    assert (code, err) == (0, "")
    summary = json.loads(out)["summary"]
    with TWCS.open(encoding="utf-8", newline="") as stream:
        rows = sum(1 for _ in csv.DictReader(stream))
    assert summary["messages"] == rows
    assert summary["conversations"] > 1000
    assert all(g["channel"] == "x" for g in summary["groups"])


def test_bad_records_are_reported_with_file_and_line(tmp_path: Path) -> None:
    log = tmp_path / "bad.jsonl"
    good = {"conversation": "c1", "channel": "whatsapp", "role": "customer", "text": "Hi"}
    log.write_text(
        "\n".join(
            [
                json.dumps(good | {"time": "2026-03-02T09:00:00+01:00"}),
                json.dumps(good | {"time": "yesterday"}),
                json.dumps(good | {"time": "2026-03-02T09:00:00", "channel": "whatsap"}),
                "{not json",
                json.dumps(
                    {k: v for k, v in good.items() if k != "role"}
                    | {"time": "2026-03-02T09:00:00Z"}
                ),
                json.dumps(good | {"time": "2026-03-02T09:00:00", "role": "customers"}),
                json.dumps(good | {"time": "2026-03-02T09:00:00"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    code, out, err = audit(str(log))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"{log}:2: error: 'yesterday' is not a time")
    assert lines[1] == f"{log}:3: error: unknown channel 'whatsap'. Did you mean 'whatsapp'?"
    assert lines[2].startswith(f"{log}:4: error: not JSON")
    assert lines[3].startswith(f"{log}:5: error: missing role")
    assert lines[4].startswith(f"{log}:6: error: unknown role 'customers'")
    assert lines[5].startswith(f"{log}:7: error: '2026-03-02T09:00:00' has no offset from UTC")
    assert "--time-zone" in lines[5]
    assert lines[6] == "playbook: 6 bad records; fix them, or pass --on-error skip."

    code, out, err = audit(str(log), "--on-error", "skip", "--time-zone", "Europe/Rome")
    assert code == 0 and "Audit: 1 conversations, 2 messages" in out
    assert err.splitlines()[-1] == "playbook: skipped 5 bad records."


def test_a_csv_with_other_column_names_reads_with_a_mapping(tmp_path: Path) -> None:
    log = tmp_path / "export.csv"
    log.write_text(
        "ticket,medium,created_at,who,body\n"
        't1,email,2026-03-02T09:00:00+01:00,customer,"Dear team, is the green armchair in stock?"\n'
        't1,email,2026-03-02T09:30:00+01:00,agent,"Dear Anna, it is."\n',
        encoding="utf-8",
    )
    code, _, err = audit(str(log))
    assert code == 2 and "the header has no column 'conversation'" in err and "--column" in err
    mapping = ["--column", "conversation=ticket", "--column", "channel=medium"]
    mapping += ["--column", "time=created_at", "--column", "role=who", "--column", "text=body"]
    code, out, err = audit(str(log), *mapping, "--format", "json")
    (conversation,) = json.loads(out)["conversations"]
    assert conversation["first_response"]["calendar_seconds"] == 1800


def test_csv_output_has_a_row_per_finding(sample_json: dict) -> None:
    code, out, _ = audit(str(SAMPLE_LOG), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == sum(len(c["findings"]) for c in sample_json["conversations"])
    assert {"conversation", "rule", "severity", "time", "link"} <= set(rows[0])


def test_fail_on_sets_the_exit_code() -> None:
    assert audit(str(SAMPLE_LOG), "--fail-on", "never")[0] == 0
    assert audit(str(SAMPLE_LOG), "--fail-on", "suggestion")[0] == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert audit(str(tmp_path / "missing.jsonl"))[0] == 2
    assert audit(str(SAMPLE_LOG), "--time-zone", "Europe/Rom")[0] == 2
    assert audit(str(SAMPLE_LOG), "--column", "when=created_at")[0] == 2
    assert audit(str(SAMPLE_LOG), "--reopen-after", "tiktok=1d")[0] == 2


def test_twitter_threads_are_rebuilt_from_reply_links(tmp_path: Path) -> None:
    log = tmp_path / "tweets.csv"
    log.write_text(
        "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
        # 11 and 12 answer tweet 10, which is not in the file: one conversation all the same.
        "11,VellutoHome,False,Tue Oct 31 10:30:00 +0000 2017,@ann we're on it,13,10\n"
        "13,ann,True,Tue Oct 31 10:40:00 +0000 2017,@VellutoHome thanks but when?,,11\n"
        "12,VellutoHome,False,Tue Oct 31 10:20:00 +0000 2017,@ann sorry to hear that,,10\n"
        "20,bob,True,Tue Oct 31 11:00:00 +0000 2017,@VellutoHome hello,,\n",
        encoding="utf-8",
    )
    code, out, err = audit(str(log), "--format", "json", "--fail-on", "never")
    assert (code, err) == (0, "")
    conversations = {c["id"]: c for c in json.loads(out)["conversations"]}
    assert sorted(conversations) == ["10", "20"]
    assert conversations["10"]["messages"] == 3 and conversations["10"]["channel"] == "x"
    assert conversations["20"]["first_response"]["band"] == "open"


def test_an_exported_rules_file_audits_like_the_guidelines(
    tmp_path: Path, sample_json: dict
) -> None:
    rules = tmp_path / "rules.json"
    assert CliRunner().invoke(main, ["export", "-o", str(rules)]).exit_code == 0
    code, out, _ = audit(str(SAMPLE_LOG), "--rules", str(rules), "--format", "json")
    assert code == 1 and json.loads(out) == sample_json


def test_the_browser_checker_knows_which_kinds_are_for_conversations() -> None:
    from generator.kinds import KINDS

    script = (ROOT / "site_templates" / "js" / "kinds.js").read_text(encoding="utf-8")
    line = next(x for x in script.splitlines() if "CONVERSATION_KINDS = new Set" in x)
    listed = set(json.loads(line[line.index("[") : line.rindex("]") + 1]))
    assert listed == {name for name, kind in KINDS.items() if kind.scope != "reply"}


def test_a_byte_order_mark_is_read_and_other_encodings_named_by_line(tmp_path: Path) -> None:
    record = '{"conversation": "a", "channel": "x", "time": "2026-03-02T09:00:00Z", '
    good = tmp_path / "bom.jsonl"
    good.write_bytes(("\ufeff" + record + '"role": "customer", "text": "hi"}\n').encode())
    spreadsheet = tmp_path / "bom.csv"
    spreadsheet.write_bytes(
        "\ufeffconversation,channel,time,role,text\na,x,2026-03-02T09:00:00Z,customer,hi\n".encode()
    )
    for path in (good, spreadsheet):
        code, out, err = audit(str(path), "--format", "csv")
        assert (code, err) == (0, "")
    latin = tmp_path / "latin.jsonl"
    line = record + '"role": "customer", "text": "caffè"}\n'
    latin.write_bytes(line.encode() + line.encode("latin-1"))
    code, out, err = audit(str(latin))
    assert (code, out) == (2, "")
    assert f"{latin}:2: not UTF-8 text" in err and "Traceback" not in err
