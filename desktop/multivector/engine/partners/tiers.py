"""Tiers from cue votes, then from membership: a country with no cue of its own takes the tier
of a bloc or organization it belongs to, and a program takes its parent's."""

from __future__ import annotations

from collections import Counter, defaultdict

from multivector.engine.knowledge.gazetteer import Gazetteer
from multivector.engine.partners.walk import SentenceFindings
from multivector.model.analysis import PartnerPassage

_RANK = {"primary": 0, "secondary": 1}


def resolve_tiers(
    findings: list[SentenceFindings], partner_ids: list[str], gazetteer: Gazetteer
) -> dict[str, str | None]:
    """Partner id -> "primary", "secondary" or None."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for found in findings:
        for entity, tier in found.tiers:
            votes[entity][tier] += 1
    tiers: dict[str, str | None] = {}
    for pid in partner_ids:
        counts = votes.get(pid)
        if counts:
            tiers[pid] = min(counts, key=lambda t: (-counts[t], _RANK[t]))
        else:
            tiers[pid] = None
    for pid in partner_ids:
        entity = gazetteer.entities[pid]
        if tiers[pid] is not None:
            continue
        if entity.parent and tiers.get(entity.parent):
            tiers[pid] = tiers[entity.parent]
        elif entity.kind == "country":
            inherited = [tiers[g.id] for g in gazetteer.member_of(pid) if tiers.get(g.id)]
            if inherited:
                tiers[pid] = min(inherited, key=lambda t: _RANK[t])  # type: ignore[arg-type]
    return tiers


def tier_cue_passages(
    findings: list[SentenceFindings], tiers: dict[str, str | None]
) -> dict[str, tuple[PartnerPassage, ...]]:
    """Partner id -> the sentences whose cues voted for the tier it got (its own tier only: a
    member's inherited tier has the bloc's sentences)."""
    cues: dict[str, list[PartnerPassage]] = defaultdict(list)
    for found in findings:
        for entity, tier in dict.fromkeys(found.tiers):
            if tiers.get(entity) == tier:
                cues[entity].append(PartnerPassage(found.sentence.start, found.sentence.end))
    return {pid: tuple(items) for pid, items in cues.items()}
