"""No unfilled placeholders such as {first_name} left in a reply.

Templates are starting points: a reply sent with "{first_name}" in it tells the customer
that nobody read it. Personal, named replies matter: 74% of customers miss a human
connection with companies. Templates themselves are not checked against this rule.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import Context, Environment, Hit, Matcher
from generator.text.patterns import compile_linear
from generator.wording import say

APPLIES_TO_TEMPLATES = False

#: Placeholder syntaxes, in RE2 syntax; {{name}} comes before {name} so it is taken whole.
STYLES = {
    "double_curly": r"\{\{\s*[\pL_][\pL\pN_.\-]*\s*\}\}",
    "curly": r"\{\s*[\pL_][\pL\pN_.\-]*\s*\}",
    "square": r"\[[\p{Lu}_][\p{Lu}\pN_ ]*\]",
}

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "styles": {
            "type": "array",
            "items": {"enum": list(STYLES)},
            "minItems": 1,
            "uniqueItems": True,
            "default": ["curly", "double_curly"],
            "description": "Placeholder syntaxes: {name}, {{name}}, [NAME].",
        }
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["pattern", "syntax", "case_sensitive"],
    "properties": {
        "pattern": {"type": "string"},
        "syntax": {"const": "re2"},
        "case_sensitive": {"const": True},
    },
}

EXAMPLES = [
    {
        "options": {},
        "pass": ["Hi Anna, your order 4411 ships today.", "Use the code SAVE10 :-}"],
        "fail": ["Hi {first_name}, your order ships today.", "Order {{ order_number }} is late."],
    },
    {
        "options": {"styles": ["square"]},
        "pass": ["See [the FAQ](https://example.com)."],
        "fail": ["Dear [CUSTOMER NAME],"],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    chosen = options.get("styles", ["curly", "double_curly"])
    pattern = "|".join(STYLES[style] for style in STYLES if style in chosen)
    return {"pattern": pattern, "syntax": "re2", "case_sensitive": True}


def compile(options: dict[str, Any]) -> Matcher:
    pattern = compile_linear(options["pattern"], case_sensitive=True)

    def check(text: str, context: Context) -> list[Hit]:
        if "{" not in text and "[" not in text:
            return []
        return [
            Hit(m.start(), m.end(), suggestion=say("replace it with the customer's details"))
            for m in pattern.finditer(text)
        ]

    return check
