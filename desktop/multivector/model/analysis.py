"""The analysis result: plain frozen dataclasses that every view reads and none computes.

Offsets are code-point offsets into `Document.text` (Python `str` indices), `end` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = 1

PARTNER_KINDS = ("country", "organization", "bloc", "program")
TIERS = ("primary", "secondary")
TIER_ORDER = {"primary": 0, "secondary": 1, None: 2}  # primary partners first, untiered last
BUDGET_KINDS = ("stated", "derived", "qualitative", "planned")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the body (header lines excluded) with its index from 1 in reading order."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and the paragraph (index from 1) it belongs to."""

    index: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A loaded article: its normalized text and the metadata found in its header or page."""

    text: str
    path: str | None = None
    title: str | None = None
    publication: str | None = None
    volume: int | None = None
    issue: int | None = None
    date: str | None = None
    author: str | None = None
    year: int | None = None
    sha256: str = ""
    body_start: int = 0  # where the article proper starts, after header lines
    source_format: str = "text"

    @property
    def length(self) -> int:
        return len(self.text)


@dataclass(frozen=True, slots=True)
class PartnerPassage:
    """A passage that shows cooperation with one partner, the areas it names, and why it counts."""

    start: int
    end: int
    areas: tuple[str, ...] = ()
    cue: str | None = None  # set when the partner was reached through a reference
    origin: str = "machine"  # "human" when an analyst's correction made it evidence


@dataclass(frozen=True)
class Partner:
    """A country, organization, bloc or program the focal country cooperates with."""

    id: str
    name: str
    kind: str
    code: str
    tier: str | None
    parent: str | None
    areas: tuple[str, ...]
    passages: tuple[PartnerPassage, ...]
    tier_cues: tuple[PartnerPassage, ...] = ()  # passages whose cue phrases set the tier


@dataclass(frozen=True, slots=True)
class AreaPassage:
    """A passage naming a cooperation area, with the partners it applies to."""

    start: int
    end: int
    partners: tuple[str, ...]
    origin: str = "machine"  # "human" when an analyst's correction made it evidence


@dataclass(frozen=True)
class Area:
    """A cooperation area from the taxonomy that the article attaches to at least one partner."""

    id: str
    label: str
    icon: str
    parent: str | None
    partners: tuple[str, ...]
    passages: tuple[AreaPassage, ...]


@dataclass(frozen=True)
class BudgetFact:
    """One budget figure: stated in the text, derived from stated ones, or only a direction."""

    year: int | None
    amount: float | None
    currency: str | None
    usd: float | None
    gdp_share_pct: float | None
    change_pct: float | None
    kind: str
    start: int
    end: int
    basis: str | None = None
    direction: str | None = None
    approximate: bool = False
    label: str | None = None  # what the figure is, in the text's words ("draft budget")
    # Which stated parts the text hedges ("amount", "usd", "gdp_share", "change"); `approximate`
    # is true when any is, and always for derived figures.
    hedged: tuple[str, ...] = ()
    # Every passage that contributed (the main sentence first), e.g. the sentence of a change.
    passages: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Person:
    """A person named in the article, with a role and the country they act for when known."""

    name: str
    role: str | None
    country: str | None
    passages: tuple[Span, ...]


@dataclass(frozen=True)
class Quote:
    """A quotation and who said it (a person's name or a named body), when the text says."""

    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """A source the article cites, such as "(Interfax, April 9)"."""

    name: str
    date: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Note:
    """A consistency note: something computed from, or disagreeing within, the text."""

    kind: str
    message: str
    passages: tuple[Span, ...]


@dataclass(frozen=True)
class Focal:
    """The country the article is about."""

    name: str
    code: str


@dataclass(frozen=True)
class Analysis:
    """Everything Multivector knows about one document; the single input of every view."""

    document: Document
    focal: Focal | None
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    partners: tuple[Partner, ...]
    areas: tuple[Area, ...]
    budget: tuple[BudgetFact, ...] = ()
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[Note, ...] = ()
    engine_version: str = field(default="")

    def partner(self, partner_id: str) -> Partner | None:
        return next((p for p in self.partners if p.id == partner_id), None)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding `offset`, for "paragraph N" locations in summaries."""
        return next((p for p in self.paragraphs if p.start <= offset < p.end), None)
