"""Partners and cooperation areas, sentence by sentence, each passage with the reason it counts.

A sentence gives partners when it is about cooperation (a cue word or an area phrase) and names
an actor: a country, organization or bloc that is not the focal country, not a place and not an
adversary; or refers back to one ("the two countries", "the Alliance"); or names a person who acts
for one. A sentence that names an area and no partner inherits the partners of the sentence before.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from multivector.core.attribution import Actor, attribute_areas
from multivector.core.cues import Cues
from multivector.core.gazetteer import Gazetteer, Mention
from multivector.core.mentions import is_adversary, is_place
from multivector.core.model import Paragraph, PartnerPassage, Sentence
from multivector.core.people import PersonMention
from multivector.core.taxonomy import Taxonomy

INHERITED_CUE = "the sentence before"


@dataclass
class SentenceFindings:
    """What one sentence contributes: partners (id -> cue or None) and the areas it names."""

    sentence: Sentence
    partners: dict[str, str | None] = field(default_factory=dict)
    areas: list[str] = field(default_factory=list)
    area_owners: dict[str, list[str]] = field(default_factory=dict)  # area -> partner ids
    tiers: list[tuple[str, str]] = field(default_factory=list)  # (partner id, tier)


@dataclass(frozen=True)
class Context:
    """Everything the sentence walk reads."""

    text: str
    gazetteer: Gazetteer
    cues: Cues
    taxonomy: Taxonomy
    focal: str | None
    mentions: list[Mention]
    people: tuple[PersonMention, ...]


def _capitalizable(phrase: str) -> str:
    escaped = re.escape(phrase)
    return f"[{phrase[0].upper()}{phrase[0].lower()}]{escaped[1:]}" if phrase[:1].isalpha() else escaped


def _masked(text: str, start: int, end: int, mentions: list[Mention]) -> str:
    """The sentence with entity names blanked, so "Cooperation" in "OSCE"'s name is no cue."""
    chars = list(text[start:end])
    for mention in mentions:
        for i in range(max(mention.start, start), min(mention.end, end)):
            chars[i - start] = " "
    return "".join(chars)


