"""A hand-built analysis of a short article of our own, with characters outside the BMP (flags,
emoji, a mathematical letter) before every passage, so that offsets must be converted."""

from __future__ import annotations

from multivector.model.analysis import (
    Analysis,
    Area,
    AreaPassage,
    BudgetFact,
    Document,
    Focal,
    Paragraph,
    Partner,
    PartnerPassage,
)

TEXT = (
    "Publication: Nordic Security Brief Volume: 3 Issue: 12\n"
    "\n"
    "🇫🇮 Helsinki 🛡️ On 12 March Finland 😀 set out its defence priorities in 𝔄 new white paper. "
    "Finland will deepen defence cooperation with Sweden in naval security and joint training.\n"
    "\n"
    "Cooperation with NATO through the Partnership for Peace programme will continue, with joint "
    "exercises in the Baltic Sea. Norway will supply air surveillance radars. The two countries "
    "also agreed to work on cyber defence 🔐 together.\n"
    "\n"
    "The 2024 defence budget is 6.1 billion euros ($6.6 billion), or 2.3% of GDP, an increase of "
    "28% over last year. The 2025 draft budget would propose further growth."
)


def span(phrase: str) -> tuple[int, int]:
    """Code-point offsets of the first `phrase` in TEXT."""
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _pp(phrase: str, areas: tuple[str, ...] = (), cue: str | None = None) -> PartnerPassage:
    return PartnerPassage(*span(phrase), areas=areas, cue=cue)


SWEDEN = "Finland will deepen defence cooperation with Sweden in naval security and joint training."
NATO = "Cooperation with NATO through the Partnership for Peace programme will continue, with joint exercises in the Baltic Sea."
NORWAY = "Norway will supply air surveillance radars."
CYBER = "The two countries also agreed to work on cyber defence 🔐 together."
BUDGET = "The 2024 defence budget is 6.1 billion euros ($6.6 billion), or 2.3% of GDP, an increase of 28% over last year."
DRAFT = "The 2025 draft budget would propose further growth."


def sample_analysis() -> Analysis:
    """Four partners (one a program under its organization), five areas, three budget facts."""
    body_start = TEXT.index("🇫🇮")
    document = Document(
        text=TEXT, path="/tmp/nordic.txt", publication="Nordic Security Brief", volume=3,
        issue=12, year=2024, sha256="x", body_start=body_start,
    )
    partners = (
        Partner("SWE", "Sweden", "country", "SWE", "primary", None, ("naval_security", "training"),
                (_pp(SWEDEN, ("naval_security", "training")),)),
        Partner("NATO", "NATO", "organization", "NATO", "secondary", None, ("exercises",),
                (_pp(NATO, ("exercises",)),)),
        Partner("PfP", "Partnership for Peace", "program", "PfP", "secondary", "NATO",
                ("exercises",), (_pp(NATO, ("exercises",)),)),
        Partner("NOR", "Norway", "country", "NOR", "secondary", None, ("air_space_control", "cyber"),
                (_pp(NORWAY, ("air_space_control",)),
                 _pp(CYBER, ("cyber",), cue="The two countries"))),
    )
    areas = (
        Area("naval_security", "Naval security", "mdi6.ferry", None, ("SWE",),
             (AreaPassage(*span(SWEDEN), partners=("SWE",)),)),
        Area("training", "Training", "mdi6.school", None, ("SWE",),
             (AreaPassage(*span(SWEDEN), partners=("SWE",)),)),
        Area("exercises", "Joint exercises", "mdi6.target", None, ("NATO", "PfP"),
             (AreaPassage(*span(NATO), partners=("NATO", "PfP")),)),
        Area("air_space_control", "Air-space control", "mdi6.radar", None, ("NOR",),
             (AreaPassage(*span(NORWAY), partners=("NOR",)),)),
        Area("cyber", "Cyber defence", "mdi6.shield-lock", None, ("NOR",),
             (AreaPassage(*span(CYBER), partners=("NOR",)),)),
    )
    budget = (
        BudgetFact(2024, 6.1e9, "EUR", 6.6e9, 2.3, 28.0, "stated", *span(BUDGET)),
        BudgetFact(2023, 6.1e9 / 1.28, "EUR", None, None, None, "derived", *span(BUDGET),
                   basis="6.1 billion / 1.28"),
        BudgetFact(2025, None, None, None, None, None, "qualitative", *span(DRAFT),
                   direction="up", label="draft budget"),
    )
    paragraphs = tuple(
        Paragraph(i + 1, *span(p)) for i, p in enumerate(
            [TEXT[body_start:TEXT.index(SWEDEN) + len(SWEDEN)], NATO + " " + NORWAY + " " + CYBER,
             BUDGET + " " + DRAFT])
    )
    return Analysis(document=document, focal=Focal("Finland", "FIN"), paragraphs=paragraphs,
                    sentences=(), partners=partners, areas=areas, budget=budget)
