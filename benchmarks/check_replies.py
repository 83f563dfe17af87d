"""Benchmark: replies checked per second on one core, with the sample and with 500 terms.

Checks the company replies of ../shared/data/twcs_head5000.csv (real public support tweets)
on the WhatsApp channel, as a complaint and as an information request.
Run: python benchmarks/check_replies.py [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from generator.checking import Checker
from generator.validation import validate

#: The repository, whose sample guidelines and mkdocs.yml the benchmark uses.
ROOT = Path(__file__).resolve().parent.parent

DATA = ROOT.parent / "shared" / "data" / "twcs_head5000.csv"


def replies() -> list[str]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle) if row["inbound"] == "False"]


def with_terms(count: int, folder: Path) -> Path:
    """A copy of the sample playbook with `count` extra banned terms."""
    target = folder / "guidelines"
    shutil.copytree(ROOT / "guidelines", target)
    path = target / "playbook.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = sorted(
        {"".join(rng.choice(letters) for _ in range(rng.randint(5, 9))) for _ in range(count * 2)}
    )[:count]
    data["terms"] += [
        {
            "term": f"{w} {words[(i + 1) % count]}" if i % 3 == 0 else w,
            "status": "banned",
            "reason": "generated for the benchmark.",
        }
        for i, w in enumerate(words)
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def measure(checker: Checker, texts: list[str], repeat: int) -> tuple[float, int]:
    findings = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for i, text in enumerate(texts):
            findings += len(
                checker.check(
                    text, channel="whatsapp", situation="complaint" if i % 2 else "information"
                )
            )
    elapsed = time.perf_counter() - start
    return len(texts) * repeat / elapsed, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}: put the shared data beside the repository", file=sys.stderr)
        return 2
    texts = replies()
    print(f"{len(texts)} company replies, mean {sum(map(len, texts)) / len(texts):.0f} characters")
    with tempfile.TemporaryDirectory() as folder:
        for label, guidelines in (
            ("sample playbook", ROOT / "guidelines"),
            ("sample + 500 terms", with_terms(500, Path(folder))),
        ):
            result = validate(guidelines)
            assert result.playbook is not None, [d.text() for d in result.errors]
            start = time.perf_counter()
            checker = Checker.from_playbook(result.playbook)
            compiled = time.perf_counter() - start
            rate, findings = measure(checker, texts, args.repeat)
            rules = len(result.playbook.channel("whatsapp").rules)
            print(
                f"{label:>20}: {rate:>9,.0f} replies/s ({rules} rules on whatsapp, "
                f"{findings // args.repeat} findings per pass, compiled in {compiled:.2f} s)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
