"""`playbook build --audit LOG`: the Audit section of the site, its figures, its language, its
determinism, the vendored chart library, and a bad log that leaves the previous site alone."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys
from array import array
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.audit.summary import BAND_NAMES as BANDS
from generator.cli import main
from generator.site.audit_data import percentile, period_unit, periods
from generator.site.audit_pages import VENDOR, VENDORED
from tests.conftest import FIXTURES, ITALIAN, ROOT, SAMPLE
from tests.hostile import PAYLOAD

LOG = FIXTURES / "logs" / "conversations.jsonl"
NODE_PACKAGES = ROOT / "tests" / "vendored" / "node_modules"
AUDIT_PAGES = ("audit/index.html", "audit/findings/index.html", "audit/conversations/index.html")
#: What a helpdesk export might carry in a message, an author's name or a conversation id.
LOG_PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    '[click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>',
    PAYLOAD,
)


def hostile_log(target: Path) -> Path:
    """The sample log with script payloads in every text, author and conversation id."""
    lines = []
    for number, line in enumerate(LOG.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        payload = LOG_PAYLOADS[number % len(LOG_PAYLOADS)]
        record["text"] = f"{record['text']} {payload}"
        record["conversation"] = f"{record['conversation']} {LOG_PAYLOADS[0]}"
        if record.get("author"):
            record["author"] = f"{record['author']} {LOG_PAYLOADS[1]}"
        lines.append(json.dumps(record, ensure_ascii=False))
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def build(site: Path, *args: str, guidelines: Path = SAMPLE) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", str(guidelines), "-d", str(site), *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("audit") / "site"
    code, output = build(site, "--strict", "--audit", str(LOG))
    assert code == 0, output
    return site


def _text(site: Path, page: str) -> str:
    """A page's main text without tags, as a reader sees it."""
    body = (site / page).read_text(encoding="utf-8")
    main_part = body[body.index('<article class="md-content__inner') :]
    return html.unescape(re.sub(r"<[^>]+>", " ", main_part))


def _charts(site: Path, page: str) -> list[dict]:
    body = (site / page).read_text(encoding="utf-8")
    return [json.loads(html.unescape(m)) for m in re.findall(r'data-chart="([^"]*)"', body)]


def test_the_site_has_an_audit_section_out_of_search(site: Path) -> None:
    for page in AUDIT_PAGES:
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="audit/"' in home and "Worst conversations" in home
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and not [d for d in index["docs"] if d["location"].startswith("audit/")]
    # Agents' pages do not load the chart library; the Audit pages' script loads it on demand.
    assert "chart.umd.min.js" not in home
    assert "audit-charts.js" in (site / AUDIT_PAGES[0]).read_text(encoding="utf-8")


def test_the_figures_are_the_audit_s(site: Path) -> None:
    """The pages show what `playbook audit --format json` reports for the same log."""
    report = json.loads(CliRunner().invoke(main, ["audit", str(LOG), "--format", "json"]).output)
    summary = report["summary"]
    text = " ".join(_text(site, AUDIT_PAGES[0]).split())
    assert "72 conversations and 204 messages, from 2026-03-23 to 2026-04-07" in text
    counts = summary["findings"]
    assert (
        f"Findings: {counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['suggestion']} suggestions." in text
    )
    # Live chat's first replies (reopened conversations' too), counted in the JSON report.
    bands = [
        wait["band"]
        for c in report["conversations"]
        if c["channel"] == "live-chat"
        for wait in [c["first_response"], *c["reopened_first_responses"]]
        if wait
    ]
    shares = [round(100 * bands.count(b) / len(bands), 1) for b in BANDS]
    assert len(bands) == 10 and shares == [0.0, 70.0, 30.0, 0.0]
    assert "Live chat 10 47 s 1 min 16 s 0 (0%) 7 (70%) 3 (30%) 0 (0%)" in text
    first, follow_up, trend = _charts(site, AUDIT_PAGES[0])
    live = first["labels"].index("Live chat")
    assert [s["values"][live] for s in first["series"]] == shares
    names = [s["name"] for s in follow_up["series"]]
    assert names == ["OK", "Acceptable", "Unacceptable", "Still open"]
    assert trend["labels"][0] == "2026-03-23" and trend["type"] == "line"
    rules, repeated = _charts(site, AUDIT_PAGES[1])
    by_count = sorted(summary["rules"].items(), key=lambda item: (-item[1]["findings"], item[0]))
    assert rules["labels"] == [rule for rule, _ in by_count]
    assert rules["series"][0]["values"] == [entry["findings"] for _, entry in by_count]
    tops = summary["rules"]["copy-paste"]["top_texts"]
    assert repeated["series"][0]["values"] == [top["count"] for top in tops]
    assert tops[0]["count"] == 16
    findings = " ".join(_text(site, AUDIT_PAGES[1]).split())
    assert "my pleasure, <name>. have a lovely day." in findings
    worst = " ".join(_text(site, AUDIT_PAGES[2]).split())
    assert summary["worst"][0] == "ig-001"
    for rank, conversation in enumerate(summary["worst"], 1):
        assert f" {rank}. {conversation} " in worst
    assert "No worries mate, gonna fix it" in worst and "First reply after 5 min OK" in worst


