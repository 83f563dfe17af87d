"""Checking replies against the rules: compile once from the export, check many, thread-safe."""

from __future__ import annotations

import bisect
import copy
import operator
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from generator.checking.situations import GIVEN, Detection, Detector, applies, detector_for
from generator.kinds import KINDS, Context, Hit, Matcher, Reporter
from generator.text.fixes import keep_first_letter_case
from generator.text.matching import Match, TermBudgetError, TermGroup, TermIndex
from generator.text.reading import Reading, read
from generator.vocabulary import SEVERITY_ORDER
from generator.wording import say, translate

__all__ = ["Checker", "Finding", "TermBudgetError", "UnknownName"]

_NEWLINE = re.compile("\n")
_START_GROUP = operator.itemgetter(0, 2)
#: Up to how many findings of other rules are put in their places among the term findings,
#: rather than all sorted again.
_INSERTED = 64
# The playbook compiled last, kept whole (not by id, which another object could reuse).
_LAST: dict[str, tuple[Any, Checker]] = {}
_LAST_LOCK = threading.Lock()


class Finding(NamedTuple):
    """One place where a reply breaks a rule (a named tuple: immutable and cheap to make)."""

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


class _Compiled(NamedTuple):
    rule: Mapping[str, Any]
    matcher: Matcher | None  # None for a term rule, reported from the playbook's one pass
    terms: TermGroup | None = None
    report: Reporter | None = None
    reports_missing: bool = False
    each: Hit | None = None  # the hit of every match, when the kind reports them alike


class _Each(NamedTuple):
    """What the findings of a rule's matches share, when its kind reports them alike (the
    link with the checker's base URL, the fix of a match that starts with a capital)."""

    rule: str
    kind: str
    severity: str
    message: str
    placeholder: bool  # whether the message quotes the match
    suggestion: str | None
    link: str
    fix: str | None
    capital_fix: str | None  # the very `fix` object when a capital changes nothing


class _Channel(NamedTuple):
    """A channel's term rules, by their group in the playbook's term index."""

    groups: dict[int, _Compiled]
    active: frozenset[int]
    missing: tuple[tuple[int, _Compiled], ...]  # rules that report on what is not found


def _applies(rule: Mapping[str, Any], situation: str | None, confidence: str = GIVEN) -> bool:
    # exports before 2.2 have no situation_confidence: any detection applied
    least = rule.get("situation_confidence", "weak")
    return applies(rule["situations"], least, situation, confidence)


