"""The audit of one conversation: a pure function of its messages and the resolved rules.

Nothing here reads files or prints: `audit_conversation` takes the messages in time order
and a channel's `ChannelRules`, and returns the waits, each in its band, and the findings,
so the same function can run on one machine or spread over many.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.audit.clock import Clock
from generator.checking import Checker
from generator.checking.situations import GIVEN
from generator.kinds import Message, MessageHit, Thread, Wait
from generator.kinds._waits import waits
from generator.schemas.audit import WAIT_BANDS
from generator.vocabulary import BANDS, METRICS
from generator.wording import translate

OPEN = WAIT_BANDS[-1]  # a wait still running at the end of the log, not yet past its band


@dataclass(frozen=True)
class ChannelRules:
    """What auditing a conversation on a channel needs, resolved once per channel."""

    channel: str
    public: bool
    clock: Clock
    checker: Checker
    reopen_after: float | None = 86400.0
    # metric -> situation ("*" for any) -> band -> seconds
    targets: Mapping[str, Mapping[str, Mapping[str, int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, checker: Checker, channel: str, reopen_after: float | None) -> ChannelRules:
        settings = checker.settings(channel)
        targets = {
            metric: {s: dict(b) for s, b in bands.items() if b}
            for metric, bands in (settings.get("response_times") or {}).items()
        }
        return cls(
            channel,
            bool(settings.get("public")),
            Clock(settings.get("business_hours")),
            checker,
            reopen_after,
            targets,
        )

    def band(self, wait: Wait, situation: str | None) -> str:
        bands = self.targets.get(wait.metric, {})
        limits = bands.get(situation or "*") or bands.get("*")
        if not limits:
            return OPEN if wait.end is None else BANDS[0]
        if wait.end is None and wait.business <= limits["acceptable"]:
            return OPEN
        if wait.business <= limits["target"]:
            return "target"
        return "acceptable" if wait.business <= limits["acceptable"] else "unacceptable"


@dataclass(frozen=True)
class Measured:
    """A wait with its band; `out_of_hours` when the reply came while the channel was closed."""

    metric: str
    start: int
    end: int | None
    business: int
    calendar: int
    band: str
    out_of_hours: bool = False


@dataclass(frozen=True)
class AuditFinding:
    rule: str
    kind: str
    severity: str
    message: str
    index: int  # of the message in the conversation, in time order
    time: float
    link: str
    suggestion: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class ConversationAudit:
    id: str
    channel: str
    situation: str | None
    public: bool
    messages: int
    waits: tuple[Measured, ...]
    findings: tuple[AuditFinding, ...]
    replies: tuple[tuple[str | None, int], ...] = ()  # agent messages by author

    def first_response(self) -> Measured | None:
        return next((w for w in self.waits if w.metric == METRICS[0]), None)


def audit_conversation(
    conversation: str,
    messages: Sequence[Message],
    rules: ChannelRules,
    *,
    situation: str | None,
    end: float,
    log_hits: Sequence[tuple[Mapping[str, Any], MessageHit]] = (),
) -> ConversationAudit:
    """Audit a conversation whose messages are in time order; `situation` None detects it from
    the first customer message; `end` is when the log ends; `log_hits` are the findings of
    log-scope rules (repeated replies) on this conversation's messages."""
    checker, clock = rules.checker, rules.clock
    # A situation from the log is given; a detected one applies scoped rules only at their
    # situation_confidence.
    confidence = GIVEN
    if situation is None:
        first = next((m.text for m in messages if m.role == "customer"), None)
        situation, confidence = checker.situation_of(first) if first else (None, GIVEN)
    found = waits(messages, clock.elapsed, end, rules.reopen_after)
    measured = tuple(
        Measured(
            w.metric,
            w.start,
            w.end,
            w.business,
            w.calendar,
            rules.band(w, situation),
            w.end is not None and not clock.always and not clock.is_open(messages[w.end].time),
        )
        for w in found
    )
    findings: list[AuditFinding] = []
    thread = Thread(situation, rules.public, found, end, clock.elapsed)
    for rule, check in checker.conversation_rules(rules.channel, situation, confidence=confidence):
        findings += (_finding(rule, hit, messages, checker) for hit in check(messages, thread))
    findings += (_finding(rule, hit, messages, checker) for rule, hit in log_hits)
    answering = {w.end: w for w in found if w.end is not None}
    answered: list[str] = []  # the customer's messages since the last agent message
    replied, current, certainty = False, situation, confidence
    for index, message in enumerate(messages):
        if message.role == "customer":
            answered.append(message.text)
        if message.role != "agent":
            continue
        wait = answering.get(index)
        # The first reply answers what set the conversation's situation; a later one is
        # checked in the situation of the customer's messages it answers ("thanks, it works
        # now" needs no apology), as the false-alarm benchmark checks a reply to a tweet.
        if replied and answered:
            current, certainty = checker.situation_of("\n".join(answered))
        answered, replied = [], True
        for f in checker.check(
            message.text,
            channel=rules.channel,
            situation=current,
            waited=wait.business if wait else None,
            metric=wait.metric if wait else METRICS[0],
            confidence=certainty,
        ):
            findings.append(
                AuditFinding(
                    f.rule,
                    f.kind,
                    f.severity,
                    f.message,
                    index,
                    message.time,
                    f.link,
                    f.suggestion,
                    message.author,
                )
            )
    findings.sort(key=lambda f: (f.index, f.rule))
    return ConversationAudit(
        conversation,
        rules.channel,
        situation,
        rules.public,
        len(messages),
        measured,
        tuple(findings),
        tuple(sorted(Counter(m.author for m in messages if m.role == "agent").items(), key=str)),
    )


def _finding(
    rule: Mapping[str, Any], hit: MessageHit, messages: Sequence[Message], checker: Checker
) -> AuditFinding:
    message = rule["message"]
    if hit.message:
        message = f"{message.rstrip('.')}: {translate(hit.message, checker.language)}."
    return AuditFinding(
        rule["id"],
        rule["kind"],
        rule["severity"],
        message,
        hit.index,
        messages[hit.index].time,
        checker.link(rule["link"]),
        translate(hit.suggestion, checker.language),
        messages[hit.index].author,
    )
