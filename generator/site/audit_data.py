"""The figures of the site's audit report, gathered as the audited conversations stream by.

Beside the audit's own summary (the one `playbook audit` prints), the site needs the waits
per channel, the share within target per local day, and the messages of the worst
conversations for their transcripts. Memory grows with the number of waits, not of messages:
only the worst conversations keep their messages.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from generator.audit.auditing import audit_log
from generator.audit.conversation import OPEN, ConversationAudit
from generator.audit.reading import Log
from generator.audit.summary import Summary
from generator.checking import Checker
from generator.kinds import Message
from generator.vocabulary import METRICS


@dataclass
class Times:
    """A channel's waits for one metric: business seconds of those that ended, and bands."""

    waits: array[int] = field(default_factory=lambda: array("l"))
    bands: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class AuditFigures:
    summary: Mapping[str, Any]  # Summary.as_dict(), the JSON report's `summary`
    start: float  # the first and last message of the log
    end: float
    times: Mapping[str, Mapping[str, Times]]  # metric -> channel -> times
    # channel -> local day -> [waits within target, waits]; open waits are not counted
    days: Mapping[str, Mapping[dt.date, list[int]]]
    worst: tuple[tuple[ConversationAudit, tuple[Message, ...]], ...]
    zones: Mapping[str, dt.tzinfo]  # channel -> the time zone of its business hours, or UTC


def channel_zone(checker: Checker, channel: str) -> dt.tzinfo:
    hours = checker.settings(channel).get("business_hours")
    return ZoneInfo(hours["time_zone"]) if hours else dt.UTC


def gather(
    log: Log, checker: Checker, *, reopen_after: Callable[[str], float | None]
) -> AuditFigures:
    """Audit the log and gather the report's figures."""
    summary = Summary()
    times: dict[str, dict[str, Times]] = {m: defaultdict(Times) for m in METRICS}
    days: dict[str, dict[dt.date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    zones: dict[str, dt.tzinfo] = {}
    kept: dict[str, tuple[ConversationAudit, tuple[Message, ...]]] = {}
    # The audit goes through the conversations in the log's order; a second walk in the same
    # order gives each audit its messages without the audit having to keep them.
    walk = log.conversations()
    for audit in audit_log(log, checker, reopen_after=reopen_after):
        index, _, messages = next(walk)
        if log.ids[index] != audit.id:
            raise RuntimeError(f"audit of '{audit.id}' met the messages of '{log.ids[index]}'")
        summary.add(audit)
        zone = zones.get(audit.channel)
        if zone is None:
            zone = zones[audit.channel] = channel_zone(checker, audit.channel)
        for wait in audit.waits:
            measured = times[wait.metric][audit.channel]
            measured.bands[wait.band] += 1
            if wait.band == OPEN:
                continue
            measured.waits.append(wait.business)
            day = dt.datetime.fromtimestamp(messages[wait.start].time, zone).date()
            count = days[audit.channel][day]
            count[0] += wait.band == "target"
            count[1] += 1
        worst = {a.id for a in summary.worst()}
        if audit.id in worst:
            kept[audit.id] = (audit, tuple(messages))
            for gone in set(kept) - worst:
                del kept[gone]
    return AuditFigures(
        summary.as_dict(),
        min(log.time) if len(log) else 0.0,
        log.end,
        {m: dict(sorted(by_channel.items())) for m, by_channel in times.items()},
        {c: dict(sorted(d.items())) for c, d in sorted(days.items())},
        tuple(kept[a.id] for a in summary.worst()),
        zones,
    )


def percentile(values: array[int], q: int) -> int | None:
    """The q-th percentile by nearest rank, as `playbook audit` reports it: a wait that
    happened, in whole seconds."""
    if not values:
        return None
    ordered = sorted(values)
    return int(ordered[max(1, -(-q * len(ordered) // 100)) - 1])


def periods(days: Mapping[dt.date, list[int]], unit: str) -> dict[str, list[int]]:
    """Daily counts summed per day, ISO week or month: '2026-03-24', '2026-W13', '2026-03'."""
    result: dict[str, list[int]] = {}
    for day, (within, total) in days.items():
        if unit == "day":
            key = day.isoformat()
        elif unit == "week":
            year, week, _ = day.isocalendar()
            key = f"{year}-W{week:02d}"
        else:
            key = f"{day.year}-{day.month:02d}"
        count = result.setdefault(key, [0, 0])
        count[0] += within
        count[1] += total
    return dict(sorted(result.items()))


def period_unit(start: float, end: float) -> str:
    """Days for a log of up to six weeks, weeks up to a year and a half, then months."""
    span = (end - start) / 86400
    return "day" if span <= 42 else "week" if span <= 550 else "month"
