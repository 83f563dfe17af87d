"""Auditing a whole log: log-scope rules first, then each conversation, summarised as it goes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from generator.audit.conversation import ChannelRules, ConversationAudit, audit_conversation
from generator.audit.reading import Log
from generator.checking import Checker
from generator.kinds import ROLES, MessageHit

_AGENT = ROLES.index("agent")
LogHits = dict[int, list[tuple[Mapping[str, Any], MessageHit]]]


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
            for rule, hit in hits.get(record, ())
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


def log_scope_hits(log: Log, checker: Checker) -> LogHits:
    """Findings of the rules that look across conversations, by record, for each channel."""
    by_channel: dict[str, list[int]] = defaultdict(list)
    for record, (conversation, role) in enumerate(zip(log.conversation, log.role, strict=True)):
        if role == _AGENT:
            by_channel[log.channel[conversation]].append(record)
    hits: LogHits = defaultdict(list)
    for channel, records in sorted(by_channel.items()):
        for rule, check in checker.conversation_rules(channel, None, scope="log"):
            replies = ((log.conversation[r], r, log.text[r]) for r in records)
            for hit in check(replies):
                hits[hit.index].append((rule, hit))
    return hits
