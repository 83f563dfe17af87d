"""Situation signals as data: words split and stemmed per language, and the built-in lexicons.

A signal is a word or a phrase. It matches a message when the stems of its words occur in the
message's words, in the same order and next to each other (a word whose stem is under four
letters and shorter than itself must occur as written). Words are runs of letters and
digits (an apostrophe inside a word keeps it whole in English, and splits it in Italian, so
that "l'operatore" holds "operatore"), compared in lower case after Unicode normal form C,
and stemmed with the Snowball stemmer of the playbook's language. The built-in lexicons ship
in `rules/situations.json`; `detection()` merges them with a playbook's own signals into the
section of the export that any implementation needs to detect situations the same way.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from generator.text.matching import APOSTROPHES, nfc

#: Snowball's algorithm for each language of the format.
STEMMERS = {
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
}
_WORD_KEEP = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_WORD_SPLIT = re.compile(r"[^\W_]+|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_NOT_WORDS = re.compile(r"(?:https?://|www\.)\S+|@\w+")
_APOSTROPHE = str.maketrans({a: "'" for a in APOSTROPHES[1:]})


class Word(NamedTuple):
    """A word of a message: where it is, as typed, and its stem."""

    start: int
    end: int
    stem: str
    form: str  # the word in lower case, for signals that match only as written


@functools.cache
def builtin() -> dict[str, Any]:
    """The built-in lexicons, cues and precedence (`rules/situations.json`)."""
    from generator.resources import RULES  # on first use: importlib.resources is slow to load

    data: dict[str, Any] = json.loads((RULES / "situations.json").read_text(encoding="utf-8"))
    return data


def language_data(language: str) -> Mapping[str, Any]:
    languages: Mapping[str, Mapping[str, Any]] = builtin()["languages"]
    return languages.get(language, {"stemmer": STEMMERS.get(language), "signals": {}})


@functools.cache
def _stem_function(algorithm: str | None) -> Any:
    if algorithm is None:
        return lambda word: word
    known = _known_stems(algorithm)
    stemmer: list[Any] = []

    def stem(word: str) -> str:
        found = known.get(word)
        if found is None:
            if not stemmer:
                stemmer.append(_snowball(algorithm))
            found = known[word] = stemmer[0](word)
        return found

    return stem


def _snowball(algorithm: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm).stemWord


def _known_stems(algorithm: str) -> dict[str, str]:
    """The stem of every word of the built-in lexicons and cues, kept between runs for the
    installed Snowball stemmers: stemming them in Python takes a build tens of ms."""
    import importlib.util
    import os

    from generator.caching import cached_json

    def make() -> dict[str, str]:
        stem = _snowball(algorithm)
        forms = {
            m.group().translate(_APOSTROPHE).casefold()
            for text in _texts(builtin())
            for pattern in (_WORD_KEEP, _WORD_SPLIT)
            for m in pattern.finditer(nfc(text))
        }
        return {form: stem(form) for form in sorted(forms)}

    spec = importlib.util.find_spec("snowballstemmer")
    origin = spec.origin if spec and spec.origin else ""
    installed = f"{origin} {os.stat(origin).st_mtime_ns}" if origin else ""
    lexicons = hashlib.sha256(json.dumps(builtin(), sort_keys=True).encode()).hexdigest()
    key = f"snowballstemmer {installed} {algorithm} {lexicons}"
    return dict(cached_json(f"stems-{algorithm}", key, make))


def _texts(value: Any) -> Iterable[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def words(text: str, language: str, limit: int | None = None) -> list[Word]:
    """The words of a text with their stems, in order (the text is taken as NFC already);
    the first `limit` of them when given."""
    pattern, stem = _splitter(language)
    # @mentions and links are not the customer's words: "@AmericanAir did" reads "did".
    skipped = iter([(m.start(), m.end()) for m in _NOT_WORDS.finditer(text)])
    span = next(skipped, None)
    found: list[Word] = []
    for m in pattern.finditer(text):
        begin = m.start()
        while span is not None and span[1] <= begin:  # spans come in order, apart
            span = next(skipped, None)
        if span is not None and span[0] <= begin:
            continue
        form = m.group().translate(_APOSTROPHE).casefold()
        found.append(Word(begin, m.end(), stem(form), form))
        if len(found) == limit:
            break
    return found


@functools.cache
def _splitter(language: str) -> tuple[re.Pattern[str], Any]:
    """A language's word pattern and its stemmer."""
    data = language_data(language)
    split = data.get("split_apostrophes", False)
    return (_WORD_SPLIT if split else _WORD_KEEP), _stem_function(data.get("stemmer"))


