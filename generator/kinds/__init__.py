"""The registry of rule kinds: one module per kind, found by name, from which all else derives.

A kind module has a docstring (first line: summary; the rest: rationale), `OPTIONS` (a JSON
Schema fragment for its options), `EXPORTED` (the schema of its options once normalised),
`EXAMPLES` (options with texts that pass and fail),
`normalise(options, environment)` (the options as exported, with nothing left implicit),
`compile(normalised)` (a matcher over a reply) and, optionally, `SCOPE` ("reply", the
default; "conversation" for a check over one conversation's messages, whose examples are
short conversations; "log" for a check across the conversations of a log) and
`problems(options)` (checks of meaning that a schema cannot express, as (path, message)
pairs).

A kind that looks for terms gives, instead of `compile`, `terms(normalised)` (the TermGroup to
find) and `report(normalised)` (from the matches found to the hits), so that the checker can
find the terms of every rule of a channel in one pass over the reply; `REPORTS_MISSING =
True` says that it reports also when none of its terms is found. A term kind that reports
every match alike, and nothing else, gives `each(normalised)` too: the hit of any match, its
span aside, from which the checker makes the findings of a reply's matches without calling
`report`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, NamedTuple

from generator.text.matching import Match, TermGroup, TermMatcher


@dataclass(frozen=True)
class Context:
    """What the checker knows about a reply besides its text."""

    situation: str | None = None
    waited: int | None = None  # seconds the customer waited for this reply
    metric: str = "first_response"


class Hit(NamedTuple):
    """Where a rule is broken: a span of the reply (empty when the reply lacks something).

    A named tuple, immutable and cheap to make: a reply can break rules many times over."""

    start: int
    end: int
    message: str | None = None  # replaces the rule's message when the kind knows better
    suggestion: str | None = None
    fix: str | None = None  # the text that replaces the span, when the fix is unambiguous


@dataclass(frozen=True)
class Environment:
    """What normalising a rule may look up: the playbook's language and the channel's targets."""

    language: str = "en"
    # metric -> band -> situation ("*" for any) -> seconds
    targets: Mapping[str, Mapping[str, Mapping[str, int]]] = field(default_factory=dict)


Matcher = Callable[[str, Context], Iterable[Hit]]
#: What a term kind makes of the matches of its terms in a reply.
Reporter = Callable[[list[Match], Context], list[Hit]]

SCOPES = ("reply", "conversation", "log")
ROLES = ("customer", "agent", "bot", "note")


@dataclass(frozen=True)
class Message:
    """One message of a conversation, as conversation-scope kinds see it."""

    role: str  # customer, agent, bot or note
    text: str
    time: float = 0.0  # seconds since the epoch
    author: str | None = None
    department: str | None = None
    handoff: bool = False  # the bot hands the conversation to a person here


@dataclass(frozen=True)
class Wait:
    """A customer waiting for a person: from message `start` to the reply at `end` (None: none
    by the end of the log), in business and calendar seconds."""

    metric: str  # first_response or next_response
    start: int
    end: int | None
    business: int
    calendar: int


@dataclass(frozen=True)
class Thread:
    """What a conversation-scope check knows besides the messages."""

    situation: str | None = None
    public: bool = False
    waits: tuple[Wait, ...] = ()
    end: float = 0.0  # the time the log ends
    # business seconds between two times; calendar seconds unless the channel has hours
    elapsed: Callable[[float, float], int] = field(default=lambda a, b: int(b - a))


@dataclass(frozen=True)
class MessageHit:
    """Where a conversation breaks a rule: the index of the message (in a log-scope check, of
    the conversation too)."""

    index: int
    message: str | None = None
    suggestion: str | None = None
    conversation: int = 0


ConversationMatcher = Callable[[Sequence[Message], Thread], Iterable[MessageHit]]
#: Over (conversation index, message index, text) of every agent message of a log.
LogMatcher = Callable[[Iterable[tuple[int, int, str]]], Iterable[MessageHit]]


@dataclass(frozen=True)
class Example:
    options: dict[str, Any]
    text: str
    passes: bool
    situation: str | None = None
    waited: int | None = None
    targets: Mapping[str, Mapping[str, Mapping[str, int]]] = field(default_factory=dict)
    conversations: tuple[tuple[Message, ...], ...] = ()  # the example, when not a reply
    public: bool = False


@dataclass(frozen=True)
class RuleKind:
    name: str
    summary: str
    rationale: str
    options_schema: dict[str, Any]
    exported_schema: dict[str, Any]
    examples: tuple[Example, ...]
    normalise: Callable[[dict[str, Any], Environment], dict[str, Any]]
    compile: Callable[[dict[str, Any]], Matcher]
    problems: Callable[[dict[str, Any]], list[tuple[tuple[str | int, ...], str]]]
    applies_to_templates: bool = True
    terms: Callable[[dict[str, Any]], TermGroup] | None = None
    report: Callable[[dict[str, Any]], Reporter] | None = None
    reports_missing: bool = False
    scope: str = "reply"
    each: Callable[[dict[str, Any]], Hit] | None = None


def _term_compile(module: ModuleType) -> Callable[[dict[str, Any]], Matcher]:
    """A term kind's matcher on its own, for a rule checked outside a channel's one pass."""

    def compile(options: dict[str, Any]) -> Matcher:
        group, report = module.terms(options), module.report(options)
        matcher = TermMatcher(
            group.terms, case_sensitive=group.case_sensitive, exceptions=group.exceptions
        )
        return lambda text, context: report(list(matcher.finditer(text)), context)

    return compile


#: Examples of conversation kinds happen on Monday 2 March 2026 (UTC), written "HH:MM".
EXAMPLE_DAY = 1772409600


def example_conversation(turns: Sequence[Sequence[str]]) -> tuple[Message, ...]:
    """A conversation written as (role, "HH:MM", text[, department]) turns; the role "handoff"
    is a bot message that hands over to a person."""
    messages = []
    for role, clock, text, *department in turns:
        hours, minutes = clock.split(":")
        messages.append(
            Message(
                "bot" if role == "handoff" else role,
                text,
                EXAMPLE_DAY + int(hours) * 3600 + int(minutes) * 60,
                department=department[0] if department else None,
                handoff=role == "handoff",
            )
        )
    return tuple(messages)


def _example(case: Mapping[str, Any], verdict: str, item: Any, scope: str) -> Example:
    if scope == "reply":
        conversations: tuple[tuple[Message, ...], ...] = ()
    elif scope == "conversation":
        conversations = (example_conversation(item),)
    else:
        conversations = tuple(example_conversation(c) for c in item)
    return Example(
        options=case["options"],
        text=item if scope == "reply" else "",
        passes=verdict == "pass",
        situation=case.get("situation"),
        waited=case.get("waited"),
        targets=case.get("targets", {}),
        conversations=conversations,
        public=case.get("public", False),
    )


def _kind(module: ModuleType) -> RuleKind:
    name = module.__name__.rsplit(".", 1)[1]
    summary, _, rationale = (module.__doc__ or "").strip().partition("\n")
    scope = getattr(module, "SCOPE", "reply")
    examples = tuple(
        _example(case, verdict, item, scope)
        for case in module.EXAMPLES
        for verdict in ("pass", "fail")
        for item in case[verdict]
    )
    return RuleKind(
        name=name,
        summary=summary.strip(),
        rationale=" ".join(rationale.split()),
        options_schema=module.OPTIONS,
        exported_schema=module.EXPORTED,
        examples=examples,
        normalise=module.normalise,
        compile=getattr(module, "compile", None) or _term_compile(module),
        problems=getattr(module, "problems", lambda options: []),
        applies_to_templates=scope == "reply" and getattr(module, "APPLIES_TO_TEMPLATES", True),
        scope=scope,
        terms=getattr(module, "terms", None),
        report=getattr(module, "report", None),
        reports_missing=getattr(module, "REPORTS_MISSING", False),
        each=getattr(module, "each", None),
    )


def _discover() -> dict[str, RuleKind]:
    kinds = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            kinds[info.name] = _kind(importlib.import_module(f"{__name__}.{info.name}"))
    return kinds


KINDS: dict[str, RuleKind] = _discover()
