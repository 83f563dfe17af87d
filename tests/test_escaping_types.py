"""Escaping gives each value its own text: equal values of other types never share one."""

from __future__ import annotations

import pytest

from generator.site.escaping import cell, code, inline, url


@pytest.mark.parametrize("escape", [inline, cell, code, url])
def test_equal_values_of_other_types_keep_their_own_text(escape) -> None:  # type: ignore[no-untyped-def]
    for value in (1.0, True, 1, 1.0):
        assert escape(value) == escape(str(value))
