"""Audit reporters by name: text for a CX lead's terminal, JSON for other systems, CSV with one
row per finding. Each takes the audited conversations as they stream by, then the summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from typing import Any

from generator.audit.conversation import AuditFinding, ConversationAudit, Measured
from generator.audit.summary import BAND_NAMES, Summary
from generator.text.durations import SYMBOLS, describe
from generator.vocabulary import METRICS, SEVERITY_ORDER
from generator.wording import Duration, say, table, translate

CSV_COLUMNS = (
    "conversation",
    "channel",
    "situation",
    "index",
    "time",
    "author",
    "rule",
    "kind",
    "severity",
    "message",
    "suggestion",
    "link",
)


def iso(instant: float) -> str:
    return dt.datetime.fromtimestamp(instant, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def wait_dict(wait: Measured) -> dict[str, Any]:
    return {
        "business_seconds": wait.business,
        "calendar_seconds": wait.calendar,
        "band": wait.band,
        "from_index": wait.start,
        "to_index": wait.end,
        "answered_out_of_hours": wait.out_of_hours,
    }


def finding_dict(finding: AuditFinding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "kind": finding.kind,
        "severity": finding.severity,
        "message": finding.message,
        "index": finding.index,
        "time": iso(finding.time),
        "author": finding.author,
        "suggestion": finding.suggestion,
        "link": finding.link,
    }


def conversation_dict(audit: ConversationAudit) -> dict[str, Any]:
    first = audit.first_response()
    return {
        "id": audit.id,
        "channel": audit.channel,
        "situation": audit.situation,
        "public": audit.public,
        "messages": audit.messages,
        "first_response": wait_dict(first) if first else None,
        "next_responses": [wait_dict(w) for w in audit.waits if w.metric == METRICS[1]],
        "reopened_first_responses": [
            wait_dict(w) for w in audit.waits if w.metric == METRICS[0] and w is not first
        ],
        "findings": [finding_dict(f) for f in audit.findings],
    }


def json_report(audits: Iterable[ConversationAudit], summary: Summary, language: str = "en") -> str:
    from generator.export import dumps

    conversations = []
    for audit in audits:
        summary.add(audit)
        conversations.append(conversation_dict(audit))
    return dumps(
        {
            "$schema": "audit.schema.json",
            "summary": summary.as_dict(),
            "conversations": conversations,
        }
    )


def csv_report(audits: Iterable[ConversationAudit], summary: Summary, language: str = "en") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for audit in audits:
        summary.add(audit)
        for f in audit.findings:
            row = finding_dict(f) | {
                "conversation": audit.id,
                "channel": audit.channel,
                "situation": audit.situation,
            }
            writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])
    return out.getvalue()


def _time(seconds: int | None, language: str = "en") -> str:
    """A time in a table cell, with the units' symbols of the site: '1 h 30 min', '2 g 3 h'."""
    symbols = {unit: str(table(language).get(f"unit-{unit}", unit)) for unit in SYMBOLS}
    return "-" if seconds is None else describe(seconds, symbols) if seconds else "0 s"


