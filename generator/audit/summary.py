"""Summarising audited conversations as they stream by: per channel and situation, per rule,
per agent, the repeated texts and the worst conversations, in memory that grows with the
number of waits, not of messages."""

from __future__ import annotations

import heapq
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.audit.conversation import OPEN, ConversationAudit
from generator.vocabulary import BANDS, METRICS, SEVERITY_ORDER

BAND_NAMES = (*BANDS, OPEN)
WORST = 10


@dataclass
class _Group:
    conversations: int = 0
    waits: dict[str, array[int]] = field(default_factory=lambda: {m: array("l") for m in METRICS})
    calendar: dict[str, array[int]] = field(
        default_factory=lambda: {m: array("l") for m in METRICS}
    )
    bands: dict[str, Counter[str]] = field(default_factory=lambda: {m: Counter() for m in METRICS})
    findings: Counter[str] = field(default_factory=Counter)
    out_of_hours: int = 0


class Summary:
    def __init__(self) -> None:
        self._groups: dict[tuple[str, str], _Group] = defaultdict(_Group)
        self._rules: dict[str, dict[str, Any]] = {}
        self._severities: Counter[str] = Counter()
        self._worst: list[tuple[tuple[int, int, str], int, ConversationAudit]] = []
        self._seen = 0
        # Public complaints first, then other public conversations, then the longest waits.
        self._unanswered: list[tuple[bool, bool, float, str, str, str]] = []
        self._replies: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        self.conversations = 0
        self.messages = 0

    def add(self, audit: ConversationAudit) -> None:
        self.conversations += 1
        self.messages += audit.messages
        group = self._groups[(audit.channel, audit.situation or "")]
        group.conversations += 1
        for wait in audit.waits:
            if wait.band != OPEN:
                group.waits[wait.metric].append(wait.business)
                group.calendar[wait.metric].append(wait.calendar)
            group.bands[wait.metric][wait.band] += 1
            group.out_of_hours += wait.out_of_hours
        for finding in audit.findings:
            if finding.kind == "unanswered":
                complaint = audit.situation == "complaint"
                self._unanswered.append(
                    (
                        not audit.public,
                        not complaint,
                        -finding.time,
                        audit.id,
                        audit.channel,
                        finding.message,
                    )
                )
            group.findings[finding.rule] += 1
            self._severities[finding.severity] += 1
            entry = self._rules.get(finding.rule)
            if entry is None:
                entry = self._rules[finding.rule] = {
                    "kind": finding.kind,
                    "severity": finding.severity,
                    "link": finding.link,
                    "findings": 0,
                    "conversations": 0,
                    "texts": Counter(),
                }
            entry["findings"] += 1
            if finding.kind == "repeated_reply":
                entry["texts"][finding.message] += 1
        repeated: Counter[str] = Counter(
            f.author or "" for f in audit.findings if f.kind == "repeated_reply"
        )
        for author, count in audit.replies:
            for key in ((audit.channel, ""), (audit.channel, author or "")):
                self._replies[key][0] += count
                self._replies[key][1] += repeated[author or ""]
        for rule in {f.rule for f in audit.findings}:
            self._rules[rule]["conversations"] += 1
        score = (
            sum(
                3 ** SEVERITY_ORDER[f.severity]
                for f in audit.findings
                if f.kind != "repeated_reply"
            )
            + sum(9 for w in audit.waits if w.band == "unacceptable"),
            max((w.business for w in audit.waits), default=0),
            audit.id,
        )
        if score[0] or score[1]:
            self._seen += 1
            ranked = (score, -self._seen, audit)
            if len(self._worst) < WORST:
                heapq.heappush(self._worst, ranked)
            elif ranked[:2] > self._worst[0][:2]:
                heapq.heapreplace(self._worst, ranked)

    @property
    def severities(self) -> Counter[str]:
        return self._severities

    def unanswered(self) -> list[dict[str, Any]]:
        """Conversations left unanswered or answered past the band, public complaints first."""
        return [
            {"conversation": c, "channel": ch, "public": not p, "complaint": not k, "message": m}
            for p, k, _, c, ch, m in sorted(self._unanswered)
        ]

    def worst(self) -> list[ConversationAudit]:
        return [audit for _, _, audit in sorted(self._worst, reverse=True)]

    def as_dict(self) -> dict[str, Any]:
        groups = []
        for (channel, situation), group in sorted(self._groups.items()):
            groups.append(
                {
                    "channel": channel,
                    "situation": situation or None,
                    "conversations": group.conversations,
                    "answered_out_of_hours": group.out_of_hours,
                    "findings": dict(sorted(group.findings.items())),
                    **{
                        metric: {
                            "waits": sum(group.bands[metric].values()),
                            "median": _percentile(group.waits[metric], 50),
                            "p90": _percentile(group.waits[metric], 90),
                            "calendar_median": _percentile(group.calendar[metric], 50),
                            "calendar_p90": _percentile(group.calendar[metric], 90),
                            "bands": {b: group.bands[metric][b] for b in BAND_NAMES},
                        }
                        for metric in METRICS
                    },
                }
            )
        rules = {
            rule: {key: value for key, value in entry.items() if key != "texts"}
            | (
                {"top_texts": [{"text": t, "count": c} for t, c in _top(entry["texts"])]}
                if entry["texts"]
                else {}
            )
            for rule, entry in sorted(self._rules.items())
        }
        return {
            "conversations": self.conversations,
            "messages": self.messages,
            "findings": {
                s: self._severities[s]
                for s in sorted(SEVERITY_ORDER, key=lambda s: -SEVERITY_ORDER[s])
            },
            "groups": groups,
            "rules": rules,
            "repeated_replies": [
                {
                    "channel": channel,
                    "agent": author or None,
                    "replies": replies,
                    "repeated": repeated,
                    "rate": round(repeated / replies, 4) if replies else 0.0,
                }
                for (channel, author), (replies, repeated) in sorted(self._replies.items())
            ],
            "unanswered": self.unanswered(),
            "worst": [audit.id for audit in self.worst()],
        }


def _top(texts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(texts.items(), key=lambda item: (-item[1], item[0]))[:10]


def _percentile(values: array[int], q: int) -> int | None:
    """The q-th percentile, nearest rank: a wait that happened, in whole seconds."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-q * len(ordered) // 100))
    return int(ordered[rank - 1])
