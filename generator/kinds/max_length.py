"""A reply stays within a number of characters, words or sentences.

Messaging is not email: no email-length messages on WhatsApp, concise and clear. Characters
are Unicode code points of the reply without its surrounding white space; words are runs of
non-space characters; a sentence ends with ., !, ?, or … followed by white space or the end.
"""

from __future__ import annotations

import re
from typing import Any

from generator.kinds import Context, Environment, Hit, Matcher

LIMIT = {"type": "integer", "minimum": 1}
UNITS = ("characters", "words", "sentences")

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {unit: LIMIT for unit in UNITS},
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": list(UNITS),
    "properties": {unit: {"type": ["integer", "null"], "minimum": 1} for unit in UNITS},
}

EXAMPLES = [
    {
        "options": {"characters": 40},
        "pass": ["Your order ships today.", "Perché no? Arriva domani, l'ordine."],
        "fail": ["Your order ships today and should arrive within two days."],
    },
    {
        "options": {"words": 5, "sentences": 2},
        "pass": ["Thanks! It ships today."],
        "fail": ["Thanks! It ships today. Tracking follows.", "It ships today from our warehouse."],
    },
]

_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {unit: options.get(unit) for unit in UNITS}


def compile(options: dict[str, Any]) -> Matcher:
    characters, words, sentences = (options.get(unit) for unit in UNITS)

    def check(text: str, context: Context) -> list[Hit]:
        stripped = text.strip()
        offset = len(text) - len(text.lstrip())
        hits = []
        if characters and len(stripped) > characters:
            hits.append(
                _over(
                    offset + characters,
                    offset + len(stripped),
                    len(stripped),
                    characters,
                    "characters",
                )
            )
        if words and len(stripped) > words and (count := len(stripped.split())) > words:
            start = next(m for i, m in enumerate(_WORD.finditer(text)) if i == words).start()
            hits.append(_over(start, offset + len(stripped), count, words, "words"))
        if sentences and sum(map(stripped.count, ".!?…")) >= sentences:
            ends = [m.end() for m in _SENTENCE_END.finditer(stripped)]
            count = len(ends) + (1 if not ends or stripped[ends[-1] :].strip() else 0)
            if count > sentences:
                start = ends[sentences - 1]
                start += len(stripped[start:]) - len(stripped[start:].lstrip())
                hits.append(
                    _over(offset + start, offset + len(stripped), count, sentences, "sentences")
                )
        return hits

    return check


def _over(start: int, end: int, count: int, limit: int, unit: str) -> Hit:
    return Hit(
        start,
        end,
        message=f"{count} {unit}, over the limit of {limit}",
        suggestion=f"shorten the reply to at most {limit} {unit}",
    )
