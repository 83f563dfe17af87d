"""The registry of rule kinds: one module per kind, found by name, from which all else derives.

A kind module has a docstring (first line: summary; the rest: rationale), `OPTIONS` (a JSON
Schema fragment for its options), `EXPORTED` (the schema of its options once normalised),
`EXAMPLES` (options with texts that pass and fail),
`normalise(options, environment)` (the options as exported, with nothing left implicit),
`compile(normalised)` (a matcher over a reply) and, optionally, `problems(options)` (checks
of meaning that a schema cannot express, as (path, message) pairs).

A kind that looks for terms gives, instead of `compile`, `terms(normalised)` (the TermGroup to
find) and `report(normalised)` (from the matches found to the hits), so that the checker can
find the terms of every rule of a channel in one pass over the reply; `REPORTS_MISSING =
True` says that it reports also when none of its terms is found.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
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


@dataclass(frozen=True)
class Example:
    options: dict[str, Any]
    text: str
    passes: bool
    situation: str | None = None
    waited: int | None = None
    targets: Mapping[str, Mapping[str, Mapping[str, int]]] = field(default_factory=dict)


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


def _term_compile(module: ModuleType) -> Callable[[dict[str, Any]], Matcher]:
    """A term kind's matcher on its own, for a rule checked outside a channel's one pass."""

    def compile(options: dict[str, Any]) -> Matcher:
        group, report = module.terms(options), module.report(options)
        matcher = TermMatcher(
            group.terms, case_sensitive=group.case_sensitive, exceptions=group.exceptions
        )
        return lambda text, context: report(list(matcher.finditer(text)), context)

    return compile


def _kind(module: ModuleType) -> RuleKind:
    name = module.__name__.rsplit(".", 1)[1]
    summary, _, rationale = (module.__doc__ or "").strip().partition("\n")
    examples = tuple(
        Example(
            options=case["options"],
            text=text,
            passes=verdict == "pass",
            situation=case.get("situation"),
            waited=case.get("waited"),
            targets=case.get("targets", {}),
        )
        for case in module.EXAMPLES
        for verdict in ("pass", "fail")
        for text in case[verdict]
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
        applies_to_templates=getattr(module, "APPLIES_TO_TEMPLATES", True),
        terms=getattr(module, "terms", None),
        report=getattr(module, "report", None),
        reports_missing=getattr(module, "REPORTS_MISSING", False),
    )


def _discover() -> dict[str, RuleKind]:
    kinds = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            kinds[info.name] = _kind(importlib.import_module(f"{__name__}.{info.name}"))
    return kinds


KINDS: dict[str, RuleKind] = _discover()
