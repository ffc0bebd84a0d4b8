"""The budget reader's fast paths skip only what could not match.

The reader skips sentences with no spending, aid or giving word (`may_spend`, `may_set_aside`)
and skips a big money pattern where none of its literals stands (`Literals`). Each test here
compares a fast path with the slow reading it stands for, on texts built from budget phrases.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import asdict, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multivector.documents.loading import document_from_text
from multivector.engine.budget import cues as bc
from multivector.engine.budget import extract
from multivector.engine.budget.money import _money_literals, _money_res, find_percents, folded
from multivector.engine.text import segment
from multivector.resources import resource_path

_PIECES = st.sampled_from([
    "defense budget", "military spending", "aid", "loan", "GDP", "of", "in", "2007", "2008",
    "last year's", "over", "from", "to", "rose", "fell", "increase", "around", "est.:", ":", ";",
    ",", ".", "(", ")", "$", "€", "₸", "USD", "tenge", "som", "billion", "bn", "m", "trillion",
    "%", "-fold", "doubled", "1.5", "142.56", "1,170", "2,1", "0", "\n", "\n\n", "Defense budget:",
    "2005:", "2006 est.:", "times", "twofold", "percent", "per cent", "US$", "KZT", "Uzbek som",
    "this year", "next year's", "the previous year", "since", "contract", "halved", "tripled",
    "up", "down", "cut", "state budget", "fiscal 2009", "FY2010", "2009-10", "1\u00a0200", "İ",
    "expenditure on", "modernizing weapons", "while", "whereas", "compared with", "than", "about",
    "a billion dollars", "two million euros", "The parade was delayed.", "Analysts agree.",
    "MİLİTARY BUDGET", "ſpending", "Kazakhstan", "allocated", "funds for", "armed forces",
    "Military expenditures\n\n", "- Amount:", "- Percent Gdp:", "provided", "to Jordan",
    "beginning in 2023", "two percent", "Rp", "rupiah", "falls short of the NATO guideline",
])
_TEXTS = st.lists(_PIECES, min_size=3, max_size=40).map(" ".join).filter(str.strip)


def _facts_json(text: str, year: int | None) -> str:
    doc = replace(document_from_text(text), year=year, body_start=0)  # no title guessing
    sentences = segment.sentences(doc.text, segment.paragraphs(doc.text, doc.body_start))
    facts, notes = extract.extract_budget(doc, sentences)
    return json.dumps([[asdict(f) for f in facts], [asdict(n) for n in notes]], sort_keys=True)


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.sampled_from([None, 2010]))
def test_skipping_sentences_without_cue_words_changes_nothing(text: str, year: int | None) -> None:
    fast = _facts_json(text, year)
    with pytest.MonkeyPatch.context() as patch:  # read every sentence
        patch.setattr(extract.bc, "may_spend", lambda *_: True)
        patch.setattr(extract.bc, "may_set_aside", lambda *_: True)
        slow = _facts_json(text, year)
    assert fast == slow


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_money_literals_are_present_wherever_a_money_pattern_matches(text: str) -> None:
    for regex, needs in zip(_money_res(), _money_literals(), strict=True):
        if regex.search(text):
            assert needs.any_in(text, 0, len(text)), regex.search(text)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_percent_and_spending_prefilters_hold_wherever_their_patterns_match(text: str) -> None:
    if bc.cues().spending.search(text):
        assert bc.may_spend(text, 0, len(text))
    if bc.cues().transfer.search(text) or any(r.search(text) for r in bc.cues().set_aside.values()):
        assert bc.may_set_aside(text, 0, len(text))
    if re.search(r"\d\s?%", text):
        assert find_percents(text)


def test_folded_text_finds_what_ignorecase_matches() -> None:
    """For every letter of the cue and currency lists, over every code point: an IGNORECASE
    pattern of it matches exactly where `folded` text has it (what the prefilters rely on)."""
    letters: set[str] = set()
    for name in ("cues.toml", "currencies.toml"):
        with resource_path("budget", name).open("rb") as handle:
            letters |= {ch for ch in json.dumps(tomllib.load(handle), ensure_ascii=False)
                        if ch.lower() != ch.upper()}
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    fold = folded(every)
    assert len(fold) == len(every)
    for letter in sorted(letters):
        matched = {m.start() for m in re.finditer(re.escape(letter), every, re.IGNORECASE)}
        found = {m.start() for m in re.finditer(re.escape(folded(letter)), fold)}
        assert matched == found, letter
