"""Fixes as data: the text that replaces a span of a reply, and applying fixes to a reply."""

from __future__ import annotations

from collections.abc import Iterable


def keep_first_letter_case(found: str, replacement: str) -> str:
    """The replacement, capitalised when the text it replaces starts with a capital.

    "Money back" becomes "Refund", "money back" becomes "refund"; a replacement written with
    a capital ("WhatsApp") keeps it.
    """
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def apply_fixes(text: str, fixes: Iterable[tuple[int, int, str]]) -> str:
    """The text with each (start, end, new text) applied; a fix overlapping an earlier one
    is left out, so that every fix applied is one that was reported on this text."""
    pieces, position = [], 0
    for start, end, new in sorted(fixes):
        if start < position:
            continue
        pieces += [text[position:start], new]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
