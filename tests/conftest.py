"""Test helpers: fixture folders, and golden files refreshed with PLAYBOOK_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

import pytest
from hypothesis import settings

TESTS = Path(__file__).parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
SAMPLE = ROOT / "guidelines"
ITALIAN = FIXTURES / "italian"
MINIMAL = FIXTURES / "minimal"
UPDATE = os.environ.get("PLAYBOOK_UPDATE_GOLDEN") == "1"
#: Real public support conversations, laid beside the repository (see its SOURCES.md).
TWCS = ROOT.parent / "shared" / "data" / "twcs_head5000.csv"


if "MUTANT_UNDER_TEST" in os.environ:
    # Under mutmut (tests/scripts/mutation.sh): no deadline on a loaded machine, and the same
    # examples in every run, so that a mutant is killed or not whatever the run.
    settings.register_profile("mutation", deadline=None, derandomize=True)
    settings.load_profile("mutation")


def assert_golden(path: Path, actual: str) -> None:
    """Compare with a golden file; with PLAYBOOK_UPDATE_GOLDEN=1, rewrite it instead."""
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}: run with PLAYBOOK_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture
def minimal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal playbook as ./guidelines in a fresh working folder."""
    target = tmp_path / "guidelines"
    shutil.copytree(MINIMAL, target)
    monkeypatch.chdir(tmp_path)
    return target


def _mutation_subset() -> list[str] | None:
    """Under tests/scripts/mutation.sh, the test files (patterns) of the target under test.

    PLAYBOOK_MUTATION_TESTS is "module=patterns;module=patterns", each a test file or, after
    "-", tests to leave out ("-tests/x.py::*slow*"). mutmut names the mutant under
    test in MUTANT_UNDER_TEST, empty in its run without a mutant before those of one target
    (PLAYBOOK_MUTATION_TARGET); any other run keeps every test.
    """
    mutant = os.environ.get("MUTANT_UNDER_TEST")
    if mutant == "":
        mutant = os.environ.get("PLAYBOOK_MUTATION_TARGET", "")
    elif "__mutmut_" not in (mutant or ""):
        return None
    for entry in os.environ.get("PLAYBOOK_MUTATION_TESTS", "").split(";"):
        module, _, patterns = entry.partition("=")
        if module and str(mutant).startswith(f"{module}."):
            return patterns.split()
    return None


def _chosen(nodeid: str, patterns: list[str]) -> bool:
    """Whether a pattern matches the test's file and no "-pattern" the test itself."""
    if any(fnmatch(nodeid, p[1:]) for p in patterns if p.startswith("-")):
        return False
    return any(fnmatch(nodeid.split("::")[0], p) for p in patterns if not p.startswith("-"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    patterns = _mutation_subset()
    if patterns is None:
        return
    kept, dropped = [], []
    for item in items:
        (kept if _chosen(item.nodeid, patterns) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


#: CPU seconds a test may take under a mutant: one that loops forever is a killed mutant, and
#: CPU time (not the clock) holds on a loaded machine.
MUTANT_TEST_CPU_SECONDS = 30


def _out_of_time(signum: int, frame: object) -> None:
    pytest.fail(f"more than {MUTANT_TEST_CPU_SECONDS} s of CPU under a mutant", pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        return (yield)
    previous = signal.signal(signal.SIGVTALRM, _out_of_time)
    signal.setitimer(signal.ITIMER_VIRTUAL, MUTANT_TEST_CPU_SECONDS)
    try:
        return (yield)
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
