"""Reading YAML files safely, keeping the line and column of every value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, AnyStr

import yaml

from generator.model.diagnostics import Diagnostic, Level
from generator.wording import say

try:  # libyaml's C composer is several times faster; the pure-Python one is the fallback.
    from yaml import CSafeLoader as _Composer
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Composer  # type: ignore[assignment]

_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))
_MERGE = "tag:yaml.org,2002:merge"


class _Loader(_Composer):
    """Composes nodes without PyYAML's YAML 1.1 typing of plain scalars (`_scalar` types them
    by YAML 1.2 rules); only the merge key `<<` keeps its tag, to be refused."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _MERGE if value == "<<" and implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


MAX_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]

# YAML 1.2 core schema: "no", "on" and "9:00" stay strings, unlike PyYAML's YAML 1.1 rules.
_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
#: How a plain scalar that is not text begins: null, a boolean or a number.
_NOT_TEXT_STARTS = frozenset("~nNtTfF0123456789+-.")
_KNOWN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}
#: Characters YAML 1.2 does not allow in a stream (its c-printable, negated).
_DISALLOWED = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TAB_INDENT = re.compile(r"^( *)\t", re.MULTILINE)


@dataclass(frozen=True)
class Document:
    """A YAML file as plain data, with the position of each value and each mapping key."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of the value at `path`, or of its closest existing parent."""
        path = tuple(path)
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


class _Problem(Exception):
    """A mistake found while building the data: its arguments are line, column, code, message."""


