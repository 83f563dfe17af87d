"""Validating a guidelines folder in layers (YAML, schema, meaning) and building the playbook."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from generator.kinds import KINDS
from generator.model import Page, Playbook
from generator.model.diagnostics import Diagnostic, Level, did_you_mean, sort_key
from generator.schemas import guidelines as schema
from generator.schemas.check import SchemaCheck
from generator.validation.folder import PAGES_DIR, PLAYBOOK_FILE, listing
from generator.validation.loading import Document, load_bytes, pointer
from generator.wording import say

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

REQUIRED_FOR_EVERY_CHANNEL = {"tone", "dos", "donts", "complaint_handling", "response_times"}

_PLAYBOOK = SchemaCheck(schema.playbook_schema())
_CHANNEL = SchemaCheck(schema.channel_schema())
_PATTERN_HINTS = {
    schema.ID["pattern"]: say(
        "use lowercase letters, digits and single hyphens, like 'late-order'"
    ),
    schema.DURATION["pattern"]: say("write a duration like 40s, 30m, 2h, 1d or 1h30m"),
    schema.CLOCK["pattern"]: say("write a time of day as HH:MM, like 09:00"),
    schema.TEXT["pattern"]: say("write some text or remove the entry"),
}


@dataclass(frozen=True)
class Result:
    playbook: Playbook | None
    diagnostics: tuple[Diagnostic, ...]
    #: The language of the diagnostics' sentences: the playbook's, English when unknown.
    language: str = "en"

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level is Level.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level is Level.WARNING)


def validate(directory: Path) -> Result:
    """Read and check every file of a guidelines folder; build the playbook if it is valid."""
    root = str(directory).rstrip("/") or "."
    if not directory.is_dir():
        return Result(
            None,
            (
                _folder_error(
                    root,
                    say(
                        "no guidelines folder at '{root}': create it or name the right folder.",
                        root=root,
                    ),
                ),
            ),
        )
    files, refused = _snapshot(directory, root)
    return _validate(root, files, refused)


def validate_files(root: str, files: Sequence[tuple[str, bytes]]) -> Result:
    """Validate files held in memory, named as in a folder `root`: `root/playbook.yml`,
    `root/channels/<id>.yml`, `root/pages/<name>.md` (for tools and tests that hold no folder)."""
    return _validate(root, tuple(files))


#: A guidelines folder's files in reading order: shown name, and bytes or why they are unreadable.
_Files = tuple[tuple[str, bytes | OSError], ...]


def _snapshot(directory: Path, root: str) -> tuple[_Files, tuple[Diagnostic, ...]]:
    """The bytes of every file validation reads (playbook.yml, channels/*.yml, pages/*.md), and
    the files it refuses to read."""
    paths, refused = listing(directory, root)
    found: list[tuple[str, bytes | OSError]] = []
    for path in paths:
        shown = f"{root}/{path.relative_to(directory).as_posix()}"
        try:
            found.append((shown, path.read_bytes()))
        except OSError as error:
            found.append((shown, error))
    return tuple(found), tuple(refused)


def _validate(root: str, files: _Files, refused: tuple[Diagnostic, ...] = ()) -> Result:
    from generator.validation.building import build
    from generator.validation.consistency import check_consistency
    from generator.validation.meaning import check_meaning

    diagnostics: list[Diagnostic] = list(refused)
    contents = dict(files)
    playbook_name = f"{root}/{PLAYBOOK_FILE}"
    if playbook_name not in contents:
        diagnostics.append(
            _folder_error(
                playbook_name,
                say(
                    "there is no {PLAYBOOK_FILE}: create it with the company, language, "
                    "version, voice and situations (see the README).",
                    PLAYBOOK_FILE=PLAYBOOK_FILE,
                ),
            )
        )
    sources: dict[str, bytes] = {}
    playbook_doc = None
    channel_docs: dict[str, Document | None] = {}
    page_files = []
    for name, raw in files:
        if name.startswith(f"{root}/{PAGES_DIR}/"):
            page_files.append((name, raw))
        elif name == playbook_name:
            playbook_doc = _read(raw, name, _PLAYBOOK, diagnostics, sources)
        else:
            stem = name.rsplit("/", 1)[1].rsplit(".", 1)[0]
            channel_docs[stem] = _read(raw, name, _CHANNEL, diagnostics, sources)
    pages = _pages(page_files, diagnostics, sources)

    diagnostics.extend(check_meaning(playbook_doc, channel_docs))
    diagnostics.sort(key=sort_key)
    playbook = None
    if not any(d.level is Level.ERROR for d in diagnostics) and playbook_doc is not None:
        playbook = build(playbook_doc, channel_docs, pages, _hash(sources, root))
        diagnostics.extend(check_consistency(playbook))
        diagnostics.sort(key=sort_key)
        if any(d.level is Level.ERROR for d in diagnostics):
            playbook = None
    return Result(playbook, tuple(diagnostics), _language(contents.get(playbook_name)))


def _read(
    raw: bytes | OSError,
    display: str,
    validator: SchemaCheck,
    diagnostics: list[Diagnostic],
    sources: dict[str, bytes],
) -> Document | None:
    """A document that passed the YAML and schema layers, or None."""
    if isinstance(raw, OSError):
        diagnostics.append(_unreadable(display, raw))
        return None
    document, problems = load_bytes(raw, display)
    diagnostics.extend(problems)
    if document is None:
        return None
    sources[display] = raw
    problems = schema_problems(document, validator)
    diagnostics.extend(problems)
    return None if problems else document


def schema_problems(document: Document, validator: SchemaCheck) -> list[Diagnostic]:
    found: dict[tuple[int, int, str], Diagnostic] = {}
    for error in validator.errors(document.data):
        for diagnostic in _explain(document, error):
            found.setdefault((diagnostic.line, diagnostic.column, diagnostic.message), diagnostic)
    return list(found.values())


def _explain(document: Document, error: ValidationError) -> list[Diagnostic]:
    path = tuple(error.absolute_path)
    instance, value = cast(Any, error.instance), cast(Any, error.validator_value)
    # jsonschema types these loosely (a schema may be a boolean); ours are mappings.
    schema: dict[str, Any] = dict(error.schema) if isinstance(error.schema, Mapping) else {}

    def at(where: tuple[Any, ...], message: str, *, key: bool = False) -> Diagnostic:
        line, column = document.where(where, key=key)
        code = f"schema/{error.validator}"
        return Diagnostic(document.file, line, column, Level.ERROR, code, message, pointer(where))

    if "propertyNames" in error.schema_path:
        return [
            at(
                (*path, instance),
                say(
                    "'{instance}' is not a valid name here: {value}.",
                    instance=instance,
                    value=_PATTERN_HINTS.get(error.validator_value, str(error.message)),
                ),
                key=True,
            )
        ]
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(schema.get("properties", {}))
        return [
            at(
                (*path, key),
                say("unknown key '{key}'.", key=key)
                + (
                    did_you_mean(key, allowed)
                    or say(" Allowed keys: {names}.", names=", ".join(allowed))
                ),
                key=True,
            )
            for key in instance
            if key not in schema.get("properties", {})
        ]
    if error.validator == "required":
        # A misspelt key is reported once, as unknown with a "did you mean", not also as missing.
        known = schema.get("properties", {})
        misspelt = {did_you_mean(k, list(known)) for k in instance if k not in known}
        missing = [n for n in value if n not in instance and did_you_mean(n, [n]) not in misspelt]
        return [at(path, _missing(document, path, name)) for name in missing]
    if error.validator == "anyOf" and all(set(b) == {"required"} for b in value):
        names = ", ".join(f"'{b['required'][0]}'" for b in value)
        return [at(path, say("needs at least one of {names}: add the limit it sets.", names=names))]
    if error.validator == "enum":
        choices = ", ".join(f"'{c}'" for c in value)
        return [
            at(
                path,
                say("'{instance}' is not one of {choices}.", instance=instance, choices=choices)
                + did_you_mean(str(instance), [str(c) for c in value]),
            )
        ]
    if error.validator == "type":
        hint = ""
        if "string" in value and isinstance(instance, dict):
            hint = say(": text containing ': ' must be quoted, like \"Don't nag: ask once\"")
        return [
            at(
                path,
                say(
                    "expected {expected}, found {found}{hint}.",
                    expected=_a(value),
                    found=_a(_json_type(instance)),
                    hint=hint,
                ),
            )
        ]
    if error.validator == "pattern":
        hint = _PATTERN_HINTS.get(value, say("it must match {value}", value=value))
        return [
            at(path, say("'{instance}' is not valid here: {hint}.", instance=instance, hint=hint))
        ]
    messages = {
        "minItems": say("needs at least {n} items.", n=value),
        "minLength": say("must not be empty."),
        "uniqueItems": say("has the same item twice: remove the repeat."),
        "minProperties": say("must not be empty."),
        "maxProperties": say(
            "must have a single key: one speaker per turn, 'customer' or 'agent'."
        ),
        "minimum": say("must be at least {value}.", value=value),
        "maximum": say("must be at most {value}.", value=value),
    }
    fallback = say("{message}.", message=error.message)
    return [at(path, messages.get(str(error.validator), fallback))]


def _missing(document: Document, path: tuple[Any, ...], name: str) -> str:
    if path == () and name in REQUIRED_FOR_EVERY_CHANNEL and "kind" in document.data:
        return say(
            "missing '{name}': every channel defines tone, dos, donts, complaint_handling "
            "and response_times, so that none is a second-class channel.",
            name=name,
        )
    rule = _value(document.data, path)
    if name == "options" and isinstance(rule, dict) and rule.get("kind") in KINDS:
        needed = KINDS[rule["kind"]].options_schema
        keys = needed.get("required") or list(needed.get("properties", {}))
        return say(
            "missing 'options': a rule of kind {kind} needs them ({names}); see its page "
            "under Rule kinds.",
            kind=rule["kind"],
            names=", ".join(keys),
        )
    return say("missing '{name}': add it.", name=name)


def _value(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _json_type(value: Any) -> str:
    for python, name in (
        (bool, "boolean"),
        (int, "integer"),
        (float, "number"),
        (str, "string"),
        (list, "array"),
        (dict, "object"),
        (type(None), "null"),
    ):
        if isinstance(value, python):
            return name
    return type(value).__name__


def _a(kinds: Any) -> str:
    names = {
        "object": say("a mapping"),
        "array": say("a list"),
        "string": say("text"),
        "integer": say("a whole number"),
        "number": say("a number"),
        "boolean": say("true or false"),
        "null": say("nothing"),
    }
    kinds = [kinds] if isinstance(kinds, str) else kinds
    described = [names.get(k, k) for k in kinds]
    joined: str = functools.reduce(lambda a, b: say("{a} or {b}", a=a, b=b), described)
    return joined


def _pages(
    files: list[tuple[str, bytes | OSError]],
    diagnostics: list[Diagnostic],
    sources: dict[str, bytes],
) -> tuple[Page, ...]:
    pages = []
    for display, raw in files:
        if isinstance(raw, OSError):
            diagnostics.append(_unreadable(display, raw))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            diagnostics.append(
                Diagnostic(
                    display,
                    line,
                    1,
                    Level.ERROR,
                    "page/encoding",
                    say("not UTF-8: save the file as UTF-8."),
                )
            )
            continue
        sources[display] = raw
        name = display.rsplit("/", 1)[1]
        heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
        title = heading.group(1).strip() if heading else name[:-3].replace("-", " ").capitalize()
        pages.append(Page(name, title, text))
    return tuple(pages)


def _hash(sources: dict[str, bytes], root: str) -> str:
    """A hash of every source file, by its path inside the folder, whatever the folder's name."""
    digest = hashlib.sha256()
    for name in sorted(sources):
        digest.update(name[len(root) + 1 :].encode() + b"\0" + sources[name] + b"\0")
    return "sha256:" + digest.hexdigest()


_LANGUAGE = re.compile(rb"^language:[ \t]*[\"']?([a-z]{2,3})\b", re.MULTILINE)


def _language(raw: bytes | OSError | None) -> str:
    """The language of a playbook file, read from its `language:` line, so that a file too
    broken for YAML still gets its diagnostics in its language; English when there is none."""
    found = _LANGUAGE.search(raw) if isinstance(raw, bytes) else None
    return found.group(1).decode() if found else "en"


def folder_language(folder: Path) -> str:
    """The language of the playbook in a folder, without validating it; English when its
    playbook file is missing or has no `language:` line."""
    try:
        raw: bytes | None = (folder / PLAYBOOK_FILE).read_bytes()
    except OSError:
        raw = None
    return _language(raw)


def _unreadable(file: str, error: OSError) -> Diagnostic:
    return Diagnostic(
        file,
        0,
        0,
        Level.ERROR,
        "io",
        say("cannot read the file: {strerror}.", strerror=error.strerror),
    )


def _folder_error(file: str, message: str) -> Diagnostic:
    return Diagnostic(file, 0, 0, Level.ERROR, "files/missing", message)
