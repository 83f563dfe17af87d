"""What changed between two versions of a playbook, for agents and for tools.

Both versions are compared as exports (the rules resolved per channel), so a guidelines
folder, an exported rules.json and a git revision compare alike. A change seen on several
channels is one change that lists them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

#: The order of the sections of a report, by what changed.
CATEGORIES = ("channel", "situation", "rule", "term", "target", "limit", "template")
_RULE_FIELDS = ("severity", "message", "situations", "options")
_TEMPLATE_FIELDS = ("title", "situation", "text", "placeholders")


@dataclass(frozen=True)
class Change:
    category: str  # one of CATEGORIES
    action: str  # added, removed or changed
    subject: str  # the id of what changed; for a target, metric/situation/band
    field: str | None = None  # for "changed": which field
    old: Any = None
    new: Any = None
    channels: tuple[str, ...] = ()  # the channels it concerns; () for the playbook as a whole

    def as_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "action": self.action,
            "subject": self.subject,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "channels": list(self.channels),
        }


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """The changes from one export to another, grouped across channels, in a stable order."""
    grouped: dict[tuple[Any, ...], tuple[Change, list[str]]] = {}
    for change in _changes(old, new):
        key: tuple[Any, ...] = (change.category, change.action, change.subject, change.field)
        key += (_key(change.old), _key(change.new))
        grouped.setdefault(key, (change, []))[1].extend(change.channels)
    changes = [
        Change(c.category, c.action, c.subject, c.field, c.old, c.new, tuple(channels))
        for c, channels in grouped.values()
    ]
    order = {name: index for index, name in enumerate(CATEGORIES)}
    return sorted(changes, key=lambda c: (order[c.category], c.subject, c.action, c.field or ""))


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    yield from _by_id("situation", old["situations"], new["situations"], ("name", "signals"), ())
    old_channels = {c["id"]: c for c in old["channels"]}
    new_channels = {c["id"]: c for c in new["channels"]}
    for channel_id in sorted(old_channels.keys() - new_channels.keys()):
        yield Change("channel", "removed", channel_id)
    for channel_id in sorted(new_channels.keys() - old_channels.keys()):
        yield Change("channel", "added", channel_id)
    for channel_id in sorted(old_channels.keys() & new_channels.keys()):
        before, after, where = old_channels[channel_id], new_channels[channel_id], (channel_id,)
        # A channel's limits are also its rule <channel>-message-length: reported as limits.
        derived = f"{channel_id}-message-length"
        for category in ("rule", "term"):
            yield from (
                change
                for change in _by_id(
                    category,
                    [r for r in _rules(old, before) if _category(r) == category],
                    [r for r in _rules(new, after) if _category(r) == category],
                    _RULE_FIELDS,
                    where,
                )
                if not (change.subject == derived and change.field == "options")
            )
        yield from _by_id(
            "template", before["templates"], after["templates"], _TEMPLATE_FIELDS, where
        )
        yield from _targets(before["response_times"], after["response_times"], where)
        for unit in sorted(set(before["limits"] or {}) | set(after["limits"] or {})):
            was, now = (before["limits"] or {}).get(unit), (after["limits"] or {}).get(unit)
            if was != now:
                yield Change("limit", "changed", "length", unit, was, now, where)


def _rules(document: Mapping[str, Any], channel: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """A channel's rules: the export writes each rule once and channels list their keys."""
    return [document["rules"][key] for key in channel["rules"]]


def _category(rule: Mapping[str, Any]) -> str:
    is_term = rule["kind"] in ("banned_term", "preferred_term") and rule["id"].startswith("term-")
    return "term" if is_term else "rule"


def _by_id(
    category: str,
    old: list[Mapping[str, Any]],
    new: list[Mapping[str, Any]],
    fields: tuple[str, ...],
    channels: tuple[str, ...],
) -> Iterator[Change]:
    before, after = {i["id"]: i for i in old}, {i["id"]: i for i in new}
    for subject in sorted(before.keys() - after.keys()):
        yield Change(category, "removed", subject, old=_summary(before[subject]), channels=channels)
    for subject in sorted(after.keys() - before.keys()):
        yield Change(category, "added", subject, new=_summary(after[subject]), channels=channels)
    for subject in sorted(before.keys() & after.keys()):
        for field in fields:
            was, now = before[subject].get(field), after[subject].get(field)
            if was != now:
                yield Change(category, "changed", subject, field, was, now, channels)


def _summary(item: Mapping[str, Any]) -> Any:
    """What a report shows of an item added or removed: its message, title or name."""
    for field in ("message", "title", "name"):
        if field in item:
            return item[field]
    return None


def _targets(
    old: Mapping[str, Any], new: Mapping[str, Any], channels: tuple[str, ...]
) -> Iterator[Change]:
    """Response-time bands, in seconds, by metric, situation ("*": any) and band."""

    def flat(times: Mapping[str, Any]) -> dict[str, int | None]:
        return {
            f"{metric}/{situation}/{band}": seconds
            for metric, situations in times.items()
            for situation, bands in situations.items()
            for band, seconds in bands.items()
        }

    before, after = flat(old), flat(new)
    for subject in sorted(before.keys() | after.keys()):
        was, now = before.get(subject), after.get(subject)
        if was != now:
            action = "added" if was is None else "removed" if now is None else "changed"
            yield Change("target", action, subject, "seconds", was, now, channels)
