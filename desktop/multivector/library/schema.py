"""The library's SQLite schema, its location, and sortable dates.

One row per article (keyed by the sha256 of its normalized text), a full-text index over title
and text (FTS5, external content), the analysis cache keyed by content hash and engine
fingerprint, and per-article tables derived from the analysis that the cross-article views read.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from multivector.model.errors import InputError

SCHEMA_USER_VERSION = 1
DB_NAME = "library.sqlite3"

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
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
    title, text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
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
CREATE TABLE IF NOT EXISTS folders (
    path TEXT PRIMARY KEY
);
"""


def default_db_path() -> Path:
    """MULTIVECTOR_DATA_DIR/library.sqlite3, else the platform's user data folder."""
    from multivector.platform.user_dirs import user_folder

    return user_folder("data") / DB_NAME


def connect(path: Path) -> sqlite3.Connection:
    """An open, migrated connection; InputError when the file is not a usable library."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")  # readers (the pane) never block an import
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL keeps this crash-safe
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_USER_VERSION:
            raise InputError(f"{path}: was made by a newer Multivector (schema {version})")
        conn.executescript(SCHEMA)
        conn.execute(f"PRAGMA user_version = {SCHEMA_USER_VERSION}")
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path}: is not a Multivector library ({exc})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be opened ({exc.strerror or exc})") from exc
    conn.row_factory = sqlite3.Row
    return conn


_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{4})\b")


def sort_date(date: str | None, year: int | None) -> str:
    """"YYYY-MM-DD" from a free-form date (zeros for what is unknown), "" when nothing is known."""
    text = date or ""
    if match := _ISO.search(text):
        return f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3) or 0):02d}"
    # (pattern, (group of the year, group of the month, group of the day or 0))
    orders = ((_MONTH_FIRST, (3, 1, 2)), (_DAY_FIRST, (3, 2, 1)), (_MONTH_YEAR, (2, 1, 0)))
    for pattern, order in orders:
        match = pattern.search(text)
        month = _MONTHS.get(match.group(order[1])[:3].lower()) if match else None
        if match and month:
            day = int(match.group(order[2])) if order[2] else 0
            return f"{match.group(order[0])}-{month:02d}-{day:02d}"
    return f"{year:04d}-00-00" if year else ""
