"""Reporters: diagnostics as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .diagnostics import Diagnostic, Level

FORMATS = ("text", "json", "github")


def report(diagnostics: Sequence[Diagnostic], fmt: str) -> str:
    return {"text": _text, "json": _json, "github": _github}[fmt](diagnostics)


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(d.level is Level.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return "valid: no errors, no warnings"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _text(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(d.text() + "\n" for d in diagnostics)


def _json(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(d.level is Level.ERROR for d in diagnostics)
    body = {
        "diagnostics": [d.as_dict() for d in diagnostics],
        "errors": errors,
        "warnings": len(diagnostics) - errors,
    }
    return json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def annotation(level: str, file: str, line: int, column: int, title: str, message: str) -> str:
    """One GitHub Actions workflow command that annotates a file at a line and column."""
    where = f"file={_escape(file, property_value=True)}"
    if line:
        where += f",line={line},col={column}"
    return f"::{level} {where},title={_escape(title, property_value=True)}::{_escape(message)}\n"


def _github(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(
        annotation(d.level.value, d.file, d.line, d.column, d.code,
                   f"{d.pointer}: {d.message}" if d.pointer else d.message)
        for d in diagnostics
    )
