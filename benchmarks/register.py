"""Benchmark: Italian address (tu or Lei) told from the words, on sentences written for it.

tests/data/register/register_tu_lei.jsonl holds Italian customer-service sentences, half
with informal address (tu) and half formal (Lei), with a split: dev (used to write the
forms) and test (held out). The register kind with `address: formal` must report every tu
sentence (recall) and no Lei sentence (false alarms). The reference is the kind with the
marker list alone (`address: any`), as before the forms were read from the words.
Run: python benchmarks/register.py [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.kinds import KINDS, Context, Environment

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "register" / "register_tu_lei.jsonl"


def sentences() -> list[dict[str, Any]]:
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def flags(options: dict[str, Any]) -> Any:
    kind = KINDS["register"]
    check = kind.compile(kind.normalise(options, Environment("it")))
    return lambda text: bool(list(check(text, Context())))


def figures(options: dict[str, Any], rows: Sequence[dict[str, Any]]) -> tuple[float, int, int]:
    """Recall on tu sentences, false alarms on Lei sentences, and how many Lei sentences."""
    flagged = flags(options)
    informal = [r for r in rows if r["address"] == "tu"]
    formal = [r for r in rows if r["address"] == "lei"]
    recall = sum(flagged(r["text"]) for r in informal) / len(informal)
    return recall, sum(flagged(r["text"]) for r in formal), len(formal)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the sentences misread")
    args = parser.parse_args(argv)
    rows = sentences()
    if args.errors:
        flagged = flags({})
        for row in rows:
            if flagged(row["text"]) != (row["address"] == "tu"):
                print(f"{row['id']} ({row['split']}, {row['address']}): {row['text']}")
        return 0
    print(f"{'split':<6} {'detector':<28} {'tu recall':>9} {'false alarms on Lei':>20}")
    for split in ("dev", "test"):
        part = [r for r in rows if r["split"] == split]
        for name, options in (
            ("forms (address: formal)", {}),
            ("markers only (reference)", {"address": "any"}),
        ):
            recall, alarms, formal = figures(options, part)
            print(f"{split:<6} {name:<28} {recall:>9.2f} {f'{alarms} of {formal}':>20}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
