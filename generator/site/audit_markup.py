"""Pieces of the Audit pages' Markdown: a chart with its table, tables, transcript lines.

Every text from the log (messages, authors, conversation ids) and from the guidelines goes
through `cell` or `inline`; a chart's figures are JSON in an HTML-escaped attribute, drawn as
canvas text, never as HTML.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from markupsafe import Markup

from generator.audit.conversation import AuditFinding, Measured
from generator.site.escaping import cell

Translate = Callable[..., Markup]


def chart(data: Mapping[str, Any], label: str) -> Markup:
    """A canvas that audit-charts.js draws on: bars get taller with their number."""
    rows = len(data["labels"])
    height = 80 + 34 * rows if data["type"] == "bars" else 300
    figures = html.escape(json.dumps(data, ensure_ascii=False, sort_keys=True), quote=True)
    return Markup(
        f'<figure class="pb-chart" style="height: {height}px">'
        f'<canvas role="img" aria-label="{html.escape(label, quote=True)}" '
        f'data-chart="{figures}"></canvas></figure>'
    )


def table(header: Sequence[object], rows: Iterable[Sequence[object]], numbers: int = 0) -> Markup:
    """A Markdown table; Markup cells are kept, others escaped. The last `numbers` columns
    are figures, aligned right."""
    align = ["---"] * (len(header) - numbers) + ["--:"] * numbers
    lines = [_row(header), f"|{'|'.join(align)}|", *(_row(r) for r in rows)]
    return Markup("\n".join(lines))


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(c if isinstance(c, Markup) else cell(c) for c in cells) + " |"


def pair(figure: Markup, rows: Markup) -> Markup:
    """A chart and its table side by side; on a phone, the table alone."""
    return Markup(f'<div class="pb-chart-pair" markdown>\n\n{figure}\n\n{rows}\n\n</div>')


def wait_line(wait: Measured, _: Translate, duration: Callable[[int], Markup]) -> Markup:
    """'First reply after 40 min: OK', or for a wait still running at the end of the log,
    'No reply for 2 d 8 h: Unacceptable'."""
    metric = _("First reply") if wait.metric == "first_response" else _("Follow-up reply")
    band = band_badge(wait.band, _)
    if wait.end is None:
        text = _("{metric}: no reply for {time}", metric=metric, time=duration(wait.business))
    else:
        text = _("{metric} after {time}", metric=metric, time=duration(wait.business))
    hours = (
        _(" (calendar time {time})", time=duration(wait.calendar))
        if wait.calendar != wait.business
        else Markup("")
    )
    return Markup(f"{text}{hours} {band}")


BAND_LABELS = {"target": "OK", "acceptable": "Acceptable", "unacceptable": "Unacceptable"}
BAND_CLASSES = {"target": "ok", "acceptable": "acceptable", "unacceptable": "unacceptable"}


def band_badge(band: str, _: Translate) -> Markup:
    label = _(BAND_LABELS.get(band, "Still open"))
    kind = BAND_CLASSES.get(band, "open")
    return Markup(f'<span class="pb-band pb-band--{kind}">{label}</span>')


def finding_line(
    finding: AuditFinding,
    _: Translate,
    severity: Callable[[str], Markup],
    rule_link: Callable[[str, str], Markup],
) -> Markup:
    """A finding at a message: severity, rule (linked to its reference), what and the fix."""
    text = Markup(f"{severity(finding.severity)} {rule_link(finding.rule, '../')} ")
    text += cell(finding.message)
    if finding.suggestion:
        text += Markup(f" {_('Suggestion')}: ") + cell(finding.suggestion)
    return text
