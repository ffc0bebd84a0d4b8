"""From a Document to the one Analysis object every view reads."""

from __future__ import annotations

import os
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable

from multivector.engine.budget.actors import Actors
from multivector.engine.budget.extract import extract_budget
from multivector.engine.knowledge.cues import load_cues
from multivector.engine.knowledge.fingerprint import ENGINE_VERSION
from multivector.engine.knowledge.gazetteer import CAPITAL, Gazetteer, Mention, load_gazetteer
from multivector.engine.knowledge.scanner import scan_article
from multivector.engine.knowledge.taxonomy import Taxonomy, load_taxonomy
from multivector.engine.partners.focal import detect_focal
from multivector.engine.partners.mentions import AdversaryCues, is_place
from multivector.engine.partners.people import PersonMention, extract_people
from multivector.engine.partners.tiers import resolve_tiers, tier_cue_passages
from multivector.engine.partners.walk import (
    Context,
    PartnerWalk,
    SentenceFindings,
    partner_passages,
)
from multivector.engine.text import segment
from multivector.engine.text.clauses import words_in
from multivector.engine.text.patterns import lowered
from multivector.model.analysis import (
    TIER_ORDER,
    Analysis,
    Area,
    AreaPassage,
    Document,
    Focal,
    Paragraph,
    Partner,
    PartnerPassage,
    Sentence,
)
from multivector.model.errors import InputError
from multivector.platform.collector import relaxed_for_long_text


def _build_partners(
    passages: dict[str, list[PartnerPassage]], tiers: dict[str, str | None], first_seen: dict[str, int],
    tier_cues: dict[str, tuple[PartnerPassage, ...]],
) -> tuple[Partner, ...]:
    gazetteer = load_gazetteer()
    partners = []
    for pid, items in passages.items():
        entity = gazetteer.entities[pid]
        parent = entity.parent if entity.parent in passages else None
        areas = tuple(sorted({a for p in items for a in p.areas}))
        partners.append(
            Partner(pid, entity.name, entity.kind, pid, tiers.get(pid), parent, areas, tuple(items),
                    tier_cues.get(pid, ()))
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


def _counterpart(mentions: list[Mention], focal: str | None, gazetteer: Gazetteer) -> str | None:
    """The country named most after the focal one."""
    counts = Counter(m.entity for m in mentions
                     if m.entity != focal and gazetteer.entities[m.entity].kind == "country")
    return counts.most_common(1)[0][0] if counts else None


def _outside_names(mentions: list[Mention], names: tuple[PersonMention, ...], body_start: int) -> list[Mention]:
    """The body's mentions but those inside a person's name ("Aden" in "Aden Bare Duale")."""
    starts = [n.start for n in names]
    kept = []
    for mention in mentions:
        if mention.start < body_start:
            continue
        index = bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.end <= names[index].end:
            continue
        kept.append(mention)
    return kept


def _detect_focal(
    document: Document, paragraphs: list[Paragraph], sentences: list[Sentence], mentions: list[Mention],
    adversary: AdversaryCues,
) -> str | None:
    """The detected focal country, from the header's title, the body's sentences and mentions."""
    text, gazetteer, cues = document.text, load_gazetteer(), load_cues()
    # with no title in the header, a first paragraph of one sentence (a headline) stands for it,
    # but its object is no title's object
    titled = document.title is not None
    first = paragraphs[0] if paragraphs else None
    headline = first is not None and sum(s.paragraph == first.index for s in sentences[:2]) == 1
    if titled or not headline:
        title = (0, document.body_start)
    else:
        title = (first.start, first.end)  # type: ignore[union-attr]
    # the body's sentences from the first that reads as one (a full stop, or eight words or more;
    # not "Fact Sheet" or "Office of the Spokesperson"): the lead
    body = [(s.start, s.end) for s in sentences if s.start >= document.body_start]
    lead = next((i for i, (a, b) in enumerate(body)
                 if text[b - 1] in ".!?" or len(words_in(text[a:b])) >= 8), len(body))
    def not_about(mention: Mention) -> bool:
        # an aggressor ("Russia's war against Ukraine") or a venue; the victim of a war is
        # no adversary of the text's subject, it may well be the subject
        venue = mention.form == CAPITAL and is_place(text, mention, gazetteer, cues)
        return venue or adversary.is_aggressor(mention)

    return detect_focal(text, mentions, gazetteer, title, titled, body[lead:], not_about)


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
    low = lowered(text)
    scan = scan_article(low)  # the title too: "Russia’s War Against Ukraine"
    found = scan.cues
    adversary = AdversaryCues(low, cues, found)
    focal_code = focal or _detect_focal(document, paragraphs, sentences, mentions, adversary)
    people = extract_people(text, document.body_start, sentences, gazetteer, cues, focal_code,
                            _counterpart(mentions, focal_code, gazetteer))
    step(0.5)
    ctx = Context(text, low, gazetteer, cues, taxonomy, focal_code,
                  _outside_names(mentions, people.mentions, document.body_start), people.mentions)
    findings: list[SentenceFindings] = PartnerWalk(ctx, found, scan.areas, adversary).walk(paragraphs, sentences)
    passages = partner_passages(findings)
    tiers = resolve_tiers(findings, list(passages), gazetteer)
    first_seen = {pid: items[0].start for pid, items in passages.items()}
    partners = _build_partners(passages, tiers, first_seen, tier_cue_passages(findings, tiers))
    actors = Actors(ctx.mentions, focal_code)
    # the walk's findings and the lowered copy of the text are done with: let a long text's
    # budget pass run without them (memory grows with the text)
    del ctx, findings, passages, low, scan, found, adversary
    step(0.8)
    budget, notes = extract_budget(document, sentences, actors)
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
