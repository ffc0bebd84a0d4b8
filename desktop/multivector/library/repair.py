"""`library repair`: keep a copy of a damaged library and rebuild it from what can be read.

Python's sqlite3 has no `.recover`, and `VACUUM INTO` stops at the first damaged page, so the
rows are copied one by one: article ids come from several scans (the table forwards and
backwards, and its indexes), each read until it meets a damaged page; then each article is read
by its id. An article whose partner, area or budget rows cannot be read is kept and marked for a
new analysis (the next `library summary` or the window's refresh makes them again). The damaged
file is never deleted: it is moved aside, beside the library, with its WAL.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from multivector.library import schema
from multivector.library.connection import file_kind, refuse
from multivector.library.errors import LibraryDamaged, LibraryError, LibraryMissing

_ARTICLE_SCANS = (
    "SELECT id FROM articles",
    "SELECT id FROM articles ORDER BY id DESC",
    "SELECT id FROM articles ORDER BY sort_date DESC, id DESC",  # the articles_sort index
    "SELECT id FROM articles ORDER BY sha256",  # the sha256 unique index
)
_DERIVED = ("mentions", "area_mentions", "budget_facts")


@dataclass(frozen=True)
class RepairReport:
    """What `repair_library` did: nothing (`damaged` False), or a rebuild."""

    path: Path
    damaged: bool
    saved: int = 0  # articles in the rebuilt library
    unreadable: int = 0  # articles known to exist whose row could not be read
    reanalyse: int = 0  # saved articles whose derived rows were lost (analysed again later)
    kept_as: Path | None = None  # the damaged file, moved aside


def _lenient(value: bytes) -> str:
    return value.decode("utf-8", "replace")


def _rows(conn: sqlite3.Connection, sql: str, args: tuple[object, ...] = ()) -> Iterator[tuple]:
    """The rows of `sql` up to the first damaged page."""
    try:
        yield from conn.execute(sql, args)
    except sqlite3.DatabaseError:
        return


def _read_all(conn: sqlite3.Connection, sql: str, args: tuple[object, ...]) -> list[tuple] | None:
    """Every row of `sql`, or None when a damaged page stands in the way."""
    try:
        return list(conn.execute(sql, args))
    except sqlite3.DatabaseError:
        return None


def is_damaged(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok"
    except sqlite3.DatabaseError:
        return True


def _open_damaged(path: Path) -> sqlite3.Connection:
    """A read-only connection to a file that is ours (damaged or not); NotALibrary if not."""
    try:
        refuse(path, file_kind(path))  # another program's file, or a newer schema
    except LibraryDamaged:
        pass  # ours (its marker reads), damaged beyond the first page: what repair is for
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    conn.text_factory = _lenient
    return conn


def _aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while any(Path(f"{candidate}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        number += 1
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    return candidate


def _copy(old: sqlite3.Connection, new: sqlite3.Connection) -> tuple[int, int, int]:
    """Copy what can be read; (saved, unreadable, to be analysed again)."""
    ids: set[int] = set()
    for scan in _ARTICLE_SCANS:
        ids.update(row[0] for row in _rows(old, scan) if isinstance(row[0], int))
    try:
        columns = [row[1] for row in old.execute("PRAGMA table_info(articles)")]
    except sqlite3.DatabaseError:
        columns = []
    wanted = [c for c in columns if c in _article_columns(new)]
    saved = unreadable = reanalyse = 0
    for article_id in sorted(ids):
        found = _read_all(old, f"SELECT {', '.join(wanted)} FROM articles WHERE id = ?",
                          (article_id,)) if wanted else None
        row = dict(zip(wanted, found[0], strict=True)) if found else None
        if row is None or not row.get("sha256") or row.get("text") is None:
            unreadable += 1
            continue
        derived = {table: _read_all(old, f"SELECT * FROM {table} WHERE article_id = ?",
                                    (article_id,)) for table in _DERIVED}
        if any(rows is None for rows in derived.values()):
            row["engine"] = None  # analysed again on the next refresh
            reanalyse += 1
            derived = {}
        try:
            new.execute(f"INSERT INTO articles ({', '.join(row)}) VALUES "
                        f"({', '.join('?' * len(row))})", tuple(row.values()))
        except sqlite3.IntegrityError:  # the same text twice (a damaged unique index)
            unreadable += 1
            continue
        for table, rows in derived.items():
            for values in rows or ():
                new.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(values))})",
                            values)
        for fingerprint, payload in _read_all(
                old, "SELECT fingerprint, json FROM analyses WHERE sha256 = ?",
                (row["sha256"],)) or ():
            new.execute("INSERT OR IGNORE INTO analyses VALUES (?, ?, ?)",
                        (row["sha256"], fingerprint, payload))
        saved += 1
    new.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    return saved, unreadable, reanalyse


def _article_columns(conn: sqlite3.Connection) -> set[str]:
    return {row[1] for row in conn.execute("PRAGMA table_info(articles)")}


def repair_library(path: Path, force: bool = False) -> RepairReport:
    """Rebuild the library at `path` from what can be read, keeping the damaged file aside.

    A library with no damage is left as it is (unless `force`).
    """
    if path.is_dir():
        raise LibraryError(path, "is a folder, not a library file")
    if not path.exists():
        raise LibraryMissing(path)
    old = _open_damaged(path)
    try:
        if not force and not is_damaged(old):
            return RepairReport(path, damaged=False)
        building = path.with_name(f"{path.name}.repairing")
        for suffix in ("", "-wal", "-shm", "-journal"):  # our own half-made file of a last try
            Path(f"{building}{suffix}").unlink(missing_ok=True)
        new = sqlite3.connect(str(building), isolation_level=None)
        try:
            new.execute("BEGIN")
            schema.create(new)
            saved, unreadable, reanalyse = _copy(old, new)
            new.execute("COMMIT")
            new.execute("PRAGMA journal_mode = WAL")
        finally:
            new.close()
    finally:
        old.close()
    kept = _aside(path)
    shutil.copy2(path, kept)
    for suffix in ("-wal", "-shm"):  # the damaged file's log belongs with it, not the new one
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}{suffix}", f"{kept}{suffix}")
    os.replace(building, path)
    return RepairReport(path, True, saved, unreadable, reanalyse, kept)
