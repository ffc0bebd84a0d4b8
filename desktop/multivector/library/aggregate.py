"""Cross-article views of one focal country: partners and areas over all its articles, a
timeline of each partner's mentions, and the budget series with conflicting figures flagged.

Reads the per-article tables the library derives from each analysis; the caller brings stale
analyses up to date first (`Library.refresh`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, replace

from multivector.library.rows import ArticleRow
from multivector.library.store import Library
from multivector.model.errors import InputError

CONFLICT_TOLERANCE = 0.005  # figures within half a percent are the same figure, rounded


@dataclass(frozen=True)
class PartnerMention:
    """How one article mentions a partner: passages counted, and the first passage."""

    article_id: int
    sort_date: str
    passages: int
    tier: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class PartnerAggregate:
    """A partner over all of a focal country's articles."""

    id: str
    name: str
    kind: str
    parent: str | None
    areas: tuple[str, ...]
    mentions: tuple[PartnerMention, ...]  # one per article, by article date

    @property
    def articles(self) -> int:
        return len(self.mentions)

    @property
    def passages(self) -> int:
        return sum(m.passages for m in self.mentions)

    @property
    def first_seen(self) -> str:
        return min((m.sort_date for m in self.mentions if m.sort_date), default="")

    @property
    def last_seen(self) -> str:
        return max((m.sort_date for m in self.mentions if m.sort_date), default="")


@dataclass(frozen=True)
class AreaAggregate:
    """A cooperation area over all articles: in how many, with which partners."""

    id: str
    label: str
    articles: int
    passages: int
    partners: tuple[str, ...]
    icon: str = "area"  # the taxonomy's icon name; "area" for one it no longer has


@dataclass(frozen=True)
class BudgetPoint:
    """One budget figure from one article, with where it stands in that article's text."""

    article_id: int
    path: str | None
    article_label: str
    sort_date: str
    year: int | None
    amount: float | None
    currency: str | None
    usd: float | None
    kind: str
    direction: str | None
    start: int
    end: int
    conflict: bool  # another article states a different figure for the same year


@dataclass(frozen=True)
class FocalSummary:
    """Everything the cross-article view shows for one focal country."""

    code: str
    name: str
    articles: tuple[ArticleRow, ...]  # oldest first
    partners: tuple[PartnerAggregate, ...]  # most articles first
    areas: tuple[AreaAggregate, ...]
    budget: tuple[BudgetPoint, ...]  # by year, then article date

    def area(self, area_id: str) -> AreaAggregate:
        """The area by id; one the articles name but the summary lacks keeps its id as label."""
        found = next((a for a in self.areas if a.id == area_id), None)
        return found or _area_type(area_id, area_id)

    def area_labels(self, area_ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.area(a).label for a in area_ids)

    @property
    def undated(self) -> int:
        """Articles whose header gives no date."""
        return sum(1 for a in self.articles if not a.sort_date)

    def conflicts(self) -> dict[tuple[int, str], tuple[BudgetPoint, ...]]:
        """(year, currency) -> the disagreeing stated figures, side by side."""
        groups: dict[tuple[int, str], list[BudgetPoint]] = defaultdict(list)
        for point in self.budget:
            if point.conflict and point.year is not None:
                groups[(point.year, point.currency or "")].append(point)
        return {key: tuple(points) for key, points in groups.items()}


def resolve_focal(library: Library, focal: str) -> tuple[str, str]:
    """(code, name) for a code or name the user typed; InputError when no article has it."""
    wanted = focal.strip().casefold()
    for code, name, _count in library.focal_countries():
        if wanted in (code.casefold(), (name or "").casefold()):
            return code, name or code
    known = ", ".join(code for code, _name, _count in library.focal_countries()) or "none yet"
    raise InputError(f"--focal {focal}: no article in the library is about it (known: {known})")


@dataclass
class _Tally:
    """A running total while rows are read (mutable, private to this module)."""

    name: str
    kind: str = ""
    parent: str | None = None
    articles: int = 0
    passages: int = 0
    labels: set[str] = field(default_factory=set)  # areas of a partner, partners of an area
    mentions: list[PartnerMention] = field(default_factory=list)


