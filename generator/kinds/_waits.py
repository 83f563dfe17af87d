"""How long customers waited for a person in a conversation, as leading helpdesks measure it.

Shared by the conversation-scope kinds and the audit, so both read the same waits:
- a wait starts with the oldest customer message not yet answered (messages in a row are one
  wait) and ends with the next message of an agent; bot messages and notes are not responses;
- a bot message marked as a handoff starts the wait for a person again from that moment; a
  bot's answer without one leaves the customer's wait to a person who joins before the
  conversation goes idle, and ends it otherwise (the bot answered: no wait by the log's end);
- the first wait of a segment is its first response, the others next responses; a customer
  message after `reopen_after` seconds of silence starts a new segment with its own first
  response; a conversation started by the company has no first response until the customer
  writes;
- a customer message that only thanks or acknowledges ("Thanks!", "ok, grazie") starts no wait.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from generator.kinds import Message, Wait

_THANKS = re.compile(
    r"(?i)^\W*(?:(?:ok(?:ay)?|great|perfect|perfetto|thanks?|thank you( so much| very much)?|thx|"
    r"cheers|grazie( mille)?|ottimo|va bene|bye|ciao)\b[\W\s]*)+(?:\w+\W*){0,3}$"
)


def thanks_only(text: str) -> bool:
    """A short message that only thanks or acknowledges ("Thanks, Anna!", "ok grazie"):
    nobody waits for an answer to it."""
    return len(text) <= 60 and "?" not in text and bool(_THANKS.match(text))


def waits(
    messages: Sequence[Message],
    elapsed: Callable[[float, float], int],
    end: float,
    reopen_after: float | None = None,
) -> tuple[Wait, ...]:
    """The waits of a conversation whose messages are in time order; `end` closes open ones."""
    found: list[Wait] = []
    start: int | None = None  # the message the customer has been waiting since
    held: int | None = None  # a wait a bot answered: a person's reply still ends it
    answered = False  # the segment has had its first response
    last: float | None = None

    def close(until: int | None, time: float) -> None:
        begun = messages[start].time if start is not None else time
        time = max(begun, time)
        metric = "next_response" if answered else "first_response"
        found.append(Wait(metric, start or 0, until, elapsed(begun, time), int(time - begun)))

    for index, message in enumerate(messages):
        role, time = message.role, message.time
        if role == "note":
            continue
        idle = last is not None and reopen_after is not None and time - last > reopen_after
        if idle:
            held = None  # the bot's answer stood: a person writing much later answers nothing
        if role == "customer":
            if start is None and not thanks_only(message.text):
                answered = answered and not idle
                start = index
            held = None
        elif role == "bot" and message.handoff:
            start, held = index, None
        elif role == "bot":
            if start is not None:
                start, held = None, start
        elif role == "agent":
            if start is None:
                start = held
            if start is not None:
                close(index, time)
                answered = True
            start, held = None, None
        last = time
    if start is not None:
        close(None, end)
    return tuple(found)
