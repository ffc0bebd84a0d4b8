"""The summary document: what a briefing note on one article (or one node of it) says.

Built once from an `Analysis` by `multivector.summary.build.build_summary`; every renderer (text,
Markdown, HTML, JSON, CSV, the printed page) reads the same frozen objects, so the formats cannot
drift apart in what they claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from multivector.summary.chart import BudgetLayout


@dataclass(frozen=True)
class TitleBlock:
    """The heading of the note: which article, where it appeared, which country it is about."""

    title: str
    publication: str | None
    volume: int | None
    issue: int | None
    date: str | None
    focal: str | None
    focal_code: str | None
    source: str | None  # the file name the article came from
    selection: str | None  # the node's label when the summary is limited to one node


@dataclass(frozen=True)
class Excerpt:
    """A passage quoted as evidence, with the paragraph a reader can find it in."""

    text: str
    start: int
    end: int
    paragraph: int | None
    cue: str | None = None  # the words that tie the passage to its partner ("the two countries")


@dataclass(frozen=True)
class AreaEntry:
    """One cooperation area under a partner, with the excerpts that support it."""

    id: str
    label: str
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class PartnerEntry:
    """A partner in the tree: its tier, its areas with evidence, and its programs as children."""

    id: str
    name: str
    kind: str
    code: str
    tier: str | None
    areas: tuple[AreaEntry, ...]
    general: tuple[Excerpt, ...]  # passages naming the partner without a specific area
    children: tuple[PartnerEntry, ...] = ()


@dataclass(frozen=True)
class BudgetRow:
    """One line of the budget table; `kind` is stated, planned, derived (with `basis`) or
    qualitative; `hedged` names the parts the text gives as approximate ("amount", "usd",
    "gdp_share", "change")."""

    year: int | None
    label: str | None
    amount: float | None
    currency: str | None
    usd: float | None
    gdp_share_pct: float | None
    change_pct: float | None
    kind: str
    basis: str | None
    direction: str | None
    approximate: bool
    paragraph: int | None
    hedged: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoteEntry:
    """A consistency note (an implied rate, figures that disagree) with its paragraphs."""

    kind: str
    message: str
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class PersonEntry:
    """A person the article names."""

    name: str
    role: str | None
    country: str | None
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class QuoteEntry:
    """A quotation with its speaker when the text says who spoke."""

    speaker: str | None
    text: str
    paragraph: int | None


@dataclass(frozen=True)
class SourceEntry:
    """A source the article cites."""

    name: str
    date: str | None
    paragraph: int | None


@dataclass(frozen=True)
class Summary:
    """The whole briefing note; renderers only lay it out."""

    title: TitleBlock
    overview: str
    partners: tuple[PartnerEntry, ...]
    budget: tuple[BudgetRow, ...]
    chart: BudgetLayout | None  # summary/chart.py: the one chart layout
    notes: tuple[NoteEntry, ...]
    people: tuple[PersonEntry, ...]
    quotes: tuple[QuoteEntry, ...]
    sources: tuple[SourceEntry, ...]
    node: str | None = None

    def walk_partners(self) -> tuple[PartnerEntry, ...]:
        """Every partner entry, parents before their children."""
        out: list[PartnerEntry] = []

        def visit(entry: PartnerEntry) -> None:
            out.append(entry)
            for child in entry.children:
                visit(child)

        for entry in self.partners:
            visit(entry)
        return tuple(out)
