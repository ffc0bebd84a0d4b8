"""From a Document to the one Analysis object every view reads."""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable

from multivector.engine.budget.extract import extract_budget
from multivector.engine.knowledge.cues import load_cues
from multivector.engine.knowledge.fingerprint import ENGINE_VERSION
from multivector.engine.knowledge.gazetteer import load_gazetteer
from multivector.engine.knowledge.taxonomy import Taxonomy, load_taxonomy
from multivector.engine.partners.mentions import detect_focal
from multivector.engine.partners.people import extract_people
from multivector.engine.partners.tiers import resolve_tiers
from multivector.engine.partners.walk import (
    Context,
    PartnerWalk,
    SentenceFindings,
    partner_passages,
)
from multivector.engine.text import segment
from multivector.model.errors import InputError
from multivector.platform.collector import relaxed_for_long_text
from multivector.engine.text.patterns import lowered
from multivector.model.analysis import (
    TIER_ORDER,
    Analysis,
    Area,
    AreaPassage,
    Document,
    Focal,
    Partner,
    PartnerPassage,
)


def _build_partners(
    passages: dict[str, list[PartnerPassage]], tiers: dict[str, str | None], first_seen: dict[str, int]
) -> tuple[Partner, ...]:
    gazetteer = load_gazetteer()
    partners = []
    for pid, items in passages.items():
        entity = gazetteer.entities[pid]
        parent = entity.parent if entity.parent in passages else None
        areas = tuple(sorted({a for p in items for a in p.areas}))
        partners.append(
            Partner(pid, entity.name, entity.kind, pid, tiers.get(pid), parent, areas, tuple(items))
        )
    partners.sort(key=lambda p: (TIER_ORDER[p.tier], -len(p.passages), first_seen[p.id]))
    return tuple(partners)


def _build_areas(partners: tuple[Partner, ...], taxonomy: Taxonomy) -> tuple[Area, ...]:
    by_area: dict[str, dict[tuple[int, int], list[str]]] = defaultdict(lambda: defaultdict(list))
    for partner in partners:
        for passage in partner.passages:
            for area_id in passage.areas:
                by_area[area_id][(passage.start, passage.end)].append(partner.id)
    areas = []
    for area_id, area_type in taxonomy.areas.items():  # taxonomy order is the reading order
        spans = by_area.get(area_id)
        if not spans:
            continue
        members = list(dict.fromkeys(pid for ids in spans.values() for pid in ids))
        ordered = [p.id for p in partners if p.id in members]
        area_passages = tuple(
            AreaPassage(start, end, tuple(pid for pid in ordered if pid in ids))
            for (start, end), ids in sorted(spans.items())
        )
        areas.append(
            Area(area_id, area_type.label, area_type.icon, area_type.parent, tuple(ordered), area_passages)
        )
    return tuple(areas)


def _foreign_money(mentions: list, sentences: list, focal: str | None, gazetteer: object) -> Callable[[int], bool]:
    """Whether a figure at an offset is another actor's money: the country, organization or bloc
    its sentence names last before it is not the focal country ("The EU has allocated €40
    million to ...", "while Russia spends $60 billion")."""
    starts = [s.start for s in sentences]
    # mentions come in reading order: the last one before an offset is found by bisection
    # (a scan of every mention per figure made long texts quadratic)
    mention_starts = [m.start for m in mentions]

    def foreign(offset: int) -> bool:
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return False
        last = bisect_left(mention_starts, offset) - 1
        if last < 0 or mention_starts[last] < sentences[index].start:
            return False
        return mentions[last].entity != focal

    return foreign


def _budget(document: Document, sentences: list, foreign: Callable[[int], bool] | None = None) -> tuple[tuple, tuple]:
    return extract_budget(document, sentences, foreign)


@relaxed_for_long_text
def analyze_document(
    document: Document,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    focal: str | None = None,
) -> Analysis:
    """The analysis of `document`. `progress` gets 0..1; `cancelled` stops the work early
    (InterruptedError) when it returns True. `focal` is the analyst's choice of the country the
    article is about (ISO3; InputError when it names no country we know), else it is detected."""

    def step(fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise InterruptedError("analysis cancelled")
        if progress is not None:
            progress(fraction)

    text = document.text
    gazetteer, cues, taxonomy = load_gazetteer(), load_cues(), load_taxonomy()
    if focal is not None:
        focal = focal.strip().upper()
        chosen = gazetteer.entities.get(focal)
        if chosen is None or chosen.kind != "country":
            raise InputError(f"--focal {focal}: is not the ISO 3166 alpha-3 code of a country")
    step(0.0)
    paragraphs = segment.paragraphs(text, document.body_start)
    sentences = segment.sentences(text, paragraphs)
    step(0.2)
    mentions = gazetteer.mentions(text)
    title_end = paragraphs[0].end if paragraphs and document.title is None else document.body_start
    lead = next(((s.start, s.end) for s in sentences if s.start >= document.body_start), None)
    focal_code = focal or detect_focal(mentions, gazetteer, title_end, lead)
    people = extract_people(text, document.body_start, sentences, gazetteer, cues, focal_code)
    step(0.5)
    ctx = Context(text, lowered(text), gazetteer, cues, taxonomy, focal_code, [m for m in mentions if m.start >= document.body_start], people.mentions)
    findings: list[SentenceFindings] = PartnerWalk(ctx, document.body_start).walk(paragraphs, sentences)
    passages = partner_passages(findings)
    tiers = resolve_tiers(findings, list(passages), gazetteer)
    first_seen = {pid: items[0].start for pid, items in passages.items()}
    partners = _build_partners(passages, tiers, first_seen)
    body_mentions = ctx.mentions
    # the walk's findings and the lowered copy of the text are done with: let a long text's
    # budget pass run without them (memory grows with the text)
    del ctx, findings, passages
    step(0.8)
    budget, notes = _budget(
        document, sentences, _foreign_money(body_mentions, sentences, focal_code, gazetteer)
    )
    step(1.0)
    focal = Focal(gazetteer.entities[focal_code].name, focal_code) if focal_code else None
    return Analysis(
        document=document,
        focal=focal,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        partners=partners,
        areas=_build_areas(partners, taxonomy),
        budget=tuple(budget),
        people=people.people,
        quotes=people.quotes,
        sources=people.sources,
        notes=tuple(notes),
        engine_version=ENGINE_VERSION,
    )


def analyze_path(
    path: str | os.PathLike[str] | None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    focal: str | None = None,
) -> Analysis:
    """Load the article at `path` (None: the bundled one, "-": standard input) and analyse it."""
    from multivector.documents.loading import load_document

    return analyze_document(load_document(path), progress=progress, cancelled=cancelled,
                            focal=focal)
