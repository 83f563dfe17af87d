"""A customer who asks for a person reaches one: the bot stops answering, a person arrives.

Don't over-automate: 53% of people would rather switch to a competitor than risk not
reaching a real person. After a customer asks for a person ("operator", "human",
"operatore"), the rule reports a bot that keeps answering instead of handing over, and a
person who arrives later than the limit (counted in business hours), or never.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.kinds import ConversationMatcher, Environment, Message, MessageHit, Thread
from generator.kinds._terms import CASE_SENSITIVE, TERMS
from generator.text import durations
from generator.text.matching import TermMatcher
from generator.wording import Duration, say

SCOPE = "conversation"

_ASKS = [
    "operator",
    "human",
    "a person",
    "real person",
    "an agent",
    "someone real",
    "are you a bot",
    "operatore",
    "un operatore",
    "una persona",
    "sei un bot",
]

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "asks": {**TERMS, "description": "Phrases with which a customer asks for a person."},
        "case_sensitive": CASE_SENSITIVE,
        "within": {
            "type": "string",
            "pattern": durations.PATTERN,
            "default": "5m",
            "description": "How soon a person must write after the request.",
        },
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["asks", "case_sensitive", "within"],
    "properties": {
        "asks": {"type": "array", "items": {"type": "string"}},
        "case_sensitive": {"type": "boolean"},
        "within": {"type": "integer", "minimum": 0, "description": "Seconds."},
    },
}

EXAMPLES = [
    {
        "options": {"within": "10m"},
        "pass": [
            [
                ("customer", "09:00", "I want to talk to a human"),
                ("handoff", "09:00", "Connecting you to a colleague."),
                ("agent", "09:06", "Hi, I'm Giulia: how can I help?"),
            ],
            [("customer", "09:00", "Opening hours?"), ("bot", "09:00", "We open at 9.")],
        ],
        "fail": [
            [
                ("customer", "09:00", "Voglio parlare con un operatore"),
                ("bot", "09:00", "Posso aiutarti io! Scegli un'opzione."),
            ],
            [
                ("customer", "09:00", "Real person please"),
                ("handoff", "09:00", "Connecting you to a colleague."),
                ("agent", "09:30", "Hi, sorry for the wait."),
            ],
        ],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {
        "asks": list(options.get("asks", _ASKS)),
        "case_sensitive": options.get("case_sensitive", False),
        "within": durations.parse(options.get("within", "5m")),
    }


def compile(options: dict[str, Any]) -> ConversationMatcher:
    matcher = TermMatcher(options["asks"], case_sensitive=options["case_sensitive"])
    within = options["within"]

    def check(messages: Sequence[Message], thread: Thread) -> list[MessageHit]:
        asked: int | None = None
        for index, message in enumerate(messages):
            if message.role == "customer" and asked is None and matcher.search(message.text):
                asked = index
            elif asked is None or message.role in ("customer", "note"):
                continue
            elif message.role == "bot" and not message.handoff:
                return [
                    MessageHit(
                        index,
                        say("the bot kept answering after the customer asked for a person"),
                        say("hand the conversation over to a person"),
                    )
                ]
            elif message.role == "agent":
                waited = thread.elapsed(messages[asked].time, message.time)
                if waited <= within:
                    return []
                return [
                    MessageHit(
                        index,
                        say(
                            "a person arrived {waited} after the customer asked for "
                            "one (at most {within})",
                            waited=Duration(waited),
                            within=Duration(within),
                        ),
                        say("staff the handoff queue"),
                    )
                ]
        if asked is None:
            return []
        waited = thread.elapsed(messages[asked].time, max(messages[asked].time, thread.end))
        if waited <= within:
            return []
        return [
            MessageHit(
                asked,
                say(
                    "the customer asked for a person and nobody came in {waited}",
                    waited=Duration(waited),
                ),
                say("hand the conversation over to a person"),
            )
        ]

    return check
