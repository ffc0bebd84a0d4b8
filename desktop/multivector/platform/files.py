"""Reading a file the user named: regular files only, and never more than a limit.

A FIFO, a device or a socket given as an article or a project would block the read forever or
never end; such a file is refused the moment it is opened (with O_NONBLOCK, so opening a FIFO
returns at once), before a byte is read. Errors are OSErrors; callers turn them into sentences
with `describe_error`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

NAME_MAX = 255  # bytes in one file name on the file systems we meet (ext4, btrfs, xfs, APFS)


class NotRegularFile(OSError):
    """The path names a folder, FIFO, device or socket, not a file to read."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(errno.EINVAL, f"is {kind}, not a file", path)
        self.kind = kind


class TooLarge(OSError):
    """The file holds more than the reader's limit."""

    def __init__(self, path: str, size: int | None, limit: int) -> None:
        super().__init__(errno.EFBIG, "over the size limit", path)
        self.size = size  # None when the file grew past the limit while being read
        self.limit = limit


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words ("a folder", "a named pipe (FIFO)"); None for a
    regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at `path`: NotRegularFile for anything else, TooLarge when
    it holds more than `limit` bytes (by its size before reading, and again while reading, since
    a file can grow). Other OSErrors (missing, permission, name too long) pass through."""
    name = os.fspath(path)
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise NotRegularFile(name, kind)
        if info.st_size > limit:
            raise TooLarge(name, info.st_size, limit)
        os.set_blocking(fd, True)
        with open(fd, "rb") as handle:
            fd = -1  # the handle closes it now
            # read what the file holds (plus one byte, to notice one that grew past the limit)
            # rather than reserving the whole limit for every small file
            data = handle.read(min(info.st_size, limit) + 1)
            if len(data) > info.st_size:
                data += handle.read(limit + 1 - len(data))
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise TooLarge(name, None, limit)
    return data


def describe_error(error: OSError, path: str | os.PathLike[str] | None = None) -> str:
    """Why a file could not be read or written, in a few words after its name."""
    name = os.fspath(path) if path is not None else (error.filename or "")
    if isinstance(error, NotRegularFile):
        return f"is {error.kind}, not a file"
    if isinstance(error, TooLarge):
        mb = error.limit / 1e6
        if error.size is None:
            return f"is over the {mb:.0f} MB limit"
        return f"is {error.size / 1e6:.0f} MB, over the {mb:.0f} MB limit"
    code = error.errno
    if code == errno.ENOENT:
        return "no such file or folder"
    if code == errno.ENOTDIR:
        return "no such file (a part of the path is a file, not a folder)"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied (on the file or one of its folders)"
    if code == errno.ENAMETOOLONG:
        longest = max((len(os.fsencode(part)) for part in Path(name).parts), default=0)
        if longest > NAME_MAX:
            return f"a name in the path is {longest} bytes long, over the {NAME_MAX} a file " \
                   "system allows"
        return f"the path is {len(os.fsencode(name))} bytes long, too long for the system"
    if code == errno.EISDIR:
        return "is a folder, not a file"
    if code == errno.ELOOP:
        return "too many levels of symbolic links"
    if code == errno.ENOSPC:
        return "no space left on the disk"
    if code == errno.EROFS:
        return "the disk is read-only"
    return (error.strerror or str(error)).rstrip(".").lower()
