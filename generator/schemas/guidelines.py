"""The JSON Schemas of the guideline format, derived from the registry of rule kinds."""

from __future__ import annotations

from typing import Any

from generator.kinds import KINDS, max_length
from generator.kinds._terms import VISIBLE
from generator.text import durations
from generator.vocabulary import BANDS, CHANNEL_KINDS, DAYS, DRAFT, LANGUAGES, METRICS, SEVERITIES

ID = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
TEXT = {"type": "string", "minLength": 1, "pattern": VISIBLE}
MARKDOWN = {**TEXT, "description": "Markdown."}
TEXTS = {"type": "array", "items": TEXT}
IDS = {"type": "array", "items": ID, "minItems": 1, "uniqueItems": True}
DURATION = {"type": "string", "pattern": durations.PATTERN, "description": "Like 40s, 30m, 2h, 1d."}
CLOCK = {"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "description": "HH:MM"}
#: A closing time may be 24:00 (open to midnight) or earlier than the opening (past midnight).
SITUATION_CONFIDENCE = {
    "enum": ["weak", "strong"],
    "default": "strong",
    "description": "The least confidence of a detected situation at which the rule applies in "
    "it: strong (two pieces of evidence agree) or weak (one is enough). A situation given by "
    "the user (--situation, the log's situation column) always applies.",
}
CLOSING = {
    "type": "string",
    "pattern": r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
    "description": "HH:MM, or 24:00 for midnight; earlier than from: closes the next day",
}


def _object(required: list[str], properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
        **extra,
    }


def _rule(in_channel: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "id": ID,
        "kind": {"enum": list(KINDS)},
        "severity": {"enum": list(SEVERITIES)},
        "message": TEXT,
        "rationale": MARKDOWN,
        "situations": IDS,
        "situation_confidence": SITUATION_CONFIDENCE,
        "options": {"type": "object"},
        "examples": _object([], {"pass": TEXTS, "fail": TEXTS}),
    }
    if not in_channel:
        properties["channels"] = IDS
    by_kind = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {
                "properties": {"options": kind.options_schema},
                # A kind that needs options needs the key too, not only what is under it.
                **({"required": ["options"]} if _needs_options(kind.options_schema) else {}),
            },
        }
        for name, kind in KINDS.items()
    ]
    return _object(["id", "kind", "severity", "message"], properties, allOf=by_kind)


def _needs_options(options: dict[str, Any]) -> bool:
    return bool(options.get("required")) or options.get("minProperties", 0) > 0


def _term(in_channel: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "term": TEXT,
        "status": {"enum": ["banned", "preferred"]},
        "replacement": {**TEXT, "description": "For a banned term: what to write instead."},
        "instead_of": {**TEXTS, "minItems": 1, "description": "For a preferred term."},
        "reason": TEXT,
        "case_sensitive": {"type": "boolean", "default": False},
        "exceptions": TEXTS,
        "severity": {"enum": list(SEVERITIES)},
        "situations": IDS,
        "situation_confidence": SITUATION_CONFIDENCE,
    }
    if not in_channel:
        properties["channels"] = IDS
    preferred = {
        "if": {"properties": {"status": {"const": "preferred"}}, "required": ["status"]},
        "then": {"required": ["instead_of"]},
    }
    return _object(["term", "status", "reason"], properties, allOf=[preferred])


BAND = _object(["target", "acceptable", "unacceptable"], dict.fromkeys(BANDS, DURATION))
_METRICS = {metric: BAND for metric in METRICS}


def playbook_schema() -> dict[str, Any]:
    situation = _object(
        ["id", "name", "must", "must_not"],
        {
            "id": ID,
            "name": TEXT,
            "description": MARKDOWN,
            "signals": {
                **TEXTS,
                "description": "Words and phrases of the customer's message that mark the "
                "situation, matched by their stems, in order; they add to the built-in ones.",
            },
            "builtin": {
                "type": "boolean",
                "default": True,
                "description": "Use the built-in signals and cues that ship for this situation "
                "(complaint, reminder, refusal, human-request, information) in the playbook's "
                "language; false: only the signals listed here.",
            },
            "must": TEXTS,
            "must_not": TEXTS,
        },
    )
    principle = _object(["be", "not"], {"be": TEXT, "not": TEXT, "example": TEXT})
    return {
        "$schema": DRAFT,
        "$id": "playbook.schema.json",
        "title": "playbook: the company's playbook file (guidelines/playbook.yml)",
        **_object(
            ["company", "language", "version", "voice", "situations"],
            {
                "$schema": {"type": "string"},
                "company": TEXT,
                "language": {"enum": list(LANGUAGES)},
                "version": {"type": "string", "pattern": r"^\d+(\.\d+){0,2}$"},
                "description": MARKDOWN,
                "voice": _object(
                    ["summary", "principles"],
                    {
                        "summary": MARKDOWN,
                        "principles": {"type": "array", "items": principle, "minItems": 1},
                    },
                ),
                "channels": IDS,
                "situations": {"type": "array", "items": situation, "minItems": 1},
                "terms": {"type": "array", "items": _term(in_channel=False)},
                "rules": {"type": "array", "items": _rule(in_channel=False)},
            },
        ),
    }