def test_the_period_follows_the_log_s_span() -> None:
    day = 86400
    assert [period_unit(0, n * day) for n in (1, 42, 43, 550, 551)] == [
        "day",
        "day",
        "week",
        "week",
        "month",
    ]
    days = {dt.date(2026, 3, 29): [1, 2], dt.date(2026, 3, 30): [3, 3], dt.date(2027, 1, 1): [0, 1]}
    assert periods(days, "day") == {
        "2026-03-29": [1, 2],
        "2026-03-30": [3, 3],
        "2027-01-01": [0, 1],
    }
    # Sunday 29 March is in ISO week 13, Monday 30 in week 14; 1 January 2027 in 2026's week 53.
    assert periods(days, "week") == {"2026-W13": [1, 2], "2026-W14": [3, 3], "2026-W53": [0, 1]}
    assert periods(days, "month") == {"2026-03": [4, 5], "2027-01": [0, 1]}
    assert percentile(array("l", [5, 1, 4, 2, 3]), 50) == 3
    assert percentile(array("l", list(range(1, 11))), 90) == 9
    assert percentile(array("l"), 90) is None


def test_log_texts_are_shown_not_run(tmp_path: Path) -> None:
    log = hostile_log(tmp_path / "hostile.jsonl")
    site = tmp_path / "site"
    code, output = build(site, "--strict", "--audit", str(log))
    assert code == 0, output
    for page in AUDIT_PAGES:
        body = (site / page).read_text(encoding="utf-8")
        main_part = body[body.index('<article class="md-content__inner') :]
        assert "<script>alert" not in main_part and "<img src=x" not in main_part, page
        assert not re.search(r"<a [^>]*href=\"\s*javascript:", main_part), page
    worst = _text(site, AUDIT_PAGES[2])
    assert LOG_PAYLOADS[1] in worst and "<script>alert(1)</script>" in worst


def test_the_audit_pages_are_the_same_on_every_run(tmp_path: Path) -> None:
    """Two processes with different string hashing write the same bytes."""
    sites = []
    for seed in ("1", "2"):
        site = tmp_path / f"site-{seed}"
        command = [sys.executable, "-c", "from generator.cli import main; main()", "build"]
        command += [str(SAMPLE), "-d", str(site)]
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [*command, "--audit", str(LOG)], env=env, capture_output=True, text=True, check=False
        )
        assert run.returncode == 0, run.stderr
        sites.append(site)
    names = sorted(p.relative_to(sites[0]) for p in (sites[0] / "audit").rglob("*") if p.is_file())
    assert len(names) == 3
    for name in [*names, *(Path(n) for n in VENDORED)]:
        assert (sites[0] / name).read_bytes() == (sites[1] / name).read_bytes(), name


def test_a_bad_log_fails_the_build_and_keeps_the_site(site: Path, tmp_path: Path) -> None:
    previous = tmp_path / "site"
    shutil.copytree(site, previous)
    before = {p: p.read_bytes() for p in previous.rglob("*.html")}
    bad = tmp_path / "bad.jsonl"
    lines = LOG.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([lines[0], lines[1].replace("+01:00", ""), "{"]) + "\n")
    code, output = build(previous, "--audit", str(bad))
    assert code == 2
    assert f"{bad}:2: error: '2026-03-23T09:00:00' has no offset from UTC" in output
    assert f"{bad}:3: error: not JSON" in output
    assert "Traceback" not in output
    assert {p: p.read_bytes() for p in previous.rglob("*.html")} == before
    # With the audit's own option, the bad records are skipped and counted.
    code, output = build(previous, "--audit", str(bad), "--on-error", "skip")
    assert code == 0 and "skipped 2 bad records" in output
    assert "1 conversations and 1 messages" in " ".join(_text(previous, AUDIT_PAGES[0]).split())
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    code, output = build(previous, "--audit", str(empty))
    assert code == 0, output
    assert "The log has no messages." in _text(previous, AUDIT_PAGES[0])


