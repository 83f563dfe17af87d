"""The cache of data derived from installed packages, and what the site build keeps in it."""

from __future__ import annotations

import os
import tempfile
import zoneinfo
from pathlib import Path

import pytest

from generator import caching


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_an_entry_is_made_once_per_key_and_a_new_key_replaces_it(temporary: Path) -> None:
    made: list[str] = []

    def make(value: str) -> object:
        made.append(value)
        return {"v": value}

    assert caching.cached_json("thing", "k1", lambda: make("one")) == {"v": "one"}
    assert caching.cached_json("thing", "k1", lambda: make("again")) == {"v": "one"}
    assert caching.cached_json("thing", "k2", lambda: make("two")) == {"v": "two"}
    assert made == ["one", "two"]
    folder = caching.folder()
    assert folder is not None and folder.parent == temporary
    assert len(list(folder.glob("thing-*.json"))) == 1  # k1's entry is gone


def test_a_damaged_entry_is_made_again(temporary: Path) -> None:
    caching.cached_json("thing", "k", lambda: [1])
    folder = caching.folder()
    assert folder is not None
    (entry,) = folder.glob("thing-*.json")
    entry.write_text('{"key": "k", "val', encoding="utf-8")
    assert caching.cached_json("thing", "k", lambda: [2]) == [2]
    assert caching.cached_json("thing", "k", lambda: [3]) == [2]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_may_write_in_is_not_used(temporary: Path) -> None:
    folder = temporary / f"playbook-cache-{os.getuid()}"
    folder.mkdir(mode=0o700)
    folder.chmod(0o777)
    assert caching.folder() is None
    made = []
    for _ in range(2):
        caching.cached_json("thing", "k", lambda: made.append(1) or 1)
    assert made == [1, 1]
    assert not list(folder.iterdir())


def test_time_zones_are_told_as_zoneinfo_lists_them() -> None:
    from generator.validation.meaning import _is_time_zone

    listed = zoneinfo.available_timezones()
    assert all(_is_time_zone(name) for name in listed)
    others = [
        "Europe/Rom",
        "posixrules",
        "right/Europe/Rome",
        "posix/Europe/Rome",
        "Europe",
        "../zoneinfo/Europe/Rome",
        "Europe//Rome",
        "/Europe/Rome",
        "Europe/./Rome",
        "Europe/Ro\x00me",
        "",
    ]
    for name in others:
        assert _is_time_zone(name) == (name in listed), name


def test_the_kept_stems_are_snowballs(temporary: Path) -> None:
    import snowballstemmer

    from generator.text.signals import _known_stems

    for algorithm in ("english", "italian"):
        stem = snowballstemmer.stemmer(algorithm).stemWord
        known = _known_stems(algorithm)
        assert len(known) > 300
        assert all(stem(word) == found for word, found in known.items())
        assert _known_stems(algorithm) == known  # read back from the cache


def test_the_kept_holiday_regions_are_the_packages(temporary: Path) -> None:
    import holidays

    from generator.validation.meaning import _holiday_regions

    expected = {
        code: list(regions) for code, regions in holidays.list_supported_countries().items()
    }
    assert _holiday_regions() == expected
    assert _holiday_regions() == expected


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("time_zone: Europe/Rome", "time_zone: Europe/Rom", "'Europe/Rom' is not a time zone"),
        ("holidays: {country: IT}", "holidays: {country: XY}", "'XY' is not a country"),
        (
            "holidays: {country: IT}",
            "holidays: {country: IT, region: ZZ}",
            "'ZZ' is not a region of IT",
        ),
    ],
)
def test_a_wrong_time_zone_or_holiday_country_is_still_reported(
    temporary: Path, tmp_path: Path, before: str, after: str, message: str
) -> None:
    import shutil

    from generator.validation import validate
    from generator.validation.meaning import holiday_problem
    from tests.conftest import SAMPLE

    guidelines = tmp_path / "guidelines"
    shutil.copytree(SAMPLE, guidelines)
    channel = guidelines / "channels" / "whatsapp.yml"
    channel.write_text(channel.read_text(encoding="utf-8").replace(before, after), encoding="utf-8")
    for _ in range(2):  # once making the cached lists, once reading them
        holiday_problem.cache_clear()
        texts = [d.text() for d in validate(guidelines).diagnostics]
        assert any("whatsapp.yml" in t and message in t for t in texts), texts
