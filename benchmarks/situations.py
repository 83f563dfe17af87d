"""Benchmark: precision and recall of situation detection on hand-labelled customer messages.

The set (tests/data/situations/, see its README) holds 660 real first customer messages from
../shared/data (English) and 240 Italian messages written for the purpose, each with a label,
the other situations it also fits, and a split: dev (used to tune the lexicons) and test
(held out; its figures are the honest ones, those of the second batch above all). A detection
counts as right for precision when it is the label or one it also fits; recall counts the
label only.
The reference is the detector the format had before 1.1: the situation with the most signals
of the sample playbook (the Italian fixture for Italian), matched as terms, first on a tie.
Run: python benchmarks/situations.py [--errors dev|test]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator.checking.situations import Detector
from generator.text.matching import TermMatcher, nfc
from generator.text.signals import builtin, detection
from generator.validation import validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "situations"
FILES = {"en": DATA / "en_first_messages.jsonl", "it": DATA / "it_messages.jsonl"}
PLAYBOOKS = {"en": ROOT / "guidelines", "it": ROOT / "tests" / "fixtures" / "italian"}
SITUATIONS = ("complaint", "information", "reminder", "refusal", "human-request")
NONE = "other"


def messages(language: str) -> list[dict[str, Any]]:
    with FILES[language].open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def builtin_detector(language: str) -> Callable[[str], str | None]:
    """Detection with the built-in lexicons only, as a playbook without signals of its own."""
    detector = Detector(detection(language, [(s, [], True) for s in builtin()["precedence"]]))
    return lambda text: detector.detect(text).situation


def reference_detector(language: str) -> Callable[[str], str | None]:
    playbook = validate(PLAYBOOKS[language]).playbook
    assert playbook is not None
    matchers = [(s.id, TermMatcher(list(s.signals))) for s in playbook.situations if s.signals]

    def detect(text: str) -> str | None:
        best, best_count = None, 0
        for situation, matcher in matchers:
            count = len({m.term for m in matcher.finditer(nfc(text))})
            if count > best_count:
                best, best_count = situation, count
        return best

    return detect


def scores(
    detect: Callable[[str], str | None], rows: Sequence[dict[str, Any]]
) -> dict[str, tuple[float, int, float, int]]:
    """Situation -> (precision, detections, recall, labelled)."""
    right, found, labelled, recalled = Counter(), Counter(), Counter(), Counter()
    for row in rows:
        guess = detect(row["text"]) or NONE
        found[guess] += 1
        labelled[row["label"]] += 1
        if guess == row["label"] or guess in row["also"]:
            right[guess] += 1
        if guess == row["label"]:
            recalled[guess] += 1
    return {
        s: (
            right[s] / found[s] if found[s] else 0.0,
            found[s],
            recalled[s] / labelled[s] if labelled[s] else 0.0,
            labelled[s],
        )
        for s in (*SITUATIONS, NONE)
    }


def table(
    language: str, split: str, name: str, detect: Callable[[str], str | None], batch: int = 0
) -> None:
    rows = [r for r in messages(language) if r["split"] == split]
    if batch:
        rows = [r for r in rows if r.get("batch", 1) == batch]
        split = f"{split}, batch {batch}"
    print(f"\n{language} {split} ({len(rows)} messages), {name}")
    print(f"  {'situation':<14} {'precision':>9} {'found':>6} {'recall':>7} {'labelled':>8}")
    for situation, (precision, found, recall, labelled) in scores(detect, rows).items():
        print(f"  {situation:<14} {precision:>9.2f} {found:>6} {recall:>7.2f} {labelled:>8}")


def errors(language: str, split: str) -> None:
    detect = builtin_detector(language)
    for row in messages(language):
        guess = detect(row["text"]) or NONE
        if row["split"] == split and guess != row["label"] and guess not in row["also"]:
            print(f"{language} {row['id']}: {row['label']} detected as {guess}: {row['text']!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["dev", "test"], help="list the wrong detections")
    args = parser.parse_args(argv)
    if not FILES["en"].exists():
        print(f"no labelled set in {DATA}", file=sys.stderr)
        return 2
    for language in ("en", "it"):
        if args.errors:
            errors(language, args.errors)
            continue
        for split in ("dev", "test"):
            table(language, split, "built-in lexicons and cues", builtin_detector(language))
            table(language, split, "reference (signals counted)", reference_detector(language))
        # the second batch was labelled after the lexicons were tuned on the first
        table(language, "test", "built-in lexicons and cues", builtin_detector(language), 2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
