"""A partner's passages across all of a focal country's articles: where each stands (article,
date, paragraph) and its sentence, for a list that opens each article at its passage."""

from __future__ import annotations

from dataclasses import dataclass

from multivector.library.aggregate import FocalSummary
from multivector.library.store import Library


@dataclass(frozen=True)
class PassageAcross:
    """One passage about a partner in one article of the library."""

    article_id: int
    path: str | None
    article: str  # the article's title (or the one derived from its file name)
    sort_date: str  # "" when the article is undated
    paragraph: int | None  # from 1, as the reader and the summaries count them
    start: int
    end: int
    sentence: str  # the passage's text, its whitespace made single spaces


def partner_passages(library: Library, summary: FocalSummary,
                     partner_id: str) -> tuple[PassageAcross, ...]:
    """Every passage about `partner_id` in the summary's articles, newest article first.

    Reads the cached analyses (an article analysed by an older engine is analysed again).
    """
    partner = next((p for p in summary.partners if p.id == partner_id), None)
    if partner is None:
        return ()
    rows = {a.id: a for a in summary.articles}
    found: list[PassageAcross] = []
    for mention in reversed(partner.mentions):  # mentions are oldest first
        article = rows[mention.article_id]
        analysis = library.analysis(mention.article_id)
        named = analysis.partner(partner_id)
        text = analysis.document.text
        for passage in named.passages if named else ():
            paragraph = analysis.paragraph_at(passage.start)
            found.append(PassageAcross(
                article.id, article.path, article.label, article.sort_date,
                paragraph.index if paragraph else None, passage.start, passage.end,
                " ".join(text[passage.start:passage.end].split())))
    # Newest first; undated articles after the dated ones; in reading order within an article.
    found.sort(key=lambda p: (p.sort_date == "", _negated(p.sort_date), p.article_id, p.start))
    return tuple(found)


def _negated(key: str) -> tuple[int, ...]:
    return tuple(-int(part) for part in key.split("-")) if key else ()
