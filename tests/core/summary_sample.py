"""A small hand-built analysis for the summary tests and golden files.

Built by hand from `core/model.py` (not by the engine) so the golden files change only when the
summary's layout does. The article is invented: Mongolia's "third neighbour" defense ties, with
accented names, the tugrik sign and curly quotes to exercise Unicode.
"""

from __future__ import annotations

from multivector.engine.text import segment
from multivector.model.analysis import (
    Analysis,
    Area,
    AreaPassage,
    BudgetFact,
    Document,
    Focal,
    Note,
    Partner,
    PartnerPassage,
    Person,
    Quote,
    Source,
    Span,
)

HEADER = "Publication: Steppe Security Review Volume: 9 Issue: 14\n\n"
BODY = (
    "Mongolia’s new defense white paper, released in Ulaanbaatar on March 2, names Japan and "
    "India as its closest security partners. Mongolia will expand officer training with Japan "
    "and hold joint peacekeeping exercises with India every year (Montsame, March 3).\n\n"
    "Ties with NATO will continue on a secondary basis through the Individual Partnership and "
    "Cooperation Programme, which funds peacekeeping training at the Five Hills center. "
    "Türkiye offered places at its war college for Mongolian cadets.\n\n"
    "Defense Minister Gürsed Batjargal said the 2023 defense budget is 412.5 billion tugriks "
    "(₮412.5bn, $119.6 million), or 0.6% of GDP, an increase of 12% over last year. The 2024 "
    "draft would bring “steady growth” (Kyodo, March 4).\n\n"
    "“Our third neighbours are partners, not patrons,” Batjargal said. Japan’s vice-minister "
    "Kōji Tanaka welcomed the plan."
)
TEXT = HEADER + BODY


def span(needle: str, occurrence: int = 0) -> tuple[int, int]:
    """The offsets of `needle` in the sample text (the nth occurrence)."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _pp(needle: str, areas: tuple[str, ...] = (), cue: str | None = None) -> PartnerPassage:
    return PartnerPassage(*span(needle), areas=areas, cue=cue)


def sample_analysis() -> Analysis:
    """The invented article's analysis, as the engine would give it."""
    body_start = len(HEADER)
    paras = segment.paragraphs(TEXT, body_start)
    sents = segment.sentences(TEXT, paras)
    s_training = "Mongolia will expand officer training with Japan"
    s_exercises = "hold joint peacekeeping exercises with India every year"
    s_nato = "Ties with NATO will continue on a secondary basis"
    s_ipcp = "funds peacekeeping training at the Five Hills center"
    s_tur = "Türkiye offered places at its war college for Mongolian cadets."
    s_first = "names Japan and India as its closest security partners"
    partners = (
        Partner("JPN", "Japan", "country", "JPN", "primary", None, ("training",),
                (_pp(s_first), _pp(s_training, ("training",)))),
        Partner("IND", "India", "country", "IND", "primary", None, ("peacekeeping",),
                (_pp(s_first), _pp(s_exercises, ("peacekeeping",)))),
        Partner("NATO", "NATO", "organization", "NATO", "secondary", None, ("peacekeeping",),
                (_pp(s_nato), _pp(s_ipcp, ("peacekeeping",)))),
        Partner("IPCP", "Individual Partnership and Cooperation Programme", "program", "IPCP",
                None, "NATO", ("training",), (_pp(s_ipcp, ("training",), cue="which"),)),
        Partner("TUR", "Türkiye", "country", "TUR", "secondary", None, ("military_education",),
                (_pp(s_tur, ("military_education",)),)),
    )
    areas = (
        Area("training", "Training", "training", None, ("JPN", "IPCP"),
             (AreaPassage(*span(s_training), ("JPN",)), AreaPassage(*span(s_ipcp), ("IPCP",)))),
        Area("peacekeeping", "Peacekeeping", "peacekeeping", None, ("IND", "NATO"),
             (AreaPassage(*span(s_exercises), ("IND",)), AreaPassage(*span(s_ipcp), ("NATO",)))),
        Area("military_education", "Military education", "education", None, ("TUR",),
             (AreaPassage(*span(s_tur), ("TUR",)),)),
    )
    budget_sentence = span("the 2023 defense budget is 412.5 billion tugriks")
    budget = (
        BudgetFact(2023, 412.5e9, "MNT", 119.6e6, 0.6, 12.0, "stated", *budget_sentence,
                   label="defense budget"),
        BudgetFact(2022, 412.5e9 / 1.12, "MNT", None, None, None, "derived", *budget_sentence,
                   basis="412.5 billion ÷ 1.12 (a 12% increase)"),
        BudgetFact(2024, None, None, None, None, None, "qualitative", *span("The 2024 draft"),
                   direction="up", label="draft budget"),
    )
    quote = span("“Our third neighbours are partners, not patrons,”")
    return Analysis(
        document=Document(TEXT, path="/tmp/steppe-review.txt", publication="Steppe Security Review",
                          volume=9, issue=14, year=2023, sha256="0" * 64, body_start=body_start),
        focal=Focal("Mongolia", "MNG"),
        paragraphs=tuple(paras),
        sentences=tuple(sents),
        partners=partners,
        areas=areas,
        budget=budget,
        people=(
            Person("Gürsed Batjargal", "Defense Minister", "MNG",
                   (Span(*span("Gürsed Batjargal")), Span(*span("Batjargal said")))),
            Person("Kōji Tanaka", "vice-minister", "JPN", (Span(*span("Kōji Tanaka")),)),
        ),
        quotes=(Quote("Gürsed Batjargal", *quote),),
        sources=(Source("Montsame", "March 3", *span("(Montsame, March 3)")),
                 Source("Kyodo", "March 4", *span("(Kyodo, March 4)"))),
        notes=(Note("implied_rate", "Implied exchange rate: about 3,449 MNT per US dollar.",
                    (Span(*budget_sentence),)),),
    )
