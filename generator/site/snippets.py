"""Small pieces of Markdown shared by the page templates: links, badges, response-time bands.

They are called hundreds of times on a large playbook's pages, so they are plain functions
rather than Jinja macros. Every piece of guideline text in them is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from markupsafe import Markup

from generator.model import Band, Channel, Playbook
from generator.site.escaping import cell, code, raw_html, url
from generator.text.durations import SYMBOLS, describe

Translate = Callable[..., Markup]


def snippets(playbook: Playbook, _: Translate) -> dict[str, Callable[..., Any]]:
    """The snippets for one playbook's pages, by the name the templates call them with."""
    symbols = {unit: str(_(f"unit-{unit}")) for unit in SYMBOLS}

    @cache  # a playbook has a handful of targets, repeated on every page
    def duration(seconds: int) -> Markup:
        """A time in the site's words: '1 h 30 min'."""
        return raw_html(describe(seconds, symbols))

    @cache
    def band(seconds: int, level: str) -> Markup:
        """A response time as a coloured badge: '≤ 15 min' for a target, '> 1 d' past the limit."""
        sign = "&gt;" if level == "unacceptable" else "≤"
        return Markup(
            f'<span class="pb-band pb-band--{url(level)}">{sign} {duration(seconds)}</span>'
        )

    def bands(times: Band) -> Markup:
        return Markup(" | ").join(
            (
                band(times.target, "ok"),
                band(times.acceptable, "acceptable"),
                band(times.unacceptable, "unacceptable"),
            )
        )

    def bands_header() -> Markup:
        return Markup(" | ").join((_("OK"), _("Acceptable"), _("Unacceptable")))

    def metric_name(metric: str) -> Markup:
        return _("First reply") if metric == "first_response" else _("Follow-up reply")

    @cache  # the same few on every page
    def situation_link(situation: str, base: str) -> Markup:
        name = cell(playbook.situation(situation).name)
        return Markup(f"[{name}]({url(base)}situations/{url(situation)}.md)")

    def situations_of(ids: Iterable[str], base: str) -> Markup:
        return Markup(", ").join(situation_link(s, base) for s in ids) or _("Any")

    def channel_link(channel: Channel, base: str) -> Markup:
        return Markup(f"[{cell(channel.name)}]({url(base)}channels/{url(channel.id)}.md)")

    @cache  # the same few on every page
    def rule_link(rule: str, base: str) -> Markup:
        return Markup(f"[{code(rule)}]({url(base)}rules.md#{url(rule)})")

    def where(row: Mapping[str, Any], base: str) -> Markup:
        channel = row["channel"]
        text = channel_link(channel, base) if channel else _("All channels")
        for number, situation in enumerate(row["situations"]):
            text += Markup(" · " if number == 0 else ", ") + situation_link(situation.id, base)
        return text

    @cache  # the same few on every page
    def status(value: str) -> Markup:
        label = {"banned": "Banned", "avoid": "Avoid"}.get(value, "Preferred")
        return Markup(f'<span class="pb-status pb-status--{url(value)}">{_(label)}</span>')

    def terms_table(rows: Iterable[Mapping[str, Any]], base: str) -> Markup:
        """Terms to use and to avoid, one row each (see rendering.term_rows)."""
        header = (_("Term"), _("Status"), _("Say instead"), _("Why"), _("Where"))
        lines = [f"| {' | '.join(header)} |", "|---|---|---|---|---|"]
        lines += [
            f"| **{cell(row['term'])}** | {status(row['status'])} | {cell(row['say'])} | "
            f"{cell(row['reason'])} | {where(row, base)} |"
            for row in rows
        ]
        return Markup("\n".join(lines))

    def option_type(schema: Mapping[str, Any]) -> str:
        """A rule option's JSON Schema in words: 'list of text', 'one of: a, b'."""
        if "enum" in schema:
            values = Markup(", ".join(map(str, schema["enum"])))
            return str(_("one of: {values}", values=values))
        kinds = schema.get("type", "any")
        if kinds == "array":
            return str(_("list of {type}", type=Markup(option_type(schema.get("items", {})))))
        if kinds == "object" and isinstance(schema.get("additionalProperties"), Mapping):
            value = Markup(option_type(schema["additionalProperties"]))
            return str(_("mapping of text to {type}", type=value))
        names = {"string": "text", "integer": "whole number", "boolean": "true or false"}
        first, *others = [
            str(_(names.get(k, k))) for k in ([kinds] if isinstance(kinds, str) else kinds)
        ]
        for other in others:
            first = str(_("{first} or {other}", first=Markup(first), other=Markup(other)))
        return first

    # Every channel page has a check form listing every channel: written once, not per page.
    options = [
        (
            channel.id,
            f'<option value="{raw_html(channel.id)}"',
            f">{raw_html(channel.name)}</option>",
        )
        for channel in playbook.channels
    ]

    def channel_options(selected: Channel | None) -> Markup:
        """The check form's channel choices, `selected` chosen."""
        chosen = selected.id if selected else None
        return Markup(
            "\n".join(
                f"{start} selected{end}" if key == chosen else start + end
                for key, start, end in options
            )
        )

    def codes(texts: Iterable[str]) -> Markup:
        return Markup(" · ").join(code(text) for text in texts)

    @cache  # the same few on every page
    def severity(value: str) -> Markup:
        return Markup(f'<span class="pb-severity pb-severity--{url(value)}">{_(value)}</span>')

    return {
        "band": band,
        "duration": duration,
        "bands": bands,
        "bands_header": bands_header,
        "metric_name": metric_name,
        "situation_link": situation_link,
        "situations_of": situations_of,
        "channel_link": channel_link,
        "rule_link": rule_link,
        "where": where,
        "status": status,
        "severity": severity,
        "terms_table": terms_table,
        "codes": codes,
        "channel_options": channel_options,
        "option_type": option_type,
    }
