"""Budget figures in the shapes of reference books, infoboxes and fact sheets, and the sums near
defense that are set aside as not the focal country's budget. None of these texts is from the
corpus: each is a second shape of a rule the corpus first showed."""

from __future__ import annotations

from multivector.documents.loading import document_from_text
from multivector.engine.pipeline import analyze_document
from multivector.model.analysis import Analysis


def _analysis(text: str, focal: str | None = None) -> Analysis:
    return analyze_document(document_from_text(text), focal=focal)


def _rows(analysis: Analysis) -> list[tuple]:
    return [(f.kind, f.year, f.amount, f.currency, f.usd, f.gdp_share_pct, f.approximate)
            for f in analysis.budget]


def _set_aside(analysis: Analysis) -> list[str]:
    return [n.message for n in analysis.notes if n.kind == "set_aside"]


def test_reference_book_section_with_amounts_and_shares_ends_at_the_next_heading() -> None:
    text = ("Georgia military\n\nMilitary and security forces\n\nGeorgian Defense Forces\n\n"
            "Military expenditures\n\n2.1% of GDP ($1.1 billion) (2021 est.)\n\n"
            "1.9% of GDP (2020)\n\nEconomy overview\n\n$46 billion (2021 est.)\n")
    analysis = _analysis(text, focal="GEO")
    assert _rows(analysis) == [
        ("stated", 2020, None, None, None, 1.9, False),
        ("stated", 2021, 1.1e9, "USD", 1.1e9, 2.1, True),  # one line: one fact; "est." hedges
    ]
    assert analysis.budget[1].hedged == ("amount", "gdp_share")


def test_infobox_fields_are_spending_lines_only_in_a_defense_infobox() -> None:
    text = ("Bundeswehr\n- Headquarters: Bonn\n- Minister Title: Federal Minister of Defence\n"
            "- Amount: €51.8 billion (2023)\n- Percent Gdp: 1.6%\n\nThe Bundeswehr is the army.")
    analysis = _analysis(text, focal="DEU")
    # the share sits in its own field: it takes no year from the amount's field
    assert _rows(analysis) == [("stated", 2023, 51.8e9, "EUR", None, None, False),
                               ("stated", None, None, None, None, 1.6, False)]
    university = _analysis("Tallinn University\n- Founded: 2005\n- Budget: €40 million (2020)\n"
                           "- Students: 7,500\n\nTallinn University is in Estonia.")
    assert university.budget == ()


def test_infobox_keys_that_lost_their_colon_are_still_fields() -> None:
    # an infobox copied as plain text: "Budget US$31.5 billion (2013)", "Percent of GDP 1.4% (2013)"
    text = ("The Hungarian Defence Forces are the military of Hungary.\n"
            "Active personnel 41,000\n- Budget 1,150 billion forint (FY2022)\n"
            "Percent of GDP ~1.5% (FY2022)\nForeign suppliers Germany\n\n"
            "Budget cuts hit the army in 2010.")
    stated = [row for row in _rows(_analysis(text, focal="HUN")) if row[0] == "stated"]
    assert stated == [("stated", 2022, 1150e9, "HUF", None, None, False),
                      ("stated", 2022, None, None, None, 1.5, True)]
    # a key with no defense word anywhere near is no defense budget
    club = _analysis("Balaton Sailing Club\nFounded 1902\nBudget 21 million forint (2019)\n"
                     "Members 400\n\nThe club is in Hungary.")
    assert club.budget == ()


def test_a_colon_heading_carries_its_year_list_until_another_field() -> None:
    text = ("Kyrgyzstan.\n\nDefence budget:\n2017: som 8.9bn ($130m)\n2018: som 9.5bn\n\n"
            "GDP: $8 billion")
    rows = [(f.year, f.amount, f.currency, f.usd) for f in _analysis(text).budget]
    assert rows == [(2017, 8.9e9, "KGS", 130e6), (2018, 9.5e9, "KGS", None)]


def test_a_share_from_a_future_starting_year_is_planned() -> None:
    analysis = _analysis("Germany's army.\n\nGermany will spend two percent of GDP on defence "
                         "starting in 2024, up from 1.6 percent of GDP in 2023.", focal="DEU")
    planned = [f for f in analysis.budget if f.kind == "planned"]
    assert [(f.year, f.gdp_share_pct) for f in planned] == [(2024, 2.0)]


def test_a_guideline_the_country_falls_short_of_is_noted_not_counted() -> None:
    short = _analysis("Canada and NATO.\n\nCanada has long fallen short of the NATO guideline "
                      "of spending 2 percent of GDP on defense.", focal="CAN")
    assert short.budget == ()
    assert _set_aside(short) == [
        "2 percent of GDP is a guideline Canada falls short of, not its own figure."]
    met = _analysis("Greece and NATO.\n\nGreece meets the NATO guideline of spending 2 percent "
                    "of GDP on defense.", focal="GRC")
    assert [(f.kind, f.gdp_share_pct) for f in met.budget] == [("stated", 2.0)]


def test_aid_received_and_aid_given_are_set_aside_with_their_passage() -> None:
    ukraine = _analysis("Ukraine's army.\n\nUkraine's defense budget for 2013 was 15.3 billion "
                        "hryvnias. Since 2014 the United States has provided Ukraine with $2.5 "
                        "billion in security assistance.", focal="UKR")
    assert [(f.year, f.amount, f.currency) for f in ukraine.budget] == [(2013, 15.3e9, "UAH")]
    (note,) = [n for n in ukraine.notes if n.kind == "set_aside"]
    assert note.message == "$2.5 billion is aid or financing, not Ukraine’s own defense budget."
    text = ukraine.document.text
    assert text[note.passages[0].start : note.passages[0].end].startswith("Since 2014")
    japan = _analysis("Japan's defense.\n\nJapan's defense budget is 5.4 trillion yen. Japan "
                      "pledged $500 million to the Philippine Coast Guard for its armed patrols.",
                      focal="JPN")
    assert [(f.amount, f.currency) for f in japan.budget] == [(5.4e12, "JPY")]
    assert _set_aside(japan) == [
        "$500 million is money Japan gives to the Philippines, not its own defense budget."]


def test_another_governments_spending_in_a_paragraph_about_it_is_not_the_focal_budget() -> None:
    text = ("Georgia and its partners.\n\nGeorgia's military budget was 1.1 billion lari in 2021."
            "\n\nThe United States has trained Georgian units for years. U.S. instructors work "
            "in Tbilisi and at U.S. bases. Congress approved $35 million in the Pentagon's "
            "budget for the program.")
    analysis = _analysis(text, focal="GEO")
    assert [(f.amount, f.currency) for f in analysis.budget] == [(1.1e9, "GEL")]
    assert _set_aside(analysis) == [
        "$35 million is the United States’ money, not Georgia’s defense budget."]


def test_contract_and_sale_values_are_set_aside() -> None:
    analysis = _analysis("Poland's army.\n\nPoland signed a $4.75 billion contract for Patriot "
                         "missile defense systems in 2018.", focal="POL")
    assert analysis.budget == ()
    assert _set_aside(analysis) == [
        "$4.75 billion is the value of a sale, contract or procurement, not Poland’s own "
        "defense budget."]
