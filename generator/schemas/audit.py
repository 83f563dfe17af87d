"""The JSON Schema of `playbook audit --format json`: a summary and every conversation."""

from __future__ import annotations

from typing import Any

from generator.vocabulary import BANDS, DRAFT, METRICS, SEVERITIES

#: Bands of a wait: the playbook's, and "open" for one still running, not yet past them.
WAIT_BANDS = (*BANDS, "open")

_INT = {"type": "integer", "minimum": 0}
_SECONDS = {"type": ["integer", "null"], "minimum": 0}
_TEXT = {"type": "string"}
_MAYBE = {"type": ["string", "null"]}


def _closed(properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": sorted(properties),
        "properties": properties,
        **extra,
    }


def audit_schema() -> dict[str, Any]:
    wait = _closed(
        {
            "business_seconds": {**_INT, "description": "Inside the channel's business hours."},
            "calendar_seconds": _INT,
            "band": {"enum": list(WAIT_BANDS)},
            "from_index": {**_INT, "description": "The message the wait started with."},
            "to_index": {
                "type": ["integer", "null"],
                "description": "The agent message that ended it; null: none by the end of the log.",
            },
            "answered_out_of_hours": {"type": "boolean"},
        }
    )
    finding = _closed(
        {
            "rule": _TEXT,
            "kind": _TEXT,
            "severity": {"enum": list(SEVERITIES)},
            "message": _TEXT,
            "index": {**_INT, "description": "Of the message, in time order from 0."},
            "time": {**_TEXT, "description": "ISO 8601, UTC."},
            "author": _MAYBE,
            "suggestion": _MAYBE,
            "link": _TEXT,
        }
    )
    conversation = _closed(
        {
            "id": _TEXT,
            "channel": _TEXT,
            "situation": _MAYBE,
            "public": {"type": "boolean"},
            "messages": _INT,
            "first_response": {"oneOf": [{"type": "null"}, wait]},
            "next_responses": {"type": "array", "items": wait},
            "reopened_first_responses": {
                "type": "array",
                "items": wait,
                "description": "First responses of segments reopened after an idle gap.",
            },
            "findings": {"type": "array", "items": finding},
        }
    )
    metric = _closed(
        {
            "waits": _INT,
            "median": _SECONDS,
            "p90": _SECONDS,
            "calendar_median": _SECONDS,
            "calendar_p90": _SECONDS,
            "bands": _closed({band: _INT for band in WAIT_BANDS}),
        }
    )
    group = _closed(
        {
            "channel": _TEXT,
            "situation": _MAYBE,
            "conversations": _INT,
            "answered_out_of_hours": _INT,
            "findings": {"type": "object", "additionalProperties": _INT},
            **dict.fromkeys(METRICS, metric),
        }
    )
    rule = {
        "type": "object",
        "additionalProperties": False,
        "required": ["kind", "severity", "link", "findings", "conversations"],
        "properties": {
            "kind": _TEXT,
            "severity": {"enum": list(SEVERITIES)},
            "link": _TEXT,
            "findings": _INT,
            "conversations": _INT,
            "top_texts": {
                "type": "array",
                "items": _closed({"text": _TEXT, "count": _INT}),
            },
        },
    }
    repeated = _closed(
        {
            "channel": _TEXT,
            "agent": {**_MAYBE, "description": "null: every agent of the channel."},
            "replies": _INT,
            "repeated": _INT,
            "rate": {"type": "number", "minimum": 0, "maximum": 1},
        }
    )
    summary = _closed(
        {
            "conversations": _INT,
            "messages": _INT,
            "findings": _closed({s: _INT for s in SEVERITIES}),
            "groups": {"type": "array", "items": group},
            "rules": {"type": "object", "additionalProperties": rule},
            "repeated_replies": {"type": "array", "items": repeated},
            "unanswered": {
                "type": "array",
                "description": "Public complaints first, then public conversations.",
                "items": _closed(
                    {
                        "conversation": _TEXT,
                        "channel": _TEXT,
                        "public": {"type": "boolean"},
                        "complaint": {"type": "boolean"},
                        "message": _TEXT,
                    }
                ),
            },
            "worst": {"type": "array", "items": _TEXT},
        }
    )
    return {
        "$schema": DRAFT,
        "$id": "audit.schema.json",
        "title": "playbook audit",
        "description": "What `playbook audit --format json` prints: times in seconds.",
        **_closed(
            {
                "$schema": {"const": "audit.schema.json"},
                "summary": summary,
                "conversations": {"type": "array", "items": conversation},
            }
        ),
    }
