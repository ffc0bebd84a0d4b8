"""From assembled drafts to budget facts: merging, derivations and consistency notes.

Derived values are rounded to three significant digits (never more precise than the figure they
come from); `basis` says how they were computed. Notes name their passages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from multivector.engine.budget.money import round_significant
from multivector.engine.budget.numbers import format_money
from multivector.model.analysis import BudgetFact, Note, Span

if TYPE_CHECKING:
    from multivector.engine.budget.actors import Actors
    from multivector.engine.budget.aside import SetAside
    from multivector.engine.budget.drafts import Draft
    from multivector.engine.budget.read import Reading

_KIND_ORDER = {"stated": 0, "planned": 1, "derived": 2, "qualitative": 3}
_CHANGE_SLACK = 0.005  # a stated percentage is good to half a point ("74%" is 73.5-74.5%)


def _same(a: float, qa: float, b: float, qb: float) -> bool:
    """Equal within the rounding of both stated values."""
    return abs(a - b) <= (qa + qb) / 2 + 1e-9 * max(abs(a), abs(b))


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per (year, figure): repeats of a figure fill in the first one's missing parts."""
    kept: list[Draft] = []
    # Indexes keep long texts linear: candidates by (year, currency), passages seen per draft.
    by_key: dict[tuple[object, object, object], list[Draft]] = {}
    seen: dict[int, set[Span]] = {}
    for d in drafts:
        candidates = by_key.setdefault((d.year, d.currency, d.planned), [])
        first = next((k for k in candidates if d.amount is not None and k.amount is not None
                      and _same(k.amount, k.quantum, d.amount, d.quantum)), None)
        if first is None:
            kept.append(d)
            candidates.append(d)
            continue
        for part in ("usd", "usd_quantum", "equivalent", "share", "share_quantum", "change",
                     "change_span", "baseline_year", "forward", "label"):
            if getattr(first, part) in (None, 0.0):
                setattr(first, part, getattr(d, part))
        first.hedged |= d.hedged
        known = seen.get(id(first))
        if known is None:
            known = seen[id(first)] = set(first.passages)
        for passage in d.passages:
            if passage not in known:
                known.add(passage)
                first.passages.append(passage)
    return kept


def _stated(d: Draft) -> BudgetFact:
    return BudgetFact(
        year=d.year, amount=d.amount, currency=d.currency, usd=d.usd, gdp_share_pct=d.share,
        change_pct=round(d.change.pct, 4) if d.change else None,
        kind="planned" if d.planned else "stated",
        start=d.span.start, end=d.span.end, approximate=bool(d.hedged), label=d.label,
        hedged=tuple(sorted(d.hedged)), passages=tuple(d.passages),
    )


def _stated_for(drafts: list[Draft], year: int | None) -> list[Draft]:
    return [d for d in drafts if year is not None and d.year == year and d.amount is not None]


def _mismatch(later: Draft, earlier: Draft, factor: float, phrase: str, approximate: bool,
              span: Span) -> Note | None:
    """A note when a stated change disagrees with the two stated values beyond rounding."""
    if later.amount is None or earlier.amount is None or later.currency != earlier.currency:
        return None
    if earlier.amount <= 0 or later.amount <= 0:
        return None
    actual = later.amount / earlier.amount
    slack = factor * (later.quantum / (2 * later.amount) + earlier.quantum / (2 * earlier.amount))
    slack += _CHANGE_SLACK + ((0.05 * abs(factor - 1) + 0.02) if approximate else 0.0)
    if abs(actual - factor) <= slack:
        return None
    message = (
        f"The stated change ({phrase}) does not match the stated figures: "
        f"{format_money(later.amount, later.currency)} ({later.year}) against "
        f"{format_money(earlier.amount, earlier.currency)} ({earlier.year}) is "
        f"{(actual - 1) * 100:+.1f}%, not {(factor - 1) * 100:+.1f}%."
    )
    return Note("change_mismatch", message, _unique([span, later.span, earlier.span]))


def _unique(spans: list[Span]) -> tuple[Span, ...]:
    return tuple(dict.fromkeys(spans))


