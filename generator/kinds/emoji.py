"""At most a number of emoji in a reply (zero for none), for example none in complaints.

Emoji can warm up a chat, but they read as flippant when something went wrong: customers
prefer a fairly formal register for problems and refusals (Software Advice study). An emoji
is one pictographic character with its modifiers, skin tones and joiners, or a flag.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import Context, Environment, Hit, Matcher
from generator.text.patterns import compile_linear
from generator.wording import say

_PICTOGRAPH = (
    r"[\x{1F000}-\x{1FAFF}\x{2600}-\x{27BF}\x{2B00}-\x{2BFF}\x{2300}-\x{23FF}"
    r"\x{3030}\x{303D}\x{3297}\x{3299}\x{00A9}\x{00AE}\x{203C}\x{2049}"
    r"\x{2122}\x{2139}\x{24C2}\x{2934}\x{2935}]"
)
_MODIFIERS = r"[\x{FE0F}\x{20E3}\x{1F3FB}-\x{1F3FF}\x{E0020}-\x{E007F}]*"
#: One emoji, in RE2 syntax: a flag, or pictographs joined by zero-width joiners.
PATTERN = (
    rf"[\x{{1F1E6}}-\x{{1F1FF}}]{{2}}|{_PICTOGRAPH}{_MODIFIERS}"
    rf"(?:\x{{200D}}{_PICTOGRAPH}{_MODIFIERS})*"
)

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["max"],
    "properties": {"max": {"type": "integer", "minimum": 0, "description": "0 forbids emoji."}},
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["max", "pattern", "syntax"],
    "properties": {
        "max": {"type": "integer", "minimum": 0},
        "pattern": {"type": "string"},
        "syntax": {"const": "re2"},
    },
}

EXAMPLES = [
    {
        "options": {"max": 0},
        "pass": ["We're sorry about the delay.", "Caffè e cornetto."],
        "fail": ["We're sorry 😔", "Thanks 👍🏽"],
    },
    {
        "options": {"max": 1},
        "pass": ["Happy to help 😊", "Ciao! 👩‍💻"],
        "fail": ["Great news 🎉🎉", "Welcome 🇮🇹 😊"],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {"max": options["max"], "pattern": PATTERN, "syntax": "re2"}


def compile(options: dict[str, Any]) -> Matcher:
    pattern = compile_linear(options["pattern"], case_sensitive=True)
    limit = options["max"]
    message = None if limit == 0 else say("more than {limit} emoji", limit=limit)

    def check(text: str, context: Context) -> list[Hit]:
        if text.isascii():
            return []
        found = list(pattern.finditer(text))
        return [Hit(m.start(), m.end(), message=message) for m in found[limit:]]

    return check
