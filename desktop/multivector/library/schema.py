"""The library's SQLite schema, the marker that says a file is ours, and its migrations.

One row per article (keyed by the sha256 of its normalized text), a full-text index over title
and text (FTS5, external content, Porter stemming so "exercise" finds "exercises"), the analysis
cache keyed by content hash and engine fingerprint, and per-article tables derived from the
analysis that the cross-article views read.

A file is ours when its `application_id` is APPLICATION_ID, or when it is a library of schema 1
(made before the marker existed: our tables and nothing else). Anything else is another program's
file and is never written to.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from multivector.library.dates import sort_date

SCHEMA_USER_VERSION = 2
APPLICATION_ID = 0x4D564C42  # "MVLB"
DB_NAME = "library.sqlite3"
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

_FTS = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='{FTS_TOKENIZER}'
);
"""

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT,
    title TEXT,
    publication TEXT,
    date TEXT,
    sort_date TEXT NOT NULL DEFAULT '',
    year INTEGER,
    author TEXT,
    volume INTEGER,
    issue INTEGER,
    format TEXT NOT NULL DEFAULT 'text',
    body_start INTEGER NOT NULL DEFAULT 0,
    focal_code TEXT,
    focal_name TEXT,
    partner_count INTEGER NOT NULL DEFAULT 0,
    engine TEXT,
    added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_sort ON articles(sort_date DESC, id DESC);
CREATE INDEX IF NOT EXISTS articles_focal ON articles(focal_code);
""" + _FTS + """
CREATE TABLE IF NOT EXISTS analyses (
    sha256 TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (sha256, fingerprint)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    tier TEXT,
    parent TEXT,
    passages INTEGER NOT NULL,
    areas TEXT NOT NULL,
    first_start INTEGER,
    first_end INTEGER
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE TABLE IF NOT EXISTS area_mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    area_id TEXT NOT NULL,
    label TEXT NOT NULL,
    passages INTEGER NOT NULL,
    partners TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS area_mentions_article ON area_mentions(article_id);
CREATE TABLE IF NOT EXISTS budget_facts (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    year INTEGER,
    amount REAL,
    currency TEXT,
    usd REAL,
    gdp_share_pct REAL,
    change_pct REAL,
    kind TEXT NOT NULL,
    direction TEXT,
    approximate INTEGER NOT NULL DEFAULT 0,
    label TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS budget_article ON budget_facts(article_id);
"""

# Every table a library of schema 1 could hold (the FTS5 shadow tables included).
_SCHEMA_1_TABLES = frozenset({
    "articles", "article_fts", "article_fts_data", "article_fts_idx", "article_fts_docsize",
    "article_fts_config", "analyses", "mentions", "area_mentions", "budget_facts", "folders",
})


def default_db_path() -> Path:
    """MULTIVECTOR_DATA_DIR/library.sqlite3, else the platform's user data folder."""
    from multivector.platform.user_dirs import user_folder

    return user_folder("data") / DB_NAME


def tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}


def kind_of(conn: sqlite3.Connection) -> str:
    """"ours", "old" (ours, an older schema), "newer", "empty" (no tables yet) or "foreign".

    Reads only: safe on a read-only connection and on another program's file.
    """
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    names = tables(conn)
    if application_id == APPLICATION_ID:
        if version > SCHEMA_USER_VERSION:
            return "newer"
        return "ours" if version == SCHEMA_USER_VERSION else "old"
    if application_id == 0 and not names and version == 0:
        return "empty"
    if application_id == 0 and version == 1 and {"articles", "article_fts"} <= names \
            and names <= _SCHEMA_1_TABLES:
        return "old"
    return "foreign"


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Each statement on its own: `executescript` would commit the caller's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def create(conn: sqlite3.Connection) -> None:
    """Make an empty file a library (inside the caller's transaction)."""
    _run_script(conn, SCHEMA)
    _mark(conn)


def migrate(conn: sqlite3.Connection) -> None:
    """Bring a library of an older schema up to date, keeping every row (in a transaction).

    Schema 1 -> 2: the full-text index is rebuilt with Porter stemming; sort dates are read again
    from the article's own date only (schema 1 filled in a year guessed from the body); the
    `folders` table of the removed folder watch is dropped; the marker is written.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < 2:
        conn.execute("DROP TABLE IF EXISTS article_fts")
        conn.execute("DROP TABLE IF EXISTS folders")
        _run_script(conn, SCHEMA)
        conn.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
        conn.create_function("mv_sort_date", 1, sort_date, deterministic=True)
        conn.execute("UPDATE articles SET sort_date = mv_sort_date(date)")
    _mark(conn)


def _mark(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_USER_VERSION}")
