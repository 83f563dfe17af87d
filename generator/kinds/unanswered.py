"""A customer message left without an answer from a person, or answered past a band.

No second-class channels: every channel where the company is present gets answered. On a
public channel silence is worst of all, the "piranha effect": onlookers read a criticism
left unanswered as weakness and pile on, so the audit lists public complaints first. A wait
still running at the end of the log within the band is open, not yet due, and not reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.kinds import ConversationMatcher, Environment, Message, MessageHit, Thread
from generator.vocabulary import BANDS, METRICS
from generator.wording import Duration, say

SCOPE = "conversation"

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "band": {
            "enum": list(BANDS),
            "default": "unacceptable",
            "description": "A wait past this band counts as unanswered.",
        },
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["band", "seconds"],
    "properties": {
        "band": {"enum": list(BANDS)},
        "seconds": {
            "type": "object",
            "description": "By metric, seconds allowed by situation id ('*' for any other).",
            "propertyNames": {"enum": list(METRICS)},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": {"type": "integer", "minimum": 0},
            },
        },
    },
}

_TARGETS = {
    "first_response": {"unacceptable": {"*": 86400, "complaint": 14400}},
    "next_response": {"unacceptable": {"*": 14400}},
}

EXAMPLES = [
    {
        "options": {},
        "targets": _TARGETS,
        "pass": [
            [("customer", "09:00", "Where is my order?"), ("agent", "09:20", "It ships today.")],
            [("agent", "09:00", "Your order has shipped."), ("customer", "09:05", "Thanks!")],
        ],
        "fail": [
            [
                ("customer", "09:00", "Where is my order?"),
                ("agent", "09:20", "Let me check."),
                ("customer", "09:25", "Any news?"),
                ("handoff", "10:00", "A colleague will be with you shortly."),
            ],
        ],
    },
    {
        "options": {},
        "targets": _TARGETS,
        "situation": "complaint",
        "public": True,
        "pass": [[("customer", "09:00", "Broken lamp!"), ("agent", "12:59", "I'm so sorry.")]],
        "fail": [[("customer", "09:00", "Broken lamp!"), ("agent", "13:01", "I'm so sorry.")]],
    },
]


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    band = options.get("band", "unacceptable")
    seconds = {
        metric: dict(sorted(bands[band].items()))
        for metric, bands in sorted(environment.targets.items())
        if band in bands
    }
    return {"band": band, "seconds": seconds}


def compile(options: dict[str, Any]) -> ConversationMatcher:
    band, seconds = options["band"], options["seconds"]

    def check(messages: Sequence[Message], thread: Thread) -> list[MessageHit]:
        hits = []
        for wait in thread.waits:
            limits = seconds.get(wait.metric, {})
            limit = limits.get(thread.situation or "*", limits.get("*"))
            late = limit is not None and wait.business > limit
            if wait.end is None and (late or limit is None):
                hits.append(
                    MessageHit(
                        wait.start,
                        say(
                            "no answer in the public conversation after {waited}"
                            if thread.public
                            else "no answer in the conversation after {waited}",
                            waited=Duration(wait.business),
                        ),
                        say("answer it now, even if only to say when you will know more"),
                    )
                )
            elif wait.end is not None and late:
                hits.append(
                    MessageHit(
                        wait.start,
                        say(
                            "answered after {waited}, past the {band} time of {limit}",
                            waited=Duration(wait.business),
                            band=say(band),
                            limit=Duration(limit or 0),
                        ),
                        say("answer sooner, complaints first"),
                    )
                )
        return hits

    return check
