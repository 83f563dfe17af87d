"""Checking replies against the rules: compile once from the export, check many, thread-safe."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import re2

from generator.kinds import KINDS, Context, Hit, Matcher, Reporter
from generator.model.diagnostics import did_you_mean
from generator.text.fixes import keep_first_letter_case
from generator.text.matching import TermBudgetError, TermGroup, TermIndex
from generator.text.reading import Reading
from generator.vocabulary import SEVERITY_ORDER

__all__ = ["Checker", "Finding", "TermBudgetError", "UnknownName"]

_NEWLINE = re.compile("\n")
_SET_OPTIONS = re2.Options()
_SET_OPTIONS.log_errors = False
# Prefilters are a rule's patterns, a few per rule: 64 MiB leaves room for thousands.
_SET_OPTIONS.max_mem = 64 << 20


@dataclass(frozen=True)
class Finding:
    """One place where a reply breaks a rule."""

    rule: str
    kind: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    match: str
    suggestion: str | None
    link: str
    #: The text that replaces `match` when the fix is unambiguous (`playbook check --fix`).
    fix: str | None = None

    @property
    def end_offset(self) -> int:
        return self.offset + len(self.match)

    def replacement(self) -> dict[str, Any] | None:
        """The fix as a structured replacement: the range it replaces and the new text."""
        if self.fix is None:
            return None
        return {
            "start": {"line": self.line, "column": self.column, "offset": self.offset},
            "end": {"line": self.end_line, "column": self.end_column, "offset": self.end_offset},
            "text": self.fix,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "match": self.match,
            "suggestion": self.suggestion,
            "link": self.link,
            "fix": self.replacement(),
        }


class UnknownName(ValueError):
    """A channel or situation that the rules do not define."""


@dataclass(frozen=True)
class _Compiled:
    rule: Mapping[str, Any]
    matcher: Matcher | None  # None for a term rule, reported from the channel's one pass
    prefilter: str | None
    terms: TermGroup | None = None
    report: Reporter | None = None


@dataclass(frozen=True)
class _Plan:
    """The rules for a channel and situation: term rules reported from one pass of the
    channel's term index; of the others, some always run, the rest only when one pass of an
    RE2 set over the reply finds their prefilter."""

    terms: tuple[tuple[_Compiled, int], ...]  # with the rule's group in the index
    index: TermIndex | None
    always: tuple[_Compiled, ...]
    filtered: tuple[_Compiled, ...]
    scan: Any  # re2.Set, or None when no rule has a prefilter

    @classmethod
    def of(cls, rules: list[_Compiled], index: TermIndex, groups: dict[int, int]) -> _Plan:
        others = [c for c in rules if c.terms is None]
        filtered = tuple(c for c in others if c.prefilter is not None)
        scan = _scan(tuple(c.prefilter for c in filtered)) if filtered else None
        if scan is None:
            filtered, always = (), tuple(others)
        else:
            always = tuple(c for c in others if c.prefilter is None)
        terms = tuple((c, groups[id(c)]) for c in rules if c.terms is not None)
        return cls(terms, index if terms else None, always, filtered, scan)

    def rules(self, text: str) -> list[_Compiled]:
        if self.scan is None:
            return list(self.always)
        found = self.scan.Match(text)
        return [*self.always, *(self.filtered[i] for i in found)] if found else list(self.always)


class Checker:
    """The rules of one exported playbook, compiled. Immutable, so safe to share across threads.

    Raises TermBudgetError when the terms of a channel are too many to compile.
    """

    def __init__(self, rules: Mapping[str, Any], *, base_url: str = "") -> None:
        self.language: str = rules["playbook"]["language"]
        self.situations: tuple[str, ...] = tuple(s["id"] for s in rules["situations"])
        self.channels: tuple[str, ...] = tuple(c["id"] for c in rules["channels"])
        try:
            self._signals = TermIndex([TermGroup(tuple(s["signals"])) for s in rules["situations"]])
        except TermBudgetError as error:
            raise TermBudgetError(f"the signals of the situations: {error}") from None
        # Links are relative ("rules/#id"): a site URL without its trailing slash still joins.
        self._base_url = base_url if not base_url or base_url.endswith("/") else base_url + "/"
        self._plans: dict[tuple[str, str | None], _Plan] = {}
        # A rule shared by channels is written once and compiled once; so is a channel's set
        # of term rules when other channels have the same.
        shared: dict[str, _Compiled] = {}
        indexes: dict[tuple[str, ...], TermIndex] = {}
        for channel in rules["channels"]:
            compiled = [_compile(key, rules["rules"][key], shared) for key in channel["rules"]]
            keys = tuple(k for k, c in zip(channel["rules"], compiled, strict=True) if c.terms)
            if keys not in indexes:
                try:
                    indexes[keys] = TermIndex([shared[k].terms for k in keys])  # type: ignore[misc]
                except TermBudgetError as error:
                    where = channel["id"]
                    raise TermBudgetError(f"channel '{where}': {error}", where) from None
            groups = {id(shared[k]): number for number, k in enumerate(keys)}
            for situation in (None, *self.situations):
                self._plans[(channel["id"], situation)] = _Plan.of(
                    [
                        c
                        for c in compiled
                        if not c.rule["situations"] or situation in c.rule["situations"]
                    ],
                    indexes[keys],
                    groups,
                )

    @classmethod
    def from_playbook(cls, playbook: Any, *, base_url: str = "") -> Checker:
        from generator.export import export

        return cls(export(playbook), base_url=base_url)

    @classmethod
    def from_rules_file(cls, path: Any, *, base_url: str = "") -> Checker:
        """From an exported rules.json; raises RulesFileError if it is not a valid one."""
        from pathlib import Path

        from generator.checking.rules_file import read_rules

        return cls(read_rules(Path(path)), base_url=base_url)

    def detect_situation(self, message: str) -> str | None:
        """The situation whose signals occur most in a customer's message (first on a tie)."""
        best, best_count = None, 0
        for situation, matches in zip(self.situations, self._signals.find(message), strict=True):
            count = len({m.index for m in matches})
            if count > best_count:
                best, best_count = situation, count
        return best

    def check(
        self,
        text: str,
        *,
        channel: str,
        situation: str | None = None,
        waited: int | None = None,
        metric: str = "first_response",
        kinds: Sequence[str] | None = None,
    ) -> list[Finding]:
        plan = self._plans.get((channel, situation))
        if plan is None:
            raise self._unknown(channel, situation)
        reading = Reading(text)
        context = Context(situation=situation, waited=waited, metric=metric)
        findings: list[Finding] = []
        lines: list[int] | None = None
        for compiled, hit in self._hits(plan, reading, context, kinds):
            rule = compiled.rule
            if lines is None:
                lines = [0, *(m.end() for m in _NEWLINE.finditer(text))]
            line, column = _position(lines, hit.start)
            end_line, end_column = _position(lines, hit.end)
            message = rule["message"].replace("{match}", text[hit.start : hit.end])
            findings.append(
                Finding(
                    rule=rule["id"],
                    kind=rule["kind"],
                    severity=rule["severity"],
                    message=f"{message.rstrip('.')}: {hit.message}." if hit.message else message,
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    offset=hit.start,
                    match=text[hit.start : hit.end],
                    suggestion=hit.suggestion,
                    link=self._base_url + rule["link"],
                    fix=keep_first_letter_case(text[hit.start : hit.end], hit.fix)
                    if hit.fix
                    else None,
                )
            )
        findings.sort(key=lambda f: (f.offset, -SEVERITY_ORDER[f.severity], f.rule))
        return findings

    @staticmethod
    def _hits(
        plan: _Plan, reading: Reading, context: Context, kinds: Sequence[str] | None
    ) -> Iterator[tuple[_Compiled, Hit]]:
        """Each rule's hits, at offsets of the reply as typed."""
        if plan.index is not None:
            found = plan.index.find(reading)
            for compiled, group in plan.terms:
                if kinds is None or compiled.rule["kind"] in kinds:
                    for hit in compiled.report(found[group], context):  # type: ignore[misc]
                        yield compiled, hit
        for compiled in plan.rules(reading.nfc):
            if kinds is None or compiled.rule["kind"] in kinds:
                for hit in compiled.matcher(reading.nfc, context):  # type: ignore[misc]
                    start, end = reading.nfc_span(hit.start, hit.end)
                    yield compiled, replace(hit, start=start, end=end)

    def _unknown(self, channel: str, situation: str | None) -> UnknownName:
        if channel not in self.channels:
            return UnknownName(
                f"there is no channel '{channel}'."
                + (
                    did_you_mean(channel, self.channels)
                    or f" Channels: {', '.join(self.channels)}."
                )
            )
        return UnknownName(
            f"there is no situation '{situation}'."
            + (
                did_you_mean(str(situation), self.situations)
                or f" Situations: {', '.join(self.situations)}."
            )
        )


@functools.lru_cache(maxsize=256)
def _scan(prefilters: tuple[str, ...]) -> Any:
    """An RE2 set of prefilters; channels and situations with the same rules share one.

    None when the set does not fit RE2's memory budget: the rules then simply all run.
    """
    scan = re2.Set.SearchSet(_SET_OPTIONS)
    try:
        for prefilter in prefilters:
            scan.Add(prefilter)
        scan.Compile()
    except re2.error:
        return None
    return scan


def _compile(key: str, rule: Mapping[str, Any], shared: dict[str, _Compiled]) -> _Compiled:
    """A rule of the export, compiled the first time a channel refers to it."""
    if key not in shared:
        kind, options = KINDS[rule["kind"]], rule["options"]
        if kind.terms is not None and kind.report is not None:
            shared[key] = _Compiled(rule, None, None, kind.terms(options), kind.report(options))
        else:
            prefilter = kind.prefilter(options) if kind.prefilter else None
            shared[key] = _Compiled(rule, kind.compile(options), prefilter)
    return shared[key]


def _position(lines: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, given where each line starts."""
    index = bisect.bisect_right(lines, offset) - 1
    return index + 1, offset - lines[index] + 1
