"""Atomic file writes: a crash, a kill or a full disk mid-save leaves the previous file intact."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from functools import cache
from pathlib import Path


@cache
def _umask() -> int:
    """The process's umask (read once: setting it to read it is not thread-safe)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _mode_for(path: Path) -> int:
    """The existing file's mode, else what the process's umask allows for a new file."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _write_directly(path: str, data: bytes) -> None:
    """Into a device or FIFO as it is: no temporary file, no rename, never replaced."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush and fsync it, then rename it over `path`.

    What is at `path` is respected: a symbolic link is written through (the file it points at is
    replaced, atomically, beside itself; the link stays); a device or FIFO (/dev/null, a pipe)
    is written into directly; a folder or socket is never replaced (OSError). Nothing but a
    regular file is ever renamed over."""
    target = os.path.realpath(path)  # through every symbolic link, to the file itself
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode):
            _write_directly(target, data)
            return
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        raise OSError(errno.EINVAL, "is not a regular file", str(path))
    _replace_atomically(Path(target), data)


def _replace_atomically(path: Path, data: bytes) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); give it the mode an ordinary save would.
        os.chmod(tmp_name, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable where the platform allows it
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
