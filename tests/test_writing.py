"""Replacing the site folder: only on success, atomically, safe with concurrent builds."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.writing import replace_folder
from tests.conftest import ROOT, SAMPLE


def _site(staging: Path, text: str) -> None:
    for i in range(20):
        (staging / f"page{i}.html").write_text(text, encoding="utf-8")
    (staging / "index.html").write_text(text, encoding="utf-8")


def test_a_failure_in_the_block_keeps_the_previous_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with replace_folder(site) as staging:
        _site(staging, "first")
    with pytest.raises(RuntimeError), replace_folder(site) as staging:
        _site(staging, "second")
        raise RuntimeError("the build failed")
    assert (site / "index.html").read_text(encoding="utf-8") == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_build_that_fails_in_mkdocs_keeps_the_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLE, "g")
    Path("out").mkdir()
    Path("out/index.html").write_text("previous", encoding="utf-8")
    # Valid guidelines, but a broken link: a warning, which --strict makes a failed build.
    Path("g/pages/broken.md").write_text("# Broken\n\n[gone](missing.md)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "g", "-d", "out", "--strict"])
    assert result.exit_code == 1, result.output
    assert Path("out/index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g", "out"]


def test_concurrent_replacements_never_leave_the_folder_missing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with replace_folder(site) as staging:
        _site(staging, "0")
    missing: list[str] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not (site / "index.html").is_file():
                missing.append("index.html")

    def build(n: int) -> None:
        try:
            for round_ in range(15):
                with replace_folder(site) as staging:
                    _site(staging, f"{n}-{round_}")
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    watcher = threading.Thread(target=watch)
    watcher.start()
    builders = [threading.Thread(target=build, args=(n,)) for n in range(4)]
    for thread in builders:
        thread.start()
    for thread in builders:
        thread.join()
    done.set()
    watcher.join()
    assert errors == [] and missing == []
    texts = {p.read_text(encoding="utf-8") for p in site.iterdir()}
    assert len(texts) == 1  # one build's complete site, not a mix
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


KILLED = """
import os, signal, sys
from pathlib import Path
from generator.writing import replace_folder
with replace_folder(Path(sys.argv[1])) as staging:
    (staging / "index.html").write_text("half", encoding="utf-8")
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_the_next_build_removes_what_a_killed_build_left(tmp_path: Path) -> None:
    site = tmp_path / "site"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED, str(site)], cwd=ROOT, env={**os.environ}, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert [p.name.split(".")[1] for p in tmp_path.iterdir()] == ["site"]  # .site.<pid>.<x>
    with replace_folder(site) as staging:
        _site(staging, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
