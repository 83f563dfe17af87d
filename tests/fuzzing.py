"""Mutated playbooks and rules files, seeded, for fuzzing validation and the checker in process.

Each case changes the sample a little (a value, a type, a key, the structure, or the bytes) so
that it goes deep into validation before something objects. The contract checked is the
project's: no exception, and a playbook is built exactly when no diagnostic is an error, each
with a file, a line and a column.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.checking import Checker
from generator.checking.rules_file import RulesFileError, parse_rules
from generator.export import export
from generator.validation import validate, validate_files
from generator.validation.loading import load_bytes

ROOT = "guidelines"
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: Values a careless or hostile editor might put anywhere.
ODD_VALUES: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    10**30,
    1.5,
    float("inf"),
    "",
    " ",
    "\n",
    "no",
    "9:00",
    "00:00",
    "24:00",
    "1d",
    "0s",
    "-5m",
    "perché l’operatore",
    "спасибо",
    "👍🏽",
    "\u202eevil",
    "x" * 5000,
    "(a",
    r"(a)\1",
    r"\C",
    "{{ 7*7 }}",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    [],
    {},
    [None],
    {"": None},
    {"<<": 1},
    [[[[[[[[[[[]]]]]]]]]]],
)


@dataclass(frozen=True)
class Failure:
    """A case that broke the contract: what was fed in, and what went wrong."""

    seed: int
    what: str
    problem: str


class Fuzzer:
    """Mutates the files of a valid guidelines folder and checks what validation makes of them."""

    def __init__(self, folder: Path) -> None:
        result = validate(folder)
        assert result.playbook is not None, "the fuzzer starts from a valid folder"
        self.files: dict[str, bytes] = {}
        self.single: dict[str, bytes]
        self.data: dict[str, Any] = {}
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder).as_posix()
            if path.is_file() and path.suffix in (".yml", ".yaml", ".md"):
                self.files[f"{ROOT}/{relative}"] = path.read_bytes()
        for name, raw in self.files.items():
            if not name.endswith(".md"):
                document, _ = load_bytes(raw, name)
                assert document is not None
                self.data[name] = document.data
        self.rules = export(result.playbook)
        self.channels = sorted(n for n in self.files if "/channels/" in n)
        self.single = {}
        for channel in self.channels:
            data = copy.deepcopy(self.data[f"{ROOT}/playbook.yml"])
            data["channels"] = [channel.rsplit("/", 1)[1].rsplit(".", 1)[0]]
            self.single[channel] = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True).encode()

    def playbook(self, seed: int) -> list[tuple[str, bytes]]:
        """The playbook file, one channel and the pages, with one file changed, as the seed says.

        One channel at a time (the playbook's `channels` list cut to it) keeps a case cheap
        enough for thousands in a minute, and every channel is fuzzed in turn.
        """
        rng = random.Random(seed)
        channel = self.channels[seed % len(self.channels)]
        files = {
            name: raw
            for name, raw in self.files.items()
            if "/channels/" not in name or name == channel
        }
        playbook = f"{ROOT}/playbook.yml"
        files[playbook] = self.single[channel]
        name = rng.choice(sorted(files))
        if name.endswith(".md") or rng.random() < 0.15:
            files[name] = _mutate_bytes(rng, files[name])
        else:
            data = copy.deepcopy(self.data[name])
            if name == playbook:
                data["channels"] = [channel.rsplit("/", 1)[1].rsplit(".", 1)[0]]
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                data = mutate(rng, data)
            files[name] = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True).encode()
        if rng.random() < 0.03:  # a file that should not be there, or one missing
            files[f"{ROOT}/channels/{rng.choice(['extra', 'chat', 'x'])}.yml"] = files[name]
        if rng.random() < 0.03:
            files.pop(rng.choice(sorted(files)))
        return sorted(files.items())

    def check_playbook(self, seed: int) -> Failure | None:
        files = self.playbook(seed)
        try:
            result = validate_files(ROOT, files)
        except Exception as error:  # noqa: BLE001 - the contract is that none escapes
            return Failure(seed, "playbook", f"{type(error).__name__}: {error}")
        if (result.playbook is None) != bool(result.errors):
            return Failure(seed, "playbook", "a playbook built with errors, or none without")
        names = {name for name, _ in files} | {f"{ROOT}/playbook.yml"}
        for diagnostic in result.diagnostics:
            where_ok = diagnostic.line >= 1 and diagnostic.column >= 1
            if diagnostic.code == "files/missing":
                where_ok = True  # about a file that does not exist: no line to point at
            if diagnostic.file not in names or not where_ok or not diagnostic.message:
                return Failure(seed, "playbook", f"a diagnostic without a place: {diagnostic}")
        return None

    def rules_file(self, seed: int) -> str:
        """The exported rules, mutated, as the text of a rules.json."""
        rng = random.Random(seed)
        document = copy.deepcopy(self.rules)
        for _ in range(rng.choice((1, 1, 2))):
            document = mutate(rng, document)
        text = json.dumps(document, ensure_ascii=False)
        if rng.random() < 0.1:
            text = _mutate_bytes(rng, text.encode()).decode("utf-8", "replace")
        return text

    def check_rules_file(self, seed: int) -> Failure | None:
        text = self.rules_file(seed)
        try:
            document = parse_rules(text, "rules.json")
        except RulesFileError:
            return None
        except Exception as error:  # noqa: BLE001
            return Failure(seed, "rules.json", f"{type(error).__name__}: {error}")
        try:
            checker = Checker(document)
            for channel in checker.channels[:3]:
                for situation in (None, *checker.situations[:2]):
                    checker.check(_REPLY, channel=channel, situation=situation, waited=600)
        except Exception as error:  # noqa: BLE001
            return Failure(seed, "rules.json", f"accepted, then {type(error).__name__}: {error}")
        return None

    def run(self, count: int, seed: int = 0) -> Iterator[Failure]:
        """`count` cases from `seed` on: about nine playbooks to one rules file."""
        for case in range(seed, seed + count):
            check = self.check_rules_file if case % 10 == 9 else self.check_playbook
            failure = check(case)
            if failure is not None:
                yield failure


_REPLY = "Hi Anna, sorry! As per our policy, call us 👍 {first_name} perché l’operatore…"


def mutate(rng: random.Random, data: Any) -> Any:
    """`data` with one change somewhere inside it: a value, a type, a key or the structure."""
    paths = list(_paths(data))
    path = rng.choice(paths)
    parent = _get(data, path[:-1]) if path else None
    value = _get(data, path)
    operation = rng.choice(_OPERATIONS)
    new = operation(rng, value, parent, path[-1] if path else None)
    if new is _DELETE:
        if isinstance(parent, dict | list):
            del parent[path[-1]]
        return data
    if not path:
        return new
    parent[path[-1]] = new  # type: ignore[index]
    return data


_DELETE = object()
Operation = Callable[[random.Random, Any, Any, Any], Any]


def _odd(rng: random.Random, value: Any, parent: Any, key: Any) -> Any:
    return copy.deepcopy(rng.choice(ODD_VALUES))


def _near(rng: random.Random, value: Any, parent: Any, key: Any) -> Any:
    """A value of the same type, a little different: many of these stay valid for a while."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return rng.choice((value + 1, value - 1, -value, value * 1000, 0))
    if isinstance(value, str):
        return rng.choice(
            (
                value + "\n",
                " " + value,
                value.upper(),
                value[:-1],
                value + "-x",
                value * 3,
                value.replace("e", "è"),
                value + rng.choice(("’", "'", "\u0301", "\x00", "\t", ":", "#")),
            )
        )
    if isinstance(value, list) and value:
        choice = rng.randrange(3)
        if choice == 0:
            return value + [copy.deepcopy(rng.choice(value))]  # a repeat
        if choice == 1:
            return value[::-1]
        return value[1:]
    if isinstance(value, dict) and value:
        keys = list(value)
        victim = rng.choice(keys)
        renamed = dict(value)
        renamed[rng.choice((victim + "s", victim[:-1], victim.upper(), "unknown"))] = renamed.pop(
            victim
        )
        return renamed
    return _odd(rng, value, parent, key)


def _delete(rng: random.Random, value: Any, parent: Any, key: Any) -> Any:
    return _DELETE if parent is not None else value


def _wrap(rng: random.Random, value: Any, parent: Any, key: Any) -> Any:
    return rng.choice(([value], {"value": value}, [value, value]))


def _swap(rng: random.Random, value: Any, parent: Any, key: Any) -> Any:
    if isinstance(parent, dict) and len(parent) > 1:
        other = rng.choice([k for k in parent if k != key])
        return copy.deepcopy(parent[other])
    return _near(rng, value, parent, key)


_OPERATIONS: tuple[Operation, ...] = (_odd, _near, _near, _near, _delete, _wrap, _swap)


def _mutate_bytes(rng: random.Random, raw: bytes) -> bytes:
    if not raw:
        return b"\xff"
    at = rng.randrange(len(raw))
    choice = rng.randrange(5)
    if choice == 0:
        return raw[:at]
    if choice == 1:
        return raw[:at] + bytes([rng.randrange(256)]) + raw[at + 1 :]
    if choice == 2:
        return (
            raw[:at] + rng.choice((b"\t", b"\x00", b": ", b"- ", b"&a ", b"*a", b"\xc3")) + raw[at:]
        )
    if choice == 3:
        return raw[:at] + raw[at : at + 40] + raw[at:]  # a repeated stretch
    return raw[:at] + b"\n" + raw[at:]


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def run_chunk(folder: str, seed: int, count: int) -> tuple[int, list[Failure]]:
    """`count` cases of the folder from `seed` on, for a worker process: (cases, failures)."""
    return count, list(Fuzzer(Path(folder)).run(count, seed))


def run_parallel(plan: list[tuple[Path, int, int]], jobs: int) -> tuple[int, list[Failure]]:
    """Run (folder, seed, count) chunks over `jobs` processes; total cases and failures."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    cases, failures = 0, []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(run_chunk, str(f), seed, count) for f, seed, count in plan]
        for future in futures:
            done, found = future.result()
            cases += done
            failures += found
    return cases, failures
