"""Benchmark: what the site's Audit section costs beside `playbook audit` on the same log.

The log is benchmarks/audit.py's (realistic timings, 8 channels, real support texts,
shuffled). Each step runs in a fresh process: the reference is the audit with its text
report, what `playbook audit LOG` does; the site step gathers the Audit section's figures
(the same audit, plus a second walk over the conversations for the transcripts and the
days) and renders its pages, what `playbook build --audit LOG` adds to a build.
Run: python benchmarks/audit_site.py [--messages 100000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit import ROOT, _peak_megabytes, generate  # noqa: E402 - beside this script


def measure(mode: str, path: Path) -> None:
    from generator.audit.auditing import audit_log
    from generator.audit.reading import ReadOptions, read
    from generator.audit.reports import text_report
    from generator.audit.summary import Summary
    from generator.checking import Checker
    from generator.site.audit_data import gather
    from generator.site.audit_pages import audit_files
    from generator.validation import validate

    playbook = validate(ROOT / "guidelines").playbook
    assert playbook is not None
    checker = Checker.from_playbook(playbook)
    options = ReadOptions(frozenset(checker.channels), frozenset(checker.situations))
    began = time.process_time()
    log = read([path], options)
    assert not log.bad, log.bad[:3]
    if mode == "audit":
        text_report(audit_log(log, checker, reopen_after=lambda _: 86400.0), Summary())
    else:
        audit_files(playbook, gather(log, checker, reopen_after=lambda _: 86400.0))
    print(time.process_time() - began, _peak_megabytes())


def run(mode: str, path: Path) -> tuple[float, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--measure", mode, str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    seconds, megabytes = output.split()
    return float(seconds), float(megabytes)


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
        print(f"log: {args.messages:,} messages, shuffled, 8 channels")
        reference = None
        for mode in ("audit", "site"):
            seconds, megabytes = run(mode, path)
            ratio = f", {seconds / reference:.2f}x the audit" if reference else " (reference)"
            reference = reference or seconds
            print(f"{mode:>6}: {seconds:6.1f} s CPU, peak {megabytes:,.0f} MB resident{ratio}")


if __name__ == "__main__":
    main()
