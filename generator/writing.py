"""Writing files atomically, so that a failure never leaves one half-written."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import glob
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Elsewhere reading it means setting it: another thread may see 022 for an instant.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str | bytes) -> None:
    """Replace `path` with `text`: a new file gets the mode of the umask, an old one keeps its."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~umask()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file 0600, unreadable by a web server serving the site.
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def replace_folder(path: Path) -> Iterator[Path]:
    """A fresh folder beside `path` that replaces it only if the block ends without error.

    The swap is one atomic exchange where the system has one (Linux), so `path` is never
    missing, and concurrent builds into the same folder each swap in a complete site. Staging
    folders carry their process id: those of killed builds are removed by the next one.
    """
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    staging = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}."))
    # mkdtemp makes the folder 0700; the published folder gets what the umask gives.
    staging.chmod(0o777 & ~umask())
    try:
        yield staging
        _swap(staging, path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, path: Path) -> None:
    """Put `staging` at `path`; what was at `path` ends up in `staging`, to be removed."""
    for _ in range(100):
        exchanged = _exchange(staging, path)
        if exchanged:
            return
        if exchanged is None:
            # No atomic exchange on this system: move the old folder aside first.
            with contextlib.suppress(FileNotFoundError):
                os.replace(path, staging.with_name(staging.name + ".old"))
            shutil.rmtree(staging.with_name(staging.name + ".old"), ignore_errors=True)
        try:
            os.rename(staging, path)
            return
        except OSError as error:  # another build swapped its site in first: swap again
            if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                raise
    raise OSError(errno.EBUSY, f"could not replace {path}: other builds keep replacing it")


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool | None:
    """Swap two paths atomically: True if done, False if `second` does not exist, None if the
    system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return None
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code == errno.ENOENT:
        return False
    if code in (errno.ENOSYS, errno.EINVAL, errno.EXDEV, errno.ENOTSUP):
        return None
    raise OSError(code, os.strerror(code), str(second))


@functools.cache
def _renameat2() -> Any:
    if sys.platform != "linux":
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes += [ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _remove_stale(path: Path) -> None:
    """Remove the staging folders of builds whose process is gone (killed, or the machine
    restarted): `.<name>.<pid>.<random>` beside `path`."""
    for candidate in path.parent.glob(f".{glob.escape(path.name)}.*.*"):
        pid = candidate.name[len(path.name) + 2 :].split(".", 1)[0]
        stale = pid.isdigit() and not _alive(int(pid))
        if stale and candidate.is_dir() and not candidate.is_symlink():
            shutil.rmtree(candidate, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
