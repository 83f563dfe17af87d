"""What the Audit pages show, from `audit_data`'s figures: each chart with its table, the
unanswered list, and the worst conversations as transcripts, ready for the templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from generator.audit.conversation import OPEN, ConversationAudit
from generator.kinds import Message
from generator.model import Playbook
from generator.site.audit_data import AuditFigures, percentile, period_unit, periods
from generator.site.audit_markup import (
    BAND_LABELS,
    band_badge,
    chart,
    finding_line,
    pair,
    table,
    wait_line,
)
from generator.site.escaping import inline
from generator.site.rendering import translator
from generator.site.snippets import snippets
from generator.vocabulary import BANDS, METRICS

BAND_ORDER = (*BANDS, OPEN)
BAND_COLOURS = {"target": "ok", "acceptable": "acceptable", "unacceptable": "bad", OPEN: "open"}
ROLE_LABELS = {"customer": "Customer", "agent": "Agent", "bot": "Bot", "note": "Internal note"}
TOP = 10


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


class AuditContent:
    """What the Audit templates show, built once for the three pages."""

    def __init__(self, playbook: Playbook, figures: AuditFigures) -> None:
        self.playbook, self.figures = playbook, figures
        self._ = translator(playbook.language)
        self.snippets = snippets(playbook, self._)
        self.names = {c.id: c.name for c in playbook.channels}
        self.bands = {b: str(self._(BAND_LABELS.get(b, "Still open"))) for b in BAND_ORDER}

    def duration(self, seconds: int | None) -> Markup:
        return Markup("—") if seconds is None else self.snippets["duration"](seconds)

    def channel(self, channel: str) -> Markup:
        return Markup(self.snippets["channel_link"](self.playbook.channel(channel), "../"))

    def values(self) -> dict[str, Any]:
        summary = self.figures.summary
        return {
            "summary": summary,
            "first_day": _day(self.figures.start),
            "last_day": _day(self.figures.end),
            "times": {metric: self.times(metric) for metric in METRICS},
            "trend": self.trend(),
            "rules": self.rules(),
            "repeated": self.repeated(),
            "unanswered": self.unanswered(),
            "worst": [self.conversation(a, m) for a, m in self.figures.worst],
        }

    def times(self, metric: str) -> Markup | None:
        """Per channel: median, 90th percentile and waits in each band, as a chart and table."""
        _, rows, counts = self._, [], []
        for channel, measured in self.figures.times[metric].items():
            total = sum(measured.bands.values())
            if not total:
                continue
            counts.append((channel, total, measured.bands))
            rows.append(
                [
                    self.channel(channel),
                    total,
                    self.duration(percentile(measured.waits, 50)),
                    self.duration(percentile(measured.waits, 90)),
                    *(
                        f"{measured.bands[b]} ({_share(measured.bands[b], total)})"
                        for b in BAND_ORDER
                    ),
                ]
            )
        if not rows:
            return None
        series = [
            {
                "name": self.bands[b],
                "colour": BAND_COLOURS[b],
                "values": [round(100 * bands[b] / total, 1) for _c, total, bands in counts],
            }
            for b in BAND_ORDER
        ]
        data = {
            "type": "bars",
            "stacked": True,
            "unit": "%",
            "labels": [self.names[c] for c, _t, _b in counts],
            "series": series,
        }
        header = [_("Channel"), _("Waits"), _("Median"), _("90th percentile"), *self.bands.values()]
        label = _("Chart: waits in each band per channel; the table beside has the figures.")
        return pair(chart(data, str(label)), table(header, rows, numbers=len(header) - 1))

    def trend(self) -> dict[str, Any]:
        """The share of waits within target per day, week or month: all channels together,
        then a line per channel."""
        _, figures = self._, self.figures
        unit = period_unit(figures.start, figures.end)
        counts = {channel: periods(days, unit) for channel, days in figures.days.items()}
        labels = sorted({period for by_period in counts.values() for period in by_period})
        channels = sorted(counts, key=lambda c: (self.names[c], c))
        every: dict[str, list[int]] = {}
        for by_period in counts.values():
            for period, (within, total) in by_period.items():
                every.setdefault(period, [0, 0])
                every[period][0] += within
                every[period][1] += total
        lines = [(str(_("All channels")), "all", every)]
        lines += [(self.names[c], f"series-{n % 8}", counts[c]) for n, c in enumerate(channels)]
        series = [
            {
                "name": name,
                "colour": colour,
                "values": [
                    round(100 * line[p][0] / line[p][1], 1) if p in line else None for p in labels
                ],
            }
            for name, colour, line in lines
        ]
        rows = [[p, *(self._cell(line.get(p)) for _n, _c, line in lines)] for p in labels]
        header = [_({"day": "Day", "week": "Week", "month": "Month"}[unit]), _("All channels")]
        header += [self.channel(c) for c in channels]
        data = {"type": "line", "unit": "%", "labels": labels, "series": series}
        label = _(
            "Chart: share of waits within target over time; the table beside has the figures."
        )
        figure = pair(chart(data, str(label)), table(header, rows, numbers=len(lines)))
        return {"unit": unit, "figure": figure if labels else None}

    def _cell(self, count: list[int] | None) -> str:
        return "—" if count is None else f"{_share(count[0], count[1])} ({count[0]}/{count[1]})"

    def rules(self) -> Markup | None:
        """Findings per rule, the most frequent first, as a chart and table."""
        _, snip = self._, self.snippets
        rules = sorted(
            self.figures.summary["rules"].items(), key=lambda item: (-item[1]["findings"], item[0])
        )
        if not rules:
            return None
        data = {
            "type": "bars",
            "labels": [rule for rule, _e in rules],
            "series": [
                {
                    "name": str(_("Findings")),
                    "values": [entry["findings"] for _r, entry in rules],
                    "colours": [entry["severity"] for _r, entry in rules],
                }
            ],
        }
        rows = [
            [
                snip["rule_link"](rule, "../"),
                snip["severity"](entry["severity"]),
                entry["findings"],
                entry["conversations"],
            ]
            for rule, entry in rules
        ]
        header = [_("Rule"), _("Severity"), _("Findings"), _("Conversations")]
        label = _("Chart: findings per rule; the table beside has the figures.")
        return pair(chart(data, str(label)), table(header, rows, numbers=2))

    def repeated(self) -> dict[str, Markup | None]:
        """The most repeated replies and the share of repeated replies per channel."""
        _ = self._
        top = sorted(
            (
                (top["count"], rule, top["text"].split(": ", 1)[-1])
                for rule, entry in self.figures.summary["rules"].items()
                for top in entry.get("top_texts", [])
            ),
            key=lambda row: (-row[0], row[1], row[2]),
        )[:TOP]
        rates = [
            [
                self.channel(r["channel"]),
                r["replies"],
                r["repeated"],
                _share(r["repeated"], r["replies"]),
            ]
            for r in self.figures.summary["repeated_replies"]
            if r["agent"] is None and r["replies"]
        ]
        header = [_("Channel"), _("Agent replies"), _("Repeated"), _("Share")]
        figure = None
        if top:
            data = {
                "type": "bars",
                "labels": [f"#{n}" for n in range(1, len(top) + 1)],
                "series": [
                    {"name": str(_("Times")), "values": [r[0] for r in top], "colour": "info"}
                ],
            }
            rows = [
                [f"#{n}", self.snippets["rule_link"](rule, "../"), text, count]
                for n, (count, rule, text) in enumerate(top, 1)
            ]
            label = _("Chart: the most repeated replies; the table beside has the texts.")
            figure = pair(
                chart(data, str(label)),
                table(["#", _("Rule"), _("Reply"), _("Times")], rows, numbers=1),
            )
        return {"top": figure, "rates": table(header, rates, numbers=3) if rates else None}

    def unanswered(self) -> Markup | None:
        _ = self._
        rows = [
            [
                row["conversation"],
                self.channel(row["channel"]),
                _("yes") if row["public"] else _("no"),
                _("yes") if row["complaint"] else _("no"),
                row["message"].split(": ", 1)[-1],
            ]
            for row in self.figures.summary["unanswered"]
        ]
        header = [_("Conversation"), _("Channel"), _("Public"), _("Complaint"), _("What")]
        return table(header, rows) if rows else None

    def conversation(self, audit: ConversationAudit, messages: Sequence[Message]) -> dict[str, Any]:
        """A worst conversation as a transcript: each message with the waits it ends (or that
        start at it and never end) and the findings at it."""
        _, zone = self._, self.figures.zones[audit.channel]
        ended = {w.end: w for w in audit.waits if w.end is not None}
        still = {w.start: w for w in audit.waits if w.end is None}
        lines = []
        for index, message in enumerate(messages):
            notes = [
                wait_line(wait, _, self.duration)
                for wait in (ended.get(index), still.get(index))
                if wait is not None
            ]
            notes += [
                finding_line(f, _, self.snippets["severity"], self.snippets["rule_link"])
                for f in audit.findings
                if f.index == index
            ]
            lines.append(
                {
                    "number": index + 1,
                    "role": message.role,
                    "role_label": _(ROLE_LABELS[message.role]),
                    "author": message.author,
                    "time": dt.datetime.fromtimestamp(message.time, zone).strftime(
                        "%Y-%m-%d %H:%M"
                    ),
                    "text": Markup("<br>").join(inline(t) for t in message.text.splitlines()),
                    "notes": notes,
                }
            )
        longest = max(audit.waits, key=lambda w: w.business, default=None)
        facts = [self.channel(audit.channel)]
        if audit.situation:
            facts.append(Markup(self.snippets["situation_link"](audit.situation, "../")))
        if longest is not None:
            facts.append(
                _("longest wait {time}", time=self.duration(longest.business))
                + Markup(" ")
                + band_badge(longest.band, _)
            )
        facts.append(_("{n} findings", n=len(audit.findings)))
        return {
            "id": audit.id,
            "facts": Markup(" · ").join(facts),
            "zone": str(zone),
            "lines": lines,
        }


def _day(instant: float) -> str:
    return dt.datetime.fromtimestamp(instant, dt.UTC).date().isoformat()
