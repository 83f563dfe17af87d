"""Symlinks, special files and clashing names in a guidelines folder are refused, never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.site.builder import build_site
from generator.validation import validate
from tests.conftest import ROOT

SECRET = "runner-secret-7d1f"


def refused(directory: Path) -> list[tuple[str, int, int, str]]:
    result = validate(directory)
    assert result.playbook is None
    return [(d.file, d.line, d.column, d.message) for d in result.errors]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Secret\n\n{SECRET}\n", encoding="utf-8")
    (outside / "token.txt").write_text(SECRET, encoding="utf-8")
    return outside


def test_a_symlinked_page_is_refused_and_never_published(minimal: Path, secret: Path) -> None:
    (minimal / "pages").mkdir()
    (minimal / "pages" / "x.md").symlink_to(secret / "secret.md")
    [(file, line, column, message)] = refused(Path("guidelines"))
    assert (file, line, column) == ("guidelines/pages/x.md", 1, 1)
    assert "symbolic link" in message and "copy the file here instead" in message
    assert build_site(minimal, Path("site"), config_file=ROOT / "mkdocs.yml") == 1
    assert not any(SECRET in p.read_text("utf-8", "replace") for p in Path().rglob("site/**/*.*"))


def test_a_symlinked_folder_in_pages_is_refused(minimal: Path, secret: Path) -> None:
    (minimal / "pages").mkdir()
    (minimal / "pages" / "more").symlink_to(secret, target_is_directory=True)
    [(file, *_, message)] = refused(Path("guidelines"))
    assert file == "guidelines/pages/more" and "copy the folder here instead" in message


def test_a_symlinked_channel_and_channels_folder_are_refused(minimal: Path, tmp_path: Path) -> None:
    (minimal / "channels" / "chat.yml").rename(tmp_path / "chat.yml")
    (minimal / "channels" / "chat.yml").symlink_to(tmp_path / "chat.yml")
    assert [f for f, *_ in refused(Path("guidelines"))] == ["guidelines/channels/chat.yml"]
    (minimal / "channels" / "chat.yml").unlink()
    (minimal / "channels").rmdir()
    (minimal / "channels").symlink_to(tmp_path, target_is_directory=True)
    assert [f for f, *_ in refused(Path("guidelines"))] == ["guidelines/channels"]


def test_a_fifo_is_refused_without_being_opened(minimal: Path) -> None:
    os.mkfifo(minimal / "channels" / "pipe.yml")  # reading it would wait forever
    [(file, _, _, message)] = refused(Path("guidelines"))
    assert file == "guidelines/channels/pipe.yml" and "FIFO" in message


def test_chat_yml_beside_chat_yaml_is_an_error(minimal: Path) -> None:
    chat = minimal / "channels" / "chat.yml"
    (minimal / "channels" / "chat.yaml").write_bytes(chat.read_bytes())
    [(file, line, column, message)] = refused(Path("guidelines"))
    assert (file, line, column) == ("guidelines/channels/chat.yml", 1, 1)
    assert "chat.yaml" in message and "keep one" in message


@pytest.mark.parametrize("name", ["index.md", "terms.md", "rules.md", "rules.json"])
def test_a_page_named_like_a_generated_one_is_an_error(minimal: Path, name: str) -> None:
    (minimal / "pages").mkdir()
    (minimal / "pages" / name).write_text("# Mine\n", encoding="utf-8")
    [(file, *_, message)] = refused(Path("guidelines"))
    assert file == f"guidelines/pages/{name}" and "the site generates" in message


def test_a_folder_named_like_a_generated_one_is_an_error(minimal: Path) -> None:
    (minimal / "pages" / "channels").mkdir(parents=True)
    [(file, *_)] = refused(Path("guidelines"))
    assert file == "guidelines/pages/channels"


def test_a_page_name_that_is_not_utf8_is_an_error(minimal: Path) -> None:
    (minimal / "pages").mkdir()
    with open(os.fsencode(minimal / "pages") + b"/caf\xe9.md", "wb") as handle:
        handle.write(b"# Cafe\n")
    [(file, *_, message)] = refused(Path("guidelines"))
    assert file == "guidelines/pages/caf\\xe9.md" and "not UTF-8" in message
    result = CliRunner().invoke(main, ["validate", "guidelines"])
    assert result.exit_code == 1 and "caf\\xe9.md" in result.output


@pytest.mark.parametrize("name", ["evil.html", "logo.svg", "app.js", "sub/page.md"])
def test_files_that_would_run_or_go_unread_are_refused(minimal: Path, name: str) -> None:
    path = minimal / "pages" / name
    path.parent.mkdir(parents=True)
    path.write_text("<script>alert(1)</script>", encoding="utf-8")
    [(file, *_)] = refused(Path("guidelines"))
    assert file == f"guidelines/pages/{name}"


def test_images_beside_the_pages_are_published(minimal: Path) -> None:
    (minimal / "pages" / "images").mkdir(parents=True)
    (minimal / "pages" / "images" / "map.png").write_bytes(b"\x89PNG\r\n")
    (minimal / "pages" / "help.md").write_text("# Help\n\n![Map](images/map.png)\n", "utf-8")
    assert validate(Path("guidelines")).playbook is not None
    assert build_site(minimal, Path("site"), config_file=ROOT / "mkdocs.yml") == 0
    assert Path("site/images/map.png").read_bytes() == b"\x89PNG\r\n"


def test_every_name_the_site_generates_is_refused_in_pages() -> None:
    from generator.site.builder import CHANGES_PAGE, site_files
    from generator.vocabulary import GENERATED_FILES, GENERATED_FOLDERS, GENERATED_PAGES

    playbook = validate(ROOT / "guidelines").playbook
    assert playbook is not None
    tops = {name.split("/")[0] for name in site_files(playbook)} | {CHANGES_PAGE}
    tops -= {page.name for page in playbook.pages}
    assert tops <= set(GENERATED_PAGES) | set(GENERATED_FILES) | set(GENERATED_FOLDERS)
