"""A reply comes within the channel's response-time band for the situation.

Responsiveness has the largest influence on satisfaction (Warwick University study): over
40% of consumers expect a reply on social within an hour, more so for complaints. The
seconds come from the channel's response targets, with per-situation overrides; the rule
reports a reply whose waiting time is past the chosen band.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import Context, Environment, Hit, Matcher
from generator.vocabulary import BANDS, METRICS
from generator.wording import Duration, say

APPLIES_TO_TEMPLATES = False

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "metric": {"enum": list(METRICS), "default": "first_response"},
        "band": {
            "enum": list(BANDS),
            "default": "acceptable",
            "description": "Report replies that come later than this band allows.",
        },
    },
}

_TARGETS = {"first_response": {"acceptable": {"*": 3600, "complaint": 1800}}}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["metric", "band", "seconds"],
    "properties": {
        "metric": {"enum": list(METRICS)},
        "band": {"enum": list(BANDS)},
        "seconds": {
            "type": "object",
            "description": "Seconds allowed by situation id; '*' for any other situation.",
            "additionalProperties": {"type": "integer", "minimum": 0},
        },
    },
}

EXAMPLES = [
    {
        "options": {},
        "targets": _TARGETS,
        "waited": 3000,
        "pass": ["Thanks for waiting."],
        "fail": [],
    },
    {
        "options": {},
        "targets": _TARGETS,
        "waited": 3000,
        "situation": "complaint",
        "pass": [],
        "fail": ["We're sorry for the wait."],
    },
    {
        "options": {},
        "targets": _TARGETS,
        "waited": 7200,
        "pass": [],
        "fail": ["Thanks for waiting."],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    metric = options.get("metric", "first_response")
    band = options.get("band", "acceptable")
    seconds = environment.targets.get(metric, {}).get(band, {})
    return {"metric": metric, "band": band, "seconds": dict(sorted(seconds.items()))}


def compile(options: dict[str, Any]) -> Matcher:
    metric, band, seconds = options["metric"], options["band"], options["seconds"]
    band_name, sooner = say(band), say("answer sooner")

    def check(text: str, context: Context) -> list[Hit]:
        if context.waited is None or context.metric != metric:
            return []
        limit = seconds.get(context.situation or "*", seconds.get("*"))
        if limit is None or context.waited <= limit:
            return []
        return [
            Hit(
                0,
                0,
                message=say(
                    "sent after {waited}, past the {band} time of {limit}",
                    waited=Duration(context.waited),
                    band=band_name,
                    limit=Duration(limit),
                ),
                suggestion=sooner,
            )
        ]

    return check
