"""The bundled article against ../shared/seed/EXPECTED.md: partners, passages, people, sources.

The article is read from the copy under resources/ (what users get); when ../shared/seed is
beside the checkout, the copy is checked to be the same text.
"""

import hashlib
from pathlib import Path

import pytest

from multivector.documents.loading import load_document
from multivector.engine.pipeline import analyze_document
from multivector.model.analysis import Analysis
from multivector.resources import bundled_article

SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / bundled_article().name

EXPECTED_PARTNERS = {
    # id: (kind, tier, areas that must be among the partner's)
    "CSTO": ("organization", "primary",
             {"military_cooperation", "military_technical_cooperation", "collective_security"}),
    "RUS": ("country", "primary", {"strategic_partnership", "crisis_assistance"}),
    "CHN": ("country", "primary", {"strategic_partnership"}),
    "USA": ("country", "secondary",
            {"technological_modernization", "technology_transfer", "training", "infrastructure"}),
    "NATO": ("organization", "secondary",
             {"joint_exercises", "counter_terrorism", "peace_support", "infrastructure",
              "training", "arms_control"}),
    "WEST": ("bloc", "secondary", {"security_assistance"}),
    "ESP": ("country", "secondary",
            {"military_cooperation", "air_space_control", "electronic_warfare", "arms_supply",
             "naval_security", "training", "political_support"}),
    "OSCE": ("organization", None, {"political_support"}),
}


@pytest.fixture(scope="module")
def seed() -> Analysis:
    return analyze_document(load_document(None))


def _sentence(analysis: Analysis, pid: str, beginning: str):  # noqa: ANN202
    text = analysis.document.text
    partner = analysis.partner(pid)
    assert partner is not None
    return next(p for p in partner.passages if text[p.start : p.end].startswith(beginning))


# The seed as ../shared/seed holds it; a changed bundled copy fails here even without ../shared.
SEED_SHA256 = "8ba9000e481134e5b679c2b8bc0568d298fac6b5ea9390c89b1a78d4163cbddf"


def test_bundled_copy_is_the_seed() -> None:
    bundled = bundled_article().read_bytes()
    assert hashlib.sha256(bundled).hexdigest() == SEED_SHA256
    if SHARED_SEED.exists():  # and the shared copy has not moved on without us
        assert bundled == SHARED_SEED.read_bytes()


def test_document_metadata(seed: Analysis) -> None:
    doc = seed.document
    assert (doc.publication, doc.volume, doc.issue, doc.year) == ("Eurasia Daily Monitor", 4, 76, 2007)
    assert seed.focal is not None and (seed.focal.name, seed.focal.code) == ("Kazakhstan", "KAZ")


def test_partners_kinds_tiers_and_areas(seed: Analysis) -> None:
    top_level = {p.id for p in seed.partners if p.parent is None}
    assert top_level == set(EXPECTED_PARTNERS)
    for pid, (kind, tier, areas) in EXPECTED_PARTNERS.items():
        partner = seed.partner(pid)
        assert partner is not None
        assert (partner.kind, partner.tier) == (kind, tier), pid
        assert areas <= set(partner.areas), (pid, areas - set(partner.areas))


def test_pfp_sits_under_nato(seed: Analysis) -> None:
    pfp = seed.partner("PfP")
    assert pfp is not None and pfp.parent == "NATO" and pfp.kind == "program"


def test_spain_air_space_through_the_two_countries(seed: Analysis) -> None:
    passage = _sentence(seed, "ESP", "The parties are now considering")
    assert passage.cue is not None
    assert {"air_space_control", "electronic_warfare"} <= set(passage.areas)
    before = _sentence(seed, "ESP", "According to the Ministry of Defense")
    assert before.cue == "the two countries"


def test_united_states_enumeration_is_four_areas(seed: Analysis) -> None:
    passage = _sentence(seed, "USA", "Therefore, Kazakhstan plans to deepen")
    assert {"technological_modernization", "technology_transfer", "training", "infrastructure"} <= set(
        passage.areas
    )


def test_nazarbayev_quote_supports_usa_russia_china(seed: Analysis) -> None:
    first = "Nazarbayev expresses great confidence"
    second = "By working together with Russia or China"
    for pid in ("USA", "RUS"):
        _sentence(seed, pid, first)
    for pid in ("USA", "RUS", "CHN", "WEST"):
        _sentence(seed, pid, second)


def test_astana_is_the_focal_actor(seed: Analysis) -> None:
    assert seed.partner("KAZ") is None
    names = {p.name for p in seed.partners}
    assert "Astana" not in names and "Kazakhstan" not in names


def test_tiers_come_with_their_cue_sentences(seed: Analysis) -> None:
    text = seed.document.text
    sentences = {(s.start, s.end) for s in seed.sentences}

    def cue_sentences(pid: str) -> list[str]:
        partner = seed.partner(pid)
        assert partner is not None
        assert all((c.start, c.end) in sentences for c in partner.tier_cues)  # whole sentences
        return [text[c.start : c.end] for c in partner.tier_cues]

    secondary = "This, however, is predicated on a secondary basis."
    assert secondary in cue_sentences("NATO") and secondary in cue_sentences("WEST")
    assert [s[:80] for s in cue_sentences("USA")] == [
        "Therefore, Kazakhstan plans to deepen its military cooperation with Washington but only"
        [:80]
    ]
    main_priority = next(s for s in cue_sentences("CSTO") if "main security priority" in s)
    assert main_priority.startswith("Nazarbayev’s new military doctrine makes perfectly clear")
    assert any("firmly rooted in the Russian-led CSTO" in s for s in cue_sentences("RUS"))
    assert seed.partner("OSCE").tier_cues == ()  # type: ignore[union-attr]


def test_people(seed: Analysis) -> None:
    people = {p.name: (p.role, p.country) for p in seed.people}
    assert people["Nursultan Nazarbayev"] == ("President", "KAZ")
    assert people["Daniyal Akhmetov"] == ("Defense Minister", "KAZ")
    assert people["Marat Tazhin"] == ("Foreign Minister", "KAZ")
    role, country = people["Miguel Angel Moratinos"]
    assert country == "ESP" and "foreign minister" in role and "OSCE chairman-in-office" in role


def test_sources(seed: Analysis) -> None:
    assert [(s.name, s.date) for s in seed.sources] == [
        ("Interfax-Kazakhstan", "April 9"),
        ("Interfax", "April 9"),
        ("Khabar Television", "April 9"),
        ("Interfax-Kazakhstan", "April 10"),
        ("Interfax-Kazakhstan", "April 10"),
    ]
    text = seed.document.text
    assert all(text[s.start : s.end].startswith("(") for s in seed.sources)


def test_quote_speakers(seed: Analysis) -> None:
    text = seed.document.text

    def speaker(opening: str) -> str | None:
        return next(q.speaker for q in seed.quotes if text[q.start : q.end].startswith(opening))

    assert speaker("\u201cOur cooperation with") == "Nursultan Nazarbayev"
    assert speaker("\u201cI hope that a consensus") == "Miguel Angel Moratinos"
    assert speaker("\u201cThe defense minister") == "the Ministry of Defense press service"
