"""Defense budget figures of a document: stated, derived from stated ones, or only a direction.

`extract_budget` finds the spending lines (sections.py), reads each sentence (read.py, which asks
aside.py whose money a figure is), gathers what belongs to one year's figure into one draft, then
derives and checks (checks.py).

Rules worth knowing:
- One fact per (year, figure). A figure, its equivalent in another currency, its share of GDP and
  a stated change for the same year merge into one stated fact; its passage is the sentence of
  the main figure, and `passages` lists every sentence that contributed.
- A change sentence without a figure attaches to the figure of the year it names in the same
  paragraph (or to the paragraph's only figure when it names none).
- `approximate` is true when the text hedges any stated part ("around 74%", "some $2 billion",
  "2007 est.:", a range); `hedged` says which. Derived facts are always approximate.
- A range ("$1.1-1.3 billion") is stated as its midpoint, hedged as "amount".
- A direction without a number (kind "qualitative") is kept only for a year that has no amount.
- A figure for a year the text plans ("beginning in 2023") is of kind "planned".
- Sums set aside as not the focal country's budget (aid, sales, another actor's money, a
  guideline it falls short of) are noted with their passage ("set_aside").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from multivector.engine.budget import cues as bc
from multivector.engine.budget.money import may_hold_figure
from multivector.engine.budget.actors import Actors
from multivector.engine.budget.aside import Place
from multivector.engine.budget.checks import facts_and_notes
from multivector.engine.budget.drafts import Draft
from multivector.engine.budget.read import Figure, Reading, read_sentence
from multivector.engine.budget.sections import SpendingLine, spending_lines
from multivector.model.analysis import BudgetFact, Document, Note, Sentence, Span


def _draft(fig: Figure, sent: Sentence) -> Draft:
    money = fig.money
    amount = (money.value + money.high) / 2 if money.high is not None else money.value
    span = Span(sent.start, sent.end)
    d = Draft(fig.year, amount, money.currency, money.quantum, span, sent.paragraph,
              hedged=set(fig.hedged), label=fig.label, passages=[span], planned=fig.planned)
    eq = fig.equivalent
    if money.currency == "USD":
        d.usd, d.usd_quantum = amount, money.quantum
    elif eq is not None and eq.currency == "USD":
        d.usd, d.usd_quantum = eq.value, eq.quantum
    elif eq is not None:
        d.equivalent = (eq.value, eq.currency, eq.quantum)
    if fig.share is not None:
        d.share, d.share_quantum = fig.share.value, fig.share.quantum
    if fig.change is not None:
        d.change, d.change_span = fig.change, span
        d.baseline_year = fig.change_baseline
    return d


def _attach_changes(reading: Reading, drafts: list[Draft], mine: list[Draft],
                    by_paragraph: dict[int, list[Draft]]) -> None:
    """Changes with no target figure: forward from a baseline figure, or to a nearby figure."""
    span = Span(reading.sentence.start, reading.sentence.end)
    for loose in reading.changes:
        base = next((d for d in mine if d.amount is not None and d.change is None
                     and d.forward is None and _is_baseline(d, reading)), None)
        if base is not None:
            target = loose.year
            if target is None and base.year is not None:
                target = base.year + 1
            base.forward = (loose.change, target, span)
            continue
        same_para = [d for d in by_paragraph.get(reading.sentence.paragraph, ())
                     if d.change is None and d.amount is not None]
        if loose.year is not None:
            match = next((d for d in same_para if d.year == loose.year), None)
        else:
            match = same_para[0] if len(same_para) == 1 else None
        earlier = loose.baseline_year if loose.baseline_year is not None else (
            loose.year - 1 if loose.year is not None else None)
        before = next((d for d in same_para if earlier is not None and d.year == earlier
                       and d.forward is None), None)
        if match is None and before is not None:
            # "grew 30% in 2012" with a figure for 2011: a forward change from that figure
            before.forward = (loose.change, loose.year, span)
            continue
        if match is None:
            if loose.year is None:
                continue
            match = Draft(loose.year, None, None, 0.0, span, reading.sentence.paragraph)
            drafts.append(match)
            by_paragraph.setdefault(match.paragraph, []).append(match)
        match.change, match.change_span = loose.change, span
        match.baseline_year = loose.baseline_year
        if loose.change.approximate:
            match.hedged.add("change")
        if span not in match.passages:
            match.passages.append(span)


def _is_baseline(draft: Draft, reading: Reading) -> bool:
    return any(f.baseline and f.money.value in (draft.amount, draft.usd) for f in reading.figures)


def _attach_shares(reading: Reading, drafts: list[Draft],
                   by_paragraph: dict[int, list[Draft]]) -> None:
    span = Span(reading.sentence.start, reading.sentence.end)
    for share in reading.shares:
        match = next((d for d in by_paragraph.get(reading.sentence.paragraph, ())
                      if d.year == share.year and d.share is None
                      and d.planned == share.planned), None)
        if match is None:
            match = Draft(share.year, None, None, 0.0, span, reading.sentence.paragraph,
                          passages=[span], planned=share.planned)
            drafts.append(match)
            by_paragraph.setdefault(match.paragraph, []).append(match)
        elif span not in match.passages:
            match.passages.append(span)
        match.share, match.share_quantum = share.pct.value, share.pct.quantum
        match.label = match.label or share.label
        if share.hedged:
            match.hedged.add("gdp_share")


def _sentence_defense(text: str, sentences: Sequence[Sentence]) -> dict[int, bool]:
    """Sentence start -> whether it holds a defense phrase (asked once per sentence: the
    paragraphs' verdict and each sentence's own need it)."""
    return {s.start: bool(bc.defense_phrases(text, s.start, s.end)) for s in sentences}


def _line_at(lines: Sequence[SpendingLine], starts: list[int],
             sent: Sentence) -> SpendingLine | None:
    """The spending line the sentence is on (or starts on), if any."""
    i = bisect_right(starts, sent.end - 1) - 1
    if i >= 0 and lines[i].start < sent.end and sent.start < lines[i].end:
        return lines[i]
    return None


def read_document(document: Document, sentences: Sequence[Sentence],
                  actors: Actors | None = None) -> list[Reading]:
    """Every sentence's reading; sentences on spending lines (sections.py) read as spending."""
    text = document.text
    actors = actors if actors is not None else Actors()
    sentence_defense = _sentence_defense(text, sentences)
    defended = {s.paragraph for s in sentences if sentence_defense[s.start]}
    lines = spending_lines(text, document.body_start)
    starts = [line.start for line in lines]
    paragraph_starts: dict[int, int] = {}
    readings = []
    for sent in sentences:
        if not (sent.start >= document.body_start and 0 <= sent.start <= sent.end <= len(text)):
            continue
        paragraph_starts.setdefault(sent.paragraph, sent.start)
        line = _line_at(lines, starts, sent)
        # Without a spending word a sentence only counts on a spending line (every figure,
        # change, share, direction and purpose needs one or the other), and only names a sum to
        # set aside with an aid, sale or giving word: the many sentences with none of these are
        # read as empty without reading them; nor can a sentence without a figure hold a sum.
        if (line is not None or bc.may_spend(text, sent.start, sent.end)
                or (bc.may_set_aside(text, sent.start, sent.end)
                    and may_hold_figure(text, sent.start, sent.end))):
            place = Place(sent.start, paragraph_starts[sent.paragraph], line is not None,
                          sentence_defense[sent.start], actors)
            readings.append(read_sentence(text, sent, document.year, sent.paragraph in defended,
                                          line, place))
        else:
            readings.append(Reading(sent))
    return readings


def extract_budget(
    document: Document, sentences: Sequence[Sentence], actors: Actors | None = None
) -> tuple[tuple[BudgetFact, ...], tuple[Note, ...]]:
    """The document's defense budget facts and the consistency notes about them. `actors`: the
    countries and organizations the text names and the focal country, to tell whose money a sum
    is (aside.py); without them every defense sum is taken as the focal country's."""
    readings = read_document(document, sentences, actors)
    drafts: list[Draft] = []
    own: list[list[Draft]] = []
    for reading in readings:
        own.append([_draft(fig, reading.sentence) for fig in reading.figures])
        drafts.extend(own[-1])
    # Changes attach after every figure is known: a change may come before its figure's sentence.
    # drafts by paragraph, in order: a scan of every draft per sentence made long texts quadratic
    by_paragraph: dict[int, list[Draft]] = {}
    for draft in drafts:
        by_paragraph.setdefault(draft.paragraph, []).append(draft)
    for reading, mine in zip(readings, own, strict=True):
        _attach_changes(reading, drafts, mine, by_paragraph)
    for reading in readings:
        _attach_shares(reading, drafts, by_paragraph)
    return facts_and_notes(drafts, readings, actors if actors is not None else Actors())
