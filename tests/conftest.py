"""Test helpers: fixture folders, and golden files refreshed with PLAYBOOK_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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
