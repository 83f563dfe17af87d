"""Patterns that must not appear in a reply, such as asking the customer to call or email.

Never make the customer repeat the question on another channel, and never force a channel
change for the company's convenience. Patterns are regular expressions in RE2 syntax, which
runs in linear time; a reply in which an `unless` pattern occurs (for example one about
sensitive data) is exempt.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import Context, Environment, Hit, Matcher, _lexicons
from generator.text.patterns import browser_problem, compile_linear, problem
from generator.wording import say

PATTERN = {"type": "string", "minLength": 1}

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "patterns": {"type": "array", "items": PATTERN, "minItems": 1},
        "builtin": _lexicons.option("patterns"),
        "case_sensitive": {"type": "boolean", "default": False},
        "unless": {
            "type": "array",
            "items": PATTERN,
            "description": "Patterns that exempt the whole reply when they occur in it.",
        },
        "suggestion": {"type": "string", "minLength": 1},
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["patterns", "unless", "case_sensitive", "syntax", "suggestion"],
    "properties": {
        "patterns": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "unless": {"type": "array", "items": {"type": "string"}},
        "case_sensitive": {"type": "boolean"},
        "syntax": {"const": "re2"},
        "suggestion": {"type": ["string", "null"]},
    },
}

EXAMPLES = [
    {
        "options": {
            "patterns": [r"\b(call|phone|ring)\s+(us|our\s+\w+)", r"\bsend\s+us\s+an\s+e-?mail"],
            "unless": [r"card\s+(number|details)"],
        },
        "pass": [
            "I've updated the address on your order.",
            "Please don't share your card details here: call us on the secure line.",
        ],
        "fail": ["Please call our hotline.", "Send us an email with the details."],
    },
    {
        "options": {"builtin": ["channel-switch", "private-message"]},
        "pass": [
            "They call us Southbest, and we love it.",
            "Please send us a DM with your order number and we'll check.",
            "I've asked the courier to call you before delivery.",
        ],
        "fail": [
            "Please give us a call on 0800 000 000.",
            "Send us a note via https://example.com/contact and we'll look into it.",
            "You can create a support ticket here: https://example.com/help",
            "Please reach out to our billing team for this.",
            "Send us a DM and we'll take a look.",
            "DM me and I'll sort it.",
        ],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    patterns, unless = _lexicons.patterns(options.get("builtin", []), environment.language)
    return {
        "patterns": list(dict.fromkeys([*options.get("patterns", []), *patterns])),
        "unless": list(dict.fromkeys([*options.get("unless", []), *unless])),
        "case_sensitive": options.get("case_sensitive", False),
        "syntax": "re2",
        "suggestion": options.get("suggestion"),
    }


def problems(options: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """Patterns that are invalid or cannot run in linear time (the built-in ones are tested)."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    if "patterns" not in options and "builtin" not in options:
        found.append(((), say("no patterns: give patterns, builtin ([channel-switch]), or both")))
    for field in ("patterns", "unless"):
        for i, pattern in enumerate(options.get(field, [])):
            if not isinstance(pattern, str):
                continue
            case_sensitive = options.get("case_sensitive", False) is True
            if reason := problem(pattern) or browser_problem(
                pattern, case_sensitive=case_sensitive
            ):
                found.append(((field, i), reason))
    return found


def _any(patterns: list[str], case_sensitive: bool):  # type: ignore[no-untyped-def]
    joined = "|".join(f"(?:{p})" for p in patterns)
    return compile_linear(joined, case_sensitive=case_sensitive) if patterns else None


def compile(options: dict[str, Any]) -> Matcher:
    patterns = _any(options["patterns"], options["case_sensitive"])
    unless = _any(options["unless"], options["case_sensitive"])
    suggestion = options["suggestion"]

    def check(text: str, context: Context) -> list[Hit]:
        hits = [Hit(m.start(), m.end(), suggestion=suggestion) for m in patterns.finditer(text)]
        if hits and unless is not None and unless.search(text):
            return []
        return hits

    return check
