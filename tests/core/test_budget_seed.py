"""The bundled article's budget, exactly as EXPECTED.md's budget table has it."""

from __future__ import annotations

import pytest

from multivector.documents.loading import load_document
from multivector.engine.budget.extract import extract_budget
from multivector.engine.text import segment
from multivector.model.analysis import BudgetFact, Note


@pytest.fixture(scope="module")
def seed() -> tuple[str, tuple[BudgetFact, ...], tuple[Note, ...]]:
    doc = load_document(None)
    sentences = segment.sentences(doc.text, segment.paragraphs(doc.text, doc.body_start))
    facts, notes = extract_budget(doc, sentences)
    return doc.text, facts, notes


def test_three_facts_in_year_order(seed: tuple) -> None:
    _, facts, _ = seed
    assert [(f.year, f.kind) for f in facts] == [
        (2006, "derived"), (2007, "stated"), (2008, "qualitative")]


def test_2007_stated(seed: tuple) -> None:
    text, facts, _ = seed
    f = facts[1]
    assert (f.amount, f.currency, f.usd, f.gdp_share_pct, f.change_pct) == (
        142_560_000_000, "KZT", 1_170_000_000, 1.2, 74.0)
    assert f.approximate and f.hedged == ("change",)  # "an increase of around 74%"
    passage = text[f.start : f.end]
    assert "the 2007 military budget is 142.56 billion tenge" in passage
    assert "($1.17 billion)" in passage and "1.2% of the year’s expected GDP" in passage
    assert "an increase of around 74%" in text[f.passages[1].start : f.passages[1].end]


def test_2006_derived_from_the_change(seed: tuple) -> None:
    text, facts, _ = seed
    f = facts[0]
    # three significant digits: no more exact than "around 74%" allows
    assert (f.amount, f.currency, f.usd, f.approximate) == (81_900_000_000, "KZT", None, True)
    assert f.basis == "142.56 billion KZT (2007) / 1.74 (increase of around 74%) ≈ 81.9 billion KZT"
    passage = text[f.start : f.end]
    assert "than last year, an increase of around 74%" in passage


def test_2008_qualitative(seed: tuple) -> None:
    text, facts, _ = seed
    f = facts[2]
    assert (f.amount, f.direction, f.label) == (None, "up", "draft budget")
    assert "the 2008 draft budget would propose “considerable growth" in text[f.start : f.end]


def test_notes_rate_gdp_and_purposes(seed: tuple) -> None:
    text, facts, notes = seed
    by_kind = {n.kind: n for n in notes}
    assert "about 121.8 KZT per USD" in by_kind["exchange_rate"].message
    assert "about 11.9 trillion KZT" in by_kind["implied_gdp"].message
    for note in notes[:2]:
        assert [(p.start, p.end) for p in note.passages] == [(facts[1].start, facts[1].end)]
    purposes = [n.message for n in notes if n.kind == "purpose"]
    assert purposes == ["Spending purpose stated: modernizing or buying weapons.",
                        "Spending purpose stated: combat training."]
    assert {n.kind for n in notes} == {"exchange_rate", "implied_gdp", "purpose"}
