"""The real `playbook serve` through a day of editing: every mistake shows, every fix recovers."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import MINIMAL

CYCLES = 20
PLAYBOOK = Path(sys.executable).with_name("playbook")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, text: str, log: Path, timeout: float = 60) -> None:
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(
        f"{url} never showed {text!r}; last page:\n{body[:1500]}\nserve said:\n"
        + log.read_text(encoding="utf-8")[-3000:]
    )


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """`playbook serve` on a copy of the minimal playbook with a page, on a free port."""
    guidelines = tmp_path / "guidelines"
    shutil.copytree(MINIMAL, guidelines)
    (guidelines / "pages").mkdir()
    (guidelines / "pages" / "notes.md").write_text("# Notes\n\nFirst draft.\n", encoding="utf-8")
    port, log = _free_port(), tmp_path / "serve.log"
    with log.open("wb") as err:
        server = subprocess.Popen(
            [str(PLAYBOOK), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=tmp_path,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        try:
            yield guidelines, f"http://127.0.0.1:{port}/", log
            assert server.poll() is None, log.read_text(encoding="utf-8")
        finally:
            server.terminate()
            server.wait(timeout=30)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_recovers_from_every_mistake(served: tuple[Path, str, Path]) -> None:
    guidelines, url, log = served
    channel, playbook = guidelines / "channels" / "chat.yml", guidelines / "playbook.yml"
    page = guidelines / "pages" / "notes.md"
    _wait_for(url + "channels/chat/", "Late order", log)
    title, text, company = "Late order", "I'm sorry your order is late.", "Example Shop"
    for cycle in range(CYCLES):
        mark = f"edit{cycle}x"
        if cycle % 3 == 0:  # a YAML value, broken against the schema
            _replace(channel, "formality: neutral", "formality: neutrall")
            _wait_for(url, "chat.yml:7:14: error [schema/enum]", log)
            _replace(channel, "formality: neutrall", "formality: neutral")
            _replace(channel, f"title: {title}", f"title: {title} {mark}")
            title = f"{title} {mark}"
            _wait_for(url + "channels/chat/", title, log)
        elif cycle % 3 == 1:  # a page, saved while playbook.yml has a quote closed too late
            _replace(playbook, f"company: {company}", f'company: "{company}')
            _wait_for(url, "playbook.yml:4:11: error [yaml/syntax]", log)
            _replace(playbook, f'company: "{company}', f"company: {company} {mark}")
            company = f"{company} {mark}"
            page.write_text(f"# Notes\n\nDraft {mark}.\n", encoding="utf-8")
            _wait_for(url + "notes/", f"Draft {mark}.", log)
            _wait_for(url, company, log)
        else:  # a reply template that breaks a rule, then a good one
            _replace(channel, text, "calm down, your order is late.")
            _wait_for(url, "breaks rule 'term-calm-down'", log)
            _replace(channel, "calm down, your order is late.", f"I'm sorry, {mark} is late.")
            text = f"I'm sorry, {mark} is late."
            _wait_for(url + "channels/chat/", f"{mark} is late.", log)
    assert "Invalid Plugins configuration" not in log.read_text(encoding="utf-8")
