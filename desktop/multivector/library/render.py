"""The library's listings and cross-article summaries as text, Markdown or JSON."""

from __future__ import annotations

import json
from typing import Any

from multivector.engine.budget.numbers import format_money
from multivector.library.aggregate import FocalSummary
from multivector.library.dates import display_date
from multivector.library.rows import ArticleRow, SearchHit

FORMATS = ("text", "markdown", "json")


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 article", "2 articles" ("1 country", "3 countries" with `words`)."""
    return f"{count:,} {word}" if count == 1 else f"{count:,} {words or word + 's'}"


def _article(row: ArticleRow) -> dict[str, Any]:
    return {"id": row.id, "title": row.title, "path": row.path, "publication": row.publication,
            "date": row.date, "sort_date": row.sort_date or None, "year": row.year,
            "format": row.format, "focal": row.focal_code, "partners": row.partner_count,
            "sha256": row.sha256}


def _table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in [header, *rows])


def render_articles(rows: list[ArticleRow], fmt: str = "text") -> str:
    """The article list, newest first."""
    if fmt == "json":
        return json.dumps([_article(r) for r in rows], ensure_ascii=False, indent=2)
    body = [[str(r.id), display_date(r.sort_date), r.publication or "-", r.focal_code or "-",
             str(r.partner_count), r.label] for r in rows]
    return _table(["id", "date", "publication", "focal", "partners", "title"], body,
                  fmt == "markdown")


def render_hits(hits: list[SearchHit], fmt: str = "text") -> str:
    """Search results: where each hit is (offsets in the article's text) and its context."""
    if fmt == "json":
        return json.dumps([{**_article(h.article), "start": h.start, "end": h.end,
                            "snippet": h.snippet} for h in hits], ensure_ascii=False, indent=2)
    lines = []
    for hit in hits:
        where = f"@{hit.start}" if hit.start is not None else "(title)"
        snippet = " ".join(hit.snippet.split())
        lead = "- " if fmt == "markdown" else ""
        lines.append(f"{lead}{hit.article.id} {hit.article.label} {where}: {snippet}")
    return "\n".join(lines)


def summary_dict(summary: FocalSummary) -> dict[str, Any]:
    """The cross-article summary as plain JSON-ready data."""
    return {
        "focal": {"code": summary.code, "name": summary.name},
        "articles": [_article(a) for a in summary.articles],
        "partners": [
            {"id": p.id, "name": p.name, "kind": p.kind, "parent": p.parent,
             "areas": list(p.areas), "articles": p.articles, "passages": p.passages,
             "first_seen": p.first_seen or None, "last_seen": p.last_seen or None,
             "per_article": [{"article": m.article_id, "date": m.sort_date or None,
                              "passages": m.passages, "tier": m.tier,
                              "start": m.start, "end": m.end} for m in p.mentions]}
            for p in summary.partners
        ],
        "areas": [{"id": a.id, "label": a.label, "articles": a.articles, "passages": a.passages,
                   "partners": list(a.partners)} for a in summary.areas],
        "budget": [
            {"article": b.article_id, "year": b.year, "amount": b.amount, "currency": b.currency,
             "usd": b.usd, "kind": b.kind, "direction": b.direction, "start": b.start,
             "end": b.end, "conflict": b.conflict}
            for b in summary.budget
        ],
    }


def _amount(value: float | None, currency: str | None) -> str:
    return "-" if value is None else format_money(value, currency)


def render_summary(summary: FocalSummary, fmt: str = "text") -> str:
    """The cross-article summary for one focal country."""
    if fmt == "json":
        return json.dumps(summary_dict(summary), ensure_ascii=False, indent=2)
    md = fmt == "markdown"
    dates = [a.sort_date for a in summary.articles if a.sort_date]
    span = display_date(dates[0]) if dates else "undated"
    if dates and dates[-1] != dates[0]:
        span += f" to {display_date(dates[-1])}"
    if dates and summary.undated:
        span += f" and {summary.undated:,} undated"
    title = f"{summary.name} ({summary.code}): {plural(len(summary.articles), 'article')}, {span}"
    parts = [f"# {title}" if md else title, "", "## Partners" if md else "Partners"]
    parts.append(_table(
        ["partner", "kind", "articles", "passages", "first seen", "last seen", "areas"],
        [[f"{p.name} ({p.id})", p.kind, str(p.articles), str(p.passages),
          display_date(p.first_seen), display_date(p.last_seen),
          ", ".join(summary.area_labels(p.areas))]
         for p in summary.partners], md))
    parts += ["", "## Areas" if md else "Areas", _table(
        ["area", "articles", "passages", "partners"],
        [[a.label, str(a.articles), str(a.passages), ", ".join(a.partners)]
         for a in summary.areas], md)]
    parts += ["", "## Budget" if md else "Budget", _table(
        ["year", "figure", "usd", "kind", "article", "note"],
        [[str(b.year or "-"), _amount(b.amount, b.currency) if b.amount is not None
          else (b.direction or "-"), _amount(b.usd, "USD"), b.kind,
          f"{b.article_id} {b.article_label}", "conflicts" if b.conflict else ""]
         for b in summary.budget], md)]
    return "\n".join(parts)