def load_bytes(raw: bytes, display: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one YAML document; on failure return no document and the reasons."""
    if len(raw) > MAX_BYTES:
        return None, [
            _error(
                display,
                1,
                1,
                "yaml/too-large",
                say(
                    "the file has {size:,} bytes, more than the {limit:,} allowed: "
                    "split it or remove what it does not need.",
                    size=len(raw),
                    limit=MAX_BYTES,
                ),
            )
        ]
    try:
        text = raw.decode()
    except UnicodeDecodeError as error:
        return None, [
            _error(
                display,
                *_line_and_column(raw[: error.start], b"\n"),
                "yaml/encoding",
                say(
                    "byte 0x{byte:02x} is not UTF-8: save the file as UTF-8.", byte=raw[error.start]
                ),
            )
        ]
    text = text.removeprefix("\ufeff")
    tabs = [
        _error(
            display,
            *_line_and_column(text[: m.end(1)], "\n"),
            "yaml/tab",
            say("a tab in the indentation: YAML indents with spaces only, replace it with spaces."),
        )
        for m in _TAB_INDENT.finditer(text)
    ]
    if tabs:
        return None, tabs
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(display, error)]
    except yaml.reader.ReaderError:
        # Raised before any mark exists, with a position libyaml may count in bytes: find the
        # character again in the text.
        # libyaml's reader refuses exactly the characters _DISALLOWED finds: one is found.
        found = _DISALLOWED.search(text)
        at = found.start() if found else 0  # pragma: no mutate
        return None, [
            _error(
                display,
                *_line_and_column(text[:at], "\n"),
                "yaml/character",
                say(
                    "character U+{code:04X} is a control character, which YAML does not allow: "
                    "delete it (or write it as an escape in a quoted string).",
                    code=ord(text[at]),
                ),
            )
        ]
    except yaml.YAMLError as error:
        return None, [_error(display, 1, 1, "yaml/syntax", f"{error}.")]
    if node is None:
        return None, [
            _error(
                display,
                1,
                1,
                "yaml/empty",
                say("the file is empty: write its contents or delete it."),
            )
        ]
    builder = _Builder()
    try:
        data = builder.build(node, (), 0)
    except _Problem as problem:
        return None, [_error(display, *problem.args)]
    return Document(display, data, builder.positions, builder.key_positions), []


def _line_and_column(before: AnyStr, newline: AnyStr) -> tuple[int, int]:
    """The line and column (from 1) of what comes right after `before`."""
    return before.count(newline) + 1, len(before) - before.rfind(newline)


def _syntax_error(display: str, error: yaml.MarkedYAMLError) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = error.problem or say("invalid YAML")
    context = say(" ({context})", context=error.context) if error.context else ""
    start = error.context_mark
    if start and mark and start.line != mark.line:
        # The parser gives up where the stream ends or the next key starts, often lines after
        # the mistake (an unclosed quote or bracket), which is where the context began.
        where = say("line {line}, column {column}", line=start.line + 1, column=start.column + 1)
        context = say(" ({context} that starts at {where})", context=error.context, where=where)
        if "quoted scalar" in (error.context or ""):
            line, column = start.line + 1, start.column + 1
            return _error(
                display,
                line,
                column,
                "yaml/syntax",
                say(
                    "this quote is never closed: YAML {what} at line {line}, column "
                    "{column} while reading the quoted text; close the quote on this line.",
                    what=what,
                    line=mark.line + 1,
                    column=mark.column + 1,
                ),
            )
    hint = ""
    if "mapping values are not allowed" in what:
        hint = say(": quote a value that contains ': '")
    elif "could not find expected ':'" in what:
        hint = say(": check the indentation of this line and the one above")
    elif "found undefined alias" in what:
        hint = say(": define the anchor (&name) before using it")
    return _error(
        display,
        line,
        column,
        "yaml/syntax",
        say("{what}{context}{hint}.", what=what, context=context, hint=hint),
    )


def _error(file: str, line: int, column: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(file, line, column, Level.ERROR, code, message)


class _Builder:
    """Turns composed YAML nodes into plain data, counting nodes to stop alias bombs."""

    def __init__(self) -> None:
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}
        self.count = 0

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        where = (node.start_mark.line + 1, node.start_mark.column + 1)
        if self.count > MAX_NODES:
            raise _Problem(
                *where,
                "yaml/too-large",
                say(
                    "the document expands to more than {limit:,} values (aliases repeating "
                    "aliases?): write it out without nested aliases.",
                    limit=MAX_NODES,
                ),
            )
        if depth > MAX_DEPTH:
            raise _Problem(
                *where,
                "yaml/too-deep",
                say(
                    "values nested more than {MAX_DEPTH} levels deep (a recursive alias?): "
                    "flatten it.",
                    MAX_DEPTH=MAX_DEPTH,
                ),
            )
        self.positions.setdefault(path, where)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node, where)
        if node.tag != (_MAP if isinstance(node, yaml.MappingNode) else _SEQ):
            raise _tag_problem(node, where)  # !!set, !!omap, a custom tag
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Problem(
                    *where, "yaml/key", say("a key must be plain text, not a list or mapping.")
                )
            if key_node.tag == _MERGE:
                raise _Problem(
                    *where,
                    "yaml/merge",
                    say("merge keys (<<) are not supported: write the keys out."),
                )
            key = str(_scalar(key_node, where))
            if key in seen:
                raise _Problem(
                    *where,
                    "yaml/duplicate-key",
                    say(
                        "duplicate key '{key}' (first at line {line}): keep one of them.",
                        key=key,
                        line=seen[key],
                    ),
                )
            seen[key] = where[0]
            self.key_positions[(*path, key)] = where
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result


def _scalar(node: yaml.ScalarNode, where: tuple[int, int]) -> Any:
    value: str = node.value
    if node.tag not in _KNOWN_TAGS:
        raise _tag_problem(node, where)
    if node.style:  # quoted or block scalars are always text
        return value
    if value and value[0] not in _NOT_TEXT_STARTS:
        return value
    if _NULL.fullmatch(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _tag_problem(node: yaml.Node, where: tuple[int, int]) -> _Problem:
    return _Problem(*where, "yaml/tag", say("unsupported tag '{tag}': remove it.", tag=node.tag))


def pointer(path: tuple[Any, ...]) -> str:
    """The JSON pointer of a path of keys and indexes."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)
