"""A library of articles in SQLite: add, list by date, full-text search, cached analyses.

Readers open the file read-only (`Mode.READ`), writers wait for one another (`connection`); every
SQLite error that means "busy", "damaged" or "not ours" reaches the caller as a `LibraryError`,
a one-line `InputError`. The analysis of each article is cached by the sha256 of its text plus
the engine fingerprint, so a new engine or new resources make every article re-analyse on demand
(`refresh`). Long
operations take a progress callback and a cancel check; the Qt layer runs them on a worker,
with a `Library` of its own (one connection per thread).
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from multivector.library import cache as library_cache
from multivector.library.connection import Mode, open_library
from multivector.library.dates import sort_date
from multivector.library.errors import LibraryError, translate
from multivector.library.files import expand_paths, skip_reason
from multivector.library.rows import (
    ARTICLE_COLUMNS,
    AddResult,
    ArticleRow,
    SearchHit,
    article_row,
    document_row,
    first_words,
    write_derived,
)
from multivector.library.schema import default_db_path
from multivector.library.search import MAX_LIMIT, fts_query, shown_query
from multivector.model.analysis import Analysis, Document
from multivector.model.errors import InputError

Analyzer = Callable[[Document], Analysis]
Progress = Callable[[int, int, str], None]  # done, total, what
Cancel = Callable[[], bool]
BATCH = 50  # articles per commit during an import
P = ParamSpec("P")
R = TypeVar("R")


def _engine() -> tuple[Analyzer, str]:
    from multivector.engine.knowledge.fingerprint import engine_fingerprint
    from multivector.engine.pipeline import analyze_document

    return analyze_document, engine_fingerprint()


def _engine_fingerprint() -> str:
    from multivector.engine.knowledge.fingerprint import engine_fingerprint

    return engine_fingerprint()


def _guarded(method: Callable[Concatenate[Library, P], R]) -> Callable[Concatenate[Library, P], R]:
    """SQLite's busy, damaged and read-only errors as the library's one-line errors."""

    @functools.wraps(method)
    def wrapper(self: Library, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.guard():
            return method(self, *args, **kwargs)

    return wrapper


class Library:
    """The article library at `path` (default: the user's data folder); one per thread.

    `mode` READ opens the file read-only (a missing or empty file reads as an empty library only
    when `missing_ok`); WRITE needs an existing library; CREATE (the default) makes one if needed.
    """

    def __init__(self, path: Path | str | None = None, analyzer: Analyzer | None = None,
                 fingerprint: str | None = None, mode: Mode = Mode.CREATE,
                 missing_ok: bool = False, timeout: float | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.mode = mode
        if mode is Mode.READ and missing_ok and not self.path.exists():
            from multivector.library.connection import empty_library

            self._conn = empty_library()
        else:
            self._conn = open_library(self.path, mode, timeout)
        self._conn.row_factory = sqlite3.Row
        self._analyzer = analyzer
        self._fingerprint = fingerprint

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Translate SQLite errors on this library into `LibraryError`s (InputErrors)."""
        try:
            yield
        except sqlite3.Error as exc:
            error = translate(self.path, exc)
            if error is None:
                raise
            raise error from exc

    @_guarded
    def check(self) -> None:
        """LibraryDamaged when pages of the file cannot be read (about 10 ms a thousand articles).

        Writers are checked when they open; a listing checks first so that damage is reported
        even when the rows it shows happen to be readable.
        """
        from multivector.library.connection import check_pages

        check_pages(self.path, self._conn)

    def data_version(self) -> int:
        """Changes whenever another connection (another process, a worker) commits."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def fingerprint(self) -> str:
        """What the cache is keyed by besides the text: the engine's, or "custom" for a test's."""
        if self._fingerprint is None:
            self._fingerprint = "custom" if self._analyzer else _engine_fingerprint()
        return self._fingerprint

    def _analyze(self, document: Document) -> Analysis:
        if self._analyzer is None:
            self._analyzer, fingerprint = _engine()
            self._fingerprint = self._fingerprint or fingerprint
        return self._analyzer(document)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A transaction, or a savepoint inside the batch an import opened (`_batch`)."""
        nested = self._conn.in_transaction
        self._conn.execute("SAVEPOINT article" if nested else "BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK TO article" if nested else "ROLLBACK")
            if nested:
                self._conn.execute("RELEASE article")
            raise
        self._conn.execute("RELEASE article" if nested else "COMMIT")

    @contextmanager
    def _batch(self) -> Iterator[None]:
        """One commit for many articles: an import of thousands is not a thousand commits."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:  # what was added stays added, even when the import stops half way
            self._conn.execute("COMMIT")

    # adding -----------------------------------------------------------------------------
    @_guarded
    def add_document(self, document: Document) -> AddResult:
        """Store the document and its analysis; a text already stored is not added twice."""
        existing = self.find_sha256(document.sha256)
        if existing is not None:
            if document.path and existing.path and not Path(existing.path).exists():
                self._conn.execute("UPDATE articles SET path = ? WHERE id = ?",
                                   (document.path, existing.id))  # the file moved
                existing = replace(existing, path=document.path)
            return AddResult(existing, added=False)
        analysis = self._cached(document.sha256) or self._analyze(document)
        row = document_row(document)
        row["sort_date"] = sort_date(document.date)
        columns = ", ".join(row)
        with self._transaction() as conn:
            cursor = conn.execute(f"INSERT INTO articles ({columns}) VALUES "
                                  f"({', '.join('?' * len(row))})", tuple(row.values()))
            article_id = int(cursor.lastrowid or 0)
            conn.execute("INSERT INTO article_fts(rowid, title, text) VALUES (?, ?, ?)",
                         (article_id, document.title, document.text))
            self._store_analysis(conn, article_id, analysis)
        return AddResult(self.article(article_id), added=True)

    @_guarded
    def add_path(self, path: Path | str) -> AddResult:
        """Load a file in any supported format and add it."""
        from multivector.documents.loading import load_document

        return self.add_document(load_document(Path(path)))

    @_guarded
    def add_text(self, text: str, title: str | None = None, name: str = "pasted text") -> AddResult:
        """Add pasted text; a copy is saved beside the database so the window can open it."""
        from multivector.documents.loading import document_from_text
        from multivector.platform.storage import atomic_write_text

        document = document_from_text(text, path=None, title=title)
        folder = self.path.parent / "pasted"
        folder.mkdir(parents=True, exist_ok=True)
        copy = folder / f"{document.sha256[:16]}.txt"
        if not copy.exists():
            atomic_write_text(copy, document.text)
        title = title or document.title or first_words(document.text)
        return self.add_document(replace(document, path=str(copy), title=title))

    def add_paths(self, paths: Iterable[Path | str], progress: Progress | None = None,
                  cancel: Cancel | None = None) -> tuple[list[AddResult], list[str]]:
        """Add files and folders (searched for article files); returns results and error lines.

        A file that cannot be read or analysed is skipped with its reason and the import goes
        on; only a library error (busy, damaged) stops it.
        """
        files = list(expand_paths(paths))
        results: list[AddResult] = []
        errors: list[str] = []
        for first in range(0, len(files), BATCH):
            if cancel is not None and cancel():
                break
            with self.guard(), self._batch():
                for done, file in enumerate(files[first:first + BATCH], start=first):
                    if cancel is not None and cancel():
                        break
                    if progress is not None:
                        progress(done, len(files), str(file))
                    try:
                        results.append(self.add_path(file))
                    except (LibraryError, sqlite3.Error):
                        raise
                    except Exception as exc:  # noqa: BLE001 - one bad file must not stop an import
                        if not isinstance(exc, InputError | OSError):  # a bug: keep its trace
                            from multivector.platform.logs import log_exception

                            log_exception(f"adding {file} to the library")
                        errors.append(skip_reason(file, exc))
        if progress is not None:
            progress(len(results) + len(errors), len(files), "")
        return results, errors

    @_guarded
    def remove(self, article_id: int) -> None:
        row = self.article(article_id)
        with self._transaction() as conn:
            conn.execute("INSERT INTO article_fts(article_fts, rowid, title, text) "
                         "SELECT 'delete', id, title, text FROM articles WHERE id = ?", (row.id,))
            conn.execute("DELETE FROM articles WHERE id = ?", (row.id,))

    # analysis cache ---------------------------------------------------------------------
    def _cached(self, sha256: str) -> Analysis | None:
        found = self._conn.execute(
            "SELECT a.json, t.text FROM analyses a LEFT JOIN articles t ON t.sha256 = a.sha256 "
            "WHERE a.sha256 = ? AND a.fingerprint = ?", (sha256, self.fingerprint)).fetchone()
        if found is None or found[1] is None:
            return None
        return library_cache.decode(found[0], found[1])

    def _store_analysis(self, conn: sqlite3.Connection, article_id: int,
                        analysis: Analysis) -> None:
        conn.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)",
                     (analysis.document.sha256, self.fingerprint, library_cache.encode(analysis)))
        write_derived(conn, article_id, analysis, self.fingerprint)

    @_guarded
    def analysis(self, article_id: int) -> Analysis:
        """The article's analysis by the current engine, run now if the cache is stale."""
        row = self.article(article_id)
        cached = self._cached(row.sha256)
        if cached is not None:
            return replace(cached, document=replace(cached.document, path=row.path))
        document = self.document(article_id)
        analysis = self._analyze(document)
        with self._transaction() as conn:
            self._store_analysis(conn, article_id, analysis)
        return analysis

    @_guarded
    def document(self, article_id: int) -> Document:
        """The stored document, exactly as it was analysed."""
        found = self._conn.execute(
            "SELECT text, path, title, publication, volume, issue, date, author, year, sha256, "
            "body_start, format FROM articles WHERE id = ?", (article_id,)).fetchone()
        if found is None:
            raise InputError(f"library: no article {article_id}")
        return Document(*found)

    @_guarded
    def stale(self) -> list[int]:
        """Articles analysed by another engine (or resources) than the current one."""
        return [r[0] for r in self._conn.execute(
            "SELECT id FROM articles WHERE engine IS NOT ? ORDER BY id", (self.fingerprint,))]

    @_guarded
    def refresh(self, progress: Progress | None = None, cancel: Cancel | None = None) -> int:
        """Re-analyse stale articles; returns how many were brought up to date."""
        ids = self.stale()
        for done, article_id in enumerate(ids):
            if cancel is not None and cancel():
                return done
            if progress is not None:
                progress(done, len(ids), str(article_id))
            self.analysis(article_id)
        self._conn.execute("DELETE FROM analyses WHERE fingerprint != ?", (self.fingerprint,))
        return len(ids)

    # reading ----------------------------------------------------------------------------
    @_guarded
    def article(self, article_id: int) -> ArticleRow:
        found = self._conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?",
                                   (article_id,)).fetchone()
        if found is None:
            raise InputError(f"library: no article {article_id}")
        return article_row(found)

    @_guarded
    def find_sha256(self, sha256: str) -> ArticleRow | None:
        found = self._conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE sha256 = ?",
                                   (sha256,)).fetchone()
        return article_row(found) if found else None

    @_guarded
    def articles(self, focal: str | None = None) -> list[ArticleRow]:
        """All articles (or one focal country's), newest first; undated ones last."""
        where, args = ("WHERE focal_code = ?", (focal,)) if focal else ("", ())
        return [article_row(r) for r in self._conn.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles {where} "
            "ORDER BY sort_date = '', sort_date DESC, id DESC", args)]

    @_guarded
    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    @_guarded
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search (words, "phrases", prefix*, OR, NOT), best matches first."""
        if not 1 <= limit <= MAX_LIMIT:
            raise InputError(f"search: a limit of {limit} is out of range "
                             f"(give a number from 1 to {MAX_LIMIT})")
        match = fts_query(query)
        try:
            rows = self._conn.execute(
                f"SELECT {', '.join('a.' + c for c in ARTICLE_COLUMNS.split(', '))}, "
                "highlight(article_fts, 1, char(1), char(2)), "
                "snippet(article_fts, 1, '[', ']', '…', 16) "
                "FROM article_fts JOIN articles a ON a.id = article_fts.rowid "
                "WHERE article_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            if translate(self.path, exc) is not None:
                raise
            # SQLite's own wording ("fts5: syntax error near ...") means nothing to a reader.
            raise InputError(f"search {shown_query(query)}: cannot be searched for as written; "
                             'use words, "a phrase", a prefix* and OR or NOT between words'
                             ) from exc
        hits = []
        for row in rows:
            marked: str = row[13]
            start = marked.find("\x01")
            end = marked.find("\x02", start) - 1 if start >= 0 else -1
            hits.append(SearchHit(article_row(row), start if start >= 0 else None,
                                  end if start >= 0 else None, row[14]))
        return hits

    @_guarded
    def focal_countries(self) -> list[tuple[str, str, int]]:
        """(code, name, number of articles) for every focal country in the library."""
        return [(r[0], r[1], r[2]) for r in self._conn.execute(
            "SELECT focal_code, max(focal_name), count(*) FROM articles "
            "WHERE focal_code IS NOT NULL GROUP BY focal_code ORDER BY count(*) DESC, focal_code")]

    @property
    def connection(self) -> sqlite3.Connection:
        """For the aggregation queries of `library_aggregate` (read only)."""
        return self._conn
