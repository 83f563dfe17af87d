"""Pieces of the site build: the logo, how the guidelines folder is named, and what a site
with a mkdocs.yml of its own keeps and gets."""

from __future__ import annotations

import json
import os
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.site.builder import (
    LOGO,
    SCRIPT,
    SCRIPTS,
    STYLESHEET,
    build_site,
    display,
    logo,
    write_pages,
)
from generator.validation import validate
from tests.conftest import GOLDEN, MINIMAL, assert_golden

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("company", "initials"),
    [("Smith & Co", "S&"), ("acme support team", "AS"), ("Ötzi", "Ö"), ("", "P"), ("  ", "P")],
)
def test_the_logo_shows_the_initials_of_the_first_two_words(company: str, initials: str) -> None:
    badge = ElementTree.fromstring(logo(company))
    assert badge.findtext(f"{SVG}title") == company
    assert badge.findtext(f"{SVG}text") == initials.upper()


def test_the_logo_is_the_same_badge_every_time() -> None:
    assert_golden(GOLDEN / "site" / "logo.svg", logo("Smith & Co"))


def test_a_folder_is_named_relative_to_the_working_folder_when_inside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "inside" / "guidelines").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    monkeypatch.chdir(tmp_path / "inside")
    assert display(Path("guidelines")) == Path("guidelines")
    assert display(tmp_path / "inside" / "guidelines") == Path("guidelines")
    assert display(tmp_path / "outside") == tmp_path / "outside"
    assert display(Path("../outside")) == Path(os.path.abspath("../outside"))


OWN_MKDOCS_YML = r"""site_name: ours
theme:
  name: material
  logo: brand.svg
  favicon: brand.png
extra_css: [assets/stylesheets/playbook.css]
extra_javascript:
  - assets/javascripts/playbook.js
  - path: assets/javascripts/check-page.js
    type: module
plugins:
  - search:
      separator: '[\s]+'
      pipeline: [trimmer]
  - playbook
"""


def test_a_mkdocs_yml_of_its_own_keeps_its_settings_and_gets_the_rest(
    minimal: Path, tmp_path: Path
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(OWN_MKDOCS_YML, encoding="utf-8")
    chat = minimal / "channels" / "chat.yml"
    chat.write_text(
        chat.read_text("utf-8").replace("name: Live chat", "name: Chat <b>x</b>"), "utf-8"
    )
    site = tmp_path / "site"
    assert build_site(minimal, site, config_file=config) == 0
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'src="brand.svg"' in page and 'href="brand.png"' in page
    assert LOGO not in page
    assert page.count(f'href="{STYLESHEET}"') == 1
    assert page.count(f'src="{SCRIPT}"') == 1
    assert page.count(f'src="{SCRIPTS[1]}"') == 1 and f'src="{SCRIPTS[1]}" type="module"' in page
    search = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["config"]
    assert search == {**search, "lang": ["en"], "separator": r"[\s]+", "pipeline": ["trimmer"]}
    # Without a custom_dir of its own, the site gets playbook's templates, whose page title
    # keeps markup in a name as text.
    chat_page = (site / "channels" / "chat" / "index.html").read_text(encoding="utf-8")
    assert "<title>Chat &lt;b&gt;x&lt;/b&gt; - Example Shop</title>" in chat_page


def test_written_pages_link_to_the_guidelines_source_only_when_given_its_address(
    tmp_path: Path,
) -> None:
    playbook = validate(MINIMAL).playbook
    assert playbook is not None
    plain = {p.name: p.read_text("utf-8") for p in write_pages(playbook, tmp_path / "plain")}
    linked = write_pages(playbook, tmp_path / "linked", "https://example.com/repo/guidelines")
    rules = {p.name: p.read_text("utf-8") for p in linked}["rules.md"]
    assert "https://example.com/repo/guidelines/playbook.yml#L" in rules
    assert "example.com/repo" not in plain["rules.md"]
