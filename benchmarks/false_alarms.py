"""Benchmark: how often each sample rule fires on real company replies, and how often wrongly.

Checks the 2,222 company replies of ../shared/data/twcs_head5000.csv (real public support
tweets, October 2017) with every rule of the sample playbook, each on the X channel when X has
it (otherwise on the first channel that does), in the situation detected from the customer's
tweet that the reply answers, with the real wait between the two. Hits were read by hand and
the verdicts written down in benchmarks/data/false_alarms.json ("false": the rule is wrong
about this reply; "true": the reply does break the rule). The false-alarm rate of a rule is
its judged false hits over its judged hits; unjudged hits are listed with --unjudged RULE.
A rule scoped to situations applies to a detected one only at its situation_confidence; the
last column counts the judged true hits that a weak detection cost (hits that would fire if
every detection applied, and no longer do).
Run: python benchmarks/false_alarms.py [--unjudged RULE] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from generator.checking import Checker
from generator.export import export
from generator.validation import validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "twcs_head5000.csv"
VERDICTS = ROOT / "benchmarks" / "data" / "false_alarms.json"
TIME = "%a %b %d %H:%M:%S %z %Y"
TWEETS = 2222


@dataclass(frozen=True)
class Reply:
    id: str
    text: str
    customer: str  # the tweet it answers, "" when outside the data
    waited: int | None
    first: bool  # the customer's tweet opens the conversation


def replies() -> list[Reply]:
    """The company replies; the parts of a reply split into a thread (tweets of one company
    answering the same tweet) are one reply, as the customer reads them."""
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {row["tweet_id"]: row for row in rows}
    parts: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        if row["inbound"] == "False":
            key = (row["author_id"], row["in_response_to_tweet_id"] or row["tweet_id"])
            parts.setdefault(key, []).append(row)
    found = []
    for thread in parts.values():
        thread.sort(key=lambda r: int(r["tweet_id"]))
        row = {**thread[0], "text": "\n".join(r["text"] for r in thread)}
        asked = by_id.get(row["in_response_to_tweet_id"])
        waited = None
        if asked is not None:
            delta = datetime.strptime(row["created_at"], TIME) - datetime.strptime(
                asked["created_at"], TIME
            )
            waited = max(int(delta.total_seconds()), 0)
        found.append(
            Reply(
                row["tweet_id"],
                row["text"],
                asked["text"] if asked else "",
                waited,
                asked is not None and not asked["in_response_to_tweet_id"],
            )
        )
    return found


def rule_channels(document: dict[str, Any]) -> dict[str, str]:
    """Each rule id with the channel it is checked on: X when X has it."""
    chosen: dict[str, str] = {}
    channels = sorted(document["channels"], key=lambda c: c["id"] != "x")
    for channel in channels:
        for key in channel["rules"]:
            chosen.setdefault(document["rules"][key]["id"], channel["id"])
    return chosen


def hits(
    checker: Checker, chosen: dict[str, str], data: Sequence[Reply], gated: bool = True
) -> Iterator[Any]:
    """(rule, reply, finding) for every finding of a rule on its channel; not `gated`: as if
    every detected situation were given."""
    for reply in data:
        situation, confidence = (
            checker.situation_of(reply.customer) if reply.customer else (None, "weak")
        )
        if not gated:
            confidence = "given"
        metric = "first_response" if reply.first else "next_response"
        for channel in sorted(set(chosen.values())):
            for finding in checker.check(
                reply.text,
                channel=channel,
                situation=situation,
                waited=reply.waited,
                metric=metric,
                confidence=confidence,
            ):
                if chosen.get(finding.rule) == channel:
                    yield finding.rule, reply, finding


def verdicts() -> dict[str, dict[str, dict[str, str]]]:
    if not VERDICTS.exists():
        return {}
    data: dict[str, dict[str, dict[str, str]]] = json.loads(VERDICTS.read_text("utf-8"))["rules"]
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unjudged", metavar="RULE", help="list the unjudged hits of a rule")
    parser.add_argument("--limit", type=int, default=40, help="with --unjudged: at most N")
    args = parser.parse_args(argv)
    playbook = validate(ROOT / "guidelines").playbook
    assert playbook is not None
    document = export(playbook)
    checker, chosen, data = Checker(document), rule_channels(document), replies()
    judged = verdicts()
    fired: dict[str, dict[str, Any]] = {rule: {} for rule in chosen}
    ungated: dict[str, set[str]] = {rule: set() for rule in chosen}
    for rule, reply, finding in hits(checker, chosen, data):
        fired[rule].setdefault(reply.id, (reply, finding))
    for rule, reply, _ in hits(checker, chosen, data, gated=False):
        ungated[rule].add(reply.id)
    if args.unjudged:
        shown = 0
        for reply_id, (reply, finding) in fired.get(args.unjudged, {}).items():
            if reply_id not in judged.get(args.unjudged, {}) and shown < args.limit:
                shown += 1
                print(f"{reply_id}\t{finding.match!r}\t{reply.text!r}\t<- {reply.customer[:90]!r}")
        return 0
    print(f"{len(data)} company replies checked ({TWEETS} tweets, thread parts joined)\n")
    print("| rule | channel | fired | judged | judged false | false-alarm rate | true hits lost |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for rule in sorted(fired):
        ids = fired[rule]
        verdict = {i: judged.get(rule, {}).get(i, {}).get("verdict") for i in ids}
        known = [v for v in verdict.values() if v]
        false = sum(v == "false" for v in known)
        rate = f"{false / len(known):.1%}" if known else ("-" if ids else "0.0%")
        said = judged.get(rule, {})
        lost = sum(said.get(i, {}).get("verdict") == "true" for i in ungated[rule] - set(ids))
        print(
            f"| {rule} | {chosen[rule]} | {len(ids)} | {len(known)} | {false} | {rate} | {lost} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
