"""Synthetic articles for library tests, each with the analysis it should have.

Varied focal countries, partners (countries and organizations), areas, currencies and years.
Because the generator places every sentence itself, it knows the true passages and budget
figures, and `truth_analyzer` serves those as the analysis: the library is tested on its own,
whatever state the real engine is in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from multivector.documents.loading import document_from_text
from multivector.model.analysis import (
    Analysis,
    Area,
    AreaPassage,
    BudgetFact,
    Document,
    Focal,
    Partner,
    PartnerPassage,
)

FOCALS = (  # name, code, currency word, currency code, units per US dollar
    ("Vietnam", "VNM", "dong", "VND", 23000.0),
    ("Poland", "POL", "zloty", "PLN", 4.0),
    ("Kenya", "KEN", "shillings", "KES", 110.0),
    ("Chile", "CHL", "pesos", "CLP", 800.0),
    ("Indonesia", "IDN", "rupiah", "IDR", 14000.0),
)
PARTNERS = (
    ("Japan", "JPN", "country"), ("France", "FRA", "country"), ("India", "IND", "country"),
    ("Turkey", "TUR", "country"), ("Brazil", "BRA", "country"), ("Germany", "DEU", "country"),
    ("the African Union", "AU", "organization"), ("ASEAN", "ASEAN", "organization"),
    ("the European Union", "EU", "organization"), ("the United Nations", "UN", "organization"),
)
AREAS = (
    ("training", "Training", "joint officer training"),
    ("naval_security", "Naval security", "coastal patrols"),
    ("cyber", "Cyber defense", "cyber defense"),
    ("peacekeeping", "Peacekeeping", "peacekeeping missions"),
    ("air_defense", "Air defense", "air defense radars"),
    ("procurement", "Procurement", "purchases of armored vehicles"),
)
PUBLICATIONS = ("Defense Review Weekly", "Regional Security Monitor", "The Strategic Observer")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
CODEWORDS = ("albatross", "basalt", "cobalt", "driftwood", "ember", "falcon", "granite", "harbor")
TEMPLATES = (
    "{focal} and {partner} agreed to expand cooperation in {a1} and {a2}.",
    "Officials said {partner} would support {focal} with {a1}, and talks on {a2} continue.",
    "The ministry announced that {a1} with {partner} will grow next year, as will {a2}.",
)
FILLER = (
    "Parliament debated the measures for several hours before the vote.",
    "Analysts in the capital remained cautious about the timetable.",
    "The plan also foresees a review of the officer corps by the end of the decade.",
    "Critics argued that the reform had been announced many times before.",
)


@dataclass(frozen=True)
class GeneratedArticle:
    """A synthetic article's text, its true analysis and facts tests check against."""

    text: str
    truth: Analysis
    focal: str
    year: int
    date: str
    codeword: str
    budget_billion: float


def budget_for(focal: str, year: int) -> float:
    """The "official" budget in billions of local currency for a focal country and year."""
    return float(10 + (sum(map(ord, focal)) % 17) + (year - 1990) * 3)


def _focal_year(index: int, seed: int) -> tuple[tuple[str, str, str, str, float], int]:
    rng = random.Random(seed * 7_919 + index)
    return rng.choice(FOCALS), rng.randint(1998, 2024)


def generate(index: int, seed: int = 7) -> GeneratedArticle:
    """Article number `index` of a reproducible series."""
    rng = random.Random(seed * 100_003 + index)
    # Every tenth article reports on the same country and year as the one before it, with a
    # revised budget figure: the budget series must show such conflicts side by side.
    revised = index % 10 == 9
    focal, code, currency_word, currency, per_usd = _focal_year(index - revised, seed)[0]
    year = _focal_year(index - revised, seed)[1]
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}"
    partners = rng.sample(PARTNERS, rng.randint(2, 4))
    codeword = rng.choice(CODEWORDS)
    billion = budget_for(code, year) * (1.1 if revised else 1.0)
    text = (f"Publication: {rng.choice(PUBLICATIONS)}\nDate: {date}\n\n"
            f"{focal} outlines its defense plans for {year} (operation {codeword.title()}).\n\n")
    found: dict[str, list[PartnerPassage]] = {}
    area_passages: dict[str, list[AreaPassage]] = {}
    for name, pcode, _kind in partners:
        a1, a2 = rng.sample(AREAS, 2)
        sentence = rng.choice(TEMPLATES).format(
            focal=focal, partner=name, a1=a1[2], a2=a2[2])
        sentence = sentence[0].upper() + sentence[1:]
        start = len(text)
        text += sentence + " " + rng.choice(FILLER) + "\n\n"
        passage = PartnerPassage(start, start + len(sentence), (a1[0], a2[0]))
        found.setdefault(pcode, []).append(passage)
        for area in (a1, a2):
            area_passages.setdefault(area[0], []).append(
                AreaPassage(passage.start, passage.end, (pcode,)))
    amount = f"{billion:.1f}".rstrip("0").rstrip(".")
    budget_sentence = (f"The {year} defense budget is {amount} billion {currency_word} "
                       f"(${billion / per_usd:.2f} billion).")
    budget_start = len(text)
    text += budget_sentence + " " + rng.choice(FILLER)
    document = document_from_text(text)
    assert document.text == text, "the generator must write normalized text"
    truth = Analysis(
        document=document,
        focal=Focal(focal, code),
        paragraphs=(), sentences=(),
        partners=tuple(
            Partner(pcode, name.removeprefix("the ").strip(), kind, pcode, None, None,
                    tuple(sorted({a for x in found[pcode] for a in x.areas})), tuple(found[pcode]))
            for name, pcode, kind in partners
        ),
        areas=tuple(
            Area(aid, label, "", None,
                 tuple(sorted({p for x in area_passages[aid] for p in x.partners})),
                 tuple(area_passages[aid]))
            for aid, label, _phrase in AREAS if aid in area_passages
        ),
        budget=(BudgetFact(year, billion * 1e9, currency, billion / per_usd * 1e9, None, None,
                           "stated", budget_start, budget_start + len(budget_sentence)),),
    )
    return GeneratedArticle(text, truth, code, year, date, codeword, billion)


def generate_many(count: int, seed: int = 7) -> list[GeneratedArticle]:
    return [generate(i, seed) for i in range(count)]


def truth_analyzer(articles: list[GeneratedArticle]) -> object:
    """An analyzer that returns each generated article's true analysis (by content hash)."""
    by_hash = {a.truth.document.sha256: a.truth for a in articles}
    calls: list[str] = []

    def analyze(document: Document) -> Analysis:
        calls.append(document.sha256)
        truth = by_hash[document.sha256]
        return replace(truth, document=document)

    analyze.calls = calls  # type: ignore[attr-defined]
    return analyze
