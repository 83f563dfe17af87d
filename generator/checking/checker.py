"""Checking replies against the rules: compile once from the export, check many, thread-safe."""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from generator.kinds import KINDS, Context, Matcher
from generator.model.diagnostics import did_you_mean
from generator.text.matching import TermMatcher, nfc
from generator.vocabulary import SEVERITY_ORDER

_NEWLINE = re.compile("\n")
_SET_OPTIONS = re2.Options()
_SET_OPTIONS.log_errors = False


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
        }


class UnknownName(ValueError):
    """A channel or situation that the rules do not define."""


@dataclass(frozen=True)
class _Compiled:
    rule: Mapping[str, Any]
    matcher: Matcher
    prefilter: str | None


@dataclass(frozen=True)
class _Plan:
    """The rules for a channel and situation: some always run, the others only when one pass
    of an RE2 set over the reply finds their prefilter."""

    always: tuple[_Compiled, ...]
    filtered: tuple[_Compiled, ...]
    scan: Any  # re2.Set, or None when no rule has a prefilter

    @classmethod
    def of(cls, rules: list[_Compiled]) -> _Plan:
        filtered = tuple(c for c in rules if c.prefilter is not None)
        scan = _scan(tuple(c.prefilter for c in filtered)) if filtered else None  # type: ignore[misc]
        return cls(tuple(c for c in rules if c.prefilter is None), filtered, scan)

    def rules(self, text: str) -> list[_Compiled]:
        if self.scan is None:
            return list(self.always)
        found = self.scan.Match(text)
        return [*self.always, *(self.filtered[i] for i in found)] if found else list(self.always)


class Checker:
    """The rules of one exported playbook, compiled. Immutable, so safe to share across threads."""

    def __init__(self, rules: Mapping[str, Any], *, base_url: str = "") -> None:
        self.language: str = rules["playbook"]["language"]
        self.situations: tuple[str, ...] = tuple(s["id"] for s in rules["situations"])
        self.channels: tuple[str, ...] = tuple(c["id"] for c in rules["channels"])
        self._signals = [
            (s["id"], TermMatcher(s["signals"]), len(s["signals"])) for s in rules["situations"]
        ]
        self._base_url = base_url
        self._plans: dict[tuple[str, str | None], _Plan] = {}
        # Channels inherit most of their rules, so equal options are compiled once.
        matchers: dict[str, tuple[Matcher, str | None]] = {}
        for channel in rules["channels"]:
            compiled = [_compile(rule, matchers) for rule in channel["rules"]]
            for situation in (None, *self.situations):
                self._plans[(channel["id"], situation)] = _Plan.of(
                    [
                        c
                        for c in compiled
                        if not c.rule["situations"] or situation in c.rule["situations"]
                    ]
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
        message = nfc(message)
        best, best_count = None, 0
        for situation, matcher, _ in self._signals:
            count = len({m.index for m in matcher.finditer(message)})
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
        text = nfc(text)
        context = Context(situation=situation, waited=waited, metric=metric)
        findings: list[Finding] = []
        lines: list[int] | None = None
        for compiled in plan.rules(text):
            rule = compiled.rule
            if kinds is not None and rule["kind"] not in kinds:
                continue
            for hit in compiled.matcher(text, context):
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
                        message=f"{message.rstrip('.')}: {hit.message}."
                        if hit.message
                        else message,
                        line=line,
                        column=column,
                        end_line=end_line,
                        end_column=end_column,
                        offset=hit.start,
                        match=text[hit.start : hit.end],
                        suggestion=hit.suggestion,
                        link=self._base_url + rule["link"],
                    )
                )
        findings.sort(key=lambda f: (f.offset, -SEVERITY_ORDER[f.severity], f.rule))
        return findings

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
    """An RE2 set of prefilters; channels and situations with the same rules share one."""
    scan = re2.Set.SearchSet(_SET_OPTIONS)
    for prefilter in prefilters:
        scan.Add(prefilter)
    scan.Compile()
    return scan


def _compile(rule: Mapping[str, Any], matchers: dict[str, tuple[Matcher, str | None]]) -> _Compiled:
    """A rule with its matcher, shared with every earlier rule of the same kind and options."""
    key = json.dumps([rule["kind"], rule["options"]], sort_keys=True)
    if key not in matchers:
        kind, options = KINDS[rule["kind"]], rule["options"]
        prefilter = kind.prefilter(options) if kind.prefilter else None
        matchers[key] = (kind.compile(options), prefilter)
    return _Compiled(rule, *matchers[key])


def _position(lines: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, given where each line starts."""
    index = bisect.bisect_right(lines, offset) - 1
    return index + 1, offset - lines[index] + 1
