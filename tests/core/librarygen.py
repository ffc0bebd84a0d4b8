"""Library files for the tests: a healthy one of generated articles, one of the first schema,
and hostile ones (another program's database, garbage in the middle, invalid UTF-8)."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from articlegen import GeneratedArticle, generate_many, truth_analyzer

from multivector.documents.loading import document_from_text
from multivector.library.store import Library

ARTICLES = generate_many(40, seed=77)

# The schema a library had before the marker and stemming (Multivector's schema 1), as it was.
SCHEMA_1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT, title TEXT,
    publication TEXT, date TEXT, sort_date TEXT NOT NULL DEFAULT '', year INTEGER, author TEXT,
    volume INTEGER, issue INTEGER, format TEXT NOT NULL DEFAULT 'text',
    body_start INTEGER NOT NULL DEFAULT 0, focal_code TEXT, focal_name TEXT,
    partner_count INTEGER NOT NULL DEFAULT 0, engine TEXT,
    added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')), text TEXT NOT NULL
);
CREATE INDEX articles_sort ON articles(sort_date DESC, id DESC);
CREATE INDEX articles_focal ON articles(focal_code);
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE analyses (sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL, json TEXT NOT NULL,
                       PRIMARY KEY (sha256, fingerprint));
CREATE TABLE mentions (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, tier TEXT, parent TEXT,
    passages INTEGER NOT NULL, areas TEXT NOT NULL, first_start INTEGER, first_end INTEGER);
CREATE TABLE area_mentions (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    area_id TEXT NOT NULL, label TEXT NOT NULL, passages INTEGER NOT NULL, partners TEXT NOT NULL);
CREATE TABLE budget_facts (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    year INTEGER, amount REAL, currency TEXT, usd REAL, gdp_share_pct REAL, change_pct REAL,
    kind TEXT NOT NULL, direction TEXT, approximate INTEGER NOT NULL DEFAULT 0, label TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL);
CREATE TABLE folders (path TEXT PRIMARY KEY);
"""


def healthy(path: Path, articles: list[GeneratedArticle] = ARTICLES) -> Path:
    """A library of the generated articles, closed (its WAL folded into the file)."""
    with Library(path, analyzer=truth_analyzer(articles), fingerprint="gen") as library:
        for article in articles:
            library.add_document(document_from_text(article.text))
    return path


def schema_1(path: Path, rows: list[tuple[str, str, str | None, int | None]]) -> Path:
    """A library of schema 1 holding (sha256, text, date, year) rows, as that version wrote them:
    sort dates filled in from a guessed year, a word index without stemming, a folders table."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(SCHEMA_1)
    for sha256, text, date, year in rows:
        cursor = conn.execute(
            "INSERT INTO articles (sha256, text, date, year, sort_date, path) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (sha256, text, date, year, f"{year}-00-00" if year else "",
             f"/articles/{sha256[:6]}.txt"))
        conn.execute("INSERT INTO article_fts(rowid, title, text) VALUES (?, NULL, ?)",
                     (cursor.lastrowid, text))
    conn.execute("INSERT INTO folders VALUES ('/articles')")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    return path


def foreign(path: Path) -> Path:
    """Another program's SQLite file (rollback journal, its own tables)."""
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE contacts (name TEXT, phone TEXT);"
                       "INSERT INTO contacts VALUES ('Ada', '555-0100');"
                       "CREATE TABLE notes (body TEXT);")
    conn.commit()
    conn.close()
    return path


def page_size(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[16:18], "big") or 65536


def table_pages(path: Path, table: str) -> list[int]:
    """The page numbers (1-based) of a table's b-tree, read with SQLite's dbstat table."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype != 'overflow'", (table,))]
    finally:
        conn.close()


def garbage_in_the_middle(path: Path, table: str = "articles", seed: int = 3) -> None:
    """Random bytes over the middle pages of `table` (the file's first page stays whole)."""
    pages = table_pages(path, table)
    size = page_size(path)
    middle = pages[len(pages) // 3: max(len(pages) // 3 + 1, 2 * len(pages) // 3)]
    rng = random.Random(seed)
    with path.open("r+b") as handle:
        for page in middle:
            handle.seek((page - 1) * size)
            handle.write(bytes(rng.randrange(256) for _ in range(size)))


def invalid_utf8_title(path: Path, article_id: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET title = CAST(x'4e6f7420fffe7574662d38' AS TEXT) "
                 "WHERE id = ?", (article_id,))
    conn.commit()
    conn.close()
