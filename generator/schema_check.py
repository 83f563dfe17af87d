"""Checking data against a JSON Schema: a fast yes in Rust, the reasons in Python.

Most documents are valid, and `jsonschema_rs` says so in microseconds. Only a document it
does not accept goes through `jsonschema`, whose errors carry what the diagnostics need (the
failing keyword, its value, the path in the document); it decides alone what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

import jsonschema_rs

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


class SchemaCheck:
    """One JSON Schema (draft 2020-12), compiled once, checked many times; thread-safe."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        self._fast = jsonschema_rs.Draft202012Validator(schema)

    @cached_property
    def _full(self) -> Draft202012Validator:
        from jsonschema import Draft202012Validator  # imported only when something is wrong

        return Draft202012Validator(self.schema)

    def errors(self, instance: Any) -> Iterator[ValidationError]:
        """What is wrong with `instance`, as jsonschema reports it; nothing when it is valid."""
        try:
            if self._fast.is_valid(instance):
                return iter(())
        except (ValueError, TypeError, OverflowError):
            pass
        return self._full.iter_errors(instance)