def _derived(year: int | None, value: float, source: Draft, basis: str, span: Span,
             change_pct: float | None) -> BudgetFact:
    amount = round_significant(value)
    return BudgetFact(
        year=year, amount=amount, currency=source.currency,
        usd=amount if source.currency == "USD" else None, gdp_share_pct=None,
        change_pct=change_pct, kind="derived", start=span.start, end=span.end, basis=basis,
        approximate=True, label=source.label, passages=_unique([span, source.span]),
    )


def _changes(drafts: list[Draft]) -> tuple[list[BudgetFact], list[Note]]:
    """Previous years from stated changes, later years from changes over a stated baseline."""
    facts: list[BudgetFact] = []
    notes: list[Note] = []
    done: set[tuple[int | None, str | None]] = set()
    for d in drafts:
        if d.amount is None or not d.currency:
            continue
        if d.change is not None and d.change_span is not None:
            base_year = d.baseline_year if d.baseline_year is not None else (
                d.year - 1 if d.year is not None else None)
            approx = d.change.approximate
            stated = _stated_for(drafts, base_year)
            if stated:
                note = _mismatch(d, stated[0], d.change.factor, d.change.phrase, approx,
                                 d.change_span)
                notes += [note] if note else []
            elif (base_year, d.currency) not in done:
                done.add((base_year, d.currency))
                exact = d.amount / d.change.factor
                basis = (f"{format_money(d.amount, d.currency)} ({d.year}) / "
                         f"{d.change.factor:.10g} ({d.change.phrase}) ≈ "
                         f"{format_money(exact, d.currency, 3)}")
                facts.append(_derived(base_year, exact, d, basis, d.change_span, None))
        if d.forward is not None:
            change, target, span = d.forward
            stated = _stated_for(drafts, target)
            if stated:
                note = _mismatch(stated[0], d, change.factor, change.phrase,
                                 change.approximate, span)
                notes += [note] if note else []
            elif (target, d.currency) not in done:
                done.add((target, d.currency))
                exact = d.amount * change.factor
                basis = (f"{format_money(d.amount, d.currency)} ({d.year}) × "
                         f"{change.factor:.10g} ({change.phrase}) ≈ "
                         f"{format_money(exact, d.currency, 3)}")
                facts.append(_derived(target, exact, d, basis, span, round(change.pct, 4)))
    return facts, notes


def _conflicts(drafts: list[Draft]) -> list[Note]:
    """The same year given twice with different values (in one currency, or in dollars)."""
    notes = []
    for i, a in enumerate(drafts):
        for b in drafts[i + 1 :]:
            if a.year is None or a.year != b.year:
                continue
            pairs = []
            if a.amount is not None and b.amount is not None and a.currency == b.currency:
                pairs.append((a.amount, a.quantum, b.amount, b.quantum, a.currency))
            elif a.usd is not None and b.usd is not None:
                pairs.append((a.usd, a.usd_quantum, b.usd, b.usd_quantum, "USD"))
            for x, qx, y, qy, cur in pairs:
                if not _same(x, qx, y, qy):
                    message = (f"{a.year} is given two different values: {format_money(x, cur)} "
                               f"and {format_money(y, cur)}.")
                    notes.append(Note("conflict", message, _unique([a.span, b.span])))
    return notes


