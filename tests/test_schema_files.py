"""The published schemas under rules/ are derived from the registry and up to date."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import jsonschema_rs
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.kinds import KINDS
from generator.schemas import published
from generator.schemas.check import python_pattern
from tests.conftest import ROOT, SAMPLE


def test_published_schemas_are_up_to_date() -> None:
    for name, text in published().items():
        assert (ROOT / "rules" / name).read_text(encoding="utf-8") == text, (
            f"rules/{name} is out of date: run 'playbook schema'"
        )
    assert CliRunner().invoke(main, ["schema", "--check"]).exit_code == 0


PRINT_PUBLISHED = (
    "import json; from generator.schemas import published; print(json.dumps(published()))"
)


@pytest.mark.parametrize("seed", ["1", "2", "3"])
def test_schemas_do_not_depend_on_the_hash_seed(seed: str) -> None:
    # Sets and dicts built from sets iterate in an order that varies with the seed.
    other = subprocess.run(
        [sys.executable, "-c", PRINT_PUBLISHED],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed},
    )
    assert json.loads(other.stdout) == published()


def test_sample_files_point_editors_at_the_schemas() -> None:
    files = [SAMPLE / "playbook.yml", *sorted((SAMPLE / "channels").glob("*.yml"))]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target.is_file(), f"{path}: {target} does not exist"


def _patterns(schema: object) -> set[str]:
    if isinstance(schema, dict):
        found = {schema["pattern"]} if isinstance(schema.get("pattern"), str) else set()
        return found.union(*(_patterns(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_patterns(value) for value in schema))
    return set()


def test_the_fast_check_never_accepts_a_string_that_jsonschema_rejects() -> None:
    # Validation asks jsonschema_rs first and trusts its "valid", so for every pattern in the
    # schemas its ECMA-262 reading must accept no string that Python's re rejects.
    patterns = set().union(
        *(_patterns(json.loads(text)) for text in published().values()),
        *(_patterns(kind.options_schema) for kind in KINDS.values()),
    )
    assert len(patterns) >= 6
    characters = [chr(c) for c in range(0x3100) if not 0xD800 <= c <= 0xDFFF]
    characters += ["\ufeff", "\U0001f600", "\U0001d7ce"]
    stems = ["", "a", "late-order", "1h30m", "09:00", "1.2.3", "first_name", "1"]
    for pattern in sorted(patterns):
        fast = jsonschema_rs.Draft202012Validator({"type": "string", "pattern": pattern})
        rejected = [
            text
            for stem in stems
            for c in characters
            for text in (stem + c, c + stem)
            if fast.is_valid(text) and not re.search(python_pattern(pattern), text)
        ]
        assert not rejected, f"{pattern}: jsonschema_rs accepts {rejected[:5]}, jsonschema not"


def test_dollar_ends_the_text_as_in_json_schema() -> None:
    assert python_pattern(r"^[a-z]+(-[a-z]+)*$") == r"^[a-z]+(-[a-z]+)*\Z"
    assert python_pattern(r"^a[$\]]\$$") == r"^a[$\]]\$\Z"
    assert re.search(python_pattern(r"^[a-z-]+$"), "late-order")
    assert not re.search(python_pattern(r"^[a-z-]+$"), "late-order\n")
