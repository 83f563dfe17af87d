"""Reading YAML: where a value is, and what a syntax error says (behaviour that mutants of the
loader changed while every other test passed)."""

from __future__ import annotations

import pytest
import yaml

from generator.validation import loading
from generator.validation.loading import MAX_BYTES, Document, _syntax_error, load_bytes


def test_a_missing_value_is_placed_at_its_closest_existing_parent() -> None:
    document, problems = load_bytes(b"a:\n  b:\n    - x\n", "f.yml")
    assert document is not None and not problems
    assert document.where(("a", "b", 0, "missing")) == (3, 7)
    assert document.where(("a", "b", 0, "missing", "deeper")) == (3, 7)
    assert document.where(("a", "missing", "deeper")) == (2, 3)
    assert document.where(("missing",)) == (1, 1)
    assert document.where(("a", "b"), key=True) == (2, 3)
    assert document.where(("a", "b")) == (3, 5)


def test_a_document_without_positions_places_everything_at_the_top() -> None:
    assert Document("f.yml", {"a": 1}).where(("a",)) == (1, 1)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"a: @x\n",
            "f.yml:1:4: error [yaml/syntax] found character that cannot start any token (while "
            "scanning for the next token).",
        ),
        (
            b"[a, b: c, d}\n",
            "f.yml:1:12: error [yaml/syntax] did not find expected ',' or ']' (while parsing a "
            "flow sequence).",
        ),
    ],
)
def test_a_syntax_error_names_what_the_parser_was_reading(raw: bytes, expected: str) -> None:
    document, problems = load_bytes(raw, "f.yml")
    assert document is None and [p.text() for p in problems] == [expected]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"[a]: 1\n",
            "f.yml:1:1: error [yaml/key] a key must be plain text, not a list or mapping.",
        ),
        (
            b"a: 1\n<<: {b: 2}\n",
            "f.yml:2:1: error [yaml/merge] merge keys (<<) are not supported: write the keys out.",
        ),
        (
            b"!!binary x: 1\n",
            "f.yml:1:1: error [yaml/tag] unsupported tag 'tag:yaml.org,2002:binary': remove it.",
        ),
        (
            b"a: !!set {x}\n",
            "f.yml:1:4: error [yaml/tag] unsupported tag 'tag:yaml.org,2002:set': remove it.",
        ),
        (b"a: !custom [1]\n", "f.yml:1:4: error [yaml/tag] unsupported tag '!custom': remove it."),
    ],
)
def test_yaml_that_is_not_plain_data_is_refused(raw: bytes, expected: str) -> None:
    document, problems = load_bytes(raw, "f.yml")
    assert document is None and [p.text() for p in problems] == [expected]


def test_a_syntax_error_without_a_position_or_a_problem_is_reported_at_the_top() -> None:
    # libyaml always gives both; the report must not fail if a parser gives neither.
    diagnostic = _syntax_error("f.yml", yaml.MarkedYAMLError())
    assert diagnostic.text() == "f.yml:1:1: error [yaml/syntax] invalid YAML."


def _texts(raw: bytes) -> list[str]:
    document, problems = load_bytes(raw, "f.yml")
    assert (document is None) == bool(problems)
    return [p.text() for p in problems]


def test_a_file_of_the_largest_size_allowed_is_read() -> None:
    head = b"a: 1\n"
    assert _texts(head + b"#" * (MAX_BYTES - len(head))) == []
    assert _texts(head + b"#" * (MAX_BYTES - len(head) + 1)) == [
        "f.yml:1:1: error [yaml/too-large] the file has 1,000,001 bytes, more than the 1,000,000 "
        "allowed: split it or remove what it does not need."
    ]


def test_values_nested_deeper_than_allowed_are_refused_where_the_limit_is_passed() -> None:
    deepest = loading.MAX_DEPTH + 1  # the outermost list is at depth 0
    assert _texts(b"[" * deepest + b"]" * deepest) == []
    assert _texts(b"[" * (deepest + 1) + b"]" * (deepest + 1)) == [
        f"f.yml:1:{deepest + 1}: error [yaml/too-deep] values nested more than 64 levels deep (a "
        "recursive alias?): flatten it."
    ]


