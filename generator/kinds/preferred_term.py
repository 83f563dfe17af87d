"""A term the company prefers, reported where a reply uses one of its alternatives.

Consistent words make a team sound like one voice: "refund" rather than "money back",
"order number" rather than "order ID". The alternatives are matched as whole words, and the
finding suggests the preferred term.
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
    "required": ["term", "instead_of"],
    "properties": {
        "term": {**TERM, "description": "The preferred term."},
        "instead_of": {**TERMS, "description": "The alternatives to replace with the term."},
        "case_sensitive": CASE_SENSITIVE,
        "exceptions": EXCEPTIONS,
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["term", "instead_of", "case_sensitive", "exceptions"],
    "properties": {
        "term": {"type": "string"},
        "instead_of": {"type": "array", "items": {"type": "string"}},
        "case_sensitive": {"type": "boolean"},
        "exceptions": {"type": "array", "items": {"type": "string"}},
    },
}

EXAMPLES = [
    {
        "options": {"term": "refund", "instead_of": ["money back", "reimbursement"]},
        "pass": ["Your refund is on its way."],
        "fail": ["You will get your money back.", "The Reimbursement was sent."],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {
        "term": options["term"],
        "instead_of": list(options["instead_of"]),
        "case_sensitive": options.get("case_sensitive", False),
        "exceptions": list(options.get("exceptions", [])),
    }


def terms(options: dict[str, Any]) -> TermGroup:
    return TermGroup(
        tuple(options["instead_of"]), options["case_sensitive"], tuple(options["exceptions"])
    )


def each(options: dict[str, Any]) -> Hit:
    """The hit of any match, its span aside."""
    suggestion = say("write '{term}' instead", term=options["term"])
    return Hit(0, 0, suggestion=suggestion, fix=options["term"])


def report(options: dict[str, Any]) -> Reporter:
    hit = each(options)
    return lambda matches, context: [hit._replace(start=m.start, end=m.end) for m in matches]
