"""No informal register: slang in English, the informal "tu" forms in Italian.

Customers prefer a fairly formal register when something went wrong, and an informal tone
used to refuse a request hurts satisfaction (Software Advice study). The markers of informal
register for each language ship with playbook in `rules/register.json`; a playbook can add
its own and allow some. Limit the rule to the situations where it applies.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from generator.kinds import Environment, Hit, Reporter
from generator.kinds._terms import TERM
from generator.text.matching import TermGroup

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "builtin": {
            "type": "boolean",
            "default": True,
            "description": "Use the markers that ship for the playbook's language.",
        },
        "markers": {
            "type": "object",
            "additionalProperties": {"type": ["string", "null"]},
            "propertyNames": TERM,
            "description": "More informal markers, each with its formal replacement or null.",
        },
        "allow": {"type": "array", "items": TERM, "description": "Markers to accept."},
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["markers", "case_sensitive"],
    "properties": {
        "markers": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["term", "replacement"],
                "properties": {
                    "term": {"type": "string"},
                    "replacement": {"type": ["string", "null"]},
                },
            },
        },
        "case_sensitive": {"type": "boolean"},
    },
}

EXAMPLES = [
    {
        "options": {},
        "pass": ["Hello Anna, thank you for your patience.", "They will call back."],
        "fail": ["Hey, no worries!", "lol, that's on us"],
    },
    {
        "options": {"markers": {"mate": None}, "allow": ["hey"]},
        "pass": ["Hey Anna, thanks for waiting."],
        "fail": ["Sorted, mate."],
    },
]


@cache
def builtin_markers() -> dict[str, dict[str, str | None]]:
    """Language -> informal marker -> formal replacement (or None)."""
    from generator.resources import RULES  # on first use: importlib.resources is slow to load

    markers: dict[str, dict[str, str | None]] = json.loads(
        (RULES / "register.json").read_text(encoding="utf-8")
    )["markers"]
    return markers


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    markers: dict[str, str | None] = {}
    if options.get("builtin", True):
        markers.update(builtin_markers().get(environment.language, {}))
    markers.update(options.get("markers", {}))
    allowed = {a.casefold() for a in options.get("allow", [])}
    return {
        "markers": [
            {"term": term, "replacement": markers[term]}
            for term in sorted(markers)
            if term.casefold() not in allowed
        ],
        "case_sensitive": False,
    }


def terms(options: dict[str, Any]) -> TermGroup:
    return TermGroup(tuple(m["term"] for m in options["markers"]), options["case_sensitive"])


def report(options: dict[str, Any]) -> Reporter:
    suggestions = [
        f"write '{m['replacement']}' instead" if m["replacement"] else "leave it out"
        for m in options["markers"]
    ]
    return lambda matches, context: [
        Hit(m.start, m.end, suggestion=suggestions[m.term]) for m in matches
    ]
