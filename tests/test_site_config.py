"""What the site takes from the playbook and where its configuration comes from: behaviour the
site build's surviving mutants changed without a test noticing."""

from __future__ import annotations

import json
import logging
import os
import re
import time
from pathlib import Path

import pytest

from generator.resources import MKDOCS_CONFIG
from generator.site.builder import (
    LOGO,
    SEARCH_SEPARATOR,
    STYLESHEET,
    _Forward,
    build_site,
    default_config_file,
    write_pages,
)
from generator.validation import validate
from tests.conftest import ITALIAN


@pytest.fixture(scope="module")
def italian_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("italian") / "site"
    assert build_site(ITALIAN, site, config_file=MKDOCS_CONFIG) == 0
    return site


def test_the_site_speaks_the_playbook_s_language_and_names_it(italian_site: Path) -> None:
    playbook = validate(ITALIAN).playbook
    assert playbook is not None
    page = (italian_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]* lang="it"', page)
    assert f"{playbook.company} · playbook {playbook.version}" in page  # the copyright line
    assert f'<link rel="icon" href="{LOGO}"' in page
    assert f'href="{STYLESHEET}"' in page and (italian_site / STYLESHEET).is_file()
    assert f'src="{LOGO}"' in page  # the header's logo
    search = json.loads((italian_site / "search" / "search_index.json").read_text("utf-8"))
    assert search["config"]["lang"] == ["it"]
    assert search["config"]["separator"] == SEARCH_SEPARATOR


def test_the_mkdocs_yml_beside_the_guidelines_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert default_config_file(tmp_path / "g" / "guidelines") == MKDOCS_CONFIG
    Path("mkdocs.yml").write_text("site_name: here\n", encoding="utf-8")
    assert default_config_file(None) == Path("mkdocs.yml")
    (tmp_path / "g").mkdir()
    beside = tmp_path / "g" / "mkdocs.yml"
    beside.write_text("site_name: beside\n", encoding="utf-8")
    assert default_config_file(tmp_path / "g" / "guidelines") == beside


def test_unchanged_pages_are_left_alone(tmp_path: Path) -> None:
    playbook = validate(ITALIAN).playbook
    assert playbook is not None
    written = write_pages(playbook, tmp_path)
    assert written and all(p.is_file() for p in written)
    old = time.time() - 3600
    for path in written:
        os.utime(path, (old, old))
    changed = written[0]
    changed.write_text("stale", encoding="utf-8")
    os.utime(changed, (old, old))
    assert write_pages(playbook, tmp_path) == written
    assert [p for p in written if p.stat().st_mtime > old + 1] == [changed]
    assert changed.read_text(encoding="utf-8") != "stale"


def test_each_line_of_a_log_message_is_echoed() -> None:
    lines: list[str] = []
    handler = _Forward(lines.append, logging.WARNING)
    record = logging.LogRecord("mkdocs", logging.WARNING, "", 0, "first\nsecond", None, None)
    handler.emit(record)
    assert lines == ["WARNING -  first", "second"]
