"""What `serve_site` hands MkDocs' serve: the guidelines folder, its pages and the log, without
starting a server (tests/test_serve.py runs the real one)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from generator.resources import MKDOCS_CONFIG
from generator.site.builder import serve_site


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The options of each call to MkDocs' serve, which logs one line instead of serving."""
    calls: list[dict[str, Any]] = []

    def serve(**options: Any) -> None:
        logging.getLogger("mkdocs").info("Serving on %s", options["dev_addr"])
        calls.append(options)

    monkeypatch.setattr("mkdocs.commands.serve.serve", serve)
    return calls


def test_serve_points_mkdocs_at_the_guidelines_and_their_pages(
    minimal: Path, served: list[dict[str, Any]]
) -> None:
    (minimal / "pages").mkdir()
    lines: list[str] = []
    serve_site(minimal, dev_addr="127.0.0.1:8123", open_in_browser=True, echo=lines.append)
    [options] = served
    assert options["config_file"] == str(MKDOCS_CONFIG)
    assert options["dev_addr"] == "127.0.0.1:8123" and options["open_in_browser"] is True
    assert options["plugins"]["playbook"] == {"guidelines": str(minimal.resolve())}
    assert options["docs_dir"] == str((minimal / "pages").resolve())
    # MkDocs' own messages reach the terminal, the informational ones too.
    assert lines == ["INFO    -  Serving on 127.0.0.1:8123"]


def test_serve_uses_the_mkdocs_yml_given(
    minimal: Path, tmp_path: Path, served: list[dict[str, Any]]
) -> None:
    config = tmp_path / "site.yml"
    config.write_text("site_name: x\nplugins:\n  - search\n  - playbook\n", encoding="utf-8")
    serve_site(minimal, dev_addr="127.0.0.1:8000", open_in_browser=False, config_file=config)
    [options] = served
    assert options["config_file"] == str(config) and options["open_in_browser"] is False
    assert options["plugins"] == {"search": {}, "playbook": {"guidelines": str(minimal.resolve())}}
