"""Pieces of the site build on their own: the logo, and how the guidelines folder is named."""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.site.builder import display, logo
from tests.conftest import GOLDEN, assert_golden

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
