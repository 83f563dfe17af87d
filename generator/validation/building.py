"""Building the playbook model from validated documents, deriving rules from terms and limits."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from generator.model import (
    Band,
    BusinessHours,
    Channel,
    Example,
    Holidays,
    Opening,
    Page,
    Playbook,
    Principle,
    ResponseTimes,
    Rule,
    Situation,
    Template,
    Term,
    Tone,
    Turn,
)
from generator.text import durations
from generator.validation.loading import Document
from generator.vocabulary import METRICS
from generator.wording import say, translate

DEFAULT_SEVERITY = {"banned": "error", "preferred": "warning"}


def slug(text: str) -> str:
    """An id from free text: 'as per our policy' -> 'as-per-our-policy'.

    Text beyond ASCII loses letters on the way ('perché' and 'perche', 'спасибо' and 'пока'
    would meet), so its id ends with a short hash of the text as written, lowercased:
    'perché' -> 'perche-<hash>'. ASCII text keeps its plain id, so existing ids stay.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if text.isascii():
        return base or "term"
    key = unicodedata.normalize("NFC", text.lower()).encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(key).hexdigest()[:8]
    return f"{base}-{digest}" if base else digest


def term_rule_id(term: str, channel: str | None) -> str:
    return f"{channel}-term-{slug(term)}" if channel else f"term-{slug(term)}"


def limits_rule_id(channel: str) -> str:
    return f"{channel}-message-length"


def declared_rules(
    document: Document, channel: str | None, language: str = "en"
) -> list[tuple[tuple[Any, ...], Rule]]:
    """Every rule a file declares, written or derived, with the path of its declaration; the
    messages of derived rules in the playbook's language."""
    data = document.data
    found: list[tuple[tuple[Any, ...], Rule]] = []
    for i, entry in enumerate(data.get("rules", [])):
        found.append((("rules", i), _rule(entry, document, ("rules", i), channel)))
    for i, entry in enumerate(data.get("terms", [])):
        rule = _term_rule(entry, document, ("terms", i), channel)
        found.append((("terms", i), replace(rule, message=translate(rule.message, language))))
    if channel and "limits" in data:
        limits = data["limits"]
        options = {k: v for k, v in limits.items() if k != "severity"}
        rule = Rule(
            id=limits_rule_id(channel),
            kind="max_length",
            severity=limits.get("severity", "warning"),
            message=translate(
                say("Keep {channel} messages short.", channel=data.get("name", channel)), language
            ),
            options=options,
            file=document.file,
            line=document.where(("limits",))[0],
            origin="limits",
            defined_in=channel,
        )
        found.append((("limits",), rule))
    return found


def _rule(
    entry: Mapping[str, Any], document: Document, path: tuple[Any, ...], channel: str | None
) -> Rule:
    examples = entry.get("examples", {})
    return Rule(
        id=entry["id"],
        kind=entry["kind"],
        severity=entry["severity"],
        message=entry["message"],
        options=entry.get("options", {}),
        file=document.file,
        line=document.where(path)[0],
        rationale=entry.get("rationale", ""),
        situations=tuple(entry.get("situations", ())),
        situation_confidence=entry.get("situation_confidence", "strong"),
        channels=tuple(entry.get("channels", ())),
        passing=tuple(examples.get("pass", ())),
        failing=tuple(examples.get("fail", ())),
        defined_in=channel,
        example_positions={
            f"{verdict}/{i}": document.where((*path, "examples", verdict, i))
            for verdict in ("pass", "fail")
            for i in range(len(examples.get(verdict, ())))
        },
    )


def _term_rule(
    entry: Mapping[str, Any], document: Document, path: tuple[Any, ...], channel: str | None
) -> Rule:
    term, status, reason = entry["term"], entry["status"], entry["reason"]
    common = {
        "case_sensitive": entry.get("case_sensitive", False),
        "exceptions": list(entry.get("exceptions", [])),
    }
    if status == "banned":
        kind, message = (
            "banned_term",
            say("Don't write '{term}': {reason}", term=term, reason=reason),
        )
        options = {"terms": [term], **common}
        if "replacement" in entry:
            options["replacement"] = entry["replacement"]
    else:
        kind, message = (
            "preferred_term",
            say(
                "Write '{term}' rather than '{match}': {reason}",
                term=term,
                match="{match}",
                reason=reason,
            ),
        )
        options = {"term": term, "instead_of": list(entry.get("instead_of", [])), **common}
    return Rule(
        id=term_rule_id(term, channel),
        kind=kind,
        severity=entry.get("severity", DEFAULT_SEVERITY[status]),
        message=message,
        options=options,
        file=document.file,
        line=document.where(path)[0],
        rationale=reason,
        situations=tuple(entry.get("situations", ())),
        situation_confidence=entry.get("situation_confidence", "strong"),
        channels=tuple(entry.get("channels", ())),
        origin="term",
        defined_in=channel,
    )


def _terms(data: Mapping[str, Any], channel: str | None) -> tuple[Term, ...]:
    return tuple(
        Term(
            term=t["term"],
            status=t["status"],
            reason=t["reason"],
            rule_id=term_rule_id(t["term"], channel),
            replacement=t.get("replacement", ""),
            instead_of=tuple(t.get("instead_of", ())),
            case_sensitive=t.get("case_sensitive", False),
            exceptions=tuple(t.get("exceptions", ())),
            channel=channel,
        )
        for t in data.get("terms", [])
    )


