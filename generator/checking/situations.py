"""Which situation a customer's message is in: signals, cues beyond words, and a precedence.

Every situation whose signals occur in the message (see `generator.text.signals`), or whose
cue fires, is a candidate: negative sentiment and shouting (capitals, "!!!") make a complaint,
a question makes an information request. Of the candidates, the first in the precedence wins
(by default human-request, reminder, complaint, refusal, information): a complaint that also
asks a question is a complaint. Everything is read from the export's `detection` section, so
that other implementations reproduce it; `explain` says what matched and why a situation won.

A detection is `strong` when two pieces of evidence for the winning situation agree (two
different signals, a signal and a cue, or two cues: negative sentiment with shouting, say)
and `weak` on a single one. A negation (the negation cue, or a signal that is only a negation
word such as "isn't") makes a candidate but adds no confidence: jokes and praise deny things
too ("so I won't miss the game"). Rules scoped to a situation apply to a detected one only at
the confidence they ask for (see `applies`).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.text import signals as text_signals
from generator.text.matching import nfc
from generator.wording import say

_NOT_WORDS = re.compile(r"(?:https?://|www\.)\S+|[@#][\w]+")
_WORDS = re.compile(r"[^\W_]+")
_SENTENCES = re.compile(r"[.!?\n]+")
_CAPITALS = re.compile(r"\b[^\W\d_a-z]{3,}\b")
#: Confidences of a situation, weakest first; a situation given by the user outranks both.
CONFIDENCES = ("weak", "strong")
GIVEN = "given"
_RANK = {"weak": 0, "strong": 1, GIVEN: 2}


def applies(scoped: Sequence[str], least: str, situation: str | None, confidence: str) -> bool:
    """Whether a rule scoped to the situations `scoped` (none: every situation), that applies
    to a detected situation from confidence `least` on, applies in `situation` known with
    `confidence` (GIVEN when the user or the log gave it)."""
    if not scoped:
        return True
    return situation in scoped and _RANK[confidence] >= _RANK[least]


@dataclass(frozen=True)
class Evidence:
    """Why a situation is a candidate: a signal found (with where) or a cue."""

    situation: str
    kind: str  # "signal" or "cue"
    name: str  # the signal as written, or the cue's name
    start: int = 0
    end: int = 0
    detail: str = ""

    def describe(self, message: str) -> str:
        if self.kind == "signal":
            found = message[self.start : self.end]
            return say("signal '{name}' matched '{found}'", name=self.name, found=found)
        return say("cue {name}: {detail}", name=say(f"cue-{self.name}"), detail=self.detail)


@dataclass(frozen=True)
class Detection:
    """The situation of a message (None when nothing matched), and the evidence for each."""

    situation: str | None
    evidence: tuple[Evidence, ...] = ()
    precedence: tuple[str, ...] = ()
    sentiment: float = 0.0
    candidates: tuple[str, ...] = field(default=())
    praised: str = ""  # the praise word that made the praise cue set signals aside
    neutral: tuple[str, ...] = ()  # neutral phrases found, whose words count for nothing
    # the evidence for the situation that counts for confidence: signals by phrase, cues by name
    pieces: tuple[str, ...] = ()

    @property
    def confidence(self) -> str | None:
        """strong (two pieces of evidence or more), weak (one or none), None: no situation."""
        if self.situation is None:
            return None
        return "strong" if len(self.pieces) >= 2 else "weak"

    def explain(self, message: str) -> list[str]:
        """The evidence, line by line; spans refer to the message in Unicode normal form C."""
        message = nfc(message)
        lines: list[str] = [say("sentiment score {score:+.2f}", score=self.sentiment)]
        for phrase in self.neutral:
            lines.append(
                say("neutral phrase '{phrase}': its words are no signal or negation", phrase=phrase)
            )
        if self.praised:
            lines.append(
                say(
                    "cue praise: '{word}' in a message this positive sets aside a lone signal",
                    word=self.praised,
                )
            )
        for situation in self.candidates:
            found = [e.describe(message) for e in self.evidence if e.situation == situation]
            lines.append(say("{situation}: {found}", situation=situation, found=_joined(found)))
        if self.situation is None:
            lines.append(say("no situation: no signal or cue matched"))
        elif len(self.candidates) > 1:
            others = ", ".join(c for c in self.candidates if c != self.situation)
            lines.append(
                say(
                    "{situation} wins over {others}: precedence {order}",
                    situation=self.situation,
                    others=others,
                    order=" > ".join(self.precedence),
                )
            )
        else:
            lines.append(say("{situation}: the only candidate", situation=self.situation))
        if self.situation is not None:
            counted = ", ".join(self.pieces) or say("only a negation")
            if self.confidence == "strong":
                lines.append(
                    say(
                        "confidence strong: {count} pieces agree ({counted})",
                        count=len(self.pieces),
                        counted=counted,
                    )
                )
            else:
                lines.append(
                    say(
                        "confidence weak: {counted}; rules scoped to {situation} apply only "
                        "with situation_confidence weak (or give the situation)",
                        counted=counted,
                        situation=self.situation,
                    )
                )
        return lines


def _joined(parts: Sequence[str]) -> str:
    """Parts joined with '; ' as one phrase, so that each part is still translated."""
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        joined = say("{a}; {b}", a=joined, b=part)
    return joined


class Detector:
    """Situation detection compiled from the export's `detection` section; immutable."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.language: str = data["language"]
        self.precedence: tuple[str, ...] = tuple(data["precedence"])
        self._cues: Mapping[str, Any] = data["cues"]
        self._sentiment: Mapping[str, Any] = data["sentiment"]
        # first stem -> (situation, signal, all stems), for one pass over the message
        self._index: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        self._stems: dict[tuple[str, str], tuple[str, ...]] = {}
        for situation, entries in data["signals"].items():
            for entry in entries:
                stems = tuple(entry["stems"])
                self._index.setdefault(stems[0], []).append((situation, entry["phrase"], stems))
                self._stems[(situation, entry["phrase"])] = stems
        self._negations = frozenset(data.get("negations", ()))
        self._negation_suffixes = tuple(data.get("negation_suffixes", ()))
        self._openers = [tuple(e["stems"]) for e in data["question_openers"]]
        # by their first word, in their order: each sentence's first word picks the few to try
        self._openers_by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for n, opener in enumerate(self._openers):
            self._openers_by_first.setdefault(opener[0] if opener else "", []).append((n, opener))
        # An opener is a sentence's first words: the rest of the sentence need not be read.
        self._longest_opener = max((len(o) for o in self._openers), default=0) or None
        # Exports before praise words: the praise cue reads the sentiment score alone.
        self._praise: list[tuple[str, str, tuple[str, ...]]] | None = (
            [(e["phrase"], e["stems"][0], tuple(e["stems"])) for e in data["praise_words"]]
            if "praise_words" in data
            else None
        )
        # by their first word, as the signals: a log's worth of messages reads them all
        self._neutral: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {}
        for n, entry in enumerate(data.get("neutral_phrases", ())):
            stems = tuple(entry["stems"])
            self._neutral.setdefault(stems[0], []).append((n, entry["phrase"], stems))

    def detect(self, message: str) -> Detection:
        message = nfc(message)
        words = text_signals.words(message, self.language)
        stems = [w.stem for w in words]
        neutral, covered = self._neutral_words(words)
        evidence: list[Evidence] = []
        for i, word in enumerate(words):
            for key in (word.stem, f"={word.form}"):
                for situation, phrase, signal in self._index.get(key, ()):
                    if _matches(signal, words[i : i + len(signal)]) and covered.isdisjoint(
                        range(i, i + len(signal))
                    ):
                        end = words[i + len(signal) - 1].end
                        evidence.append(Evidence(situation, "signal", phrase, word.start, end))
        score = self.sentiment(message, stems)
        praise, praised = self._cues.get("praise"), ""
        if praise and score >= praise["at_least"]:
            own = {e.name for e in evidence if e.situation == praise["situation"]}
            praised = self._praise_word(words)
            if own and len(own) < praise["signals"] and praised:
                evidence = [e for e in evidence if e.situation != praise["situation"]]
            else:
                praised = ""
        # what the message tells: negations in its questions ask, they do not tell
        asked = self._asked(message)
        told = [
            w
            for i, w in enumerate(words)
            if i not in covered and not any(start <= w.start < end for start, end in asked)
        ]
        evidence.extend(self._cue_evidence(message, [w.stem for w in told], score))
        found = {e.situation for e in evidence}
        candidates = tuple(s for s in self.precedence if s in found)
        winner = candidates[0] if candidates else None
        return Detection(
            situation=winner,
            evidence=tuple(evidence),
            precedence=self.precedence,
            sentiment=score,
            candidates=candidates,
            praised=praised,
            neutral=neutral,
            pieces=self._pieces(winner, evidence, told),
        )

    def _pieces(
        self,
        situation: str | None,
        evidence: Sequence[Evidence],
        told: Sequence[text_signals.Word] = (),
    ) -> tuple[str, ...]:
        """The evidence for `situation` that counts for its confidence, each once: its signals
        (on overlapping words, as "speak to a" and "a human", one), its cues but the negation,
        and one negation among the `told` words outside those signals. A signal of negation
        words only ("isn't") is a negation: it counts only as that one negation, and only where the
        message tells it (not in a question, "isn't this the cutest?")."""
        pieces: dict[str, None] = {}
        spans: list[tuple[int, int]] = []
        negated = False
        for e in evidence:
            if e.situation != situation or e.kind == "cue" and e.name == "negation":
                continue
            if e.kind == "cue":
                pieces[f"cue {e.name}"] = None
            elif all(self._is_negation(w) for w in self._signal_words(e)):
                negated = negated or any(w.start == e.start for w in told)
            elif not any(e.start < end and start < e.end for start, end in spans):
                spans.append((e.start, e.end))
                pieces[f"signal '{e.name}'"] = None
        negation = situation is not None and any(
            e.kind == "cue" and e.name == "negation" and e.situation == situation for e in evidence
        )
        if negation:
            negated = negated or any(
                self._is_negation(w.stem) and not any(a <= w.start < b for a, b in spans)
                for w in told
            )
        if negated:
            pieces["a negation"] = None
        return tuple(pieces)

    def _signal_words(self, evidence: Evidence) -> tuple[str, ...]:
        return self._stems.get((evidence.situation, evidence.name), ())

    def _is_negation(self, stem: str) -> bool:
        stem = stem.lstrip("=")
        return stem in self._negations or bool(
            self._negation_suffixes and stem.endswith(self._negation_suffixes)
        )

    def _neutral_words(
        self, words: Sequence[text_signals.Word]
    ) -> tuple[tuple[str, ...], set[int]]:
        """The neutral phrases of the message ("can't wait", "no problem") and the indices of
        their words, which match no signal and are no negation."""
        found: list[str] = []
        covered: set[int] = set()
        for i, word in enumerate(words):
            starting = self._neutral.get(word.stem, []) + self._neutral.get(f"={word.form}", [])
            for _, phrase, signal in sorted(starting):
                if _matches(signal, words[i : i + len(signal)]):
                    found.append(phrase)
                    covered.update(range(i, i + len(signal)))
        return tuple(found), covered

    def _praise_word(self, words: Sequence[text_signals.Word]) -> str:
        """The first praise word of the message ("(score)" when the export has none, as
        before praise words: the score alone then decides)."""
        if self._praise is None:
            return "(score)"
        for i, word in enumerate(words):
            for phrase, first, signal in self._praise:
                if first in (word.stem, f"={word.form}") and _matches(
                    signal, words[i : i + len(signal)]
                ):
                    return phrase
        return ""

    def detect_conversation(self, messages: Sequence[str]) -> Detection:
        """The situation of a conversation from its customer's messages: the one first in the
        precedence among the messages' situations, with the evidence of every message."""
        detections = [self.detect(m) for m in messages]
        found = {d.situation for d in detections}
        candidates = tuple(s for s in self.precedence if s in found)
        situation = candidates[0] if candidates else None
        evidence = tuple(e for d in detections for e in d.evidence)
        return Detection(
            situation=situation,
            evidence=evidence,
            precedence=self.precedence,
            sentiment=min((d.sentiment for d in detections), default=0.0),
            candidates=candidates,
            pieces=self._pieces(situation, evidence),
        )

    def sentiment(self, message: str, stems: Sequence[str]) -> float:
        """From -1 (most negative) to 1."""
        if self._sentiment.get("analyser") == "vader":
            return float(_vader().polarity_scores(message)["compound"])
        valences, negations = self._sentiment["valences"], set(self._sentiment["negations"])
        total = 0.0
        for i, stem in enumerate(stems):
            value = valences.get(stem, 0)
            if value and i and stems[i - 1] in negations:
                value = -value / 2
            total += value
        return total / math.sqrt(total * total + 15)

    def _cue_evidence(self, message: str, stems: Sequence[str], score: float) -> list[Evidence]:
        """The cues that fire; `stems` are those of the words outside the message's neutral
        phrases and questions (for the negation cue)."""
        cues, found = self._cues, []
        if "sentiment" in cues and score < cues["sentiment"]["below"]:
            found.append(
                Evidence(cues["sentiment"]["situation"], "cue", "sentiment", detail=f"{score:+.2f}")
            )
        if "shouting" in cues and score < cues["shouting"]["below"]:
            cue = cues["shouting"]
            plain = _NOT_WORDS.sub(" ", message)
            # isupper: letters of scripts without case (CJK, Arabic) are not capitals
            capitals = [
                w for w in _CAPITALS.findall(plain) if len(w) >= cue["min_letters"] and w.isupper()
            ]
            repeated = re.search(cue["repeated"], plain)
            share = len(capitals) / max(len(_WORDS.findall(plain)), 1)
            if len(capitals) >= cue["min_capital_words"] and share >= cue["min_share"]:
                found.append(
                    Evidence(cue["situation"], "cue", "shouting", detail=" ".join(capitals))
                )
            elif repeated:
                found.append(Evidence(cue["situation"], "cue", "shouting", detail=repeated.group()))
        if "negation" in cues and score < cues["negation"]["below"]:
            negation = next(
                (
                    s
                    for s in stems
                    if s in self._negations
                    or (self._negation_suffixes and s.endswith(self._negation_suffixes))
                ),
                None,
            )
            if negation:
                found.append(
                    Evidence(cues["negation"]["situation"], "cue", "negation", detail=negation)
                )
        if "question" in cues:
            cue = cues["question"]
            opener = self._opener(message)
            if opener or (score < cue["below"] and re.search(cue["pattern"], message)):
                shown = " ".join(t.lstrip("=") for t in opener) if opener else ""
                detail = (
                    say("opens with '{shown}'", shown=shown) if opener else say("a question mark")
                )
                found.append(Evidence(cue["situation"], "cue", "question", detail=detail))
        return found

    def _asked(self, message: str) -> list[tuple[int, int]]:
        """Where the message's questions are: sentences that open with a question opener or
        end with a question mark ("are you no longer flying?")."""
        plain = _NOT_WORDS.sub(lambda m: " " * len(m.group()), message)
        asked, start = [], 0
        for end in (*_SENTENCES.finditer(plain), None):
            stop = end.start() if end else len(plain)
            if (end and "?" in end.group()) or self._opening(plain[start:stop]):
                asked.append((start, stop))
            start = end.end() if end else stop
        return asked

    def _opener(self, message: str) -> tuple[str, ...] | None:
        """The question opener that starts a sentence of the message, if any."""
        for sentence in _SENTENCES.split(_NOT_WORDS.sub(" ", message)):
            opener = self._opening(sentence)
            if opener:
                return opener
        return None

    def _opening(self, sentence: str) -> tuple[str, ...] | None:
        """The first question opener, in the lexicon's order, that a sentence starts with."""
        words = text_signals.words(sentence, self.language, limit=self._longest_opener)
        first = self._openers_by_first
        tried = first.get("", [])  # an opener of no words opens every sentence
        if words:
            tried = tried + first.get(words[0].stem, []) + first.get(f"={words[0].form}", [])
        for _, opener in sorted(tried):
            if _matches(opener, words[: len(opener)]):
                return opener
        return None


def _matches(signal: Sequence[str], words: Sequence[text_signals.Word]) -> bool:
    return len(words) == len(signal) and all(
        token in (word.stem, f"={word.form}") for token, word in zip(signal, words, strict=True)
    )


@functools.cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def detector_for(rules: Mapping[str, Any]) -> Detector:
    """The detector of an exported rules document; files without a detection section (format
    1.0) get one built from their situations' signals with the built-in lexicons."""
    data = rules.get("detection")
    if data is None:
        data = text_signals.detection(
            rules["playbook"]["language"],
            [(s["id"], s["signals"], True) for s in rules["situations"]],
        )
    return Detector(data)
