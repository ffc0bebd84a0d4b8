"""Hypothesis strategies for the fuzz tests: article-like texts built from the parts real
articles have (a header, partners, areas, tier cues, budget figures, quotes, sources), mutations
of them, and the checks every analysis must pass whatever its input.

None of it knows the seed article: countries, sums and phrasings are chosen to differ from it.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from multivector.model.analysis import Analysis

# A modest budget by default (CI); MULTIVECTOR_FUZZ_EXAMPLES=2000 for a long run by hand.
EXAMPLES = int(os.environ.get("MULTIVECTOR_FUZZ_EXAMPLES") or 40)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FOCALS = ("Vietnam", "Poland", "Kenya", "Chile", "Indonesia", "Georgia", "Mongolia", "Peru")
PARTNERS = ("Japan", "France", "India", "Turkey", "Brazil", "Germany", "the United States",
            "Russia", "China", "NATO", "the European Union", "the African Union", "ASEAN",
            "the UN", "the OSCE", "the Partnership for Peace", "the West", "Moscow", "Beijing")
AREAS = ("joint exercises", "officer training", "coastal patrols", "cyber defense",
         "peacekeeping", "air defense", "arms purchases", "military-technical cooperation",
         "counter-terrorism", "border security", "intelligence sharing", "demining")
TEMPLATES = (
    "{focal} and {partner} agreed to expand cooperation in {area} and {area2}.",
    "{partner} remains {focal}'s main strategic partner in {area}.",
    "Officials said {partner} would support {focal} with {area}; talks on {area2} continue.",
    "The two countries will also hold {area} next year.",
    "Cooperation with {partner} is secondary, limited to {area}.",
    "\u201cWe value {area} with {partner},\u201d the minister of defense, {person}, said.",
    "{focal}'s defense budget for {year} is {amount} {currency} (${usd} billion), "
    "or {gdp}% of GDP.",
    "Military spending rose by {pct} percent compared with {prev}.",
    "The budget will be cut next year ({source}, {month} {day}).",
    "Spending on {area} fell sharply, according to {partner}.",
)
FILLER = ("Parliament debated the reform for hours.", "Analysts remain cautious.",
          "The weather delayed the parade.", "See also: page 4.", "", "N/A", "1.", "-- ",
          "Mr. A. B. Smith, Jr., spoke at 3 p.m. on Jan. 5.", "U.S.-led drills (2019\u20132021).")
PEOPLE = ("Anna Kowalska", "Nguyen Van Long", "J. Mwangi", "Colonel Perez", "General Batbayar")
CURRENCIES = ("zloty", "dong", "shillings", "pesos", "rupiah", "tenge", "tugrik", "lari", "USD",
              "EUR", "$", "")
HEADERS = (
    "", "Publication: Regional Security Monitor\nVolume: 12 Issue: 3\nDate: May 4, 2018\n\n",
    "Publication: Defense Review Weekly Volume: 9 Issue: 201\nBy: A. Writer\n\n",
    "Title: Notes\nDate: 31/02/2099\n\n", "Volume: x Issue: -1\n\n",
)
# Characters that trip up text handling: line ends, spaces, marks, joiners, direction, astral.
ODD = ("\r\n", "\r", "\t", "\u00a0", "\u200b", "\u200d", "\u0301", "\u202e", "\ufeff", "\u2028",
       "\U0001f680", "\u00ad", "\x0c", "e\u0301", "\ufb01", "\u2026", "\u201c", "\u2019",
       "\u0422\u0435\u043d\u0433\u0435", "\u4e2d\u56fd", "\u0639\u0631\u0628\u064a")


@st.composite
def sentences(draw: st.DrawFn, templates: tuple[str, ...] = TEMPLATES + FILLER) -> str:
    template = draw(st.sampled_from(templates))
    year = draw(st.integers(1950, 2040))
    return template.format(
        focal=draw(st.sampled_from(FOCALS)), partner=draw(st.sampled_from(PARTNERS)),
        area=draw(st.sampled_from(AREAS)), area2=draw(st.sampled_from(AREAS)),
        person=draw(st.sampled_from(PEOPLE)), year=year, prev=year - draw(st.integers(-1, 3)),
        amount=draw(st.sampled_from(("1.2 billion", "450 million", "3,200,000", "0", "12.5 trillion",
                                     "about 90 billion", "1e9", "7.5bn"))),
        currency=draw(st.sampled_from(CURRENCIES)),
        usd=draw(st.sampled_from(("1.1", "0.04", "250", "0"))),
        gdp=draw(st.sampled_from(("1.5", "0.9", "12", "0.0", "300"))),
        pct=draw(st.sampled_from(("74", "-5", "0.5", "1,000", "one hundred"))),
        source=draw(st.sampled_from(("Interfax", "Reuters", "Xinhua", "Kyodo"))),
        month=draw(st.sampled_from(("January", "May", "Sept.", "December"))),
        day=draw(st.integers(1, 31)),
    )


@st.composite
def articles(draw: st.DrawFn) -> str:
    """A header and paragraphs of article-like sentences, the first one never filler."""
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=5), min_size=1,
                               max_size=6))
    paragraphs[0].insert(0, draw(sentences(TEMPLATES)))
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    return draw(st.sampled_from(HEADERS)) + body


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """`base` with a few edits: cuts, insertions of odd characters or noise, copies, case."""
    text = draw(base)
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            text = draw(st.text(max_size=20))
            continue
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 200)))
        op = draw(st.sampled_from(("cut", "odd", "noise", "copy", "upper", "truncate")))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "odd":
            text = text[:i] + draw(st.sampled_from(ODD)) * draw(st.integers(1, 3)) + text[i:]
        elif op == "noise":
            text = text[:i] + draw(st.text(max_size=30)) + text[j:]
        elif op == "copy":
            text = text[:i] + text[i:j] * 2 + text[j:]
        elif op == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        else:
            text = text[:i]
    return text


def flip_bytes(data: bytes, positions: list[int], values: list[int]) -> bytes:
    """`data` with the byte at each position (taken modulo its length) replaced."""
    buffer = bytearray(data)
    for position, value in zip(positions, values, strict=False):
        if buffer:
            buffer[position % len(buffer)] = value
    return bytes(buffer)


def check_analysis(analysis: Analysis) -> None:
    """What holds for any analysis of any text: offsets inside the text, ids that resolve."""
    text = analysis.document.text
    n = len(text)

    def passage(start: int, end: int, what: str) -> None:
        assert 0 <= start < end <= n, f"{what}: {start}..{end} outside 0..{n}"
        assert text[start:end].strip(), f"{what}: {start}..{end} is blank"

    previous_end = 0
    for paragraph in analysis.paragraphs:
        passage(paragraph.start, paragraph.end, f"paragraph {paragraph.index}")
        assert paragraph.start >= previous_end, "paragraphs overlap or go backwards"
        previous_end = paragraph.end
    for sentence in analysis.sentences:
        passage(sentence.start, sentence.end, f"sentence {sentence.index}")
    ids = [p.id for p in analysis.partners]
    assert len(ids) == len(set(ids)), f"duplicate partner ids {ids}"
    area_ids = {a.id for a in analysis.areas}
    for partner in analysis.partners:
        assert partner.passages, f"partner {partner.id} without evidence"
        assert set(partner.areas) <= area_ids, f"{partner.id} areas {partner.areas} not listed"
        for item in partner.passages + partner.tier_cues:
            passage(item.start, item.end, f"partner {partner.id}")
            assert set(item.areas) <= set(partner.areas)
    for area in analysis.areas:
        assert set(area.partners) <= set(ids), f"area {area.id} names unknown partners"
        for item in area.passages:
            passage(item.start, item.end, f"area {area.id}")
    for fact in analysis.budget:
        passage(fact.start, fact.end, f"budget {fact.year}")
        for span in fact.passages:
            passage(span.start, span.end, f"budget {fact.year} passage")
    for person in analysis.people:
        for span in person.passages:
            passage(span.start, span.end, f"person {person.name}")
    for item in (*analysis.quotes, *analysis.sources):
        passage(item.start, item.end, type(item).__name__)
    for note in analysis.notes:
        for span in note.passages:
            passage(span.start, span.end, f"note {note.kind}")
