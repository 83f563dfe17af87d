"""`serve_site` in process: MkDocs' serve makes its first build, then stops where it would start
listening (tests/test_serve.py runs the real server through a day of edits)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from generator.site.builder import serve_site


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the first build of each serve is copied; serve returns instead of listening."""
    out = tmp_path / "served"

    def first_build_only(self: LiveReloadServer, *, open_in_browser: bool = False) -> None:
        shutil.copytree(self.root, out)
        raise KeyboardInterrupt

    monkeypatch.setattr(LiveReloadServer, "serve", first_build_only)
    return out


def test_serve_builds_the_guidelines_with_their_pages(minimal: Path, served: Path) -> None:
    (minimal / "pages").mkdir()
    (minimal / "pages" / "notes.md").write_text("# Notes\n\nFirst draft.\n", encoding="utf-8")
    lines: list[str] = []
    serve_site(minimal, dev_addr="127.0.0.1:8123", open_in_browser=False, echo=lines.append)
    assert "First draft." in (served / "notes" / "index.html").read_text(encoding="utf-8")
    assert (served / "rules.json").is_file()
    # MkDocs' informational messages reach the terminal, one line each.
    assert "INFO    -  Building documentation..." in lines


def test_serve_shows_the_errors_of_invalid_guidelines(minimal: Path, served: Path) -> None:
    playbook = minimal / "playbook.yml"
    playbook.write_text(playbook.read_text(encoding="utf-8") + "unknown_key: 1\n", "utf-8")
    lines: list[str] = []
    serve_site(minimal, dev_addr="127.0.0.1:8124", open_in_browser=False, echo=lines.append)
    page = (served / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>The guidelines have errors", page)
    assert "<p>Fix them and save: this page reloads.</p>" in page
    assert "the guidelines in guidelines are not valid:" in page
    assert "guidelines/playbook.yml:" in page and "unknown_key" in page
    assert any(
        line.startswith("ERROR   -  ")
        and line.endswith("the guidelines in guidelines are not valid:")
        for line in lines
    )


def test_serve_reads_the_mkdocs_yml_given_with_plugins_as_a_mapping(
    minimal: Path, tmp_path: Path, served: Path
) -> None:
    config = tmp_path / "site.yml"
    config.write_text(
        "site_name: x\ntheme: material\nplugins:\n  search: {}\n  playbook: {}\n", encoding="utf-8"
    )
    serve_site(minimal, dev_addr="127.0.0.1:8125", open_in_browser=False, config_file=config)
    assert (served / "rules.json").is_file() and (served / "search").is_dir()
