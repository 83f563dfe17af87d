"""No nagging: at most a few agent messages in a row while the customer does not answer.

Let the customer set the pace: repeated reminders to someone who does not answer read as
pressure. Zendesk's messaging sends at most three reminders to an inactive customer. The
rule reports the first agent message past the limit in a run without a customer message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.kinds import ConversationMatcher, Environment, Message, MessageHit, Thread
from generator.wording import say

SCOPE = "conversation"

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "max": {
            "type": "integer",
            "minimum": 1,
            "default": 3,
            "description": "Agent messages allowed in a row without a customer answer.",
        },
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["max"],
    "properties": {"max": {"type": "integer", "minimum": 1}},
}

EXAMPLES = [
    {
        "options": {"max": 2},
        "pass": [
            [
                ("customer", "09:00", "Can I change my address?"),
                ("agent", "09:05", "Yes: which address?"),
                ("agent", "11:00", "Just checking: shall I update it?"),
                ("customer", "11:30", "Via Roma 1, please."),
                ("agent", "11:35", "Done."),
            ],
        ],
        "fail": [
            [
                ("customer", "09:00", "Can I change my address?"),
                ("agent", "09:05", "Yes: which address?"),
                ("agent", "11:00", "Just checking: shall I update it?"),
                ("note", "11:10", "Customer silent."),
                ("agent", "15:00", "Are you still there?"),
            ],
        ],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {"max": options.get("max", 3)}


def compile(options: dict[str, Any]) -> ConversationMatcher:
    limit = options["max"]

    def check(messages: Sequence[Message], thread: Thread) -> list[MessageHit]:
        hits, run = [], 0
        for index, message in enumerate(messages):
            if message.role == "customer":
                run = 0
            elif message.role == "agent":
                run += 1
                if run == limit + 1:
                    hits.append(
                        MessageHit(
                            index,
                            say(
                                "{run} agent messages in a row without an answer from the "
                                "customer (at most {limit})",
                                run=run,
                                limit=limit,
                            ),
                            say("wait for the customer to answer"),
                        )
                    )
        return hits

    return check
