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
    """A passage quoted as evidence, widened to whole sentences, with its paragraph.

    `see` is set when the same passage was already quoted under an earlier partner of the note:
    renderers then refer back to it ("see ¶4, under Russia") instead of printing it again. The
    text is kept either way, for formats whose rows stand alone (CSV, JSON).
    """

    text: str
    start: int
    end: int
    paragraph: int | None
    cue: str | None = None  # the words that tie the passage to its partner ("the two countries")
    see: str | None = None  # the partner under which the passage is quoted in full


@dataclass(frozen=True)
class EvidenceGroup:
    """Passages of a partner that support the same areas (none: the partner is only named)."""

    area_ids: tuple[str, ...]
    labels: tuple[str, ...]
    excerpts: tuple[Excerpt, ...]  # in reading order
    more: int = 0  # further passages left out to keep the note short


@dataclass(frozen=True)
class AreaRef:
    """One cooperation area of a partner and how many passages support it."""

    id: str
    label: str
    passages: int


@dataclass(frozen=True)
class PartnerEntry:
    """A partner in the tree: its tier, its areas, its evidence and its programs as children."""

    id: str
    name: str
    kind: str
    code: str
    tier: str | None
    areas: tuple[AreaRef, ...]
    groups: tuple[EvidenceGroup, ...]
    children: tuple[PartnerEntry, ...] = ()

    def excerpts(self) -> tuple[Excerpt, ...]:
        """Every excerpt of this partner's own groups, in print order."""
        return tuple(ex for group in self.groups for ex in group.excerpts)


@dataclass(frozen=True)
class MatrixArea:
    """A column of the overview matrix."""

    id: str
    label: str


@dataclass(frozen=True)
class MatrixPartner:
    """A row of the overview matrix: the partner, its tier, its depth under a parent, counts."""

    id: str
    name: str
    code: str
    tier: str | None
    depth: int
    counts: tuple[int, ...]  # passages per area, in the order of the matrix's areas


@dataclass(frozen=True)
class OverviewMatrix:
    """Partners against areas; a cell is the number of passages tying the two together."""

    areas: tuple[MatrixArea, ...]
    partners: tuple[MatrixPartner, ...]


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
    see: str | None = None  # the partner under which the quotation is printed as evidence


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
    matrix: OverviewMatrix | None
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
