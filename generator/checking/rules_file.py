"""Reading an exported rules.json back, refusing one that is not a complete, known format.

A rules file may have been edited by hand or come from elsewhere: besides its schema, what the
checker relies on is checked here (unique channels and rules, known situations, patterns that
compile in linear time), so that a bad file is a clear error, never a crash.

`playbook check --rules` runs this on every start, so it checks the file against the export
schema with a small checker of the few JSON Schema keywords that schema uses, rather than
loading a JSON Schema library: the file was written by `playbook export`, and this only has
to catch a file that was edited by hand, cut short or made by another version.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from generator.kinds import KINDS
from generator.text.patterns import PatternError
from generator.vocabulary import FORMAT_VERSION

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


class RulesFileError(ValueError):
    pass


@cache
def _schema() -> dict[str, Any]:
    from generator.schemas.export import export_schema

    return export_schema()


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
        invalid = first_problem(document, _schema())
    except RecursionError:
        raise RulesFileError(f"{path} nests values too deeply: export it again.") from None
    if invalid is not None:
        where, what = invalid
        raise RulesFileError(f"{path}: {where or '/'}: {what}: export it again.")
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
    """Why the checker could not compile a rule's options, if it could not. Term rules always
    compile (their size is checked when the checker builds its term index)."""
    kind = KINDS[rule["kind"]]
    if kind.terms is not None:
        return None
    try:
        kind.compile(rule["options"])
    except PatternError as error:
        return str(error).rstrip(".")
    return None


def first_problem(value: Any, schema: dict[str, Any], where: str = "") -> tuple[str, str] | None:
    """Where `value` first breaks `schema` and how, for the keywords the export schema uses:
    type, const, enum, pattern, minimum, minItems, minLength, properties, required,
    additionalProperties, propertyNames, items, oneOf, allOf, if/then."""
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, name) for name in names):
            return where, f"{json.dumps(value)[:40]} is not of type {' or '.join(names)}"
    if "const" in schema and value != schema["const"]:
        return where, f"{json.dumps(value)[:40]} is not {json.dumps(schema['const'])}"
    if "enum" in schema and value not in schema["enum"]:
        return where, f"{json.dumps(value)[:40]} is not one of {json.dumps(schema['enum'])}"
    if (
        "pattern" in schema
        and isinstance(value, str)
        and not _pattern(schema["pattern"]).search(value)
    ):
        return where, f"'{value}' does not match '{schema['pattern']}'"
    if "minimum" in schema and _is(value, "number") and value < schema["minimum"]:
        return where, f"{value} is less than {schema['minimum']}"
    if "minItems" in schema and isinstance(value, list) and len(value) < schema["minItems"]:
        short = "should be non-empty" if schema["minItems"] == 1 else "is too short"
        return where, f"{json.dumps(value)[:40]} {short}"
    if "minLength" in schema and isinstance(value, str) and len(value) < schema["minLength"]:
        return where, f"'{value}' is shorter than {schema['minLength']} characters"
    if isinstance(value, dict):
        found = _object_problem(value, schema, where)
        if found:
            return found
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found = first_problem(item, schema["items"], f"{where}/{index}")
            if found:
                return found
    if "oneOf" in schema:
        fits = sum(
            not _ruled_out(value, option) and first_problem(value, option, where) is None
            for option in schema["oneOf"]
        )
        if fits != 1:
            return where, f"{json.dumps(value)[:40]} fits {fits} of the choices, not one"
    for part in schema.get("allOf", ()):
        if "if" in part and (
            _ruled_out(value, part["if"]) or first_problem(value, part["if"], where) is not None
        ):
            continue
        found = first_problem(value, part.get("then", part), where)
        if found:
            return found
    return None


def _ruled_out(value: Any, schema: dict[str, Any]) -> bool:
    """Whether an object has a property other than the `const` of the schema's, so that the
    schema fails whatever else holds: a rule's kind picks its options' schema out of 15 at
    once, without the messages of 14 failures."""
    if not isinstance(value, dict):
        return False
    return any(
        "const" in property_schema and name in value and value[name] != property_schema["const"]
        for name, property_schema in schema.get("properties", {}).items()
    )


def _object_problem(
    value: dict[str, Any], schema: dict[str, Any], where: str
) -> tuple[str, str] | None:
    for name in schema.get("required", ()):
        if name not in value:
            return where, f"'{name}' is a required property"
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    names = schema.get("propertyNames")
    for name, item in value.items():
        if names is not None and (found := first_problem(name, names, f"{where}/{name}")):
            return found
        if name in properties:
            found = first_problem(item, properties[name], f"{where}/{name}")
        elif extra is False:
            return where, f"'{name}' is not an expected property"
        elif isinstance(extra, dict):
            found = first_problem(item, extra, f"{where}/{name}")
        else:
            found = None
        if found:
            return found
    return None


def _is(value: Any, name: str) -> bool:
    if name in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[name])


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    # JSON Schema's $ is the end of the text, not also before a final newline as in Python.
    return re.compile(pattern.replace("$", r"\Z"))
