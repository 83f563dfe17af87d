"""Messages in the playbook's language, from the site's translation files.

A message is written in the code as English with named values, `say("sent after {wait}",
wait=Duration(90))`: a `Phrase`, a string whose text is the English sentence, so that every
caller that prints it, compares it or writes it as JSON works unchanged. At the edge that
knows the playbook's language, `translate(phrase, "it")` looks the English template up in
`site_templates/translations/it.yml` and fills in the values, themselves translated when they
are phrases or durations. A value in a translation file is a text, or a mapping of plural
forms (`one`, `other`) chosen by the value named `n`. A language without a file, and a
template without a translation, give English: the site falls back the same way.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any, overload

import yaml

from generator.resources import SITE_TEMPLATES

__all__ = ["Duration", "Phrase", "entries", "say", "table", "translate"]

Entry = str | dict[str, str]
_UNITS = (("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1))


@cache
def table(language: str) -> dict[str, Entry]:
    """Every text of a language (English template or key -> text or plural forms), English
    for what the language's file lacks; English alone for a language without a file."""
    return {**entries("en"), **entries(language)} if language != "en" else entries("en")


@cache
def entries(language: str) -> dict[str, Entry]:
    """The texts of one language's file, empty when the language has none."""
    path = SITE_TEMPLATES / "translations" / f"{language}.yml"
    if not language.isalnum() or not path.is_file():
        return {}
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        str(key): {str(k): str(v).rstrip("\n") for k, v in value.items()}
        if isinstance(value, dict)
        else str(value).rstrip("\n")
        for key, value in loaded.items()
    }


def _form(entry: Entry, values: dict[str, Any]) -> str:
    if isinstance(entry, str):
        return entry
    count = values.get("n")
    return entry["one"] if count == 1 else entry["other"]


class Phrase(str):
    """An English sentence that keeps its template and values, to be translated later."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, values: dict[str, Any]) -> Phrase:
        entry = entries("en").get(template, template)
        self = super().__new__(cls, _form(entry, values).format_map(values))
        self.template, self.values = template, values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Phrase, (self.template, self.values))

    def __add__(self, other: str) -> str:
        return say("{a}{b}", a=self, b=other) if other else self

    def __radd__(self, other: str) -> str:
        return say("{a}{b}", a=other, b=self) if other else self


def say(template: str, /, **values: Any) -> Phrase:
    """An English message with named values; `translate` gives it in another language."""
    return Phrase(template, values)


class Duration(str):
    """A number of seconds as words: '1 h 30 min' in English, '1 ora e 30 minuti' in Italian."""

    seconds: int

    def __new__(cls, seconds: int) -> Duration:
        self = super().__new__(cls, _duration(int(seconds), "en"))
        self.seconds = int(seconds)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Duration, (self.seconds,))


@lru_cache(maxsize=4096)
def _duration(seconds: int, language: str) -> str:
    words = table(language)
    parts = []
    for unit, size in _UNITS:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(_form(words[f"duration-{unit}"], {"n": count}).format(n=count))
    if not parts:
        return _form(words["duration-s"], {"n": 0}).format(n=0)
    if len(parts) == 1:
        return parts[0]
    return _form(words["duration-list"], {}).format(
        first=_form(words["duration-separator"], {}).join(parts[:-1]), last=parts[-1]
    )


@overload
def translate(text: str, language: str) -> str: ...
@overload
def translate(text: None, language: str) -> None: ...
@overload
def translate(text: Any, language: str) -> Any: ...


def translate(text: Any, language: str) -> Any:
    """A phrase or a duration in a language; any other value as it is (a text written by the
    user, a number, None)."""
    # English is what a phrase already is: nothing to do, on the checker's hot path.
    if language == "en" or not isinstance(text, (Phrase, Duration)):
        return text
    return _translated(text, language)


@lru_cache(maxsize=8192)
def _translated(text: Phrase | Duration, language: str) -> str:
    if isinstance(text, Duration):
        return _duration(text.seconds, language)
    values = {name: translate(value, language) for name, value in text.values.items()}
    entry = table(language).get(text.template, text.template)
    return _form(entry, text.values).format_map(values)