def text_report(audits: Iterable[ConversationAudit], summary: Summary, language: str = "en") -> str:
    def _(text: str, **values: Any) -> str:
        return translate(say(text, **values), language)

    for audit in audits:
        summary.add(audit)
    data = summary.as_dict()
    counts = data["findings"]
    lines = [
        _(
            "Audit: {conversations} conversations, {messages} messages; findings: {counts}",
            conversations=data["conversations"],
            messages=data["messages"],
            counts=", ".join(_(f"audit-{s}", n=n) for s, n in counts.items()),
        ),
        "",
        _(
            "Response times in business hours (median / 90th percentile) and share in each "
            "band ({bands}):",
            bands=" / ".join(_(b) for b in BAND_NAMES),
        ),
    ]
    header = tuple(
        _(h) for h in ("channel", "situation", "conv.", "first response", "bands", "next response")
    ) + (_("bands"),)
    rows = [header]
    for group in data["groups"]:
        rows.append(
            (
                group["channel"],
                group["situation"] or _("(none)"),
                str(group["conversations"]),
                *(
                    cell
                    for metric in METRICS
                    for cell in (
                        f"{_time(group[metric]['median'], language)} / "
                        f"{_time(group[metric]['p90'], language)}",
                        _shares(group[metric]["bands"]),
                    )
                ),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines += [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines += ["", _("Findings per rule:")]
    rules = sorted(
        data["rules"].items(),
        key=lambda item: (-SEVERITY_ORDER[item[1]["severity"]], -item[1]["findings"], item[0]),
    )
    width = max(len(_(s)) for s in SEVERITY_ORDER)
    for rule, entry in rules or [("none", {})]:
        if not entry:
            lines.append("  " + _("none"))
            continue
        lines.append(
            f"  {_(entry['severity']):<{width}} {rule:<28} {entry['findings']:>6} "
            + _("in {n} conversations", n=entry["conversations"])
            + f"  {entry['link']}"
        )
    lines += _unanswered(data["unanswered"], _)
    lines += _repeated(data, _)
    worst = summary.worst()
    if worst:
        lines += ["", _("Worst conversations:")]
        lines += [line for audit in worst for line in _worst(audit, _, language)]
    return "\n".join(lines) + "\n"


def _shares(bands: dict[str, int]) -> str:
    total = sum(bands.values())
    if not total:
        return "-"
    return " / ".join(f"{round(100 * bands[b] / total)}%" for b in BAND_NAMES)


def _unanswered(rows: list[dict[str, Any]], _: Callable[..., str]) -> list[str]:
    if not rows:
        return []
    lines = [
        "",
        _("Unanswered or answered too late ({n}), public complaints first:", n=len(rows)),
    ]
    for row in rows[:20]:
        where = ", ".join(
            _(w) for w, on in (("public", row["public"]), ("complaint", row["complaint"])) if on
        )
        lines.append(
            f"  {row['conversation']} ({row['channel']}{', ' + where if where else ''})"
            f": {row['message'].split(': ', 1)[-1]}"
        )
    if len(rows) > 20:
        lines.append("  " + _("... and {n} more", n=len(rows) - 20))
    return lines


def _repeated(data: dict[str, Any], _: Callable[..., str]) -> list[str]:
    channels = [r for r in data["repeated_replies"] if r["agent"] is None and r["repeated"]]
    if not channels:
        return []
    lines = ["", _("Repeated replies (copy and paste):")]
    for r in channels:
        lines.append(
            f"  {r['channel']}: "
            + _(
                "{repeated} of {replies} agent replies ({rate:.0f}%)",
                repeated=r["repeated"],
                replies=r["replies"],
                rate=100 * r["rate"],
            )
        )
    for rule, entry in data["rules"].items():
        for top in entry.get("top_texts", [])[:5]:
            lines.append(f"  {top['count']:>5} x [{rule}] {top['text'].split(': ', 1)[-1]}")
    return lines


def _worst(audit: ConversationAudit, _: Callable[..., str], language: str) -> list[str]:
    longest = max(audit.waits, key=lambda w: w.business, default=None)
    wait = (
        _(
            ", longest wait {wait} ({band})",
            wait=Duration(longest.business) if longest.business else _time(0),
            band=say(longest.band),
        )
        if longest
        else ""
    )
    lines = [f"  {audit.id} ({audit.channel}, {audit.situation or _('no situation')}){wait}"]
    for f in audit.findings[:5]:
        where = _("message {n}", n=f.index + 1)
        lines.append(f"    {where}, {iso(f.time)}: {_(f.severity)} [{f.rule}] {f.message}")
    if len(audit.findings) > 5:
        lines.append("    " + _("... and {n} more findings", n=len(audit.findings) - 5))
    return lines


AUDIT_FORMATS: dict[str, Callable[[Iterable[ConversationAudit], Summary, str], str]] = {
    "text": text_report,
    "json": json_report,
    "csv": csv_report,
}
