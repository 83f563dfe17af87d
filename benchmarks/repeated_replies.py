"""Benchmark: how well the repeated-reply rule finds copy-and-paste replies on real data.

Reads the hand-labelled pairs of company replies in tests/data/repeated_replies/pairs.csv
(same canned reply or not; see the README there) and prints the rule's precision and recall
on the dev pairs and on the held-out ones: a pair is found when the rule's masking and
MinHash put both replies in one group. Then audits every company reply of
../shared/data/twcs_head5000.csv (threads rebuilt by the Twitter layout) with the rule's
options from the sample guidelines, and prints the share of replies it reports as repeated,
beside the share that are repeated word for word without masking, measured in the same run.
Run: python benchmarks/repeated_replies.py [--similarity 0.8] [--min-conversations 3]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "repeated_replies" / "pairs.csv"
TWCS = ROOT.parent / "shared" / "data" / "twcs_head5000.csv"


def pair_scores(similarity: float) -> dict[str, tuple[int, int, int, int]]:
    """Per split: true positives, false positives, false negatives, pairs."""
    from generator.kinds.repeated_reply import clusters, mask

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            a, b = mask(row["a_text"]), mask(row["b_text"])
            found = a == b or len(set(clusters([a, b], similarity))) == 1
            truth = row["template"] == "yes"
            tally = counts[row["split"]]
            tally[3] += 1
            if found and truth:
                tally[0] += 1
            elif found:
                tally[1] += 1
            elif truth:
                tally[2] += 1
    return {split: (tp, fp, fn, n) for split, (tp, fp, fn, n) in sorted(counts.items())}


def twcs_rates(similarity: float, least: int) -> tuple[int, int, int]:
    """Company replies, those the rule reports, and those repeated verbatim in `least`
    conversations."""
    from generator.audit.reading import ReadOptions, read
    from generator.kinds import ROLES
    from generator.kinds.repeated_reply import compile

    log = read([TWCS], ReadOptions(frozenset({"x"})))
    agent = ROLES.index("agent")
    replies = [
        (log.conversation[r], r, log.text[r]) for r in range(len(log)) if log.role[r] == agent
    ]
    check = compile({"min_conversations": least, "similarity": similarity})
    reported = len(check(replies))
    verbatim: dict[str, set[int]] = defaultdict(set)
    for conversation, _, text in replies:
        verbatim[" ".join(w for w in text.split() if not w.startswith("@"))].add(conversation)
    exact = sum(
        1
        for _, _, text in replies
        if len(verbatim[" ".join(w for w in text.split() if not w.startswith("@"))]) >= least
    )
    return len(replies), reported, exact


def main() -> None:
    from generator.validation import validate

    rule = validate(ROOT / "guidelines").playbook
    options = next(
        (r.options for r in rule.rules if r.kind == "repeated_reply"),
        {"similarity": 0.8, "min_conversations": 3},
    )
    parser = argparse.ArgumentParser()
    parser.add_argument("--similarity", type=float, default=options["similarity"])
    parser.add_argument("--min-conversations", type=int, default=options["min_conversations"])
    args = parser.parse_args()
    print(
        f"repeated_reply: similarity {args.similarity}, min_conversations {args.min_conversations}"
    )
    for split, (tp, fp, fn, pairs) in pair_scores(args.similarity).items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(
            f"  {split:>8}: {pairs} pairs, {tp + fn} the same template; precision "
            f"{precision:.2f}, recall {recall:.2f} ({tp} found, {fp} wrongly, {fn} missed)"
        )
    replies, reported, exact = twcs_rates(args.similarity, args.min_conversations)
    share = 100 * reported / replies
    print(
        f"  twcs: {reported} of {replies} company replies repeated ({share:.1f}%); reference, "
        f"word for word without @mentions: {exact} ({100 * exact / replies:.1f}%)"
    )


if __name__ == "__main__":
    main()
