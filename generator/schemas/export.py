"""The JSON Schema of the exported rules file, derived from the registry of rule kinds."""

from __future__ import annotations

from typing import Any

from generator.kinds import KINDS
from generator.vocabulary import (
    BANDS,
    CHANNEL_KINDS,
    DAYS,
    DRAFT,
    FORMAT,
    METRICS,
    SEVERITIES,
)


def export_schema() -> dict[str, Any]:
    strings = {"type": "array", "items": {"type": "string"}}
    band = _closed({name: {"type": "integer", "minimum": 0} for name in BANDS})
    by_kind = [
        {
            "if": {"properties": {"kind": {"const": name}}},
            "then": {"properties": {"options": kind.exported_schema}},
        }
        for name, kind in KINDS.items()
    ]
    rule = _closed(
        {
            "id": {"type": "string"},
            "kind": {"enum": list(KINDS)},
            "severity": {"enum": list(SEVERITIES)},
            "message": {"type": "string"},
            "situations": strings,
            "situation_confidence": {
                "enum": ["weak", "strong"],
                "description": "The least confidence of a detected situation at which the rule "
                "applies in it (added in 2.2; absent: weak).",
            },
            "options": {"type": "object"},
            "link": {"type": "string", "description": "Site-relative URL of the rule's section."},
        },
        optional=("situation_confidence",),
        allOf=by_kind,
    )
    template = _closed(
        {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "situation": {"type": ["string", "null"]},
            "text": {"type": "string"},
            "placeholders": {
                "type": "array",
                "items": _closed({"name": {"type": "string"}, "description": {"type": "string"}}),
            },
            "link": {"type": "string"},
        }
    )
    hours = _closed(
        {
            "time_zone": {"type": "string"},
            "open": {
                "type": "array",
                "items": _closed(
                    {
                        "days": {"type": "array", "items": {"enum": list(DAYS)}},
                        "from": {"type": "string"},
                        "to": {"type": "string"},
                    }
                ),
            },
            "holidays": {
                "oneOf": [
                    {"type": "null"},
                    _closed(
                        {
                            "country": {"type": ["string", "null"]},
                            "region": {"type": ["string", "null"]},
                            "dates": {"type": "array", "items": {"type": "string"}},
                        }
                    ),
                ],
                "description": "Closed on the country's (and region's) public holidays, as the "
                "Python package holidays lists them, and on the dates (YYYY-MM-DD).",
            },
        }
    )
    hours["required"].remove("holidays")  # added in a minor version: optional
    channel = _closed(
        {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "kind": {"enum": list(CHANNEL_KINDS)},
            "public": {"type": "boolean"},
            "business_hours": {"oneOf": [{"type": "null"}, hours]},
            "response_times": {
                "type": "object",
                "propertyNames": {"enum": list(METRICS)},
                "additionalProperties": {
                    "type": "object",
                    "description": "Bands in seconds by situation id; '*' for any situation.",
                    "additionalProperties": {"oneOf": [{"type": "null"}, band]},
                },
            },
            "limits": _closed(
                {u: {"type": ["integer", "null"]} for u in ("characters", "words", "sentences")}
            ),
            "templates": {"type": "array", "items": template},
            "rules": {
                "type": "array",
                "items": {"type": "string"},
                "description": "The keys, in the top-level rules, of the channel's rules.",
            },
        }
    )
    return {
        "$schema": DRAFT,
        "$id": "export.schema.json",
        "title": "playbook: the rules exported as JSON for other systems",
        **_closed(
            {
                "$schema": {"type": "string"},
                "format": {"const": FORMAT},
                "format_version": {"type": "string", "pattern": r"^2\.\d+\.\d+$"},
                "playbook": _closed(
                    {
                        "company": {"type": "string"},
                        "language": {"type": "string"},
                        "version": {"type": "string"},
                        "source_hash": {"type": "string"},
                    }
                ),
                "matching": {"type": "object", "additionalProperties": {"type": "string"}},
                "situations": {
                    "type": "array",
                    "items": _closed(
                        {"id": {"type": "string"}, "name": {"type": "string"}, "signals": strings}
                    ),
                },
                "rules": {
                    "type": "object",
                    "description": "Every rule once, by key: its id, or <id>@<channel> when "
                    "channels resolve it differently.",
                    "additionalProperties": rule,
                },
                "detection": _detection(strings),
                "channels": {"type": "array", "items": channel},
            },
            optional=("detection",),  # added in 2.1: files of format 2.0 stay valid
        ),
    }


def _detection(strings: dict[str, Any]) -> dict[str, Any]:
    """How a customer's message is given a situation: see matching.situations."""
    signal = _closed({"phrase": {"type": "string"}, "stems": {**strings, "minItems": 1}})
    signals = {"type": "array", "items": signal}
    return _closed(
        {
            "language": {"type": "string"},
            "stemmer": {"type": ["string", "null"], "description": "Snowball algorithm"},
            "split_apostrophes": {"type": "boolean"},
            "precedence": strings,
            "signals": {"type": "object", "additionalProperties": signals},
            "question_openers": signals,
            "praise_words": {
                **signals,
                "description": "the praise cue needs one (absent: the score alone decides)",
            },
            "neutral_phrases": {
                **signals,
                "description": "phrases whose words match no signal and are no negation",
            },
            "negations": {**strings, "description": "stems of the negation cue's words"},
            "negation_suffixes": {**strings, "description": "a word ending so is a negation"},
            "cues": {
                "type": "object",
                "description": "sentiment, shouting, question: each names its situation, its "
                "thresholds and says in description when it fires",
                "additionalProperties": {
                    "type": "object",
                    "required": ["situation", "description"],
                    "properties": {"situation": {"type": "string"}},
                },
            },
            "sentiment": {
                "type": "object",
                "required": ["analyser"],
                "description": "vader: VADER's compound score; lexicon: the valences of stems "
                "summed (a valence right after a negation counts -1/2 of itself), normalised",
                "properties": {"analyser": {"enum": ["vader", "lexicon"]}},
            },
        },
        optional=("praise_words", "neutral_phrases"),
    )


def _closed(
    properties: dict[str, Any], optional: tuple[str, ...] = (), **extra: Any
) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": sorted(k for k in properties if k != "$schema" and k not in optional),
        "properties": properties,
        **extra,
    }
