"""The two sides of a comparison: a guidelines folder, an exported rules.json, or a git
revision of a folder (`HEAD~1`, `v1:guidelines`), each read as an export."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any


class VersionError(ValueError):
    """A version that cannot be read: the message says which and why."""


def read_version(spec: str, default_folder: Path) -> tuple[str, dict[str, Any]]:
    """The export of a version, with the name to show for it.

    `spec` is a folder, a rules.json, `REV` (the revision of `default_folder`) or `REV:path`.
    """
    path = Path(spec)
    if path.is_file():
        from generator.checking.rules_file import RulesFileError, read_rules

        try:
            return spec, read_rules(path)
        except RulesFileError as error:
            raise VersionError(str(error)) from None
    if path.is_dir():
        return spec, _export_folder(path, spec)
    revision, _, inside = spec.partition(":")
    try:
        folder = Path(inside) if inside else _in_repository(default_folder)
    except VersionError as error:
        raise VersionError(f"'{spec}' is {error}.") from None
    with tempfile.TemporaryDirectory(prefix="playbook-diff-") as temporary:
        _extract(revision, folder, Path(temporary))
        return spec, _export_folder(Path(temporary), spec)


def _export_folder(folder: Path, name: str) -> dict[str, Any]:
    from generator.export import export
    from generator.reporting import summary
    from generator.validation import validate

    nested = folder / "guidelines"
    if not (folder / "playbook.yml").exists() and (nested / "playbook.yml").exists():
        folder = nested
    result = validate(folder)
    if result.playbook is None:
        raise VersionError(
            f"the guidelines of {name} are not valid ({summary(result.diagnostics)}): "
            "fix them, or compare with another version."
        )
    return export(result.playbook)


def _git(*args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False, timeout=60)
    except OSError as error:
        raise VersionError(f"cannot run git: {error.strerror}.") from None
    if done.returncode:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise VersionError(reason[-1] if reason else f"git {' '.join(args)} failed.")
    return done.stdout


def _in_repository(folder: Path) -> Path:
    """The folder's path from the top of its git repository, as `REV:path` names it."""
    try:
        top = Path(_git("rev-parse", "--show-toplevel").decode().strip())
    except VersionError as error:
        raise VersionError(f"not a folder, a rules file or a git revision: {error}") from None
    try:
        return folder.resolve().relative_to(top.resolve())
    except ValueError:
        raise VersionError(f"{folder} is not in the git repository at {top}.") from None


def _extract(revision: str, folder: Path, target: Path) -> None:
    """The files of `folder` at `revision`, written under `target`."""
    tree = f"{revision}:{folder.as_posix()}"
    _check_tree(tree)
    archive = _git("archive", "--format=tar", tree)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


def _check_tree(tree: str) -> None:
    try:
        kind = _git("cat-file", "-t", tree).decode().strip()
        if kind != "tree":
            raise VersionError(f"{tree} is a {kind}")
    except VersionError:
        revision, _, folder = tree.partition(":")
        raise VersionError(
            f"'{revision}' is not a folder, a rules file or a git revision with a folder "
            f"'{folder}': name two folders, two rules.json files or two revisions."
        ) from None