def _implied(drafts: list[Draft]) -> list[Note]:
    """Exchange rates from figure pairs, GDP from shares, and pairs whose rates disagree."""
    notes: list[Note] = []
    rates: dict[tuple[int | None, str, str], list[tuple[float, float, Draft]]] = {}
    for d in drafts:
        if not d.amount or d.amount < 0 or not d.currency:
            continue  # nothing to divide by zero
        pair = None
        if d.usd is not None and d.currency != "USD" and d.usd > 0:
            pair = (d.usd, "USD", d.usd_quantum)
        elif d.equivalent is not None and d.equivalent[0] > 0:
            pair = d.equivalent
        if pair is not None:
            rate = d.amount / pair[0]
            when = f" for {d.year}" if d.year is not None else ""
            message = (f"The figures imply about {rate:.4g} {d.currency} per {pair[1]}{when} "
                       f"({format_money(d.amount, d.currency)} / "
                       f"{format_money(pair[0], pair[1])}).")
            notes.append(Note("exchange_rate", message, (d.span,)))
            slack = d.quantum / (2 * d.amount) + pair[2] / (2 * pair[0])
            rates.setdefault((d.year, d.currency, pair[1]), []).append((rate, slack, d))
        if d.share:
            gdp = d.amount * 100 / d.share
            usd = ""
            if d.usd and d.currency != "USD":
                usd = f" (about {format_money(d.usd * 100 / d.share, 'USD', 3)})"
            when = f"{d.year} " if d.year is not None else ""
            message = (f"A {when}GDP of about {format_money(gdp, d.currency, 3)}{usd} is implied "
                       f"({format_money(d.amount, d.currency)} is {d.share:g}% of it).")
            notes.append(Note("implied_gdp", message, (d.span,)))
    for (year, cur, other), found in rates.items():
        for (r1, s1, d1), (r2, s2, d2) in zip(found, found[1:], strict=False):
            if abs(r1 - r2) > (s1 + s2) * max(r1, r2):
                notes.append(Note("exchange_rate",
                                  f"The figure pairs for {year} imply different rates: about "
                                  f"{r1:.4g} and {r2:.4g} {cur} per {other}.",
                                  _unique([d1.span, d2.span])))
    return notes


def _qualitative(readings: list[Reading], facts: list[BudgetFact]) -> list[BudgetFact]:
    """Directions without numbers, for years that have no value of their own."""
    known = {f.year for f in facts}
    found = []
    for reading in readings:
        for direction in reading.directions:
            if direction.year in known:
                continue
            known.add(direction.year)
            s = reading.sentence
            found.append(BudgetFact(year=direction.year, amount=None, currency=None, usd=None,
                                    gdp_share_pct=None, change_pct=None, kind="qualitative",
                                    start=s.start, end=s.end, direction=direction.direction,
                                    label=direction.label, passages=(Span(s.start, s.end),)))
    return found


def _purposes(readings: list[Reading]) -> list[Note]:
    seen: set[str] = set()
    notes = []
    for reading in readings:
        for phrase in reading.purposes:
            if phrase.lower() not in seen:
                seen.add(phrase.lower())
                span = Span(reading.sentence.start, reading.sentence.end)
                notes.append(Note("purpose", f"Spending purpose stated: {phrase}.", (span,)))
    return notes


def _possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def _set_aside_message(aside: SetAside, actors: Actors) -> str:
    from multivector.engine.budget.cues import cues

    focal = actors.focal_name
    if aside.kind == "guideline":
        if aside.short:
            return (f"{aside.written} of GDP is a guideline {focal} falls short of, "
                    "not its own figure.")
        return (f"{aside.written} of GDP is a guideline the text names, "
                f"not {_possessive(focal)} own figure.")
    if aside.kind == "given":
        return (f"{aside.written} is money {focal} gives to {actors.name(aside.owner)}, "
                "not its own defense budget.")
    if aside.kind == "foreign":
        return (f"{aside.written} is {_possessive(actors.name(aside.owner))} money, "
                f"not {_possessive(focal)} defense budget.")
    says = cues().set_aside_says.get(aside.kind, aside.kind)
    return f"{aside.written} is {says}, not {_possessive(focal)} own defense budget."


def _set_aside(readings: list[Reading], actors: Actors) -> list[Note]:
    """A note for each sum read and set aside, with its sentence, so the analyst sees it."""
    notes = []
    for reading in readings:
        span = Span(reading.sentence.start, reading.sentence.end)
        for aside in reading.set_aside:
            notes.append(Note("set_aside", _set_aside_message(aside, actors), (span,)))
    return notes


def facts_and_notes(
    drafts: list[Draft], readings: list[Reading], actors: Actors
) -> tuple[tuple[BudgetFact, ...], tuple[Note, ...]]:
    """The budget facts in year order (stated before derived before qualitative) and the notes."""
    drafts = _merge(drafts)
    facts = [_stated(d) for d in drafts]
    derived, notes = _changes(drafts)
    facts += derived
    facts += _qualitative(readings, facts)
    notes = (_conflicts(drafts) + notes + _implied(drafts) + _purposes(readings)
             + _set_aside(readings, actors))
    facts.sort(key=lambda f: (f.year is None, f.year or 0, _KIND_ORDER[f.kind], f.start))
    return tuple(facts), tuple(notes)
