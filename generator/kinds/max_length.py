"""A reply stays within a number of characters, words or sentences, counted as the channel does.

Messaging is not email: no email-length messages on WhatsApp, concise and clear. Characters
are what the customer sees: grapheme clusters (an emoji, or a letter with its accent, counts
one) of the reply without its surrounding white space. On X a link counts as 23 characters
whatever its length (`url_length: 23`) and the @mentions that open a reply are not counted
(`leading_mentions: false`). Words are runs of non-space characters; a sentence ends with ., !,
?, or … followed by white space or the end, and what follows the last one is a sentence only
if it has three words besides a signature (^GM, *Dan, Robbie), links and thread markers; a
full stop after a single letter (U.S.) or an abbreviation (Mr., etc.) ends no sentence.
Where a channel forbids threads (`threads: false`), a thread marker such as "1/2" at the
start or end of the reply is reported: the answer was split to get round the limit.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from generator.kinds import Context, Environment, Hit, Matcher
from generator.wording import say

LIMIT = {"type": "integer", "minimum": 1}
UNITS = ("characters", "words", "sentences")
COUNTING = {
    "url_length": {
        "type": "integer",
        "minimum": 1,
        "description": "A link counts as this many characters, whatever its length (X: 23).",
    },
    "leading_mentions": {
        "type": "boolean",
        "default": True,
        "description": "Count the @mentions that open the reply (X does not: false).",
    },
    "threads": {
        "type": "boolean",
        "default": True,
        "description": "false: a thread marker such as 1/2 is reported as a split reply.",
    },
}

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {**{unit: LIMIT for unit in UNITS}, **COUNTING},
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": list(UNITS),
    "properties": {
        **{unit: {"type": ["integer", "null"], "minimum": 1} for unit in UNITS},
        "counting": {"const": "graphemes"},
        "url_length": {"type": ["integer", "null"], "minimum": 1},
        "leading_mentions": {"type": "boolean"},
        "threads": {"type": "boolean"},
    },
}

EXAMPLES = [
    {
        "options": {"characters": 40},
        "pass": [
            "Your order ships today.",
            "Perché no? Arriva domani, l'ordine.",
            "Thanks 👍🏽👍🏽👍🏽 your order ships today, Zoë!",
        ],
        "fail": ["Your order ships today and should arrive within two days."],
    },
    {
        "options": {"words": 5, "sentences": 2},
        "pass": ["Thanks! It ships today."],
        "fail": ["Thanks! It ships today. Tracking follows.", "It ships today from our warehouse."],
    },
    {
        "options": {"sentences": 2},
        "pass": ["Hi Anna. It ships today. ^GM", "It ships to the U.S. today. Thanks, Mr. Lee!"],
        "fail": ["Hi Anna. It ships today. Tracking follows by email. ^GM"],
    },
    {
        "options": {"characters": 60, "url_length": 23, "leading_mentions": False},
        "pass": [
            "@anna @velluto_help Track it here: "
            "https://www.example.com/orders/4411/tracking?lang=en&utm_source=x",
        ],
        "fail": ["@anna Your order ships today and should arrive within two days, Anna."],
    },
    {
        "options": {"characters": 280, "threads": False},
        "pass": ["Your order ships on 1/12 and arrives on 3/12."],
        "fail": ["1/2 Your order ships today.", "Your order ships today. (2/2)"],
    },
]

_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")
_WORD_BEFORE = re.compile(r"(\w+)$")
# A full stop after these, or after a single letter (U.S., J. Smith), ends no sentence.
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "vs", "no", "nr", "etc", "approx", "ca", "sig", "sigg", "tel"]
)


_SIGNATURE = re.compile(r"(?:https?://|www\.)\S+|@\w+|(?<!\w)[\^*~/-]\s?\w+|\d+/\d+")
_LETTERS = re.compile(r"[^\W\d_][\w'’]*")
_MENTIONS = re.compile(r"(?:@\w+\s*)+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_THREAD = re.compile(r"^\(?\d{1,2}/\d{1,2}\)?(?=\s)|(?<=\s)\(?\d{1,2}/\d{1,2}\)?$")


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {
        **{unit: options.get(unit) for unit in UNITS},
        "counting": "graphemes",
        "url_length": options.get("url_length"),
        "leading_mentions": options.get("leading_mentions", True),
        "threads": options.get("threads", True),
    }


@functools.cache
def _graphemes() -> Any:
    import regex

    return regex.compile(r"\X")


def _pieces(text: str, options: dict[str, Any]) -> list[tuple[int, int]]:
    """(start, weight) of what counts, in order: graphemes, and links at their fixed length."""
    start = 0
    if not options.get("leading_mentions", True) and (lead := _MENTIONS.match(text)):
        start = lead.end()
    url_length: int = options.get("url_length") or 0
    links = list(_URL.finditer(text, start)) if url_length else []
    pieces: list[tuple[int, int]] = []
    position = start
    for link in [*links, None]:
        end = link.start() if link else len(text)
        pieces.extend((m.start(), 1) for m in _graphemes().finditer(text, position, end))
        if link:
            pieces.append((link.start(), url_length))
            position = link.end()
    return pieces


def compile(options: dict[str, Any]) -> Matcher:
    characters, words, sentences = (options.get(unit) for unit in UNITS)
    threads, url_length = options.get("threads", True), options.get("url_length")

    def check(text: str, context: Context) -> list[Hit]:
        stripped = text.strip()
        offset = len(text) - len(text.lstrip())
        hits = []
        # Graphemes are never more than code points: only a link counted long can add.
        if characters and (len(stripped) > characters or (url_length and _URL.search(stripped))):
            total, at = 0, None
            for start, weight in _pieces(stripped, options):
                total += weight
                if at is None and total > characters:
                    at = start
            if at is not None:
                hits.append(
                    _over(offset + at, offset + len(stripped), total, characters, "characters")
                )
        if not threads and (marker := _THREAD.search(stripped)):
            hits.append(
                Hit(
                    offset + marker.start(),
                    offset + marker.end(),
                    message=say("a reply split into a thread, which this channel does not allow"),
                    suggestion=say("write one reply that fits, or answer in a private message"),
                )
            )
        if words and len(stripped) > words and (count := len(stripped.split())) > words:
            start = next(m for i, m in enumerate(_WORD.finditer(text)) if i == words).start()
            hits.append(_over(start, offset + len(stripped), count, words, "words"))
        if sentences and sum(map(stripped.count, ".!?…")) >= sentences:
            ends = [
                m.end()
                for m in _SENTENCE_END.finditer(stripped)
                if not _abbreviation(stripped, m.start(), m.group())
            ]
            count = len(ends) + (1 if not ends or _is_sentence(stripped[ends[-1] :]) else 0)
            if count > sentences:
                start = ends[sentences - 1]
                start += len(stripped[start:]) - len(stripped[start:].lstrip())
                hits.append(
                    _over(offset + start, offset + len(stripped), count, sentences, "sentences")
                )
        return hits

    return check


def _abbreviation(text: str, at: int, punctuation: str) -> bool:
    word = _WORD_BEFORE.search(text[max(at - 12, 0) : at])
    if punctuation != "." or word is None:
        return False
    return (len(word.group()) == 1 and word.group().isalpha()) or (
        word.group().casefold() in _ABBREVIATIONS
    )


def _is_sentence(tail: str) -> bool:
    """Whether what follows the last full stop is a sentence: three words or more, not
    counting a signature (^GM, *Dan, -JB, Robbie), links and thread markers."""
    return len(_LETTERS.findall(_SIGNATURE.sub(" ", tail))) >= 3


def _over(start: int, end: int, count: int, limit: int, unit: str) -> Hit:
    return Hit(
        start,
        end,
        message=say(
            "{count} {unit}, over the limit of {limit}", count=count, unit=say(unit), limit=limit
        ),
        suggestion=say("shorten the reply to at most {limit} {unit}", limit=limit, unit=say(unit)),
    )
