"""Benchmark: conversation messages audited per second on one core, and peak memory.

Generates a realistic log: conversations on the sample's 8 channels over four weeks, texts
of real public support tweets (../shared/data/twcs_head5000.csv) with names and order
numbers varied, customers writing at any hour and agents answering after real-looking
delays (mostly minutes, sometimes the next morning), bots and handoffs on chat channels,
internal notes, transfers, unanswered conversations; the records are shuffled. Each step
runs in a fresh process and is measured in CPU seconds and peak resident memory, beside two
references measured in the same run, so that figures taken on a loaded machine can be
judged by their ratios: reading and grouping the same file with the standard library alone
(parse every record and its time, group by conversation, sort each by time), the floor of
any audit of it; and the reply checker alone on every agent message, the part of the audit
that `playbook check` also pays.
Run: python benchmarks/audit.py [--messages 1000000]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

#: The repository, whose sample guidelines the benchmark uses.
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "twcs_head5000.csv"
CHANNELS = ["whatsapp", "live-chat", "email", "facebook", "instagram", "x", "phone", "chatbot"]
NAMES = ["Anna", "Marco", "Giulia", "Luca", "Sara", "Paolo", "Elena", "Davide", "Chiara"]
AGENTS = [f"agent-{i:02}" for i in range(40)]
ROME = ZoneInfo("Europe/Rome")


def texts() -> tuple[list[str], list[str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return (
        [r["text"] for r in rows if r["inbound"] == "True"],
        [r["text"] for r in rows if r["inbound"] == "False"],
    )


def generate(path: Path, messages: int) -> None:
    rng = random.Random(12)
    customer_texts, agent_texts = texts()
    start = dt.datetime(2026, 3, 16, tzinfo=ROME).timestamp()
    records: list[str] = []
    conversation = 0
    while len(records) < messages:
        conversation += 1
        channel = CHANNELS[conversation % len(CHANNELS)]
        when = start + rng.random() * 28 * 86400
        author = rng.choice(AGENTS)
        department = rng.choice(["sales", "billing", "returns"])
        name = rng.choice(NAMES)

        def add(role: str, text: str, **extra: object) -> None:
            records.append(record(f"c{conversation}", channel, when, role, text, **extra))  # noqa: B023

        for turn in range(rng.choice([1, 2, 2, 3, 3, 4, 6])):
            add("customer", rng.choice(customer_texts))
            if rng.random() < 0.2:
                when += rng.randint(20, 600)
                add("customer", rng.choice(customer_texts))
            if channel in ("chatbot", "live-chat") and turn == 0:
                when += rng.randint(1, 5)
                add("bot", "Hi! I'm the Velluto assistant. Pick an option.")
                if rng.random() < 0.5:
                    when += rng.randint(5, 60)
                    add("bot", "Connecting you to a colleague.", handoff=True)
            if rng.random() < 0.05:
                break  # left unanswered
            when += rng.lognormvariate(6.5, 1.6)  # median ~11 min, a long tail into days
            if rng.random() < 0.05:
                add("note", "Checked the order history.", author=author)
            if rng.random() < 0.04:
                department = rng.choice(["sales", "billing", "returns"])
                author = rng.choice(AGENTS)
            text = rng.choice(agent_texts).replace("@", f"{name} @", 1)
            add("agent", text, author=author, department=department)
            when += rng.lognormvariate(5.5, 1.5)
    rng.shuffle(records)
    path.write_text("\n".join(records[:messages]) + "\n", encoding="utf-8")


def record(
    conversation: str, channel: str, when: float, role: str, text: str, **extra: object
) -> str:
    moment = dt.datetime.fromtimestamp(when, ROME).isoformat()
    fields = {"conversation": conversation, "channel": channel, "time": moment, "role": role}
    return json.dumps({**fields, "text": text, **extra}, ensure_ascii=False)


def run(mode: str, path: Path) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one measured step, in a fresh process."""
    output = subprocess.run(
        [sys.executable, __file__, "--measure", mode, str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    seconds, megabytes = output.split()
    return float(seconds), float(megabytes)


def measure(mode: str, path: Path) -> None:
    from generator.audit.auditing import audit_log
    from generator.audit.reading import ReadOptions, read
    from generator.audit.reports import text_report
    from generator.audit.summary import Summary
    from generator.checking import Checker
    from generator.validation import validate

    checker = Checker.from_playbook(validate(ROOT / "guidelines").playbook)
    options = ReadOptions(frozenset(checker.channels), frozenset(checker.situations))
    began = time.process_time()
    if mode == "read+group":
        groups: dict[str, list[tuple[float, str, str]]] = {}
        with path.open(encoding="utf-8") as stream:
            for line in stream:
                r = json.loads(line)
                moment = dt.datetime.fromisoformat(r["time"]).timestamp()
                groups.setdefault(r["conversation"], []).append((moment, r["role"], r["text"]))
        for messages in groups.values():
            messages.sort()
    elif mode == "check":
        with path.open(encoding="utf-8") as stream:
            records = map(json.loads, stream)
            agent = [(r["channel"], r["text"]) for r in records if r["role"] == "agent"]
        began = time.process_time()
        for channel, text in agent:
            checker.check(text, channel=channel)
    else:
        log = read([path], options)
        assert not log.bad, log.bad[:3]
        text_report(audit_log(log, checker, reopen_after=lambda _: 86400.0), Summary())
    seconds = time.process_time() - began
    print(seconds, _peak_megabytes())


def _peak_megabytes() -> float:
    """The process's peak resident memory. Not getrusage's ru_maxrss: Linux carries that over
    from the parent process across exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure[0], Path(args.measure[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.jsonl"
        generate(path, args.messages)
        size = path.stat().st_size / 1e6
        print(f"log: {args.messages:,} messages, {size:.0f} MB, shuffled, 8 channels")
        figures = {}
        for mode in ("read+group", "check", "audit"):
            seconds, megabytes = figures[mode] = run(mode, path)
            rate = args.messages / seconds
            print(
                f"{mode:>10}: {seconds:6.1f} s CPU, {rate:>9,.0f} messages/s, "
                f"peak {megabytes:,.0f} MB resident"
            )
        audit = figures["audit"][0]
        print(
            f"audit / read+group: {audit / figures['read+group'][0]:.1f}x; "
            f"audit / check: {audit / figures['check'][0]:.1f}x"
        )


if __name__ == "__main__":
    main()
