"""Regular expressions that run in linear time (RE2 syntax), for user-written patterns."""

from __future__ import annotations

import re

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False


class PatternError(ValueError):
    pass


def compile_linear(pattern: str, *, case_sensitive: bool = False) -> re2._Regexp:
    """Compile with RE2; raise PatternError saying why a pattern is refused."""
    try:
        return re2.compile(pattern if case_sensitive else f"(?i)(?:{pattern})", options=_OPTIONS)
    except re2.error as error:
        try:
            re.compile(pattern)
        except re.error as python_error:
            raise PatternError(
                f"'{pattern}' is not a valid regular expression: {python_error}."
            ) from None
        reason = error.args[0].decode() if isinstance(error.args[0], bytes) else str(error)
        raise PatternError(
            f"'{pattern}' cannot run in linear time ({reason}): rewrite it without "
            "backreferences or lookaround, in RE2 syntax."
        ) from None


def problem(pattern: str) -> str | None:
    try:
        compile_linear(pattern)
    except PatternError as error:
        return str(error)
    return None
