"""Don't bounce a customer between departments: at most a few transfers per conversation.

Being passed from one department to another is a top frustration; "someone competent will
contact you" may be said once. Zendesk counts the group and assignee "stations" of a ticket.
The rule counts changes of department between the messages that name one.
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
            "minimum": 0,
            "default": 1,
            "description": "Changes of department allowed in one conversation.",
        },
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["max"],
    "properties": {"max": {"type": "integer", "minimum": 0}},
}

EXAMPLES = [
    {
        "options": {"max": 1},
        "pass": [
            [
                ("customer", "09:00", "My refund is missing.", "sales"),
                ("agent", "09:05", "Passing you to billing.", "sales"),
                ("agent", "09:20", "Your refund left today.", "billing"),
            ],
        ],
        "fail": [
            [
                ("customer", "09:00", "My refund is missing.", "sales"),
                ("agent", "09:05", "Passing you to billing.", "sales"),
                ("agent", "09:20", "This is for returns.", "billing"),
                ("agent", "10:00", "Returns here: back to sales.", "returns"),
            ],
        ],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {"max": options.get("max", 1)}


def compile(options: dict[str, Any]) -> ConversationMatcher:
    limit = options["max"]

    def check(messages: Sequence[Message], thread: Thread) -> list[MessageHit]:
        changes, current = 0, None
        for index, message in enumerate(messages):
            department = message.department
            if not department or department == current:
                continue
            if current is not None:
                changes += 1
                if changes == limit + 1:
                    return [
                        MessageHit(
                            index,
                            say(
                                "transferred {changes} times, to '{department}' (at most {limit})",
                                changes=changes,
                                department=department,
                                limit=limit,
                            ),
                            say("keep the customer with one department, or explain the transfer"),
                        )
                    ]
            current = department
        return []

    return check