def focal_summary(library: Library, focal: str) -> FocalSummary:
    """The cross-article summary for a focal country (code or name)."""
    code, name = resolve_focal(library, focal)
    articles = tuple(reversed(library.articles(focal=code)))
    by_id = {a.id: a for a in articles}
    with library.guard():
        return FocalSummary(code, name, articles, _partners(library, by_id),
                            _areas(library, by_id), _budget(library, by_id))


def _area_type(area_id: str, label: str, articles: int = 0, passages: int = 0,
               partners: tuple[str, ...] = ()) -> AreaAggregate:
    """An area with the taxonomy's label and icon (the stored label when it has none now)."""
    from multivector.engine.knowledge.taxonomy import load_taxonomy

    known = load_taxonomy().areas.get(area_id)
    return AreaAggregate(area_id, known.label if known else label, articles, passages, partners,
                         known.icon if known else "area")


def _where(by_id: dict[int, ArticleRow]) -> str:
    return f"WHERE article_id IN ({','.join('?' * len(by_id))})"


def _partners(library: Library, by_id: dict[int, ArticleRow]) -> tuple[PartnerAggregate, ...]:
    tallies: dict[str, _Tally] = {}
    for row in library.connection.execute(
            "SELECT article_id, partner_id, name, kind, tier, parent, passages, areas, "
            f"first_start, first_end FROM mentions {_where(by_id)}", tuple(by_id)):
        tally = tallies.setdefault(row[1], _Tally(row[2], row[3], row[5]))
        tally.labels.update(json.loads(row[7]))
        tally.mentions.append(
            PartnerMention(row[0], by_id[row[0]].sort_date, row[6], row[4], row[8], row[9]))
    aggregates = (
        PartnerAggregate(pid, t.name, t.kind, t.parent, tuple(sorted(t.labels)),
                         tuple(sorted(t.mentions, key=lambda m: (m.sort_date, m.article_id))))
        for pid, t in tallies.items()
    )
    # The partners most written about first: in more articles, then with more passages.
    return tuple(sorted(aggregates, key=lambda p: (-p.articles, -p.passages, p.name)))


def _areas(library: Library, by_id: dict[int, ArticleRow]) -> tuple[AreaAggregate, ...]:
    tallies: dict[str, _Tally] = {}
    for area_id, label, passages, partners in library.connection.execute(
            f"SELECT area_id, label, passages, partners FROM area_mentions {_where(by_id)}",
            tuple(by_id)):
        tally = tallies.setdefault(area_id, _Tally(label))
        tally.articles += 1
        tally.passages += passages
        tally.labels.update(json.loads(partners))
    aggregates = (_area_type(aid, t.name, t.articles, t.passages, tuple(sorted(t.labels)))
                  for aid, t in tallies.items())
    return tuple(sorted(aggregates, key=lambda a: (-a.articles, -a.passages, a.label)))


def _budget(library: Library, by_id: dict[int, ArticleRow]) -> tuple[BudgetPoint, ...]:
    points = [
        BudgetPoint(row[0], by_id[row[0]].path, by_id[row[0]].label, by_id[row[0]].sort_date,
                    row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], False)
        for row in library.connection.execute(
            'SELECT article_id, year, amount, currency, usd, kind, direction, start, "end" '
            f"FROM budget_facts {_where(by_id)}", tuple(by_id))
    ]
    stated: dict[tuple[int | None, str | None], list[tuple[int, float]]] = defaultdict(list)
    for index, point in enumerate(points):
        if point.kind == "stated" and point.amount is not None:
            stated[(point.year, point.currency)].append((index, point.amount))
    conflicting: set[int] = set()
    for group in stated.values():
        amounts = [amount for _index, amount in group]
        articles = {points[index].article_id for index, _amount in group}
        if len(articles) > 1 and max(amounts) - min(amounts) > CONFLICT_TOLERANCE * max(amounts):
            conflicting.update(index for index, _amount in group)
    marked = [replace(p, conflict=True) if i in conflicting else p for i, p in enumerate(points)]
    return tuple(sorted(marked, key=lambda p: (p.year or 0, p.sort_date, p.article_id, p.start)))
