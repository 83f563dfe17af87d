"""The register a channel asks for: no slang in English, "tu" or "Lei" as required in Italian.

Customers prefer a fairly formal register when something went wrong, and an informal tone
used to refuse a request hurts satisfaction (Software Advice study). The markers of informal
register for each language ship with playbook in `rules/register.json`; a playbook can add
its own and allow some. In Italian the address is told from the words themselves: pronouns
and possessives (tu, ti, tuo, tua), second-person verbs (puoi, devi, hai, riceverai,
dovresti), imperatives (controlla, accedi) and imperatives or infinitives with clitics
(scrivimi, contattaci, scusaci, aiutarti). `address: formal` (the default) reports the tu
forms; `address: informal`, for a channel that speaks tu, reports the Lei forms instead;
`address: any` checks only the markers. Limit the rule to the situations where it applies.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from generator.kinds import Context, Environment, Hit, Matcher
from generator.kinds._terms import TERM
from generator.text.matching import TermMatcher
from generator.text.patterns import compile_linear
from generator.wording import say

# Where a clause starts: an imperative here cannot be a third person ("Verifica la linea").
_CLAUSE_START = r"(?:^|[.!?:;,]\s*|\n|\b(?:e|poi|quindi|ora|pure)\s+)"

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
        "address": {
            "enum": ["formal", "informal", "any"],
            "default": "formal",
            "description": "The address the channel requires, where the language has two "
            "(Italian): formal reports tu forms, informal reports Lei forms, any neither.",
        },
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
        "address": {
            "type": ["object", "null"],
            "description": "The forms of the address that is not allowed (see rules/register.json)",
            "additionalProperties": False,
            "required": ["report", "words", "clause_start", "patterns", "except", "suggestion"],
            "properties": {
                "report": {"enum": ["formal", "informal"]},
                "words": {"type": "array", "items": {"type": "string"}},
                "clause_start": {"type": "array", "items": {"type": "string"}},
                "patterns": {"type": "array", "items": {"type": "string"}},
                "except": {"type": "array", "items": {"type": "string"}},
                "case_sensitive_patterns": {"type": "boolean"},
                "suggestion": {"type": "string"},
            },
        },
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
def _data() -> dict[str, Any]:
    from generator.resources import RULES  # on first use: importlib.resources is slow to load

    data: dict[str, Any] = json.loads((RULES / "register.json").read_text("utf-8"))
    return data


def address_forms(language: str, report: str) -> dict[str, Any] | None:
    """The built-in forms of an address ("informal" or "formal") in a language, if any."""
    forms = _data().get("address", {}).get(language, {}).get(report)
    return {"report": report, **forms} if forms else None


@cache
def builtin_markers() -> dict[str, dict[str, str | None]]:
    """Language -> informal marker -> formal replacement (or None)."""
    markers: dict[str, dict[str, str | None]] = _data()["markers"]
    return markers


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    markers: dict[str, str | None] = {}
    address = options.get("address", "formal")
    reported = {"formal": "informal", "informal": "formal"}.get(address)
    forms = address_forms(environment.language, reported) if reported else None
    # A channel that speaks tu keeps the built-in markers only where they are not tu forms.
    if options.get("builtin", True) and not (address == "informal" and forms):
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
        "address": forms,
    }


def _in_abbreviation(text: str, start: int, end: int) -> bool:
    """A marker that is one letter of an abbreviation: the "U" of "U.S." is not "you"."""
    after = text[end : end + 2]
    before = text[max(start - 2, 0) : start]
    return (len(after) == 2 and after[0] == "." and after[1].isalpha()) or (
        len(before) == 2 and before[1] == "." and before[0].isalpha()
    )


def compile(options: dict[str, Any]) -> Matcher:
    markers = options["markers"]
    matcher = TermMatcher([m["term"] for m in markers])
    suggestions = [
        say("write '{replacement}' instead", replacement=m["replacement"])
        if m["replacement"]
        else say("leave it out")
        for m in markers
    ]

    address = _address(options.get("address"))

    def check(text: str, context: Context) -> list[Hit]:
        hits = [
            Hit(m.start, m.end, suggestion=suggestions[m.term])
            for m in matcher.finditer(text)
            if not _in_abbreviation(text, m.start, m.end)
        ]
        hits.extend(address(text))
        hits.sort(key=lambda h: (h.start, -h.end))
        kept: list[Hit] = []
        for hit in hits:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return kept

    return check


def _address(forms: dict[str, Any] | None) -> Any:
    """A finder of the forms of the address that is not allowed."""
    if not forms:
        return lambda text: []
    sensitive = forms.get("case_sensitive_patterns", False)
    words = TermMatcher(forms["words"], case_sensitive=forms["report"] == "formal")
    starts = (
        compile_linear(_CLAUSE_START + "(" + "|".join(forms["clause_start"]) + r")\b")
        if forms["clause_start"]
        else None
    )
    patterns = [compile_linear(p, case_sensitive=sensitive) for p in forms["patterns"]]
    excluded = {e.casefold() for e in forms["except"]}
    suggestion = say(forms["suggestion"])

    def find(text: str) -> list[Hit]:
        spans = [(m.start, m.end) for m in words.finditer(text)]
        if starts is not None:
            spans.extend(m.span(1) for m in starts.finditer(text))
        for pattern in patterns:
            spans.extend(m.span() for m in pattern.finditer(text))
        return [
            Hit(start, end, suggestion=suggestion)
            for start, end in spans
            if text[start:end].casefold() not in excluded
        ]

    return find
