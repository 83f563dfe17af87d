"""Regular expressions that run in linear time (RE2 syntax), for user-written patterns."""

from __future__ import annotations

import re
import warnings

import re2

from generator.wording import say

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
#: `\C` (an odd number of backslashes, then C): RE2's "any byte", which splits characters.
_ANY_BYTE = re.compile(r"(?<!\\)(?:\\\\)*\\C")
#: RE2's complaints about what only a backtracking engine can do: lookaround, backreferences.
_NOT_LINEAR = re.compile(r"invalid perl operator: \(\?(?:[=!]|<[=!]|P=)|invalid escape .*\\\d")


class PatternError(ValueError):
    pass


def compile_linear(pattern: str, *, case_sensitive: bool = False) -> re2._Regexp:
    """Compile with RE2; raise PatternError saying why a pattern is refused."""
    if _ANY_BYTE.search(pattern):
        raise PatternError(
            say(
                "'{pattern}' uses \\C, which matches one byte and can split a character: use . "
                "to match one character.",
                pattern=pattern,
            )
        )
    try:
        return re2.compile(pattern if case_sensitive else f"(?i)(?:{pattern})", options=_OPTIONS)
    except re2.error as error:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # Python's own doubts about a pattern RE2 refused
                re.compile(pattern)
        except re.error as python_error:
            raise PatternError(
                say(
                    "'{pattern}' is not a valid regular expression: {python_error}.",
                    pattern=pattern,
                    python_error=python_error,
                )
            ) from None
        reason = error.args[0].decode() if isinstance(error.args[0], bytes) else str(error)
        if _NOT_LINEAR.search(reason) or "(?P=" in pattern:
            raise PatternError(
                say(
                    "'{pattern}' cannot run in linear time ({reason}): rewrite it without "
                    "backreferences or lookaround, in RE2 syntax.",
                    pattern=pattern,
                    reason=reason,
                )
            ) from None
        raise PatternError(
            say(
                "'{pattern}' is not a valid regular expression in RE2 syntax ({reason}): see "
                "https://github.com/google/re2/wiki/Syntax.",
                pattern=pattern,
                reason=reason,
            )
        ) from None


def problem(pattern: str) -> str | None:
    try:
        compile_linear(pattern)
    except PatternError as error:
        reason: str = error.args[0]  # the message itself, to be translated (generator.wording)
        return reason
    return None


# An inline flag group, (?flags) or (?flags:, that no backslash escapes.
_FLAGS = re.compile(r"(?:^|[^\\])(?:\\\\)*\(\?([a-zA-Z]*(?:-[a-zA-Z]*)?)[:)]")
_ANY_BYTE = re.compile(r"(?:^|[^\\])(?:\\\\)*\\C")


def browser_problem(pattern: str, *, case_sensitive: bool = False) -> str | None:
    """Why the site's checker, in JavaScript, cannot apply a pattern that RE2 accepts.

    JavaScript has one case rule for a whole expression, no ungreedy mode and no \\C; the
    rest of RE2's syntax is translated (see site_templates/js/re2.js).
    """
    if _ANY_BYTE.search(pattern):
        return say(
            "'{pattern}' uses \\C (any byte), which the site's checker cannot apply: use '.'.",
            pattern=pattern,
        )
    for found in _FLAGS.finditer(pattern):
        on, _, off = found.group(1).partition("-")
        if "U" in on + off:
            return say(
                "'{pattern}' uses the flag U, which the site's checker cannot apply: write "
                "lazy repetitions such as *? and +? instead.",
                pattern=pattern,
            )
        if ("i" in on and case_sensitive) or ("i" in off and not case_sensitive):
            return say(
                "'{pattern}' makes part of the pattern {mode} letter case, which the "
                "site's checker cannot apply: set the rule's case_sensitive to {value} "
                "instead.",
                pattern=pattern,
                mode=say("ignore") if "i" in on else say("match"),
                value="false" if case_sensitive else "true",
            )
    return None
