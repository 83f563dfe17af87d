"""Diagnostics: one problem found in the guidelines, with where, what and how to fix."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from generator.wording import say, translate


class Level(StrEnum):
    """How serious a diagnostic is; warnings fail validation only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at a 1-based line and column of a file (line 0 when it concerns the folder)."""

    file: str
    line: int
    column: int
    level: Level
    code: str
    message: str
    pointer: str = ""

    def text(self, language: str = "en") -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        pointer = f"{self.pointer}: " if self.pointer else ""
        level = translate(say(self.level.value), language)
        return f"{where}: {level} [{self.code}] {pointer}{translate(self.message, language)}"

    def as_dict(self, language: str = "en") -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.level.value,
            "code": self.code,
            "pointer": self.pointer,
            "message": translate(self.message, language),
        }


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str, str]:
    return (
        diagnostic.file,
        diagnostic.line,
        diagnostic.column,
        diagnostic.code,
        diagnostic.message,
    )


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' Did you mean ...?' suffix for the closest choice, or ''."""
    import difflib

    close = difflib.get_close_matches(str(word), sorted(map(str, choices)), n=1, cutoff=0.6)
    return say(" Did you mean '{choice}'?", choice=close[0]) if close else ""