class PartnerWalk:
    """Walks the sentences of each paragraph in order, keeping what references resolve to."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.named_anywhere = {m.entity for m in ctx.mentions}
        # "the Alliance" means NATO only in a text that names NATO; "The Alliance" starts sentences.
        self.references = [
            (re.compile(rf"(?<!\w){_capitalizable(phrase)}(?!\w)"), entity)
            for phrase, entity in ctx.gazetteer.by_reference().items()
            if entity in self.named_anywhere
        ]

    def _actors(self, sentence: Sentence) -> list[Actor]:
        """Every actor the sentence names, or points to through a person or "the Alliance"."""
        ctx = self.ctx
        actors: list[Actor] = []
        for mention in ctx.mentions:
            if not sentence.start <= mention.start < sentence.end or mention.entity == ctx.focal:
                continue
            if is_place(ctx.text, mention, ctx.gazetteer, ctx.cues):
                continue
            if is_adversary(ctx.text, mention, sentence.start, ctx.cues):
                continue
            actors.append(Actor(mention.start, mention.end, mention.entity, None))
            parent = ctx.gazetteer.entities[mention.entity].parent
            if parent:  # a program's mention is a mention of its organization too
                name = ctx.text[mention.start : mention.end]
                actors.append(Actor(mention.start, mention.end, parent, name))
        for person in ctx.people:
            if sentence.start <= person.start < sentence.end and person.country not in (None, ctx.focal):
                surname = ctx.text[person.start : person.end]
                actors.append(Actor(person.start, person.end, person.country, surname))  # type: ignore[arg-type]
        for pattern, entity in self.references:
            for match in pattern.finditer(ctx.text, sentence.start, sentence.end):
                actors.append(Actor(match.start(), match.end(), entity, match.group()))
        return sorted(actors, key=lambda a: a.start)

    def _resolve_references(
        self, sentence: Sentence, actors: list[Actor], recent: list[Actor]
    ) -> list[Actor]:
        """Adds the country or organization that "the two countries" / "the bloc" points to."""
        ctx = self.ctx
        resolved = list(actors)
        for pattern, kinds in (
            (ctx.cues.country_reference, ("country",)),
            (ctx.cues.organization_reference, ("organization", "bloc")),
        ):
            for match in pattern.finditer(ctx.text, sentence.start, sentence.end):
                if any(m.start < match.end() and match.start() < m.end for m in ctx.mentions):
                    continue  # "the Organization" opening "the Organization for Security ..."
                before = recent + [a for a in actors if a.start < match.start()]
                candidates = [a.entity for a in before if ctx.gazetteer.entities[a.entity].kind in kinds]
                if candidates:
                    resolved.append(Actor(match.start(), match.end(), candidates[-1], match.group()))
        return sorted(resolved, key=lambda a: a.start)

    def walk(self, paragraphs: list[Paragraph], sentences: list[Sentence]) -> list[SentenceFindings]:
        ctx = self.ctx
        by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in sentences:
            by_paragraph[sentence.paragraph].append(sentence)
        findings: list[SentenceFindings] = []
        for paragraph in paragraphs:
            recent: list[Actor] = []  # actors named so far in this paragraph
            previous: SentenceFindings | None = None
            for sentence in by_paragraph[paragraph.index]:
                found = self._sentence(sentence, recent, previous)
                findings.append(found)
                previous = found
        return findings

    def _sentence(
        self, sentence: Sentence, recent: list[Actor], previous: SentenceFindings | None
    ) -> SentenceFindings:
        ctx = self.ctx
        found = SentenceFindings(sentence)
        actors = self._resolve_references(sentence, self._actors(sentence), recent)
        inside = [m for m in ctx.mentions if sentence.start <= m.start < sentence.end]
        hits = [  # a phrase inside a name ("Peace" in "Partnership for Peace") is no area
            h for h in ctx.taxonomy.hits(ctx.text, sentence.start, sentence.end)
            if not any(m.start <= h.start and h.end <= m.end for m in inside)
        ]
        found.areas = list(dict.fromkeys(h.area for h in hits))
        masked = _masked(ctx.text, sentence.start, sentence.end, inside)
        cooperative = bool(found.areas) or bool(ctx.cues.cooperation.search(masked))
        if cooperative:
            for actor in actors:
                known = found.partners.get(actor.entity, "absent")
                if actor.entity != ctx.focal and (known == "absent" or (known and actor.cue is None)):
                    found.partners[actor.entity] = actor.cue
            partner_actors = [a for a in actors if a.entity in found.partners]
            found.area_owners = attribute_areas(
                ctx.text, (sentence.start, sentence.end), hits, partner_actors, ctx.focal
            )
        if not found.partners and found.areas and previous and _named_partners(previous):
            found.partners = {entity: INHERITED_CUE for entity in previous.partners}
            found.area_owners = {area: list(found.partners) for area in found.areas}
        recent.extend(a for a in actors if a.entity != ctx.focal)
        for match in ctx.cues.tiers.finditer(masked):
            targets = found.partners or (previous.partners if previous else {})
            found.tiers.extend((entity, ctx.cues.tier_of(match)) for entity in targets)
        return found


def _named_partners(found: SentenceFindings) -> bool:
    """Whether the sentence found partners of its own (inheritance goes one sentence only)."""
    return any(cue != INHERITED_CUE for cue in found.partners.values())


def partner_passages(findings: list[SentenceFindings]) -> dict[str, list[PartnerPassage]]:
    """Partner id -> its passages (one per sentence), in reading order."""
    passages: dict[str, list[PartnerPassage]] = defaultdict(list)
    for found in findings:
        for entity, cue in found.partners.items():
            s = found.sentence
            areas = tuple(sorted(a for a, owners in found.area_owners.items() if entity in owners))
            passages[entity].append(PartnerPassage(s.start, s.end, areas, cue))
    return passages
