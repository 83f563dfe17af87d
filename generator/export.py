"""The rules as JSON for other systems: every rule resolved per channel, nothing left implicit.

Each rule is written once, under `rules`, and each channel lists the keys of its rules: a
rule's key is its id, or, when channels resolve the same rule differently (a response-time
rule with each channel's targets), `<id>@<channel>` for each variant, after the first
channel that has it.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import orjson

from generator.kinds import KINDS, Environment
from generator.model import Band, Channel, Playbook, Rule, Template
from generator.text.signals import detection
from generator.vocabulary import BANDS, FORMAT, FORMAT_VERSION, METRICS

RULES_PAGE = "rules/"

MATCHING = {
    "terms": (
        "A term matches a run of the text equal to it, except that any run of white space in "
        "the term matches any run of white space in the text and the apostrophes ' ’ ʼ are "
        "equal; unless case_sensitive, letters compare by Unicode simple case folding; no word "
        "character (Unicode letter, digit or underscore) may stand right before or after the "
        "run; text and terms are compared in Unicode normal form C. An exception is a phrase "
        "matched the same way: a term match inside an exception match does not count."
    ),
    "patterns": (
        "Patterns are RE2 syntax, which runs in linear time. Unless case_sensitive, they match "
        "case-insensitively. A rule's unless patterns exempt the whole reply when any matches."
    ),
    "situations": (
        "The situation of a customer's message follows detection: a situation is a candidate "
        "when one of its signals matches (the stems of the signal's words, by the named "
        "Snowball stemmer, occur in the message's words in order and next to each other; words "
        "are runs of letters and digits outside @mentions and links, lower-cased, apostrophes "
        "inside a word kept unless split_apostrophes) or when one of its cues fires (each cue "
        "says when); of the candidates, the first in precedence wins; none: no situation. A "
        "rule with situations applies only in those; with none, in every one. A detected "
        "situation has a confidence: strong when at least two different pieces of evidence "
        "support the winner (signals counted by phrase, cues by name), weak on one; a rule "
        "applies in a detected situation only when its situation_confidence is weak or the "
        "detection is strong (absent: weak, as before format 2.2). A situation given by the "
        "user or the log always applies."
    ),
    "positions": (
        "Findings point at character offsets of the reply in Unicode code points; a rule that "
        "finds something missing (required_phrase, response_time) points at the start."
    ),
    "fixes": (
        "A banned_term match with a replacement, and a preferred_term match (an alternative), "
        "can be fixed without asking: replace the match with the replacement (or the term), "
        "its first letter upper-cased when the match starts with an upper-case letter and "
        "the replacement with a lower-case one."
    ),
}


def rule_link(rule_id: str) -> str:
    return f"{RULES_PAGE}#{rule_id}"


def template_link(channel: Channel, template: Template) -> str:
    return f"channels/{channel.id}/#{template.id}"


def environment(playbook: Playbook, channel: Channel) -> Environment:
    return Environment(language=playbook.language, targets=_targets(channel))


def _targets(channel: Channel) -> dict[str, dict[str, dict[str, int]]]:
    times = channel.response_times
    targets: dict[str, dict[str, dict[str, int]]] = {}
    for metric in METRICS:
        for band in BANDS:
            seconds = {}
            if metric in times.metrics:
                seconds["*"] = getattr(times.metrics[metric], band)
            for situation, metrics in sorted(times.situations.items()):
                if metric in metrics:
                    seconds[situation] = getattr(metrics[metric], band)
            if seconds:
                targets.setdefault(metric, {})[band] = seconds
    return targets


def export_rule(rule: Rule, env: Environment) -> dict[str, Any]:
    return {
        "id": rule.id,
        "kind": rule.kind,
        "severity": rule.severity,
        "message": rule.message,
        "situations": list(rule.situations),
        "situation_confidence": rule.situation_confidence,
        "options": KINDS[rule.kind].normalise(dict(rule.options), env),
        "link": rule_link(rule.id),
    }


def _band(band: Band) -> dict[str, int]:
    return {name: getattr(band, name) for name in BANDS}


def export_channel(
    playbook: Playbook, channel: Channel, keys: list[str] | None = None
) -> dict[str, Any]:
    """A channel, with the keys of its rules (by default, each rule's id)."""
    times = channel.response_times
    hours = channel.business_hours
    return {
        "id": channel.id,
        "name": channel.name,
        "kind": channel.kind,
        "public": channel.public,
        "business_hours": {
            "time_zone": hours.time_zone,
            "open": [{"days": list(o.days), "from": o.start, "to": o.end} for o in hours.open],
            "holidays": {
                "country": hours.holidays.country,
                "region": hours.holidays.region,
                "dates": sorted(hours.holidays.dates),
            }
            if hours.holidays
            else None,
        }
        if hours
        else None,
        "response_times": {
            metric: {
                "*": _band(times.metrics[metric]) if metric in times.metrics else None,
                **{s: _band(m[metric]) for s, m in sorted(times.situations.items()) if metric in m},
            }
            for metric in METRICS
            if metric in times.metrics or any(metric in m for m in times.situations.values())
        },
        "limits": {unit: channel.limits.get(unit) for unit in ("characters", "words", "sentences")},
        "templates": [
            {
                "id": t.id,
                "title": t.title,
                "situation": t.situation,
                "text": t.text,
                "placeholders": [{"name": n, "description": d} for n, d in t.placeholders.items()],
                "link": template_link(channel, t),
            }
            for t in channel.templates
        ],
        "rules": keys if keys is not None else [rule.id for rule in channel.rules],
    }


def export_rules(playbook: Playbook) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    """Every rule once, by key, and each channel's rule keys in the channel's order."""
    # rule id -> its distinct bodies, each with the first channel that has it
    variants: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    chosen: dict[str, list[tuple[str, int]]] = {}
    for channel in playbook.channels:
        env = environment(playbook, channel)
        chosen[channel.id] = []
        for rule in channel.rules:
            body = export_rule(rule, env)
            known = variants.setdefault(rule.id, [])
            index = next((i for i, (_, b) in enumerate(known) if b == body), None)
            if index is None:
                index = len(known)
                known.append((channel.id, body))
            chosen[channel.id].append((rule.id, index))

    def key(rule_id: str, index: int) -> str:
        known = variants[rule_id]
        return rule_id if len(known) == 1 else f"{rule_id}@{known[index][0]}"

    rules = {
        key(rule_id, i): body
        for rule_id, known in variants.items()
        for i, (_, body) in enumerate(known)
    }
    keys = {c: [key(rule_id, i) for rule_id, i in picks] for c, picks in chosen.items()}
    return dict(sorted(rules.items())), keys


def export_header(playbook: Playbook) -> dict[str, Any]:
    """What the file says about itself and the playbook it comes from."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "playbook": {
            "company": playbook.company,
            "language": playbook.language,
            "version": playbook.version,
            "source_hash": playbook.source_hash,
        },
    }


@functools.lru_cache(maxsize=8)
def _detection(
    language: str, situations: tuple[tuple[str, tuple[str, ...], bool], ...]
) -> dict[str, Any]:
    """The detection section, stemmed once per process for the same situations: a build
    exports twice (validation compiles the checker, the site publishes rules.json) and
    `serve` again on every save. Shared between exports: nothing may change it."""
    return detection(language, situations)


#: The playbook last exported and its export: a build exports the same playbook twice
#: (validation compiles the checker from it, the site publishes it).
_LAST: list[tuple[Playbook, dict[str, Any]]] = []


def export(playbook: Playbook) -> dict[str, Any]:
    """The playbook as the export document; the last one exported is not exported again, so
    the document may be shared: nothing may change it."""
    last = _LAST[:1]
    if last and last[0][0] is playbook:
        return last[0][1]
    document = _export(playbook)
    _LAST[:] = [(playbook, document)]
    return document


def _export(playbook: Playbook) -> dict[str, Any]:
    rules, keys = export_rules(playbook)
    return {
        "$schema": "export.schema.json",
        **export_header(playbook),
        "matching": MATCHING,
        "situations": [
            {"id": s.id, "name": s.name, "signals": list(s.signals)} for s in playbook.situations
        ],
        "rules": rules,
        "detection": _detection(
            playbook.language,
            tuple((s.id, tuple(s.signals), s.builtin) for s in playbook.situations),
        ),
        "channels": [export_channel(playbook, c, keys[c.id]) for c in playbook.channels],
    }


#: How deep the export is laid out one item a line; below, each value is written on one line.
#: A rule's fields and a channel's fields get a line each, a rule's options or a channel's list
#: of rules one line: readable and diffable, and a third the size of indenting everything.
LAYOUT_DEPTH = 3


def dumps(document: dict[str, Any]) -> str:
    """The export as JSON: keys sorted, two-space indents down to LAYOUT_DEPTH, text as
    written (not \\u-escaped).

    orjson writes the one-line values ten times faster than the json module, byte for byte
    the same; json remains for what orjson refuses (integers beyond 64 bits).
    """
    return _layout(document, 0) + "\n"


def _layout(value: Any, depth: int) -> str:
    if depth >= LAYOUT_DEPTH or not isinstance(value, dict | list) or not value:
        return _one_line(value)
    pad, end = "  " * (depth + 1), "  " * depth
    if isinstance(value, dict):
        items = [f"{pad}{_one_line(k)}: {_layout(value[k], depth + 1)}" for k in sorted(value)]
        return "{\n" + ",\n".join(items) + f"\n{end}}}"
    return "[\n" + ",\n".join(pad + _layout(item, depth + 1) for item in value) + f"\n{end}]"


def _one_line(value: Any) -> str:
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
