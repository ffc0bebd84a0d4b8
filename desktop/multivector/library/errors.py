"""What can be wrong with a library file, each a one-line `InputError` a person can act on.

The window tells them apart (a damaged library is offered a repair); the command line prints the
line and exits 2. None of them is ever a reason to delete the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from multivector.model.errors import InputError

_BUSY = frozenset({"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY"})
_DAMAGED = frozenset({"SQLITE_CORRUPT", "SQLITE_CORRUPT_INDEX", "SQLITE_CORRUPT_SEQUENCE",
                      "SQLITE_CORRUPT_VTAB", "SQLITE_NOTADB", "SQLITE_IOERR_SHORT_READ"})


class LibraryError(InputError):
    """A library file that cannot be used as it is; `path` names it."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class LibraryBusy(LibraryError):
    """Another process holds the library's write lock longer than a writer waits."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "the library is busy: an import is running; "
                               "try again when it has finished")


class LibraryDamaged(LibraryError):
    """Pages of the file cannot be read: `library repair` saves what can be."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "the library is damaged (some of its pages cannot be read); "
                               f"`multivector library repair --db {path}` keeps a copy of it "
                               "and saves every article that can still be read")


class NotALibrary(LibraryError):
    """Another program's file; it is refused untouched."""


class LibraryMissing(LibraryError):
    """A `--db` path with nothing there; only `library add` creates a library."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "no library there (the file does not exist); "
                               "`multivector library add --db PATH FILE` creates one")


def translate(path: Path, exc: sqlite3.Error) -> InputError | None:
    """The library error that a SQLite error means, or None when it means a bug of ours."""
    name = getattr(exc, "sqlite_errorname", "")
    if name in _BUSY or "database is locked" in str(exc):
        return LibraryBusy(path)
    if name in _DAMAGED or "malformed" in str(exc):
        return LibraryDamaged(path)
    if name == "SQLITE_READONLY" or name.startswith("SQLITE_READONLY"):
        return LibraryError(path, "the library cannot be written here (read-only file or folder)")
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_PERM", "SQLITE_FULL")):
        return LibraryError(path, f"the library cannot be read or written ({exc})")
    return None