class Checker:
    """The rules of one exported playbook, compiled. Immutable, so safe to share across threads.

    Every term rule of every channel goes into one term index, built here, so that one pass
    over a reply finds them all; each channel reports only its own. The other rules of a
    channel and situation are compiled the first time a reply is checked there, so that a
    process checking one channel compiles only its rules. Raises TermBudgetError when the
    terms are too many to compile.
    """

    def __init__(self, rules: Mapping[str, Any], *, base_url: str = "") -> None:
        self.language: str = rules["playbook"]["language"]
        self.situations: tuple[str, ...] = tuple(s["id"] for s in rules["situations"])
        self.channels: tuple[str, ...] = tuple(c["id"] for c in rules["channels"])
        self._rules: Mapping[str, Mapping[str, Any]] = rules["rules"]
        self._keys = {c["id"]: c["rules"] for c in rules["channels"]}
        self._detector = detector_for(rules)
        # Links are relative ("rules/#id"): a site URL without its trailing slash still joins.
        self._base_url = _joinable(base_url)
        # A channel's other rules by situation, compiled on first use. They run one by one:
        # each kind gives up at once on a reply it cannot apply to (emoji on ASCII text, say).
        self._plans: dict[tuple[str, str | None, str], tuple[_Compiled, ...]] = {}
        self._lock = threading.Lock()
        self._channels: dict[str, _Channel] = {}
        self._others: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
        # A rule shared by channels is written once and compiled once.
        self._shared: dict[str, _Compiled] = {}
        # What the audit of conversations needs: each channel's settings and its rules over
        # whole conversations, which never check a reply.
        self._settings: dict[str, Mapping[str, Any]] = {}
        self._beyond: dict[str, tuple[_Compiled, ...]] = {}
        term_keys: dict[str, list[str]] = {}
        for channel in rules["channels"]:
            self._settings[channel["id"]] = {
                key: channel.get(key) for key in ("kind", "public", "business_hours")
            } | {"response_times": channel.get("response_times", {})}
            keys, others, beyond = term_keys.setdefault(channel["id"], []), [], []
            for key in channel["rules"]:
                rule = rules["rules"][key]
                if KINDS[rule["kind"]].scope != "reply":
                    beyond.append(_compile(key, rule, self._shared))
                elif KINDS[rule["kind"]].terms is None:
                    others.append((key, rule))
                else:
                    _compile(key, rule, self._shared)
                    keys.append(key)
            self._others[channel["id"]] = others
            self._beyond[channel["id"]] = tuple(beyond)
        # Groups numbered in the order of their findings at one offset (the most severe
        # first, then by rule id), so that a reply's term findings sort by offset and group.
        numbers = {
            key: number
            for number, key in enumerate(
                sorted({k for keys in term_keys.values() for k in keys}, key=self._rank)
            )
        }
        for channel_id, keys in term_keys.items():
            groups = {numbers[key]: self._shared[key] for key in keys}
            missing = tuple((n, c) for n, c in groups.items() if c.reports_missing)
            self._channels[channel_id] = _Channel(groups, frozenset(groups), missing)
        self._terms = TermIndex([self._shared[key].terms for key in numbers])  # type: ignore[misc]
        # Per channel, situation, kinds, base URL and confidence: the term groups that apply,
        # with what their findings share (None for a rule whose kind reports its own way).
        self._term_plans: dict[
            tuple[str, str | None, tuple[str, ...] | None, str, str],
            tuple[dict[int, _Each | None], tuple[tuple[int, _Compiled], ...]],
        ] = {}

    def _rank(self, key: str) -> tuple[int, str, str]:
        rule = self._rules[key]
        return -SEVERITY_ORDER[rule["severity"]], rule["id"], key

    def _term_plan(
        self,
        channel: str,
        situation: str | None,
        kinds: Sequence[str] | None,
        confidence: str = GIVEN,
    ) -> tuple[dict[int, _Each | None], tuple[tuple[int, _Compiled], ...]]:
        """The groups of a channel's term rules that apply, and the rules that report a miss."""
        kinds_key = None if kinds is None else tuple(kinds)
        key = (channel, situation, kinds_key, self._base_url, confidence)
        plan = self._term_plans.get(key)
        if plan is None:
            terms = self._channels[channel]
            wanted: dict[int, _Each | None] = {}
            for group, compiled in terms.groups.items():
                rule = compiled.rule
                wanted_kind = kinds is None or rule["kind"] in kinds
                if wanted_kind and _applies(rule, situation, confidence):
                    alike = compiled.each is not None
                    each = _each(compiled, self._base_url, self.language) if alike else None
                    wanted[group] = each
            missing = tuple((n, c) for n, c in terms.missing if n in wanted)
            plan = self._term_plans[key] = (wanted, missing)
        return plan

    def _plan(self, channel: str, situation: str | None, confidence: str) -> tuple[_Compiled, ...]:
        plan = self._plans.get((channel, situation, confidence))
        if plan is not None:
            return plan
        if channel not in self._channels or (
            situation is not None and situation not in self.situations
        ):
            raise self._unknown(channel, situation)
        with self._lock:  # one thread compiles, the others wait for it
            plan = self._plans.get((channel, situation, confidence))
            if plan is None:
                plan = tuple(
                    _compile(key, rule, self._shared)
                    for key, rule in self._others[channel]
                    if _applies(rule, situation, confidence)
                )
                self._plans[(channel, situation, confidence)] = plan
        return plan

    @classmethod
    def from_playbook(cls, playbook: Any, *, base_url: str = "") -> Checker:
        """The playbook's rules, compiled; the playbook last compiled is not compiled again
        (validation compiles it to check templates and examples, `check` then reuses it)."""
        from generator.export import export

        with _LAST_LOCK:
            last = _LAST.get("playbook")
            if last is None or last[0] is not playbook:
                last = _LAST["playbook"] = (playbook, cls(export(playbook)))
        return last[1].with_base_url(base_url)

    def channel_rules(self, channel: str) -> dict[str, Mapping[str, Any]]:
        """The rules of a channel by id, as the channel has them (its variant of a rule)."""
        return {self._rules[key]["id"]: self._rules[key] for key in self._keys.get(channel, ())}

    def with_base_url(self, base_url: str) -> Checker:
        """The same compiled rules, with links prefixed by another URL."""
        if _joinable(base_url) == self._base_url:
            return self
        other = copy.copy(self)
        other._base_url = _joinable(base_url)
        return other

    @classmethod
    def from_rules_file(cls, path: Any, *, base_url: str = "") -> Checker:
        """From an exported rules.json; raises RulesFileError if it is not a valid one."""
        from pathlib import Path

        from generator.checking.rules_file import read_rules

        return cls(read_rules(Path(path)), base_url=base_url)

    def settings(self, channel: str) -> Mapping[str, Any]:
        """A channel's kind, public flag, business_hours and response_times, as exported."""
        if channel not in self._settings:
            raise self._unknown(channel, None)
        return self._settings[channel]

    def conversation_rules(
        self,
        channel: str,
        situation: str | None,
        scope: str = "conversation",
        confidence: str = GIVEN,
    ) -> list[tuple[Mapping[str, Any], Any]]:
        """The rules of a scope beyond single replies, with their compiled checks; `confidence`
        is that of a detected situation (see `check`)."""
        if channel not in self._beyond:
            raise self._unknown(channel, situation)
        return [
            (c.rule, c.matcher)
            for c in self._beyond[channel]
            if KINDS[c.rule["kind"]].scope == scope
            and (scope == "log" or _applies(c.rule, situation, confidence))
        ]

    def link(self, rule_link: str) -> str:
        return self._base_url + rule_link

    def detect_situation(self, message: str) -> str | None:
        """The situation of a customer's message (see `generator.checking.situations`)."""
        return self._detector.detect(message).situation

    def situation_of(self, message: str) -> tuple[str | None, str]:
        """The situation of a customer's message and its confidence, to pass to `check`."""
        detection = self._detector.detect(message)
        return detection.situation, detection.confidence or "weak"

    def explain_situation(self, message: str) -> Detection:
        """The situation of a customer's message with the signals and cues behind it."""
        return self._detector.detect(message)

    @property
    def detector(self) -> Detector:
        return self._detector

    def check(
        self,
        text: str,
        *,
        channel: str,
        situation: str | None = None,
        waited: int | None = None,
        metric: str = "first_response",
        kinds: Sequence[str] | None = None,
        confidence: str = GIVEN,
    ) -> list[Finding]:
        """The findings of a reply. `situation` is given by the user unless `confidence` says
        how strongly it was detected (weak or strong): a rule scoped to situations then applies
        only when the detection reaches the rule's situation_confidence."""
        plan = self._plan(channel, situation, confidence)
        reading = read(text)
        context = Context(situation=situation, waited=waited, metric=metric)
        lines = [0, *(m.end() for m in _NEWLINE.finditer(text))] if "\n" in text else None
        base_url, language = self._base_url, self.language
        wanted, missing = self._term_plan(channel, situation, kinds, confidence)
        reported: dict[int, list[Match]] = {}
        findings = self._term_findings(text, reading, lines, wanted, reported)
        others: list[Finding] = []
        for compiled, hit in self._hits(channel, reported, missing, plan, reading, context, kinds):
            rule = compiled.rule
            start, end = hit.start, hit.end
            match = text[start:end]
            if lines is None:
                line, column, end_line, end_column = 1, start + 1, 1, end + 1
            else:
                line, column = _position(lines, start)
                end_line, end_column = _position(lines, end)
            message = rule["message"]
            if "{match}" in message:
                message = message.replace("{match}", match)
            if hit.message:
                message = f"{message.rstrip('.')}: {translate(hit.message, language)}."
            others.append(
                Finding(
                    rule["id"],
                    rule["kind"],
                    rule["severity"],
                    message,
                    line,
                    column,
                    end_line,
                    end_column,
                    start,
                    match,
                    translate(hit.suggestion, language),
                    base_url + rule["link"],
                    keep_first_letter_case(match, hit.fix) if hit.fix else None,
                )
            )
        if len(others) > 1:
            others.sort(key=_order)
        if len(others) > _INSERTED:
            findings += others
            findings.sort(key=_order)
        else:  # the term findings come in order: the few others go in their places
            for finding in others:
                bisect.insort_right(findings, finding, key=_order)
        return findings

    def _term_findings(
        self,
        text: str,
        reading: Reading,
        lines: list[int] | None,
        wanted: dict[int, _Each | None],
        reported: dict[int, list[Match]],
    ) -> list[Finding]:
        """The findings of the rules whose kinds report every match alike, made straight from
        the matches of the one pass, in the order of findings; the matches of the other term
        rules go to `reported`."""
        findings: list[Finding] = []
        if not wanted:
            return findings
        spans = self._terms.spans(reading, wanted)
        spans.sort(key=_START_GROUP)
        new = tuple.__new__
        line, line_start, next_line = 1, 0, len(text) + 1
        if lines is not None:
            lines.append(next_line)  # so that every line has a next one
            next_line = lines[1]
        for start, end, group, term in spans:
            each = wanted[group]
            if each is None:
                reported.setdefault(group, []).append(Match(start, end, term))
                continue
            rule, kind, severity, message, placeholder, suggestion, link, fix, capital_fix = each
            match = text[start:end]
            if placeholder:
                message = message.replace("{match}", match)
            if capital_fix is not fix and match[:1].isupper():
                fix = capital_fix
            if start >= next_line:  # the lines, swept once: spans come by start
                line = bisect.bisect_right(lines, start, line) - 1  # type: ignore[arg-type]
                line_start, next_line = lines[line], lines[line + 1]  # type: ignore[index]
                line += 1
            if end < next_line:
                end_line, end_column = line, end - line_start + 1
            else:
                end_line, end_column = _position(lines, end)  # type: ignore[arg-type]
            findings.append(
                new(
                    Finding,
                    (
                        rule,
                        kind,
                        severity,
                        message,
                        line,
                        start - line_start + 1,
                        end_line,
                        end_column,
                        start,
                        match,
                        suggestion,
                        link,
                        fix,
                    ),
                )
            )
        if lines is not None:
            lines.pop()
        return findings

    def _hits(
        self,
        channel: str,
        reported: dict[int, list[Match]],
        missing: tuple[tuple[int, _Compiled], ...],
        plan: tuple[_Compiled, ...],
        reading: Reading,
        context: Context,
        kinds: Sequence[str] | None,
    ) -> Iterator[tuple[_Compiled, Hit]]:
        """The hits of the term rules whose kinds report their own way, of the rules that
        report a miss, and of the other rules, at offsets of the reply as typed."""
        groups = self._channels[channel].groups
        for group, matches in reported.items():
            compiled = groups[group]
            for hit in compiled.report(matches, context):  # type: ignore[misc]
                yield compiled, hit
        for group, compiled in missing:
            if group not in reported:
                for hit in compiled.report([], context):  # type: ignore[misc]
                    yield compiled, hit
        for compiled in plan:
            if kinds is None or compiled.rule["kind"] in kinds:
                for hit in compiled.matcher(reading.nfc, context):  # type: ignore[misc]
                    start, end = reading.nfc_span(hit.start, hit.end)
                    yield compiled, hit._replace(start=start, end=end)

    def _unknown(self, channel: str, situation: str | None) -> UnknownName:
        from generator.model.diagnostics import did_you_mean

        if channel not in self.channels:
            return UnknownName(
                say("there is no channel '{channel}'.{hint}", channel=channel, hint="")
                + (
                    did_you_mean(channel, self.channels)
                    or say(" Channels: {names}.", names=", ".join(self.channels))
                )
            )
        return UnknownName(
            say("there is no situation '{situation}'.", situation=situation)
            + (
                did_you_mean(str(situation), self.situations)
                or say(" Situations: {names}.", names=", ".join(self.situations))
            )
        )