def test_the_log_options_are_the_audit_s(tmp_path: Path) -> None:
    csv_log = tmp_path / "log.csv"
    csv_log.write_text(
        "id,medium,at,who,body\n"
        "c1,whatsapp,2026-03-23 10:00,customer,Where is my order?\n"
        "c1,whatsapp,2026-03-23 10:20,agent,Hi! It arrives tomorrow.\n",
        encoding="utf-8",
    )
    columns = [f"--column={f}" for f in ("conversation=id", "channel=medium", "time=at")]
    columns += ["--column=role=who", "--column=text=body"]
    code, output = build(tmp_path / "site", "--audit", str(csv_log), *columns)
    assert code == 2 and "has no offset from UTC" in output
    code, output = build(
        tmp_path / "site", "--audit", str(csv_log), *columns, "--time-zone", "Europe/Rome"
    )
    assert code == 0, output
    text = " ".join(_text(tmp_path / "site", AUDIT_PAGES[0]).split())
    assert "1 conversations and 2 messages" in text and "WhatsApp 1 20 min 20 min" in text
    code, output = build(tmp_path / "site", "--audit", str(csv_log), "--time-zone", "Mars/Olympus")
    assert code == 2 and "is not a time zone" in output


def test_an_italian_playbook_has_an_italian_audit(tmp_path: Path) -> None:
    log = tmp_path / "registro.jsonl"
    records = [
        ("r1", "whatsapp", "2026-03-23T10:00:00+01:00", "customer", "Il pacco è in ritardo!"),
        ("r1", "whatsapp", "2026-03-23T12:00:00+01:00", "agent", "Ciao, l'ordine arriva domani."),
        ("r2", "email", "2026-03-24T09:00:00+01:00", "customer", "Perché non mi rispondete?"),
    ]
    fields = ("conversation", "channel", "time", "role", "text")
    log.write_text(
        "".join(json.dumps(dict(zip(fields, r, strict=True))) + "\n" for r in records),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    code, output = build(site, "--audit", str(log), guidelines=ITALIAN)
    assert code == 0, output
    overview = _text(site, AUDIT_PAGES[0])
    assert "2 conversazioni e 3 messaggi" in overview and "Mediana" in overview
    assert "Median " not in overview and "Worst conversations" not in overview
    worst = _text(site, AUDIT_PAGES[2])
    assert "Conversazioni peggiori" in worst and "Cliente" in worst
    assert "l'ordine arriva domani" in worst
    nav = (site / "index.html").read_text(encoding="utf-8")
    assert "Segnalazioni" in nav and "Tempi di risposta misurati" in nav


def test_the_zensical_site_has_the_audit_too(tmp_path: Path) -> None:
    pytest.importorskip("zensical")
    site = tmp_path / "site"
    code, output = build(site, "--builder", "zensical", "--audit", str(LOG))
    assert code == 0, output
    for page in AUDIT_PAGES[:2]:
        assert 'data-chart="' in (site / page).read_text(encoding="utf-8"), page
    assert "pb-transcript" in (site / AUDIT_PAGES[2]).read_text(encoding="utf-8")
    assert (site / "assets/javascripts/chart.umd.min.js").is_file()
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    assert index["items"] and not [i for i in index["items"] if i["location"].startswith("audit/")]


def test_the_vendored_chart_library_is_the_npm_package_s(site: Path) -> None:
    if not NODE_PACKAGES.is_dir():
        pytest.fail("the npm packages are needed: npm ci --prefix tests/vendored")
    lock = json.loads((ROOT / "tests/vendored/package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/chart.js"]["version"]
    sources = {
        "chart.umd.min.js": NODE_PACKAGES / "chart.js" / "dist" / "chart.umd.min.js",
        "chart.js-LICENSE.txt": NODE_PACKAGES / "chart.js" / "LICENSE.md",
        "kurkle-color-LICENSE.txt": NODE_PACKAGES / "@kurkle" / "color" / "LICENSE.md",
    }
    for name, source in sources.items():
        assert (VENDOR / name).read_bytes() == source.read_bytes(), name
    assert f"Chart.js v{version}\n" in (VENDOR / "chart.umd.min.js").read_text(encoding="utf-8")
    # The site ships the same bytes, and the licences beside the library.
    for target, name in VENDORED.items():
        assert (site / target).read_bytes() == (VENDOR / name).read_bytes(), target


def test_every_word_of_the_audit_pages_has_an_italian_translation() -> None:
    from generator.site.audit_content import ROLE_LABELS
    from generator.site.audit_markup import BAND_LABELS
    from generator.site.rendering import translations

    used = {*ROLE_LABELS.values(), *BAND_LABELS.values(), "Day", "Week", "Month"}
    for module in (ROOT / "generator" / "site").glob("audit_*.py"):
        source = module.read_text(encoding="utf-8")
        used |= set(re.findall(r'_\(\s*"([^"]+)"\s*[,)]', source))
    assert len(used) > 30
    assert sorted(used - set(translations("it"))) == []
