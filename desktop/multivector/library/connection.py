"""Opening a library file: read-only for readers, with a busy wait for writers, never writing
into a file that is not ours, and never writing into a damaged one.

Readers open with `mode=ro`, so a listing or a search neither waits for an import in another
process nor disturbs it (the file is in WAL mode: readers see the last commit). Writers wait
BUSY_TIMEOUT seconds for another writer, then say the library is busy. A file is looked at
through a read-only connection first; only a library of ours (or an empty file a writer may
make one) is ever opened for writing.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

from multivector.library import schema
from multivector.library.errors import (
    LibraryDamaged,
    LibraryError,
    LibraryMissing,
    NotALibrary,
    translate,
)

BUSY_TIMEOUT = 10.0  # seconds a writer waits while another process writes (an import's batch)


class Mode(Enum):
    """How a library file is opened."""

    READ = "read"  # never writes (but an old schema is upgraded when nobody else writes)
    WRITE = "write"  # an existing library (or an empty file)
    CREATE = "create"  # as WRITE, and a missing file is created


def _lenient_text(value: bytes) -> str:
    # A row of invalid UTF-8 (written by another tool, or half-damaged) shows with U+FFFD
    # instead of failing the whole listing.
    return value.decode("utf-8", "replace")


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.text_factory = _lenient_text
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _read_only(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    return _configure(sqlite3.connect(uri, uri=True, isolation_level=None,
                                      check_same_thread=False))


def _writable(path: Path, timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None,
                           check_same_thread=False)
    return _configure(conn)


def empty_library() -> sqlite3.Connection:
    """An empty library in memory: what a reader sees where no library was made yet."""
    conn = _configure(sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False))
    schema.create(conn)
    return conn


def file_kind(path: Path) -> str:
    """What the file at `path` is, read without writing a byte."""
    try:
        probe = _read_only(path)
    except sqlite3.Error as exc:
        raise translate(path, exc) or LibraryError(path, f"cannot be opened ({exc})") from exc
    ours = False
    try:
        ours = probe.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        return schema.kind_of(probe)
    except sqlite3.DatabaseError as exc:
        error = translate(path, exc)
        if isinstance(error, LibraryDamaged) and not ours:  # not known to be ours: hands off
            raise NotALibrary(path, "is not a Multivector library (not an SQLite database, or "
                                    "its first page is damaged); it was left untouched") from exc
        raise error or LibraryError(path, f"cannot be read ({exc})") from exc
    finally:
        probe.close()


def refuse(path: Path, kind: str) -> None:
    if kind == "foreign":
        probe = _read_only(path)
        try:
            names = sorted(schema.tables(probe))
        finally:
            probe.close()
        shown = ", ".join(names[:6]) + (", …" if len(names) > 6 else "")
        raise NotALibrary(path, f"is another program's SQLite database (tables: {shown or 'none'})"
                                ", not a Multivector library; it was left untouched")
    if kind == "newer":
        raise LibraryError(path, "was made by a newer Multivector; update Multivector to open it")


def _prepare(conn: sqlite3.Connection, kind: str) -> None:
    """Make an empty file a library, or bring an old one up to date, in one transaction."""
    if kind not in ("empty", "old"):
        return
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")  # readers (the pane) never block an import
    conn.execute("BEGIN IMMEDIATE")
    try:
        kind = schema.kind_of(conn)  # again, under the lock: another writer may have done it
        if kind == "empty":
            schema.create(conn)
        elif kind == "old":
            schema.migrate(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def check_pages(path: Path, conn: sqlite3.Connection) -> None:
    """A damaged file accepts no writes: writing into it could spread the damage."""
    result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if result != "ok":
        raise LibraryDamaged(path)


def open_library(path: Path, mode: Mode, timeout: float | None = None) -> sqlite3.Connection:
    """A connection to the library at `path`; a `LibraryError` (an InputError) when it is unusable.

    READ of a file with no tables yet gives an empty library in memory (nothing is written).
    """
    if path.is_dir():
        raise LibraryError(path, "is a folder, not a library file")
    if not path.exists():
        if mode is not Mode.CREATE:
            raise LibraryMissing(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(path, f"cannot be created ({exc.strerror or exc})") from exc
        kind = "empty"
    else:
        kind = file_kind(path)
    refuse(path, kind)
    wait = BUSY_TIMEOUT if timeout is None else timeout
    try:
        if mode is Mode.READ:
            if kind == "old":
                _upgrade_quietly(path)
                kind = file_kind(path)
            return empty_library() if kind == "empty" else _read_only(path)
        conn = _writable(path, wait)
        try:
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL keeps this crash-safe
            _prepare(conn, kind)
            check_pages(path, conn)
        except BaseException:
            conn.close()
            raise
        return conn
    except sqlite3.Error as exc:
        raise translate(path, exc) or LibraryError(path, f"cannot be opened ({exc})") from exc


def _upgrade_quietly(path: Path) -> None:
    """A reader on a library of an older schema upgrades it when it can do so at once; when
    another process writes or the file is read-only, it reads the old schema as it is."""
    try:
        conn = _writable(path, 0.0)
    except sqlite3.Error:
        return
    try:
        _prepare(conn, "old")
    except sqlite3.Error:
        pass
    finally:
        conn.close()