def _compile(key: str, rule: Mapping[str, Any], shared: dict[str, _Compiled]) -> _Compiled:
    """A rule of the export, compiled the first time a channel refers to it."""
    if key not in shared:
        kind, options = KINDS[rule["kind"]], rule["options"]
        if kind.terms is not None and kind.report is not None:
            shared[key] = _Compiled(
                rule,
                None,
                kind.terms(options),
                kind.report(options),
                kind.reports_missing,
                None if kind.each is None else kind.each(options),
            )
        else:
            shared[key] = _Compiled(rule, kind.compile(options))
    return shared[key]


def _each(compiled: _Compiled, base_url: str, language: str) -> _Each:
    rule, hit = compiled.rule, compiled.each
    assert hit is not None and not hit.message
    fix = hit.fix or None
    return _Each(
        rule["id"],
        rule["kind"],
        rule["severity"],
        rule["message"],
        "{match}" in rule["message"],
        translate(hit.suggestion, language),
        base_url + rule["link"],
        fix,
        keep_first_letter_case("A", fix) if fix else None,
    )


def _joinable(base_url: str) -> str:
    return base_url if not base_url or base_url.endswith("/") else base_url + "/"


def _order(finding: Finding) -> tuple[int, int, str]:
    return finding.offset, -SEVERITY_ORDER[finding.severity], finding.rule


def _position(lines: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, given where each line starts."""
    index = bisect.bisect_right(lines, offset) - 1
    return index + 1, offset - lines[index] + 1