def apply_override(rule: Rule, override: Mapping[str, Any]) -> Rule:
    changes: dict[str, Any] = {
        k: override[k] for k in ("severity", "message", "situation_confidence") if k in override
    }
    if "situations" in override:
        changes["situations"] = tuple(override["situations"])
    if "options" in override:
        changes["options"] = {**rule.options, **override["options"]}
    return replace(rule, **changes)


def resolve(
    global_rules: list[Rule], document: Document, channel: str, language: str = "en"
) -> tuple[Rule, ...]:
    """The rules that apply on a channel: inherited (overridden, not disabled), then its own."""
    data = document.data
    disabled, overrides = set(data.get("disable", [])), data.get("overrides", {})
    own = [rule for _, rule in declared_rules(document, channel, language)]
    inherited = [
        apply_override(rule, overrides[rule.id]) if rule.id in overrides else rule
        for rule in global_rules
        if (not rule.channels or channel in rule.channels) and rule.id not in disabled
    ]
    mine = [apply_override(r, overrides[r.id]) if r.id in overrides else r for r in own]
    return tuple(inherited + [r for r in mine if r.id not in disabled])


def _band(data: Mapping[str, str]) -> Band:
    return Band(*(durations.parse(data[b]) for b in ("target", "acceptable", "unacceptable")))


def _response_times(data: Mapping[str, Any]) -> ResponseTimes:
    return ResponseTimes(
        metrics={m: _band(data[m]) for m in METRICS if m in data},
        situations={
            situation: {m: _band(bands[m]) for m in METRICS if m in bands}
            for situation, bands in data.get("situations", {}).items()
        },
    )


def _channel(document: Document, global_rules: list[Rule], language: str) -> Channel:
    data = document.data
    hours = data.get("business_hours")
    return Channel(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        public=data["public"],
        file=document.file,
        description=data.get("description", ""),
        tone=Tone(**{**data["tone"], "notes": tuple(data["tone"].get("notes", ()))}),
        dos=tuple(data["dos"]),
        donts=tuple(data["donts"]),
        complaint_steps=tuple(data["complaint_handling"]["steps"]),
        complaint_must_include=tuple(data["complaint_handling"]["must_include"]),
        response_times=_response_times(data["response_times"]),
        rules=resolve(global_rules, document, data["id"], language),
        terms=_terms(data, data["id"]),
        limits={k: v for k, v in data.get("limits", {}).items() if k != "severity"},
        business_hours=BusinessHours(
            time_zone=hours["time_zone"],
            open=tuple(Opening(tuple(o["days"]), o["from"], o["to"]) for o in hours["open"]),
            outside_hours=hours.get("outside_hours", ""),
            holidays=Holidays(
                hours["holidays"].get("country"),
                hours["holidays"].get("region"),
                tuple(hours["holidays"].get("dates", ())),
            )
            if "holidays" in hours
            else None,
        )
        if hours
        else None,
        templates=tuple(
            Template(
                t["id"],
                t["title"],
                t["text"],
                dict(t.get("placeholders", {})),
                t.get("situation"),
                t.get("notes", ""),
                document.where(("templates", i, "text")),
            )
            for i, t in enumerate(data.get("templates", []))
        ),
        examples=tuple(
            Example(
                e["title"],
                e["verdict"],
                e["why"],
                tuple(Turn(*next(iter(turn.items()))) for turn in e["exchange"]),
                e.get("situation"),
                tuple(
                    document.where(("examples", i, "exchange", j, speaker))
                    for j, turn in enumerate(e["exchange"])
                    for speaker in turn
                ),
            )
            for i, e in enumerate(data.get("examples", []))
        ),
    )


def channel_order(playbook: Mapping[str, Any], channel_ids: list[str]) -> list[str]:
    declared = playbook.get("channels")
    return [c for c in declared if c in channel_ids] if declared else sorted(channel_ids)


def build(
    playbook_doc: Document,
    channel_docs: Mapping[str, Document | None],
    pages: tuple[Page, ...],
    source_hash: str,
) -> Playbook:
    data = playbook_doc.data
    language = data["language"]
    global_rules = [rule for _, rule in declared_rules(playbook_doc, None, language)]
    documents = {doc.data["id"]: doc for doc in channel_docs.values() if doc is not None}
    channels = tuple(
        _channel(documents[c], global_rules, language) for c in channel_order(data, list(documents))
    )
    own = [r for c in channels for _, r in declared_rules(documents[c.id], c.id, language)]
    return Playbook(
        company=data["company"],
        language=data["language"],
        version=str(data["version"]),
        description=data.get("description", ""),
        voice_summary=data["voice"]["summary"],
        principles=tuple(
            Principle(p["be"], p["not"], p.get("example", "")) for p in data["voice"]["principles"]
        ),
        situations=tuple(
            Situation(
                s["id"],
                s["name"],
                tuple(s.get("signals", ())),
                tuple(s["must"]),
                tuple(s["must_not"]),
                s.get("description", ""),
                s.get("builtin", True),
            )
            for s in data["situations"]
        ),
        terms=_terms(data, None),
        rules=tuple(global_rules + own),
        channels=channels,
        source_hash=source_hash,
        pages=pages,
    )
