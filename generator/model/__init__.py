"""The playbook as frozen data: what loading builds and what rendering, export and checks read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Situation:
    id: str
    name: str
    signals: tuple[str, ...]
    must: tuple[str, ...]
    must_not: tuple[str, ...]
    description: str = ""
    builtin: bool = True  # the built-in signals and cues of the language add to `signals`


@dataclass(frozen=True)
class Principle:
    be: str
    not_: str
    example: str = ""


@dataclass(frozen=True)
class Term:
    term: str
    status: str  # "banned" or "preferred"
    reason: str
    rule_id: str
    replacement: str = ""
    instead_of: tuple[str, ...] = ()
    case_sensitive: bool = False
    exceptions: tuple[str, ...] = ()
    channel: str | None = None  # None: the whole playbook


@dataclass(frozen=True)
class Rule:
    """A checkable rule, as written or derived from a term or a channel's limits."""

    id: str
    kind: str
    severity: str
    message: str
    options: Mapping[str, Any]
    file: str
    line: int
    rationale: str = ""
    situations: tuple[str, ...] = ()  # empty: every situation
    # the least confidence of a detected situation at which the rule applies in it
    situation_confidence: str = "strong"
    channels: tuple[str, ...] = ()  # empty: every channel
    passing: tuple[str, ...] = ()
    failing: tuple[str, ...] = ()
    origin: str = "rule"  # "rule", "term" or "limits"
    defined_in: str | None = None  # the channel that defines it, None for the playbook
    # where each example was written, keyed "pass/0", "fail/1"...: (line, column)
    example_positions: Mapping[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Tone:
    formality: str
    address: str
    greeting: str
    closing: str
    emoji: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Band:
    """Seconds within which a reply is on target, acceptable, and past which unacceptable."""

    target: int
    acceptable: int
    unacceptable: int


@dataclass(frozen=True)
class ResponseTimes:
    metrics: Mapping[str, Band]
    situations: Mapping[str, Mapping[str, Band]] = field(default_factory=dict)

    def band(self, metric: str, situation: str | None = None) -> Band | None:
        override = self.situations.get(situation or "", {}).get(metric)
        return override or self.metrics.get(metric)


@dataclass(frozen=True)
class Opening:
    days: tuple[str, ...]
    start: str
    end: str


@dataclass(frozen=True)
class Holidays:
    """Days the channel is closed: a country's public holidays (and a region's), and dates."""

    country: str | None = None
    region: str | None = None
    dates: tuple[str, ...] = ()  # YYYY-MM-DD


@dataclass(frozen=True)
class BusinessHours:
    time_zone: str
    open: tuple[Opening, ...]
    outside_hours: str = ""
    holidays: Holidays | None = None


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    text: str
    placeholders: Mapping[str, str]
    situation: str | None = None
    notes: str = ""
    position: tuple[int, int] = (0, 0)  # line and column of the text in its file


@dataclass(frozen=True)
class Turn:
    speaker: str  # "customer" or "agent"
    text: str


@dataclass(frozen=True)
class Example:
    title: str
    verdict: str  # "good" or "bad"
    why: str
    exchange: tuple[Turn, ...]
    situation: str | None = None
    positions: tuple[tuple[int, int], ...] = ()  # line and column of each turn


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    kind: str
    public: bool
    file: str
    tone: Tone
    dos: tuple[str, ...]
    donts: tuple[str, ...]
    complaint_steps: tuple[str, ...]
    complaint_must_include: tuple[str, ...]
    response_times: ResponseTimes
    rules: tuple[Rule, ...]  # resolved: inherited, overridden, own; disabled ones dropped
    terms: tuple[Term, ...] = ()
    limits: Mapping[str, int] = field(default_factory=dict)
    business_hours: BusinessHours | None = None
    templates: tuple[Template, ...] = ()
    examples: tuple[Example, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Page:
    """A free-form Markdown page written by the CX lead."""

    name: str  # file name, e.g. before-adding-a-channel.md
    title: str
    markdown: str


@dataclass(frozen=True)
class Playbook:
    company: str
    language: str
    version: str
    voice_summary: str
    principles: tuple[Principle, ...]
    situations: tuple[Situation, ...]
    terms: tuple[Term, ...]
    rules: tuple[Rule, ...]  # every rule of the playbook and the channels, once, by id
    channels: tuple[Channel, ...]
    source_hash: str
    description: str = ""
    pages: tuple[Page, ...] = ()

    def channel(self, channel_id: str) -> Channel:
        return self._by_id[("channel", channel_id)]  # type: ignore[return-value]

    def situation(self, situation_id: str) -> Situation:
        return self._by_id[("situation", situation_id)]  # type: ignore[return-value]

    def rule(self, rule_id: str) -> Rule:
        return self._by_id[("rule", rule_id)]  # type: ignore[return-value]

    @cached_property
    def _by_id(self) -> dict[tuple[str, str], Channel | Situation | Rule]:
        """Channels, situations and rules by id, for lookups that stay fast on large playbooks."""
        return {
            **{("channel", c.id): c for c in self.channels},
            **{("situation", s.id): s for s in self.situations},
            **{("rule", r.id): r for r in self.rules},
        }

    @cached_property
    def _all_terms(self) -> tuple[Term, ...]:
        return self.terms + tuple(t for c in self.channels for t in c.terms)

    def all_terms(self) -> tuple[Term, ...]:
        return self._all_terms
