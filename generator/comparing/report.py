"""A comparison as text, Markdown (also the site's "What changed" page) or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from generator.comparing import CATEGORIES, Change
from generator.wording import say, translate

CHANGE_FORMATS = ("text", "markdown", "json")
TITLES = {
    "channel": "Channels",
    "situation": "Situations",
    "rule": "Rules",
    "term": "Terms",
    "target": "Response-time targets",
    "limit": "Message limits",
    "template": "Templates",
}


def report_changes(
    changes: Sequence[Change], fmt: str, old: str, new: str, language: str = "en"
) -> str:
    """The changes in a format; text and Markdown in a language (the new version's)."""
    if fmt == "json":
        body = {"from": old, "to": new, "changes": [c.as_dict() for c in changes]}
        return json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if fmt == "markdown":
        return markdown(changes, old, new, language)
    if not changes:
        return translate(say("no changes from {old} to {new}", old=old, new=new), language) + "\n"
    return "".join(f"{line(c, language)}\n" for c in changes)


def line(change: Change, language: str = "en") -> str:
    """One change in a sentence: `changed rule no-call-us severity: warning -> error (chat)`."""
    text = translate(
        say(
            "{action} {category} {subject}",
            action=say(change.action),
            category=say(change.category),
            # A limit's subject is what it limits ("length"), a word; the others are ids.
            subject=say(change.subject) if change.category == "limit" else change.subject,
        ),
        language,
    )
    if change.action == "changed":
        text += translate(
            say(
                " {field}: {old} -> {new}",
                field=say(change.field) if change.field else change.field,
                old=value(change.old),
                new=value(change.new),
            ),
            language,
        )
    elif change.old is not None or change.new is not None:
        text += f": {value(change.new if change.action == 'added' else change.old)}"
    if change.channels:
        text += f" ({', '.join(change.channels)})"
    return text


def markdown(changes: Sequence[Change], old: str, new: str, language: str = "en") -> str:
    """The changes by section, for people: what agents must know after a release."""
    out = [translate(say("Changes from `{old}` to `{new}`.", old=old, new=new), language) + "\n"]
    if not changes:
        out.append("\n" + translate(say("Nothing changed."), language) + "\n")
    for category in CATEGORIES:
        items = [c for c in changes if c.category == category]
        if items:
            out.append(f"\n## {translate(say(TITLES[category]), language)}\n\n")
            out.extend(f"- {_escape(line(c, language))}\n" for c in items)
    return "".join(out)


def value(value: Any) -> str:
    """A value as a change shows it: text quoted (and cut when long), the rest as JSON."""
    if isinstance(value, str):
        return repr(value) if len(value) <= 80 else repr(value[:77] + "...")
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _escape(text: str) -> str:
    """Text from the guidelines shown as itself, never as Markdown or HTML."""
    for special in "\\`*_{}[]<()#+!|":
        text = text.replace(special, "\\" + special)
    return text