def stems(phrase: str, language: str) -> list[str]:
    return [w.stem for w in words(nfc(phrase), language)]


def tokens(phrase: str, language: str) -> list[str]:
    """What each word of a signal matches: its stem, or "=" and the word itself when the stem
    is under four letters and shorter than the word ("awful" stems to "aw", as "aws" does) or
    when the word is written with "=" before it ("=missing" does not match "miss")."""
    text = nfc(phrase)
    return [
        w.stem
        if text[w.start - 1 : w.start] != "=" and (len(w.stem) >= 4 or w.stem == w.form)
        else f"={w.form}"
        for w in words(text, language)
    ]


def _signals(phrases: Iterable[str], language: str) -> list[dict[str, Any]]:
    """Each phrase with its stems, once, in a stable order."""
    seen: dict[tuple[str, ...], str] = {}
    for phrase in phrases:
        key = tuple(tokens(phrase, language))
        if key and key not in seen:
            seen[key] = phrase
    return [{"phrase": p, "stems": list(k)} for k, p in sorted(seen.items(), key=lambda i: i[1])]


def precedence(situation_ids: Sequence[str]) -> list[str]:
    """A playbook's own situations first (they are the specific ones), then the built-in ones
    in their documented order."""
    order = builtin()["precedence"]
    return [s for s in situation_ids if s not in order] + [s for s in order if s in situation_ids]


def detection(
    language: str, situations: Sequence[tuple[str, Sequence[str], bool]]
) -> dict[str, Any]:
    """The exported detection data for (id, own signals, use built-ins) situations."""
    data = language_data(language)
    lexicons = data.get("signals", {})
    cues = builtin()["cues"]
    own = {s[0] for s in situations}
    use_builtin = {s[0] for s in situations if s[2]}
    return {
        "language": language,
        "stemmer": data.get("stemmer"),
        "split_apostrophes": data.get("split_apostrophes", False),
        "precedence": precedence([s[0] for s in situations]),
        "signals": {
            sid: _signals(
                [*signals, *(lexicons.get(sid, []) if use else [])],
                language,
            )
            for sid, signals, use in situations
        },
        "cues": {
            name: {**cue, "description": cue["description"]}
            for name, cue in sorted(cues.items())
            if cue["situation"] in own and cue["situation"] in use_builtin
        },
        "negations": sorted({s for n in data.get("negations", []) for s in stems(n, language)}),
        "negation_suffixes": data.get("negation_suffixes", []),
        "question_openers": _signals(data.get("question_openers", []), language),
        "praise_words": _signals(data.get("praise", []), language),
        "neutral_phrases": _signals(data.get("neutral", []), language),
        "sentiment": _sentiment(language, data),
    }


def _sentiment(language: str, data: Mapping[str, Any]) -> dict[str, Any]:
    if language == "en":
        return {"analyser": "vader", "version": "3.3.2"}
    valences = {
        w.stem: v for word, v in data.get("sentiment", {}).items() for w in words(word, language)
    }
    return {
        "analyser": "lexicon",
        "valences": dict(sorted(valences.items())),
        "negations": sorted(
            {s for n in data.get("valence_negations", []) for s in stems(n, language)}
        ),
        "normalisation": "score = sum / sqrt(sum * sum + 15), as VADER's compound score",
    }
