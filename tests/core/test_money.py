"""Money figures, percentages and factors read from text: values, currencies, precision."""

from __future__ import annotations

import pytest

from multivector.engine.budget.money import (
    find_folds,
    find_money,
    find_percents,
    may_hold_figure,
    parse_number,
    round_significant,
)
from multivector.engine.budget.numbers import format_money, format_number, format_percent


def _one(text: str) -> tuple[str, float, str]:
    (money,) = find_money(text)
    return text[money.start : money.end], money.value, money.currency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spent 441 billion tenge that year", ("441 billion tenge", 441e9, "KZT")),
        ("a budget of €2.1 bn", ("€2.1 bn", 2.1e9, "EUR")),
        ("3.2 trillion rubles", ("3.2 trillion rubles", 3.2e12, "RUB")),
        ("3.2 trillion roubles", ("3.2 trillion roubles", 3.2e12, "RUB")),
        ("US$1.2bn", ("US$1.2bn", 1.2e9, "USD")),
        ("$40m", ("$40m", 40e6, "USD")),
        ("USD 1.2 billion", ("USD 1.2 billion", 1.2e9, "USD")),
        ("1.2 billion KZT", ("1.2 billion KZT", 1.2e9, "KZT")),
        ("500 million Uzbek som", ("500 million Uzbek som", 500e6, "UZS")),
        ("500 million som", ("500 million som", 500e6, "KGS")),
        ("2 billion Turkmen manat", ("2 billion Turkmen manat", 2e9, "TMT")),
        ("2 billion manat", ("2 billion manat", 2e9, "AZN")),
        ("1.5 billion lari", ("1.5 billion lari", 1.5e9, "GEL")),
        ("9.5 billion hryvnias", ("9.5 billion hryvnias", 9.5e9, "UAH")),
        ("80 billion yuan", ("80 billion yuan", 80e9, "CNY")),
        ("2 billion U.S. dollars", ("2 billion U.S. dollars", 2e9, "USD")),
        ("5 billion Canadian dollars", ("5 billion Canadian dollars", 5e9, "CAD")),
        ("two billion dollars", ("two billion dollars", 2e9, "USD")),
        ("1,170,000 tenge", ("1,170,000 tenge", 1_170_000, "KZT")),
        ("£34 bn", ("£34 bn", 34e9, "GBP")),
        ("₽1.5 trillion", ("₽1.5 trillion", 1.5e12, "RUB")),
        ("Rs 500 crore", ("Rs 500 crore", 5e9, "INR")),
        ("1,5 mln euros", ("1,5 mln euros", 1.5e6, "EUR")),
    ],
)
def test_money_figures_have_value_and_iso_currency(text: str, expected: tuple) -> None:
    assert _one(text) == expected


def test_bracketed_pair_is_two_figures_with_their_precision() -> None:
    text = "441 billion tenge ($918 million)"
    first, second = find_money(text)
    assert (first.value, first.currency, first.quantum) == (441e9, "KZT", 1e9)
    assert (second.value, second.currency, second.quantum) == (918e6, "USD", 1e6)


def test_range_keeps_both_ends() -> None:
    (money,) = find_money("between $1.1-1.3 billion")
    assert (money.value, money.high) == (1.1e9, 1.3e9)


@pytest.mark.parametrize(
    "text",
    ["in 2007 won the vote", "100 troops", "one euro", "2005: nothing", "1.2% of GDP", "a sum"],
)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def test_percentages_not_points() -> None:
    text = "rose 74%, 1.2 percent, 3 per cent, but 0.2 percentage points"
    assert [p.value for p in find_percents(text)] == [74.0, 1.2, 3.0]


def test_folds() -> None:
    text = "a 1.5-fold increase, a twofold rise, up 1.5 times, spending doubled"
    assert [f.factor for f in find_folds(text, 0, len(text), {"doubled": 2})] == [1.5, 2, 1.5, 2]


def test_numbers_and_rounding() -> None:
    assert parse_number("1,170") == (1170.0, 0)
    assert parse_number("2,1") == (2.1, 1)
    assert parse_number("142.56") == (142.56, 2)
    assert parse_number("x") is None
    assert round_significant(142.56e9 / 1.74) == 81_900_000_000
    assert round_significant(2e9 / 1.5) == 1_330_000_000


def test_currency_name_before_the_number_as_reference_books_write_it() -> None:
    from multivector.engine.budget.money import find_money

    text = "Defense budget: 2018: som 8.9bn ($130m)"
    found = [(m.value, m.currency) for m in find_money(text)]
    assert found == [(8.9e9, "KGS"), (130e6, "USD")]


@pytest.mark.parametrize(("value", "currency", "digits", "expected"), [
    (142_560_000_000, "KZT", None, "142.56 billion KZT"),
    (1_275_000_000, "USD", None, "1.275 billion USD"),  # as stated: no rounding to 2 decimals
    (11_900_000_000_000, "KZT", None, "11.9 trillion KZT"),
    (81_931_034_482.76, "KZT", 3, "81.9 billion KZT"),  # a derived figure
    (500_000, "USD", None, "500,000 USD"),
    (950, "KZT", None, "950 KZT"),
    (119_600_000, None, None, "119.6 million"),
    (None, None, None, "—"),
])
def test_money_is_written_in_words_of_scale(value: float | None, currency: str | None,
                                            digits: int | None, expected: str) -> None:
    assert format_money(value, currency, digits) == expected


def test_numbers_and_percents_as_stated() -> None:
    assert format_number(1234.5) == "1,234.5"
    assert format_number(0.1 + 0.2) == "0.3"  # float noise is not a stated digit
    assert format_number(81.931, 3) == "81.9"
    assert format_percent(1.05) == "1.05%"  # a decimal comma's two decimals survive
    assert format_percent(74.0, signed=True, approximate=True) == "≈ +74%"
    assert format_percent(-12.0, signed=True) == "−12%"


@pytest.mark.parametrize(("text", "holds"), [
    ("two billion dollars", True), ("a billion USD", True), ("1.2% of GDP", True),
    ("three percent of GDP", True), ("$350 million in FMF", True),
    ("The EU has donated help", False), ("It gave aid to Iraq.", False),
    ("one of the donors", False),
])
def test_only_text_with_a_figure_may_hold_a_sum_or_share(text: str, holds: bool) -> None:
    assert may_hold_figure(text) is holds
    if not holds:
        assert find_money(text) == [] and find_percents(text) == []
