"""Reporters: diagnostics as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from generator import __version__
from generator.checking import Finding
from generator.wording import say, translate

if TYPE_CHECKING:  # not imported at run time, so that checking replies starts faster
    from generator.model.diagnostics import Diagnostic

_ERROR = "error"  # Level.ERROR, a StrEnum, equals its value

FORMATS = ("text", "json", "github")


def report(diagnostics: Sequence[Diagnostic], fmt: str, language: str = "en") -> str:
    """Diagnostics in a format, their sentences in a language (the playbook's)."""
    return {"text": _text, "json": _json, "github": _github}[fmt](diagnostics, language)


def summary(diagnostics: Sequence[Diagnostic], language: str = "en") -> str:
    errors = sum(d.level == _ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return translate(say("valid: no errors, no warnings"), language)
    return translate(
        say(
            "{errors}, {warnings}",
            errors=say("{n} error", n=errors),
            warnings=say("{n} warning", n=warnings),
        ),
        language,
    )


def _text(diagnostics: Sequence[Diagnostic], language: str) -> str:
    return "".join(d.text(language) + "\n" for d in diagnostics)


def _json(diagnostics: Sequence[Diagnostic], language: str) -> str:
    errors = sum(d.level == _ERROR for d in diagnostics)
    body = {
        "diagnostics": [d.as_dict(language) for d in diagnostics],
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


def _github(diagnostics: Sequence[Diagnostic], language: str) -> str:
    return "".join(
        annotation(
            d.level.value,
            d.file,
            d.line,
            d.column,
            d.code,
            f"{d.pointer}: {translate(d.message, language)}"
            if d.pointer
            else translate(d.message, language),
        )
        for d in diagnostics
    )


FINDING_FORMATS = ("text", "json", "sarif", "github")
_SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}
#: What a column counts, in SARIF's words: characters (code points), not UTF-16 units or bytes.
COLUMN_KIND = "unicodeCodePoints"


def report_findings(
    results: Sequence[tuple[str, Sequence[Finding]]],
    fmt: str,
    rules: dict[str, dict[str, str]] | None = None,
    language: str = "en",
    situation: Mapping[str, Any] | None = None,
) -> str:
    """Findings per file as text, JSON, SARIF 2.1.0 or GitHub annotations; the sentences
    around the findings' messages in a language (the playbook's). The JSON says the situation
    the replies were checked in (given, or detected with its confidence)."""
    if fmt == "json":
        body: dict[str, Any] = {
            "column_kind": COLUMN_KIND,
            "findings": [{"file": file, **f.as_dict()} for file, fs in results for f in fs],
        }
        if situation is not None:
            body["situation"] = dict(situation)
        return json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if fmt == "sarif":
        return _sarif(results, rules or {}, language)
    if fmt == "github":
        return "".join(
            annotation(
                "notice" if f.severity == "suggestion" else f.severity,
                file,
                f.line,
                f.column,
                f.rule,
                _sentence(f, language),
            )
            for file, fs in results
            for f in fs
        )
    return "".join(
        f"{file}:{f.line}:{f.column}: {translate(say(f.severity), language)} [{f.rule}] "
        f"{_sentence(f, language)}\n"
        for file, fs in results
        for f in fs
    )


def _sentence(finding: Finding, language: str = "en") -> str:
    text = finding.message.rstrip(".") + "."
    if finding.suggestion:
        suggestion = say("Suggestion: {suggestion}.", suggestion=finding.suggestion)
        text += " " + translate(suggestion, language)
    return f"{text} {translate(say('See {link}', link=finding.link), language)}"


def _sarif(
    results: Sequence[tuple[str, Sequence[Finding]]],
    rules: dict[str, dict[str, str]],
    language: str,
) -> str:
    used = sorted({f.rule for _, fs in results for f in fs})
    body = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "columnKind": COLUMN_KIND,
                "tool": {
                    "driver": {
                        "name": "playbook",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rule_id,
                                "shortDescription": {
                                    "text": rules.get(rule_id, {}).get("message", rule_id)
                                },
                                "helpUri": rules.get(rule_id, {}).get("link", ""),
                                "defaultConfiguration": {
                                    "level": _SARIF_LEVEL[
                                        rules.get(rule_id, {}).get("severity", "warning")
                                    ]
                                },
                            }
                            for rule_id in used
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": f.rule,
                        "ruleIndex": used.index(f.rule),
                        "level": _SARIF_LEVEL[f.severity],
                        "message": {"text": _sentence(f, language)},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": file},
                                    "region": {
                                        "startLine": f.line,
                                        "startColumn": f.column,
                                        "endLine": f.end_line,
                                        "endColumn": f.end_column,
                                        "snippet": {"text": f.match},
                                    },
                                }
                            }
                        ],
                        **_sarif_fixes(file, f, language),
                    }
                    for file, fs in results
                    for f in fs
                ],
            }
        ],
    }
    return json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _sarif_fixes(file: str, finding: Finding, language: str) -> dict[str, Any]:
    """A finding's fix as SARIF's `fixes`: the region to delete and the text to insert."""
    if finding.fix is None:
        return {}
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.offset,
        "charLength": len(finding.match),
    }
    change = {
        "artifactLocation": {"uri": file},
        "replacements": [{"deletedRegion": region, "insertedContent": {"text": finding.fix}}],
    }
    return {
        "fixes": [
            {
                "description": {
                    "text": translate(say("write '{text}'", text=finding.fix), language)
                },
                "artifactChanges": [change],
            }
        ]
    }
