"""The published schemas under rules/ are derived from the registry and up to date."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from generator.schema import published

from .conftest import ROOT, SAMPLE


def test_published_schemas_are_up_to_date() -> None:
    for name, text in published().items():
        assert (ROOT / "rules" / name).read_text(encoding="utf-8") == text, (
            f"rules/{name} is out of date: run 'playbook schema'"
        )
    assert CliRunner().invoke(main, ["schema", "--check"]).exit_code == 0


def test_schemas_are_deterministic() -> None:
    assert published() == published()


def test_sample_files_point_editors_at_the_schemas() -> None:
    files = [SAMPLE / "playbook.yml", *sorted((SAMPLE / "channels").glob("*.yml"))]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target.is_file(), f"{path}: {target} does not exist"
