"""The summary of the bundled article holds what EXPECTED.md says a reader must find.

Contents, not a golden file: the engine's wording of passages may still change.
"""

from __future__ import annotations

import pytest

from multivector.documents.loading import load_document
from multivector.engine.pipeline import analyze_document
from multivector.model.analysis import Analysis
from multivector.summary.build import build_summary, render_summary


@pytest.fixture(scope="module")
def seed() -> Analysis:
    return analyze_document(load_document(None))


def test_seed_summary_names_the_partners_with_their_tiers(seed: Analysis) -> None:
    summary = build_summary(seed)
    tiers = {p.name: p.tier for p in summary.walk_partners()}
    for name in ("Russia", "China"):
        assert tiers.get(name) == "primary", name
    for name in ("United States", "Spain"):
        assert tiers.get(name) == "secondary", name
    codes = {p.code for p in summary.walk_partners()}
    assert {"CSTO", "NATO", "RUS", "CHN", "USA", "ESP"} <= codes
    assert summary.title.focal == "Kazakhstan"
    assert summary.title.publication == "Eurasia Daily Monitor" and summary.title.issue == 76


def test_seed_summary_carries_the_budget_figures(seed: Analysis) -> None:
    markdown = render_summary(seed, "markdown")
    for figure in ("142.56 billion KZT", "1.17 billion", "1.2%", "74%"):
        assert figure in markdown, figure
    summary = build_summary(seed)
    kinds = {r.kind for r in summary.budget}
    assert {"stated", "qualitative"} <= kinds
    assert summary.chart is not None and summary.chart.currency == "KZT"
    assert any(b.year == 2008 and b.value is None for b in summary.chart.bars)


def test_seed_summary_quotes_spain_air_space_passage_with_its_paragraph(seed: Analysis) -> None:
    spain = next(p for p in build_summary(seed).walk_partners() if p.code == "ESP")
    excerpts = spain.excerpts()
    air = [e for g in spain.groups for e in g.excerpts
           if "air_space_control" in g.area_ids and "air space" in e.text]
    assert air, "the air-space passage supports Spain"
    assert all(e.paragraph is not None and e.paragraph >= 1 for e in excerpts)


def test_seed_html_names_people_and_sources(seed: Analysis) -> None:
    html = render_summary(seed, "html")
    for name in ("Nazarbayev", "Akhmetov", "Moratinos", "Tazhin", "Interfax-Kazakhstan",
                 "Khabar Television"):
        assert name in html, name
