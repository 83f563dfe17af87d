"""Auditing a whole log: log-scope rules first, then each conversation, summarised as it goes."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from generator.audit.conversation import ChannelRules, ConversationAudit, audit_conversation
from generator.audit.reading import Log
from generator.checking import Checker
from generator.kinds import ROLES, MessageHit

_AGENT = ROLES.index("agent")


def audit_log(
    log: Log,
    checker: Checker,
    *,
    reopen_after: Callable[[str], float | None],
    progress: Callable[[int], None] | None = None,
) -> Iterator[ConversationAudit]:
    """Each conversation's audit, in the order of their ids' first appearance in sorted
    time; `progress` is told how many messages each conversation had."""
    channels: dict[str, ChannelRules] = {}
    hits = log_scope_hits(log, checker)
    end = log.end
    for conversation, records, messages in log.conversations():
        channel = log.channel[conversation]
        rules = channels.get(channel)
        if rules is None:
            rules = channels[channel] = ChannelRules.of(checker, channel, reopen_after(channel))
        own = [
            (rule, MessageHit(position, hit.message, hit.suggestion))
            for position, record in enumerate(records)
            for rule, hit in hits.get(record)
        ]
        yield audit_conversation(
            log.ids[conversation],
            messages,
            rules,
            situation=log.situation[conversation],
            end=end,
            log_hits=own,
        )
        if progress:
            progress(len(messages))


class LogHits:
    """Findings of log-scope rules by record, compactly: a repeated reply may be most of a
    log's agent messages, so each record's first finding is a number in an array, the rare
    others are in a dictionary, and each distinct finding is kept once."""

    def __init__(self, records: int = 0) -> None:
        self._first = array("l", [-1]) * records
        self._others: dict[int, list[int]] = {}
        self._distinct: list[tuple[Mapping[str, Any], str | None, str | None]] = []
        self._ids: dict[tuple[str, str | None, str | None], int] = {}

    def add(self, record: int, rule: Mapping[str, Any], hit: MessageHit) -> None:
        key = (rule["id"], hit.message, hit.suggestion)
        number = self._ids.get(key)
        if number is None:
            number = self._ids[key] = len(self._distinct)
            self._distinct.append((rule, hit.message, hit.suggestion))
        if record >= len(self._first):
            self._first.extend([-1] * (record + 1 - len(self._first)))
        if self._first[record] < 0:
            self._first[record] = number
        else:
            self._others.setdefault(record, []).append(number)

    def get(self, record: int) -> list[tuple[Mapping[str, Any], MessageHit]]:
        if record >= len(self._first) or self._first[record] < 0:
            return []
        numbers = [self._first[record], *self._others.get(record, ())]
        return [
            (rule, MessageHit(0, message, suggestion))
            for rule, message, suggestion in (self._distinct[n] for n in numbers)
        ]


def log_scope_hits(log: Log, checker: Checker) -> LogHits:
    """Findings of the rules that look across conversations, by record, for each channel."""
    by_channel: dict[str, array[int]] = defaultdict(lambda: array("l"))
    for record, (conversation, role) in enumerate(zip(log.conversation, log.role, strict=True)):
        if role == _AGENT:
            by_channel[log.channel[conversation]].append(record)
    hits = LogHits(len(log))
    for channel, records in sorted(by_channel.items()):
        for rule, check in checker.conversation_rules(channel, None, scope="log"):
            replies = ((log.conversation[r], r, log.text[r]) for r in records)
            for hit in check(replies):
                hits.add(hit.index, rule, hit)
    return hits
