"""Lists and cards that take the place of tables on the agents' pages, so they read on a phone.

Each term, target and placeholder is an item of its own (a term on Terms A–Z is a heading with
its own anchor), which also gives search one short, readable entry per item. Every piece of
guideline text is escaped, as in `snippets`.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markupsafe import Markup

from generator.model import BusinessHours, Channel, Playbook
from generator.site.escaping import code, inline, url
from generator.vocabulary import METRICS

Translate = Callable[..., Markup]
Snippet = Callable[..., Any]


def slug(text: str) -> str:
    """An anchor for a word or phrase: 'Rimborso più veloce' -> 'rimborso-piu-veloce'."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-") or "term"


def hours_data(hours: BusinessHours | None) -> Markup:
    """A channel's opening hours as the JSON the home page's script reads (HTML-escaped)."""
    if hours is None:
        return Markup("")
    data = {
        "time_zone": hours.time_zone,
        "open": [{"days": list(o.days), "from": o.start, "to": o.end} for o in hours.open],
    }
    return Markup(html.escape(json.dumps(data, sort_keys=True, separators=(",", ":"))))


def lists(playbook: Playbook, _: Translate, base: Mapping[str, Snippet]) -> dict[str, Snippet]:
    """The list snippets for one playbook's pages; `base` holds the snippets they build on."""
    band, where, status = base["band"], base["where"], base["status"]
    metric_name, situation_link = base["metric_name"], base["situation_link"]

    def band_line(times: Any) -> Markup:
        """'OK ≤ 15 min · acceptable ≤ 1 h · unacceptable > 4 h': words, not colours alone."""
        parts = (
            (_("OK"), band(times.target, "ok")),
            (_("Acceptable"), band(times.acceptable, "acceptable")),
            (_("Unacceptable"), band(times.unacceptable, "unacceptable")),
        )
        return Markup(" · ").join(Markup(f"{label} {badge}") for label, badge in parts)

    def targets_list(channel: Channel, base_url: str, link_situations: bool = True) -> Markup:
        """A channel's targets, one item per situation and reply, general targets first."""
        times = channel.response_times
        lines = [
            f"- **{_('Any')}, {metric_name(m)}:** {band_line(times.metrics[m])}"
            for m in METRICS
            if m in times.metrics
        ]
        for situation in playbook.situations:
            for metric in METRICS:
                if metric not in times.situations.get(situation.id, {}):
                    continue
                name = (
                    situation_link(situation.id, base_url)
                    if link_situations
                    else inline(situation.name)
                )
                lines.append(
                    f"- **{name}, {metric_name(metric)}:** "
                    f"{band_line(times.situations[situation.id][metric])}"
                )
        return Markup("\n".join(lines))

    def week(hours: BusinessHours | None) -> Markup:
        """The opening hours in one line: 'Mon, Tue 08:00–20:00 · Sat 09:00–13:00'."""
        if hours is None:
            return _("Around the clock")
        return Markup(" · ").join(
            Markup(", ").join(_(day) for day in o.days) + Markup(f" {o.start}–{o.end}")
            for o in hours.open
        )

    def terms_list(rows: Iterable[Mapping[str, Any]], base_url: str) -> Markup:
        """Terms to use and to avoid on a channel, one item each (see rendering.term_rows)."""
        lines = []
        for row in rows:
            say = f" → **{inline(row['say'])}**" if row["say"] else ""
            lines.append(
                f"- **{inline(row['term'])}** {status(row['status'])}{say}  \n"
                f"  {inline(row['reason'])}"
            )
        return Markup("\n".join(lines))

    def terms_entries(rows: Iterable[Mapping[str, Any]], base_url: str) -> Markup:
        """Terms A–Z: a heading per term with its own anchor, its status, what to say, why."""
        blocks, seen = [], set()
        for row in rows:
            anchor = "term-" + slug(row["term"])
            number = 2
            while anchor in seen:
                anchor, number = f"term-{slug(row['term'])}-{number}", number + 1
            seen.add(anchor)
            lines = [f"### {inline(row['term'])} {{#{url(anchor)}}}", "", status(row["status"])]
            lines.append("")
            if row["say"]:
                lines.append(f"- **{_('Say instead')}:** {inline(row['say'])}")
            lines.append(f"- **{_('Why')}:** {inline(row['reason'])}")
            lines.append(f"- **{_('Where')}:** {where(row, base_url)}")
            blocks.append("\n".join(lines))
        return Markup("\n\n".join(blocks))

    def placeholders_list(placeholders: Mapping[str, str]) -> Markup:
        return Markup("\n").join(
            Markup(f"- {code('{' + name + '}')}: {inline(meaning)}")
            for name, meaning in placeholders.items()
        )

    def example_placeholder() -> Markup:
        """The placeholder the templates use most, to name on the home page: {first_name}."""
        counts: dict[str, int] = {}
        for channel in playbook.channels:
            for template in channel.templates:
                for name in template.placeholders:
                    counts[name] = counts.get(name, 0) + 1
        name = min(counts, key=lambda n: (-counts[n], n)) if counts else "name"
        return code("{" + name + "}")

    return {
        "band_line": band_line,
        "targets_list": targets_list,
        "week": week,
        "terms_list": terms_list,
        "terms_entries": terms_entries,
        "placeholders_list": placeholders_list,
        "example_placeholder": example_placeholder,
        "hours_data": hours_data,
    }
