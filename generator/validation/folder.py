"""Which files of a guidelines folder validation reads, and which it refuses to read.

Everything in the folder is untrusted: a symbolic link could publish a file from outside it
(a CI runner's secrets), a FIFO or a device would hang or flood the build, a page named like a
generated one would replace it, and HTML or SVG beside the pages would run script on the site.
Each is refused with a diagnostic instead of being read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from generator.model.diagnostics import Diagnostic, Level
from generator.vocabulary import GENERATED_FILES, GENERATED_FOLDERS, GENERATED_PAGES
from generator.wording import say

PLAYBOOK_FILE = "playbook.yml"
CHANNELS_DIR = "channels"
PAGES_DIR = "pages"
CHANNEL_SUFFIXES = (".yml", ".yaml")
#: Files that would run script in the site's origin if published from `pages/`.
ACTIVE_SUFFIXES = frozenset(
    {".html", ".htm", ".xhtml", ".svg", ".svgz", ".xml", ".js", ".mjs", ".css", ".wasm"}
)


def listing(directory: Path, root: str) -> tuple[list[Path], list[Diagnostic]]:
    """The files to read, in reading order, and why each refused one is refused."""
    refused: list[Diagnostic] = []
    paths: list[Path] = []

    def shown(path: Path) -> str:
        return f"{root}/{_name(path.relative_to(directory).as_posix())}"

    def acceptable(path: Path, *, folder: bool = False) -> bool:
        problem = _special(path, folder=folder)
        if problem is None and _name(path.name) != path.name:
            problem = say("its name is not UTF-8: rename it with letters, digits and hyphens")
        if problem is not None:
            refused.append(_refuse(shown(path), problem))
        return problem is None

    playbook = directory / PLAYBOOK_FILE
    if os.path.lexists(playbook) and acceptable(playbook):
        paths.append(playbook)
    channels = directory / CHANNELS_DIR
    if os.path.lexists(channels) and acceptable(channels, folder=True):
        stems: dict[str, Path] = {}
        for path in sorted(channels.iterdir()):
            if path.suffix not in CHANNEL_SUFFIXES or not acceptable(path):
                continue
            if path.stem in stems:
                refused.append(
                    _refuse(
                        shown(path),
                        say(
                            "channel '{channel}' is also defined in {name}: keep one of the "
                            "two files",
                            channel=_name(path.stem),
                            name=stems[path.stem].name,
                        ),
                    )
                )
                continue
            stems[path.stem] = path
            paths.append(path)
    pages = directory / PAGES_DIR
    if os.path.lexists(pages) and acceptable(pages, folder=True):
        paths += _pages(pages, acceptable, shown, refused)
    return paths, refused


def _pages(
    pages: Path,
    acceptable: Callable[..., bool],
    shown: Callable[[Path], str],
    refused: list[Diagnostic],
) -> list[Path]:
    found = []
    for folder, folders, files in os.walk(pages):
        here = Path(folder)
        top = here == pages
        for name in sorted(folders):
            path = here / name
            if not acceptable(path, folder=True):
                folders.remove(name)
            elif top and name in GENERATED_FOLDERS:
                refused.append(_refuse(shown(path), _clash(name, "folder")))
                folders.remove(name)
        folders.sort()
        for name in sorted(files):
            path = here / name
            if not acceptable(path):
                continue
            suffix = path.suffix.lower()
            if suffix in ACTIVE_SUFFIXES:
                refused.append(
                    _refuse(
                        shown(path),
                        say(
                            "a {suffix} file would run as part of the site: keep only "
                            "Markdown pages and images such as .png or .jpg in pages/",
                            suffix=suffix,
                        ),
                    )
                )
            elif suffix == ".md" and not top:
                refused.append(
                    _refuse(
                        shown(path),
                        say("a page in a subfolder is not read: move it to pages/ itself"),
                    )
                )
            elif top and (name in GENERATED_PAGES or name in GENERATED_FILES):
                refused.append(_refuse(shown(path), _clash(name, "file")))
            elif top and suffix == ".md":
                found.append(path)
    return found


def _special(path: Path, *, folder: bool) -> str | None:
    """Why a path is not a plain file (or folder) inside the guidelines folder, if it is not."""
    try:
        mode = path.lstat().st_mode
    except OSError as error:
        return say("cannot read it: {strerror}", strerror=error.strerror)
    if stat.S_ISLNK(mode):
        return say(
            "a symbolic link is not followed, so that no file from outside the guidelines "
            "folder is published: copy the {what} here instead",
            what=say("folder") if folder else say("file"),
        )
    if folder and not stat.S_ISDIR(mode):
        return say("expected a folder: make it a folder or remove it")
    if not folder and not stat.S_ISREG(mode):
        what = say("a folder") if stat.S_ISDIR(mode) else say("a device, FIFO or socket")
        return say("{what}, not a plain file: remove it or replace it with a file", what=what)
    return None


def _clash(name: str, what: str) -> str:
    return say("the site generates a {what} named '{name}': rename this one", what=what, name=name)


def _name(text: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 shown as escapes."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _refuse(file: str, problem: str) -> Diagnostic:
    return Diagnostic(file, 1, 1, Level.ERROR, "files/refused", f"{problem}.")
