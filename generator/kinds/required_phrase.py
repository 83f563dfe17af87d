"""A reply must contain at least one of a list of phrases, such as an apology in a complaint.

After an error, a refund or bonus alone satisfied 37% of customers; with an apology added,
74% (W.P. Carey School of Business, Arizona State University). Limit the rule to the
situations where the phrase belongs.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import Environment, Hit, Reporter, _lexicons
from generator.kinds._terms import CASE_SENSITIVE, TERMS
from generator.text.matching import TermGroup
from generator.wording import say

REPORTS_MISSING = True

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "phrases": TERMS,
        "builtin": _lexicons.option("phrases"),
        "case_sensitive": CASE_SENSITIVE,
        "replies": {
            "enum": ["every", "first"],
            "default": "every",
            "description": "first: only the first reply of a conversation needs the phrase "
            "(one apology is enough; a follow-up need not repeat it).",
        },
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["phrases", "case_sensitive"],
    "properties": {
        "phrases": {"type": "array", "items": {"type": "string"}},
        "case_sensitive": {"type": "boolean"},
        "replies": {"enum": ["every", "first"]},
    },
}

EXAMPLES = [
    {
        "options": {"phrases": ["sorry", "apologise", "apologize", "apologies"]},
        "pass": ["I'm so sorry about the delay.", "We apologise for the mix-up."],
        "fail": ["Your parcel will arrive tomorrow."],
    },
    {
        "options": {"phrases": ["ci scusiamo", "mi dispiace"]},
        "pass": ["Ci scusiamo per il ritardo.", "Mi dispiace molto, signor Rossi."],
        "fail": ["Il pacco arriverà domani."],
    },
    {
        "options": {"builtin": ["apology"], "replies": "first"},
        "pass": ["We apologize for the wait, Anna.", "So sorry about that!"],
        "fail": ["Please DM us your order number."],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {
        "phrases": list(
            dict.fromkeys(
                [
                    *options.get("phrases", []),
                    *_lexicons.phrases(options.get("builtin", []), environment.language),
                ]
            )
        ),
        "case_sensitive": options.get("case_sensitive", False),
        "replies": options.get("replies", "every"),
    }


def problems(options: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    if "phrases" in options or "builtin" in options:
        return []
    return [((), "no phrases: give phrases, builtin (such as [apology]), or both")]


def terms(options: dict[str, Any]) -> TermGroup:
    return TermGroup(tuple(options["phrases"]), options["case_sensitive"])


def report(options: dict[str, Any]) -> Reporter:
    listed = ", ".join(f"'{p}'" for p in options["phrases"][:3])
    missing = [Hit(0, 0, suggestion=say("add a phrase such as {phrases}", phrases=listed))]
    first_only = options.get("replies") == "first"

    def reported(matches: list[Any], context: Any) -> list[Hit]:
        if matches or (first_only and context.metric == "next_response"):
            return []
        return missing

    return reported