def channel_schema() -> dict[str, Any]:
    tone = _object(
        ["formality", "address", "greeting", "closing", "emoji"],
        {
            "formality": {"enum": ["formal", "neutral", "informal"]},
            "address": TEXT,
            "greeting": TEXT,
            "closing": TEXT,
            "emoji": {"enum": ["none", "sparingly", "welcome"]},
            "notes": {"type": "array", "items": MARKDOWN},
        },
    )
    limits = _object(
        [],
        {
            "characters": {"type": "integer", "minimum": 1},
            "words": {"type": "integer", "minimum": 1},
            "sentences": {"type": "integer", "minimum": 1},
            **max_length.COUNTING,
            "severity": {"enum": list(SEVERITIES)},
        },
        anyOf=[{"required": [unit]} for unit in ("characters", "words", "sentences")],
    )
    complaints = _object(
        ["steps", "must_include"],
        {"steps": {**TEXTS, "minItems": 1}, "must_include": {**TEXTS, "minItems": 1}},
    )
    response_times = _object(
        ["first_response"],
        {
            **_METRICS,
            "situations": {
                "type": "object",
                "propertyNames": ID,
                "additionalProperties": _object([], _METRICS, minProperties=1),
            },
        },
    )
    hours = _object(
        ["time_zone", "open"],
        {
            "time_zone": TEXT,
            "open": {
                "type": "array",
                "minItems": 1,
                "items": _object(
                    ["days", "from", "to"],
                    {
                        "days": {
                            "type": "array",
                            "items": {"enum": list(DAYS)},
                            "minItems": 1,
                            "uniqueItems": True,
                        },
                        "from": CLOCK,
                        "to": CLOSING,
                    },
                ),
            },
            "holidays": _object(
                [],
                {
                    "country": {
                        "type": "string",
                        "pattern": "^[A-Z]{2}$",
                        "description": "ISO 3166 country code whose public holidays close the "
                        "channel, as the holidays package knows them: IT, GB, US...",
                    },
                    "region": {
                        "type": "string",
                        "pattern": "^[A-Za-z0-9-]{1,10}$",
                        "description": "A subdivision of the country (state, province).",
                    },
                    "dates": {
                        "type": "array",
                        "uniqueItems": True,
                        "items": {
                            "type": "string",
                            "pattern": r"^\d{4}-\d{2}-\d{2}$",
                            "description": "YYYY-MM-DD",
                        },
                    },
                },
            ),
            "outside_hours": MARKDOWN,
        },
    )
    template = _object(
        ["id", "title", "text"],
        {
            "id": ID,
            "title": TEXT,
            "situation": ID,
            "text": TEXT,
            "placeholders": {
                "type": "object",
                "propertyNames": {"pattern": r"^[A-Za-z_][\w.-]*$"},
                "additionalProperties": TEXT,
            },
            "notes": MARKDOWN,
        },
    )
    turn = {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "additionalProperties": False,
        "properties": {"customer": TEXT, "agent": TEXT},
    }
    example = _object(
        ["title", "verdict", "why", "exchange"],
        {
            "title": TEXT,
            "situation": ID,
            "verdict": {"enum": ["good", "bad"]},
            "why": TEXT,
            "exchange": {"type": "array", "items": turn, "minItems": 1},
        },
    )
    override = _object(
        [],
        {
            "severity": {"enum": list(SEVERITIES)},
            "message": TEXT,
            "situations": IDS,
            "situation_confidence": SITUATION_CONFIDENCE,
            "options": {"type": "object"},
        },
        minProperties=1,
    )
    return {
        "$schema": DRAFT,
        "$id": "channel.schema.json",
        "title": "playbook: one channel's guidelines (guidelines/channels/*.yml)",
        **_object(
            [
                "id",
                "name",
                "kind",
                "public",
                "tone",
                "dos",
                "donts",
                "complaint_handling",
                "response_times",
            ],
            {
                "$schema": {"type": "string"},
                "id": ID,
                "name": TEXT,
                "kind": {"enum": list(CHANNEL_KINDS)},
                "public": {"type": "boolean"},
                "description": MARKDOWN,
                "tone": tone,
                "dos": {**TEXTS, "minItems": 1},
                "donts": {**TEXTS, "minItems": 1},
                "terms": {"type": "array", "items": _term(in_channel=True)},
                "limits": limits,
                "complaint_handling": complaints,
                "response_times": response_times,
                "business_hours": hours,
                "templates": {"type": "array", "items": template},
                "examples": {"type": "array", "items": example},
                "rules": {"type": "array", "items": _rule(in_channel=True)},
                "overrides": {
                    "type": "object",
                    "propertyNames": ID,
                    "additionalProperties": override,
                },
                "disable": {"type": "array", "items": ID, "uniqueItems": True},
            },
        ),
    }
