"""Defense budget facts from sentences in the shapes users bring (none from the seed article)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from multivector.documents.loading import document_from_text
from multivector.engine.budget.extract import extract_budget
from multivector.engine.text import segment
from multivector.model.analysis import BudgetFact, Note


def _budget(text: str, year: int | None = 2010) -> tuple[str, list[BudgetFact], list[Note]]:
    doc = replace(document_from_text(text), year=year)
    sentences = segment.sentences(doc.text, segment.paragraphs(doc.text, doc.body_start))
    facts, notes = extract_budget(doc, sentences)
    return doc.text, list(facts), list(notes)


def _row(f: BudgetFact) -> tuple:
    return (f.kind, f.year, f.amount, f.currency, f.usd, f.gdp_share_pct, f.change_pct)


def test_figure_with_bracketed_dollars_is_one_fact_and_implies_a_rate() -> None:
    text, facts, notes = _budget("Kazakhstan's defense budget for 2011 is 441 billion tenge ($918 million).")
    assert [_row(f) for f in facts] == [("stated", 2011, 441e9, "KZT", 918e6, None, None)]
    assert facts[0].label == "defense budget"
    assert text[facts[0].start : facts[0].end] == text  # the sentence holding the figure
    (rate,) = notes
    assert rate.kind == "exchange_rate" and "480.4 KZT per USD" in rate.message
    assert (rate.passages[0].start, rate.passages[0].end) == (facts[0].start, facts[0].end)


def test_fold_increase_over_last_years_figure_derives_this_year() -> None:
    _, facts, _ = _budget("Officials announced a 1.5-fold increase in military spending over "
                          "last year's $1.7 billion.")
    assert [_row(f) for f in facts] == [
        ("stated", 2009, 1.7e9, "USD", 1.7e9, None, None),
        ("derived", 2010, 2.55e9, "USD", 2.55e9, None, 50.0),
    ]
    assert facts[1].approximate and "1.7 billion USD (2009) × 1.5 (1.5-fold increase)" in facts[1].basis


def test_euro_and_ruble_figures_and_a_future_year_is_planned() -> None:
    _, euro, _ = _budget("The Bundeswehr's procurement budget for 2019 is €2.1 bn.")
    _, rub, _ = _budget("Russia's defense spending will reach 3.2 trillion rubles in 2013.")
    assert [_row(f) for f in euro] == [("stated", 2019, 2.1e9, "EUR", None, None, None)]
    # "will reach ... in 2013" in an article of 2010: a figure for a year the text plans
    assert [_row(f) for f in rub] == [("planned", 2013, 3.2e12, "RUB", None, None, None)]


def test_fall_to_a_figure_derives_the_previous_year() -> None:
    text, facts, _ = _budget("Ukraine's defense spending fell 12% to 9.5 billion hryvnias in 2009.")
    assert [_row(f) for f in facts] == [
        ("derived", 2008, 10.8e9, "UAH", None, None, None),
        ("stated", 2009, 9.5e9, "UAH", None, None, -12.0),
    ]
    assert facts[0].basis == "9.5 billion UAH (2009) / 0.88 (fell 12%) ≈ 10.8 billion UAH"


def test_reference_book_list_with_shares_and_estimates() -> None:
    text = "Defense budget: 2005: $1.1 bn (1.0% of GDP); 2006: $1.4 bn; 2007 est.: $1.9 bn."
    _, facts, notes = _budget(text)
    assert [_row(f) for f in facts] == [
        ("stated", 2005, 1.1e9, "USD", 1.1e9, 1.0, None),
        ("stated", 2006, 1.4e9, "USD", 1.4e9, None, None),
        ("stated", 2007, 1.9e9, "USD", 1.9e9, None, None),
    ]
    assert [f.approximate for f in facts] == [False, False, True]
    assert facts[2].hedged == ("amount",)
    assert [n.kind for n in notes] == ["implied_gdp"]
    assert "110 billion USD" in notes[0].message


def test_reference_book_list_on_separate_lines_inherits_the_heading() -> None:
    text = "Military expenditure:\n2008: 2.4 billion manat\n2009: 2.5 billion manat\n\nGDP: $46 billion"
    _, facts, _ = _budget(text)
    assert [_row(f) for f in facts] == [
        ("stated", 2008, 2.4e9, "AZN", None, None, None),
        ("stated", 2009, 2.5e9, "AZN", None, None, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Washington provided $50 million in military aid to Tbilisi in 2008.",
        "The defense ministry signed a $500 million contract for helicopters in 2009.",
        "Beijing offered a $2 billion loan, and the army welcomed it.",
        "Chinese investment in the defense industry reached $3 billion.",
        "Azerbaijan's GDP reached $46 billion in 2008.",
        "Arms exports brought in $1.2 billion in 2009.",
        "The state budget is $20 billion.",
    ],
)
def test_money_that_is_not_defense_spending_does_not_count(text: str) -> None:
    assert _budget(text)[1] == []


def test_only_the_defense_figure_of_a_mixed_sentence_counts() -> None:
    _, facts, _ = _budget("Washington provided $50 million in military aid, and Georgia's defense "
                          "budget was 1.5 billion lari in 2008.")
    assert [_row(f) for f in facts] == [("stated", 2008, 1.5e9, "GEL", None, None, None)]
    _, facts, _ = _budget("Azerbaijan's GDP reached $46 billion in 2008, while its military "
                          "expenditure was $1.9 billion.")
    assert [f.amount for f in facts] == [1.9e9]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Since 2001, Georgia's defense budget has grown to 1.5 billion lari.", None),
        ("Under a 2005 agreement, Armenia's military budget is 140 billion drams.", None),
        ("In 2005 prices, the defense budget is 140 billion drams in 2009.", 2009),
        ("Last year's defense budget was $2 billion.", 2009),
    ],
)
def test_a_year_near_a_figure_is_not_always_its_year(text: str, year: int | None) -> None:
    (fact,) = _budget(text)[1]
    assert fact.year == year


def test_change_sentence_attaches_to_the_figure_of_its_year_in_the_paragraph() -> None:
    text = ("Funds allocated to the army in 2012 rose by about 30% over last year. "
            "The 2012 defense budget is 3.1 billion manat.")
    text_, facts, _ = _budget(text, year=2012)
    stated = next(f for f in facts if f.kind == "stated")
    derived = next(f for f in facts if f.kind == "derived")
    assert _row(stated) == ("stated", 2012, 3.1e9, "AZN", None, None, 30.0)
    assert stated.approximate and stated.hedged == ("change",)
    assert text_[stated.start : stated.end] == "The 2012 defense budget is 3.1 billion manat."
    assert (derived.year, derived.amount) == (2011, 2.38e9)
    assert text_[derived.start : derived.end].startswith("Funds allocated")


def test_change_that_disagrees_with_two_stated_years_is_noted() -> None:
    text = ("Tajikistan spent 200 million somoni on defense in 2010 and 250 million somoni in 2011, "
            "an increase of 5%.")
    _, facts, notes = _budget(text)
    assert [(f.year, f.amount, f.change_pct) for f in facts] == [(2010, 200e6, None), (2011, 250e6, 5.0)]
    (note,) = notes
    assert note.kind == "change_mismatch" and "+25.0%" in note.message


def test_change_that_agrees_within_rounding_is_not_noted() -> None:
    text = "Tajikistan spent 200 million somoni on defense in 2010 and 211 million somoni in 2011, an increase of around 5%."
    assert _budget(text)[2] == []


def test_same_year_twice_with_different_values_is_a_conflict_naming_both() -> None:
    text = ("Armenia's 2009 defense budget is 140 billion drams. Later the 2009 military budget "
            "of 150 billion drams was approved. The 2009 defense budget of 140 billion drams stands.")
    full, facts, notes = _budget(text)
    assert [(f.year, f.amount) for f in facts] == [(2009, 140e9), (2009, 150e9)]
    assert len(facts[0].passages) == 2  # the repeat merged into the first fact
    (conflict,) = notes
    assert conflict.kind == "conflict"
    assert [full[p.start : p.end][:22] for p in conflict.passages] == [
        "Armenia's 2009 defense", "Later the 2009 militar"]


def test_qualitative_projection_has_a_direction_and_no_amount() -> None:
    text = "Kyrgyzstan's defense budget for 2014 will see considerable growth, while 2013 saw cuts in aid."
    _, facts, _ = _budget(text)
    assert [(f.kind, f.year, f.amount, f.direction) for f in facts] == [("qualitative", 2014, None, "up")]
    assert facts[0].label == "defense budget"


def test_qualitative_is_dropped_for_a_year_with_a_number() -> None:
    text = "The 2011 defense budget is $2 billion. Military spending will see a sharp increase in 2011."
    _, facts, _ = _budget(text)
    assert [f.kind for f in facts] == ["stated"]


def test_share_before_the_figure_and_hedged_equivalent() -> None:
    _, facts, notes = _budget("Defense spending was 1.2% of GDP, or some $1.2 billion, in 2009.")
    assert [_row(f) for f in facts] == [("stated", 2009, 1.2e9, "USD", 1.2e9, 1.2, None)]
    assert facts[0].hedged == ("amount",)
    assert [n.kind for n in notes] == ["implied_gdp"]


def test_purpose_notes() -> None:
    _, _, notes = _budget("In 2010 the military budget was $2 billion. Most of the spending on "
                          "new air defense systems was approved.")
    assert [n.message for n in notes if n.kind == "purpose"] == [
        "Spending purpose stated: new air defense systems."]


def test_no_document_year_and_no_sentences() -> None:
    _, facts, _ = _budget("Last year's defense budget was $2 billion.", year=None)
    assert [(f.year, f.amount) for f in facts] == [(None, 2e9)]
    doc = document_from_text("Defense spending is $1 billion.")
    assert extract_budget(doc, []) == ((), ())


def test_zero_figures_do_not_divide_by_zero() -> None:
    text = ("The 2009 defense budget was 0 tenge ($0) or 0% of GDP; in 2010 defense spending was "
            "0 tenge, an increase of 5%. The defense budget rose 10% to 0 tenge in 2011.")
    _, facts, notes = _budget(text)
    assert [(f.year, f.amount) for f in facts] == [(2009, 0.0), (2010, 0.0), (2011, 0.0)]
    assert notes == []


def test_share_of_a_later_year_in_a_semicolon_list_stays_with_its_year() -> None:
    from multivector.documents.loading import document_from_text
    from multivector.engine.pipeline import analyze_document

    text = (
        "Armenia's defense.\n\nMilitary expenditure: 2019: $647 million (4.9% of GDP); "
        "2020: $634 million; 2021: $618 million (4.4% of GDP)."
    )
    facts = {f.year: f for f in analyze_document(document_from_text(text)).budget}
    assert (facts[2019].gdp_share_pct, facts[2020].gdp_share_pct, facts[2021].gdp_share_pct) == (
        4.9, None, 4.4)


def test_percent_more_than_in_a_year_is_a_change_but_more_than_a_percent_is_not() -> None:
    from multivector.documents.loading import document_from_text
    from multivector.engine.pipeline import analyze_document

    changed = analyze_document(document_from_text(
        "Uzbekistan.\n\nThe defense budget for 2018 is 2.1 trillion soums, 40 percent more than in 2017."
    ))
    facts = {f.year: f for f in changed.budget}
    assert facts[2018].change_pct == 40.0 and facts[2018].amount == 2.1e12
    assert facts[2017].kind == "derived" and facts[2017].amount == 1.5e12
    level = analyze_document(document_from_text(
        "Georgia.\n\nIn 2020 defense spending was more than 40 percent of the security budget, "
        "at 1.1 billion lari."
    ))
    assert [(f.year, f.change_pct) for f in level.budget] == [(2020, None)]


def test_money_another_actor_gives_is_not_the_budget() -> None:
    from multivector.documents.loading import document_from_text
    from multivector.engine.pipeline import analyze_document

    analysis = analyze_document(document_from_text(
        "Moldova's army is small.\n\nMoldova's defense budget for 2022 is 1.1 billion lei. "
        "The European Union has allocated €40 million to strengthen Moldova's defence "
        "capabilities. Moldova's military spending will be balanced, while Russia spends $60 "
        "billion on its armed forces."
    ))
    assert [(f.year, f.amount, f.currency) for f in analysis.budget] == [(2022, 1.1e9, "MDL")]
