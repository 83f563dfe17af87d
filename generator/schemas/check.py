"""Checking data against a JSON Schema: a fast yes in Rust, the reasons in Python.

Most documents are valid, and `jsonschema_rs` says so in microseconds. Only a document it
does not accept goes through `jsonschema`, whose errors carry what the diagnostics need (the
failing keyword, its value, the path in the document); it decides alone what is wrong.

Both read `$` in a `pattern` as JSON Schema's ECMA-262 regexes do, as the end of the text;
Python's `re` alone would also let it match before a final newline, accepting "late-order\n"
as an id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

import jsonschema_rs

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


class SchemaCheck:
    """One JSON Schema (draft 2020-12), compiled once, checked many times; thread-safe."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        self._fast = jsonschema_rs.Draft202012Validator(dict(schema))

    @cached_property
    def _full(self) -> Draft202012Validator:
        return _python_validator()(dict(self.schema))

    def errors(self, instance: Any) -> Iterator[ValidationError]:
        """What is wrong with `instance`, as jsonschema reports it; nothing when it is valid."""
        try:
            if self._fast.is_valid(instance):
                return iter(())
        except (ValueError, TypeError, OverflowError):
            pass
        return self._full.iter_errors(instance)


def python_pattern(pattern: str) -> str:
    """A JSON Schema pattern for Python's `re`: each `$` outside a character class becomes `\\Z`."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        part = pattern[i : i + 2] if pattern[i] == "\\" else pattern[i]
        i += len(part)
        if in_class:
            in_class = part != "]"
        elif part == "[":
            in_class = True
        elif part == "$":
            part = r"\Z"
        out.append(part)
    return "".join(out)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(python_pattern(pattern))


@cache
def _python_validator() -> type[Draft202012Validator]:
    """jsonschema's draft 2020-12 validator, with `pattern` read as ECMA-262 reads `$`."""
    from jsonschema import Draft202012Validator, validators  # only when something is wrong
    from jsonschema.exceptions import ValidationError

    def pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
        if validator.is_type(instance, "string") and not _compiled(pattern).search(instance):
            yield ValidationError(f"{instance!r} does not match {pattern!r}")

    extended: type[Draft202012Validator] = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"pattern": pattern}
    )
    return extended
