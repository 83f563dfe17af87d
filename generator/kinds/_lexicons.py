"""The built-in lexicons that any rule can name in its `builtin` option (`rules/lexicons.json`).

Phrase lexicons (apology, informal address) are lists of phrases matched as terms; pattern
lexicons (channel switch, private messages) are RE2 patterns with the `unless` patterns of
their exception (sensitive data). Each has its words in every shipped language.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any


@functools.cache
def lexicons() -> dict[str, Any]:
    from generator.resources import RULES  # on first use: importlib.resources is slow to load

    data: dict[str, Any] = json.loads((RULES / "lexicons.json").read_text(encoding="utf-8"))[
        "lexicons"
    ]
    return data


def names(kind: str) -> list[str]:
    """The lexicons of a type, "phrases" or "patterns"."""
    return sorted(name for name, lexicon in lexicons().items() if lexicon["type"] == kind)


def option(kind: str) -> dict[str, Any]:
    """The schema of a `builtin` option naming lexicons of a type."""
    listed = ", ".join(
        f"{n} ({lexicons()[n]['description'].rstrip('.').lower()})" for n in names(kind)
    )
    return {
        "type": "array",
        "items": {"enum": names(kind)},
        "uniqueItems": True,
        "description": f"Built-in lexicons to add, in the playbook's language: {listed}.",
    }


def phrases(chosen: Sequence[str], language: str) -> list[str]:
    return [p for name in chosen for p in lexicons()[name].get(language, [])]


def patterns(chosen: Sequence[str], language: str) -> tuple[list[str], list[str]]:
    """The patterns and unless patterns of the chosen lexicons in a language."""
    found: tuple[list[str], list[str]] = ([], [])
    for name in chosen:
        entry = lexicons()[name].get(language, {})
        found[0].extend(entry.get("patterns", []))
        found[1].extend(entry.get("unless", []))
    return found
