"""A reply must contain at least one of a list of phrases, such as an apology in a complaint.

After an error, a refund or bonus alone satisfied 37% of customers; with an apology added,
74% (W.P. Carey School of Business, Arizona State University). Limit the rule to the
situations where the phrase belongs.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import Environment, Hit, Reporter
from generator.kinds._terms import CASE_SENSITIVE, TERMS
from generator.text.matching import TermGroup

REPORTS_MISSING = True

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["phrases"],
    "properties": {"phrases": TERMS, "case_sensitive": CASE_SENSITIVE},
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["phrases", "case_sensitive"],
    "properties": {
        "phrases": {"type": "array", "items": {"type": "string"}},
        "case_sensitive": {"type": "boolean"},
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
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {
        "phrases": list(options["phrases"]),
        "case_sensitive": options.get("case_sensitive", False),
    }


def terms(options: dict[str, Any]) -> TermGroup:
    return TermGroup(tuple(options["phrases"]), options["case_sensitive"])


def report(options: dict[str, Any]) -> Reporter:
    listed = ", ".join(f"'{p}'" for p in options["phrases"][:3])
    missing = [Hit(0, 0, suggestion=f"add a phrase such as {listed}")]
    return lambda matches, context: [] if matches else missing