def test_more_values_than_allowed_are_refused_at_the_first_one_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The real limit (200,000) takes seconds to reach: test_validation.py's alias bomb does.
    monkeypatch.setattr(loading, "MAX_NODES", 5)
    assert _texts(b"[1, 2, 3, 4]\n") == []
    too_many = (
        "error [yaml/too-large] the document expands to more than 5 values (aliases repeating "
        "aliases?): write it out without nested aliases."
    )
    assert _texts(b"[1, 2, 3, 4, 5]\n") == [f"f.yml:1:14: {too_many}"]
    # An alias counts its values each time it is used.
    assert _texts(b"a: &a [1]\nb: [*a, *a]\n") == [f"f.yml:1:8: {too_many}"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"\xe8",
            "f.yml:1:1: error [yaml/encoding] byte 0xe8 is not UTF-8: save the file as UTF-8.",
        ),
        (
            b"\na: Caff\xe8\n",
            "f.yml:2:8: error [yaml/encoding] byte 0xe8 is not UTF-8: save the file as UTF-8.",
        ),
        (
            b"a: 1\nb: 2\nc: Caff\xe8\nd: 3\n",
            "f.yml:3:8: error [yaml/encoding] byte 0xe8 is not UTF-8: save the file as UTF-8.",
        ),
        (
            b"\xef\xbb\xbf\ta: 1\n",  # after a byte order mark
            "f.yml:1:1: error [yaml/tab] a tab in the indentation: YAML indents with spaces only, "
            "replace it with spaces.",
        ),
        (
            b"a:\n  - x\n  \t- y\n",
            "f.yml:3:3: error [yaml/tab] a tab in the indentation: YAML indents with spaces only, "
            "replace it with spaces.",
        ),
        (
            b"\x01",
            "f.yml:1:1: error [yaml/character] character U+0001 is a control character, which YAML "
            "does not allow: delete it (or write it as an escape in a quoted string).",
        ),
        (
            b"a: 1\nb: [x,\n  y\x7f]\n",
            "f.yml:3:4: error [yaml/character] character U+007F is a control character, which YAML "
            "does not allow: delete it (or write it as an escape in a quoted string).",
        ),
    ],
)
def test_a_mistake_before_parsing_is_placed_at_its_line_and_column(
    raw: bytes, expected: str
) -> None:
    assert _texts(raw) == [expected]


def test_a_byte_order_mark_is_not_part_of_the_document() -> None:
    document, problems = load_bytes(b"\xef\xbb\xbfa: 1\n", "f.yml")
    assert document is not None and not problems
    assert document.data == {"a": 1} and document.where(("a",)) == (1, 4)


def test_mappings_nested_deeper_than_allowed_are_refused() -> None:
    deepest = loading.MAX_DEPTH  # the value of the innermost key of `deepest` mappings
    assert _texts(b"{a: " * deepest + b"1" + b"}" * deepest) == []
    assert _texts(b"{a: " * (deepest + 1) + b"1" + b"}" * (deepest + 1)) == [
        f"f.yml:1:{4 * (deepest + 1) + 1}: error [yaml/too-deep] values nested more than 64 "
        "levels deep (a recursive alias?): flatten it."
    ]


def test_a_parser_error_without_a_position_is_reported_at_the_top(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # libyaml raises none (its errors have a position); another parser's would still be a
    # diagnostic rather than a traceback.
    def compose(text: str, Loader: type) -> None:  # noqa: N803 - PyYAML's name
        raise yaml.YAMLError("the parser gave up")

    monkeypatch.setattr(yaml, "compose", compose)
    assert _texts(b"a: 1\n") == ["f.yml:1:1: error [yaml/syntax] the parser gave up."]
