"""Properties: any number-like text never raises, and every passage lies inside the text."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from multivector.documents.loading import document_from_text
from multivector.engine.budget.extract import extract_budget
from multivector.engine.budget.money import find_money, find_percents, parse_number
from multivector.engine.text import segment

_PIECES = st.sampled_from([
    "defense budget", "military spending", "aid", "loan", "GDP", "of", "in", "2007", "2008",
    "last year's", "over", "from", "to", "rose", "fell", "increase", "around", "est.:", ":", ";",
    ",", ".", "(", ")", "$", "€", "₸", "USD", "tenge", "som", "billion", "bn", "m", "trillion",
    "%", "-fold", "doubled", "1.5", "142.56", "1,170", "2,1", "0", "00", "9999999999999999999",
    "\n", "\n\n", " ", "considerable growth", "on weapons", "spending for",
])
_TEXT = st.lists(_PIECES | st.text(alphabet="0123456789.,$%€ -–:;()\n", max_size=8), max_size=40)


@settings(max_examples=150, deadline=None)
@given(_TEXT, st.one_of(st.none(), st.integers(1990, 2030)))
def test_number_like_text_never_raises_and_passages_are_inside(pieces: list[str], year: int | None) -> None:
    raw = " ".join(pieces)
    if not raw.strip():
        return
    doc = replace(document_from_text(raw), year=year)
    sentences = segment.sentences(doc.text, segment.paragraphs(doc.text, doc.body_start))
    facts, notes = extract_budget(doc, sentences)
    n = len(doc.text)
    for fact in facts:
        assert 0 <= fact.start < fact.end <= n
        assert all(0 <= p.start < p.end <= n for p in fact.passages)
        assert fact.kind in ("stated", "derived", "qualitative", "planned")
        assert fact.amount is None or fact.amount >= 0
    for note in notes:
        assert note.passages and all(0 <= p.start < p.end <= n for p in note.passages)


@given(st.text(max_size=60))
def test_readers_never_raise_on_any_text(text: str) -> None:
    for money in find_money(text):
        assert 0 <= money.start < money.end <= len(text) and money.value >= 0
    find_percents(text)
    parse_number(text)
