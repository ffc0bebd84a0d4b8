"""What the library hands out (frozen rows) and how an analysis is written into its tables."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import PurePath

from multivector.model.analysis import Analysis, Document


@dataclass(frozen=True)
class ArticleRow:
    """One article of the library, as the pane lists it."""

    id: int
    sha256: str
    path: str | None
    title: str | None
    publication: str | None
    date: str | None
    sort_date: str
    year: int | None
    format: str
    focal_code: str | None
    focal_name: str | None
    partner_count: int
    added: str

    @property
    def label(self) -> str:
        """A title to show: the article's own, else one derived from its file name."""
        return derived_title(self.title, self.path, self.id)


def derived_title(title: str | None, path: str | None, article_id: int) -> str:
    """The article's title, else its file name as words ("kaz_defense-2007.txt" ->
    "Kaz defense 2007"), as the window's title block derives it; else "Article N"."""
    if title and title.strip():
        return " ".join(title.split())
    stem = PurePath(path.replace("\\", "/")).stem if path else ""
    words = " ".join(re.sub(r"[_\-.]+", " ", stem).split())
    if words:
        return words[0].upper() + words[1:]
    return f"Article {article_id}"


def first_words(text: str, limit: int = 60) -> str | None:
    """A title for a text that has none (pasted text): its first line, cut at a word."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) <= limit:
        return line or None
    return line[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@dataclass(frozen=True)
class AddResult:
    """The outcome of adding one article: its row, and False in `added` for a re-add."""

    article: ArticleRow
    added: bool


@dataclass(frozen=True)
class SearchHit:
    """A full-text match: the article, the first hit's offsets in its text, and a snippet."""

    article: ArticleRow
    start: int | None
    end: int | None
    snippet: str


ARTICLE_COLUMNS = ("id, sha256, path, title, publication, date, sort_date, year, format, "
                   "focal_code, focal_name, partner_count, added")


def article_row(row: sqlite3.Row) -> ArticleRow:
    return ArticleRow(*row[:13])


def document_row(document: Document) -> dict[str, object]:
    """The article columns a `Document` fills."""
    return {
        "sha256": document.sha256, "path": document.path, "title": document.title,
        "publication": document.publication, "date": document.date, "year": document.year,
        "author": document.author, "volume": document.volume, "issue": document.issue,
        "format": document.source_format, "body_start": document.body_start,
        "text": document.text,
    }


def write_derived(conn: sqlite3.Connection, article_id: int, analysis: Analysis,
                  fingerprint: str) -> None:
    """Replace the article's partner, area and budget rows, and its focal summary columns."""
    for table in ("mentions", "area_mentions", "budget_facts"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, p.id, p.name, p.kind, p.tier, p.parent, len(p.passages),
          json.dumps(list(p.areas)),
          p.passages[0].start if p.passages else None, p.passages[0].end if p.passages else None)
         for p in analysis.partners],
    )
    conn.executemany(
        "INSERT INTO area_mentions VALUES (?, ?, ?, ?, ?)",
        [(article_id, a.id, a.label, len(a.passages), json.dumps(list(a.partners)))
         for a in analysis.areas],
    )
    conn.executemany(
        "INSERT INTO budget_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, f.year, f.amount, f.currency, f.usd, f.gdp_share_pct, f.change_pct, f.kind,
          f.direction, int(f.approximate), f.label, f.start, f.end) for f in analysis.budget],
    )
    top_level = [p for p in analysis.partners if p.parent is None]
    conn.execute(
        "UPDATE articles SET focal_code = ?, focal_name = ?, partner_count = ?, engine = ? "
        "WHERE id = ?",
        (analysis.focal.code if analysis.focal else None,
         analysis.focal.name if analysis.focal else None, len(top_level), fingerprint, article_id),
    )
