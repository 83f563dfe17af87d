"""Reading an exported rules.json back, refusing one that is not a complete, known format.

A rules file may have been edited by hand or come from elsewhere: besides its schema, what the
checker relies on is checked here (unique channels and rules, known situations, patterns that
compile in linear time), so that a bad file is a clear error, never a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import re2

from generator.kinds import KINDS
from generator.schemas.check import SchemaCheck
from generator.schemas.export import export_schema
from generator.text.patterns import PatternError
from generator.vocabulary import FORMAT_VERSION

_SET_OPTIONS = re2.Options()
_SET_OPTIONS.log_errors = False


class RulesFileError(ValueError):
    pass


@cache
def _check() -> SchemaCheck:
    return SchemaCheck(export_schema())


def read_rules(path: Path) -> dict[str, Any]:
    """The rules of an exported rules.json; RulesFileError says why a file is refused."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RulesFileError(f"cannot read {path}: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise RulesFileError(f"{path} is not UTF-8: export it again.") from None
    return parse_rules(text, str(path))


def parse_rules(text: str, path: str) -> dict[str, Any]:
    """The rules of the text of a rules.json named `path` in messages."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise RulesFileError(
            f"{path}:{error.lineno}:{error.colno}: not JSON: {error.msg}."
        ) from None
    except RecursionError:
        raise RulesFileError(
            f"{path} nests values too deeply to be a rules file: export it again."
        ) from None
    major = (
        str(document.get("format_version", "")).split(".")[0] if isinstance(document, dict) else ""
    )
    if major != FORMAT_VERSION.split(".")[0]:
        raise RulesFileError(
            f"{path} is not a playbook rules file of format version "
            f"{FORMAT_VERSION.split('.')[0]}.x: export it again with this playbook."
        )
    try:
        # The first reason is enough to refuse the file; finding them all can take long.
        invalid = next(iter(_check().errors(document)), None)
    except RecursionError:
        raise RulesFileError(f"{path} nests values too deeply: export it again.") from None
    if invalid is not None:
        where = "/" + "/".join(map(str, invalid.absolute_path))
        raise RulesFileError(f"{path}: {where}: {invalid.message}: export it again.")
    problem = next(_problems(document), None)
    if problem is not None:
        raise RulesFileError(f"{path}: {problem[0]}: {problem[1]}: export it again.")
    rules: dict[str, Any] = document
    return rules


def _problems(document: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """What the schema cannot say is wrong: (JSON pointer, what), first one first."""
    situations = [s["id"] for s in document["situations"]]
    yield from _repeats("/situations", situations, "situation")
    yield from _repeats("/channels", [c["id"] for c in document["channels"]], "channel")
    for i, channel in enumerate(document["channels"]):
        yield from _repeats(f"/channels/{i}/rules", channel["rules"], "rule")
        for j, key in enumerate(channel["rules"]):
            if key not in document["rules"]:
                yield f"/channels/{i}/rules/{j}", f"no rule '{key}' under /rules"
    for key, rule in document["rules"].items():
        where = "/rules/" + key.replace("~", "~0").replace("/", "~1")
        for k, situation in enumerate(rule["situations"]):
            if situation not in situations:
                yield f"{where}/situations/{k}", f"there is no situation '{situation}'"
        problem = _compiles(rule)
        if problem is not None:
            yield f"{where}/options", problem


def _repeats(where: str, ids: list[str], what: str) -> Iterator[tuple[str, str]]:
    seen: dict[str, int] = {}
    for index, name in enumerate(ids):
        if name in seen:
            yield f"{where}/{index}", f"the {what} '{name}' is also at {where}/{seen[name]}"
        seen.setdefault(name, index)


def _compiles(rule: dict[str, Any]) -> str | None:
    """Why the checker could not compile a rule's options, if it could not."""
    kind = KINDS[rule["kind"]]
    try:
        kind.compile(rule["options"])
        if kind.prefilter is not None:
            scan = re2.Set.SearchSet(_SET_OPTIONS)
            scan.Add(kind.prefilter(rule["options"]))
            scan.Compile()
    except PatternError as error:
        return str(error).rstrip(".")
    except re2.error:
        return "the rule's patterns are too large or invalid for RE2"
    return None
