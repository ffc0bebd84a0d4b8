"""A library of the first schema is brought up to date on first open, keeping every row:
stemmed search, sort dates from the article's own date only, no folders table, our marker."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from librarygen import schema_1

from multivector.cli.main import main
from multivector.library.connection import Mode
from multivector.library.schema import APPLICATION_ID, FTS_TOKENIZER, SCHEMA_USER_VERSION
from multivector.library.store import Library

ROWS = "SELECT id, sha256, text, date, year FROM articles ORDER BY id"
TEXTS = [  # (text, date in the header, the year schema 1 guessed from the body)
    ("Kazakhstan and Russia held exercises near the border.", "April 9, 2007", 2007),
    ("Armenia exercised with France; the 2008 plan named 2008 twice in 2008.", None, 2008),
    ("Chile said the navy would exercise with Brazil.", "March 2010", 2010),
    ("Poland bought radars from the United States.", None, None),
]


def _rows() -> list[tuple[str, str, str | None, int | None]]:
    return [(hashlib.sha256(t.encode()).hexdigest(), t, d, y) for t, d, y in TEXTS]


@pytest.fixture
def old(tmp_path: Path) -> Path:
    return schema_1(tmp_path / "old.sqlite3", _rows())


def _words(library: Library, query: str) -> set[str]:
    return {library.document(h.article.id).text for h in library.search(query)}


def test_the_old_schema_is_migrated_keeping_every_row(old: Path) -> None:
    conn = sqlite3.connect(old)
    before = conn.execute(ROWS).fetchall()
    conn.close()
    with Library(old) as library:  # a writer opens it: migrated at once
        assert library.count() == len(TEXTS)
        # Porter stemming: one word finds its inflected forms.
        assert _words(library, "exercise") == {t for t, _d, _y in TEXTS[:3]}
        assert _words(library, "exercises") == _words(library, "exercise")
        assert [r.sort_date for r in sorted(library.articles(), key=lambda r: r.id)] == [
            "2007-04-09", "", "2010-03-00", ""]  # the guessed 2008 is gone
    conn = sqlite3.connect(old)
    after = conn.execute(ROWS).fetchall()
    assert after == before
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_USER_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "folders" not in tables
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'article_fts'").fetchone()[0]
    assert FTS_TOKENIZER in sql
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_reader_upgrades_an_old_library_when_nobody_writes(
        old: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "search", "--db", str(old), "exercise", "--format", "json"]) == 0
    assert len(__import__("json").loads(capsys.readouterr().out)) == 3
    with Library(old, mode=Mode.READ) as library:
        assert library.count() == len(TEXTS)


def test_a_reader_reads_an_old_library_as_it_is_while_another_process_writes(old: Path) -> None:
    writer = sqlite3.connect(old, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with Library(old, mode=Mode.READ) as library:
            assert library.count() == len(TEXTS)
            assert len(library.search("exercises")) == 1  # the old index: no stemming yet
            assert {r.id for r in library.articles()} == {1, 2, 3, 4}
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # left for a later open
    conn.close()
