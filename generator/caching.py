"""Data derived from installed packages, kept between runs in a private temporary folder.

What goes here depends only on what is installed (a package's version, the files playbook
ships), never on the guidelines, so every build after the first on a machine skips the work.
The key of an entry names what it was made from; an entry that cannot be read or written is
made again. The folder is the user's own (created with mode 0700, refused when another user
owns it or others may write in it), so no one else can plant an entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def folder() -> Path | None:
    """The user's private cache folder, or None when there is no safe one."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    path = Path(tempfile.gettempdir()) / f"playbook-cache-{uid}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        found = path.lstat()
    except OSError:
        return None
    mode = found.st_mode
    if not stat.S_ISDIR(mode) or mode & 0o022 or (hasattr(os, "getuid") and found.st_uid != uid):
        return None
    return path


def cached_json(name: str, key: str, make: Callable[[], Any]) -> Any:
    """What `make()` returns (a JSON value), kept under `name` for as long as `key` holds."""
    where = folder()
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    path = where / f"{name}-{digest}.json" if where else None
    if path is not None:
        with contextlib.suppress(OSError, ValueError, KeyError):
            entry = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(entry, dict) and entry.get("key") == key:
                return entry["value"]
    value = make()
    if path is not None:
        _write(path, json.dumps({"key": key, "value": value}, ensure_ascii=False))
        for stale in path.parent.glob(f"{name}-*.json"):  # made from what is installed no more
            if stale != path:
                with contextlib.suppress(OSError):
                    stale.unlink()
    return value


def _write(path: Path, text: str) -> None:
    """Replace the entry at once, so that a concurrent run reads the old one or the new one."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
