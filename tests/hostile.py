"""A copy of the sample playbook with script payloads in every text field that stays valid."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.validation import validate
from generator.validation.loading import load_bytes, pointer
from tests.conftest import SAMPLE

#: What a hostile CX lead might type: tags, handlers, script links, a title breakout.
PAYLOAD = (
    ' </title><script>alert("t")</script><img src=x onerror=alert("i")>'
    '<svg onload=alert("s")> [a](javascript:alert("l")) {{ 7*7 }} "\'>'
)
#: The same in Markdown fields, plus a reference link whose target is on the next line.
MARKDOWN_PAYLOAD = PAYLOAD + '\n\n[d]\n\n[d]:\n  javascript:alert("r")\n'
PAGE = """---
title: </title><script>alert("front")</script>
subtitle: <img src=x onerror=alert("sub")>
---

# Hostile <img src=x onerror=alert("h1")>

<script>alert("page")</script>
<img src="x" onerror="alert('img')">
<a href="javascript:alert('href')">click</a>
<a href="data:text/html,<script>alert('data')</script>">data</a>
<iframe src="javascript:alert('frame')"></iframe>
<div onmouseover="alert('over')" style="width:100%;height:100%">hover</div>
<form action="javascript:alert('form')"><button>go</button></form>

[ref link][d]

[d]:
  javascript:alert("ref")

[inline](javascript:alert("inline"))
"""


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def _set(data: Any, path: tuple[Any, ...], value: str) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def hostile_playbook(target: Path) -> int:
    """Write the sample with payloads into `target`; return how many fields carry one.

    Every text field gets the payload; fields where validation then objects (ids, durations,
    choices, examples that must pass) get their text back, until the playbook is valid.
    """
    shutil.copytree(SAMPLE, target)
    files = [target / "playbook.yml", *sorted((target / "channels").glob("*.yml"))]
    data = {}
    for file in files:
        document, _ = load_bytes(file.read_bytes(), str(file))
        assert document is not None
        data[file] = document.data
    original = {file: dict(_leaves(value)) for file, value in data.items()}
    mutated = {file: set(leaves) for file, leaves in original.items()}
    for file, leaves in original.items():
        for path, text in leaves.items():
            payload = MARKDOWN_PAYLOAD if path[-1] in ("description", "rationale") else PAYLOAD
            _set(data[file], path, text + payload)
    (target / "pages" / "hostile.md").write_text(PAGE, encoding="utf-8")
    for _ in range(20):
        for file, value in data.items():
            file.write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
        result = validate(target)
        if result.playbook is not None:
            return sum(map(len, mutated.values()))
        for diagnostic in result.errors:
            file = Path(diagnostic.file)
            for path in _culprits(file, diagnostic.line, diagnostic.pointer, mutated[file]):
                _set(data[file], path, original[file][path])
                mutated[file].discard(path)
    raise AssertionError(f"the hostile playbook never became valid: {result.errors[:3]}")


def _culprits(
    file: Path, line: int, where: str, mutated: set[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """The mutated fields a diagnostic blames: by its pointer, else by its line; the texts
    that rules match (options, examples) go back too when a rule or a template objects."""
    hits = [p for p in mutated if where and pointer(p).startswith(where)]
    if hits:
        return hits
    document, _ = load_bytes(file.read_bytes(), str(file))
    assert document is not None
    starts = [p for p, (at, _) in document.positions.items() if at == line]
    hits = [p for p in mutated if any(p[: len(s)] == s for s in starts)]
    matched = {"options", "examples", "text", "signals", "term", "instead_of", "exceptions"}
    return hits + [p for p in mutated if matched & {str(step) for step in p}]
