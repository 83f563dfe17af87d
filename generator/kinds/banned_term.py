"""Words and phrases that never appear in a reply.

Some words turn a conversation sour ("calm down"), blame the customer ("as I already said"),
or hide behind the company ("as per our policy"). Each is matched as whole words, whatever
the case, with the apostrophes ' and ’ taken as the same, and reported with what to say
instead.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import Environment, Hit, Reporter
from generator.kinds._terms import CASE_SENSITIVE, EXCEPTIONS, TERM, TERMS
from generator.text.matching import TermGroup
from generator.wording import say

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["terms"],
    "properties": {
        "terms": TERMS,
        "replacement": {**TERM, "description": "What to write instead."},
        "case_sensitive": CASE_SENSITIVE,
        "exceptions": EXCEPTIONS,
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["terms", "replacement", "case_sensitive", "exceptions"],
    "properties": {
        "terms": {"type": "array", "items": {"type": "string"}},
        "replacement": {"type": ["string", "null"]},
        "case_sensitive": {"type": "boolean"},
        "exceptions": {"type": "array", "items": {"type": "string"}},
    },
}

EXAMPLES = [
    {
        "options": {"terms": ["calm down"], "replacement": "I understand how frustrating this is"},
        "pass": ["I understand how frustrating this is.", "The storm should calm soon."],
        "fail": ["Please calm down.", "CALM  DOWN and read the FAQ."],
    },
    {
        "options": {"terms": ["policy"], "exceptions": ["privacy policy"]},
        "pass": ["Our privacy policy explains it.", "Policyholders get priority."],
        "fail": ["That is our policy."],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {
        "terms": list(options["terms"]),
        "replacement": options.get("replacement"),
        "case_sensitive": options.get("case_sensitive", False),
        "exceptions": list(options.get("exceptions", [])),
    }


def terms(options: dict[str, Any]) -> TermGroup:
    return TermGroup(
        tuple(options["terms"]), options["case_sensitive"], tuple(options["exceptions"])
    )


def each(options: dict[str, Any]) -> Hit:
    """The hit of any match, its span aside."""
    replacement = options["replacement"]
    suggestion = (
        say("write '{replacement}' instead", replacement=replacement) if replacement else None
    )
    return Hit(0, 0, suggestion=suggestion, fix=replacement)


def report(options: dict[str, Any]) -> Reporter:
    hit = each(options)
    return lambda matches, context: [hit._replace(start=m.start, end=m.end) for m in matches]
