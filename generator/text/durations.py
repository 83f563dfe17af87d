"""Durations written like `40s`, `30m`, `2h`, `1d` or `1h30m`, as whole seconds."""

from __future__ import annotations

import re

UNITS = {"d": 86_400, "h": 3_600, "m": 60, "s": 1}
#: JSON Schema pattern for a duration: one or more number-unit pairs, largest unit first.
PATTERN = r"^(?=\d)(\d+d)?(\d+h)?(\d+m)?(\d+s)?$"
_PART = re.compile(r"(\d+)([dhms])")


def parse(text: str) -> int:
    """Seconds in a duration; raise ValueError with how to write it if malformed."""
    text = str(text).strip()
    if not re.fullmatch(PATTERN, text):
        raise ValueError(f"'{text}' is not a duration: write it like 40s, 30m, 2h, 1d or 1h30m")
    return sum(int(n) * UNITS[unit] for n, unit in _PART.findall(text))


def format(seconds: int) -> str:
    """The shortest way to write a number of seconds: 5400 -> '1h30m'."""
    if seconds == 0:
        return "0s"
    parts = []
    for unit, size in UNITS.items():
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts)


#: The units' symbols on the site, in English; a site in another language passes its own.
SYMBOLS = {"d": "d", "h": "h", "m": "min", "s": "s"}


def describe(seconds: int, symbols: dict[str, str] = SYMBOLS) -> str:
    """Human words for the site: 5400 -> '1 h 30 min'."""
    return " ".join(f"{n} {symbols[u]}" for n, u in _PART.findall(format(seconds)))
