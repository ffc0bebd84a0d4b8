"""Cross-article views: partners and areas per focal country, first/last seen, the budget
series with conflicting figures, checked against what the generator wrote; and the seed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from articlegen import GeneratedArticle, generate_many, truth_analyzer

from multivector.documents.loading import document_from_text
from multivector.library.aggregate import focal_summary
from multivector.library.render import render_summary, summary_dict
from multivector.library.dates import sort_date
from multivector.library.store import Library
from multivector.model.errors import InputError
from multivector.resources import bundled_article

ARTICLES = generate_many(48, seed=11)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = Library(tmp_path_factory.mktemp("lib") / "lib.sqlite3",
                  analyzer=truth_analyzer(ARTICLES), fingerprint="v1")
    for article in ARTICLES:
        lib.add_document(document_from_text(article.text))
    yield lib
    lib.close()


def _of(focal: str) -> list[GeneratedArticle]:
    return [a for a in ARTICLES if a.focal == focal]


@pytest.mark.parametrize("focal", ["VNM", "POL", "KEN", "CHL", "IDN"])
def test_partners_per_focal_with_first_and_last_seen(library: Library, focal: str) -> None:
    articles = _of(focal)
    summary = focal_summary(library, focal)
    assert len(summary.articles) == len(articles)
    counts = Counter(p.id for a in articles for p in a.truth.partners)
    assert {p.id: p.articles for p in summary.partners} == dict(counts)
    for partner in summary.partners:
        dates = [sort_date(a.date) for a in articles
                 if any(p.id == partner.id for p in a.truth.partners)]
        assert (partner.first_seen, partner.last_seen) == (min(dates), max(dates))
        assert [m.sort_date for m in partner.mentions] == sorted(dates)
        areas = {x for a in articles for p in a.truth.partners if p.id == partner.id
                 for x in p.areas}
        assert set(partner.areas) == areas
    assert [p.articles for p in summary.partners] == sorted(counts.values(), reverse=True)


def test_areas_per_focal(library: Library) -> None:
    summary = focal_summary(library, "Kenya")  # a name works as well as a code
    assert summary.code == "KEN"
    expected = Counter(area.id for a in _of("KEN") for area in a.truth.areas)
    assert {a.id: a.articles for a in summary.areas} == dict(expected)


def test_budget_series_and_conflicts(library: Library) -> None:
    for focal in ("VNM", "POL", "KEN", "CHL", "IDN"):
        summary = focal_summary(library, focal)
        articles = _of(focal)
        assert sorted((b.year, round(b.amount)) for b in summary.budget) == sorted(
            (a.year, round(a.budget_billion * 1e9)) for a in articles)
        for point in summary.budget:
            text = library.document(point.article_id).text
            assert text[point.start:point.end].startswith(f"The {point.year} defense budget is")
        by_year: dict[int, set[float]] = {}
        for a in articles:
            by_year.setdefault(a.year, set()).add(round(a.budget_billion, 6))
        conflicted = {y for y, amounts in by_year.items() if len(amounts) > 1}
        assert {b.year for b in summary.budget if b.conflict} == conflicted
        assert set(summary.conflicts()) == {(y, articles[0].truth.budget[0].currency)
                                            for y in conflicted}


def test_a_generated_series_has_conflicts_to_show(library: Library) -> None:
    assert any(focal_summary(library, f).conflicts() for f in ("VNM", "POL", "KEN", "CHL", "IDN"))


def test_unknown_focal_is_bad_input(library: Library) -> None:
    with pytest.raises(InputError, match="no article in the library is about it"):
        focal_summary(library, "ATL")


def test_renderings(library: Library) -> None:
    summary = focal_summary(library, "POL")
    data = json.loads(render_summary(summary, "json"))
    assert data == json.loads(json.dumps(summary_dict(summary)))
    assert data["focal"] == {"code": "POL", "name": "Poland"}
    assert [p["id"] for p in data["partners"]] == [p.id for p in summary.partners]
    markdown = render_summary(summary, "markdown")
    first, last = summary.articles[0].sort_date, summary.articles[-1].sort_date
    count = len(summary.articles)
    assert markdown.startswith(f"# Poland (POL): {count} articles, {first} to {last}")
    assert "| partner | kind | articles |" in markdown
    text = render_summary(summary, "text")
    assert summary.partners[0].name in text and "Budget" in text


def test_seed_in_the_library(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:  # the real engine
        first = lib.add_path(bundled_article())
        assert first.added and first.article.focal_code == "KAZ"
        assert not lib.add_path(bundled_article()).added
        summary = focal_summary(lib, "KAZ")
        ids = {p.id for p in summary.partners}
        assert {"CSTO", "RUS", "CHN", "USA", "NATO", "ESP"} <= ids
        spain = next(p for p in summary.partners if p.id == "ESP")
        assert spain.articles == 1 and "air_space_control" in spain.areas
        analysis = lib.analysis(first.article.id)
        facts = sorted(analysis.budget, key=lambda f: (f.year or 0, f.start))
        assert [(b.year, b.amount) for b in summary.budget] == [(f.year, f.amount) for f in facts]
        hit = lib.search("tenge")[0]
        assert lib.document(hit.article.id).text[hit.start:hit.end] == "tenge"
