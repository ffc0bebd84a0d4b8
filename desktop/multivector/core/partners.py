"""Partners and cooperation areas, sentence by sentence, each passage with the reason it counts.

A sentence gives partners when it is about cooperation (a cue word or an area phrase) and names
an actor: a country, organization or bloc that is not the focal country, not a place and not an
adversary; or refers back to one ("the two countries", "the Alliance"); or names a person who acts
for one. A sentence that names an area and no partner inherits the partners of the sentence before.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

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
        self.references = {
            phrase: entity
            for phrase, entity in ctx.gazetteer.by_reference().items()
            if entity in self.named_anywhere
        }

    def _actors(self, sentence: Sentence) -> list[tuple[int, str, str | None]]:
        """(position, entity id, cue) for every actor the sentence names or points to."""
        ctx = self.ctx
        actors: list[tuple[int, str, str | None]] = []
        for mention in ctx.mentions:
            if not sentence.start <= mention.start < sentence.end or mention.entity == ctx.focal:
                continue
            if is_place(ctx.text, mention, ctx.gazetteer, ctx.cues):
                continue
            if is_adversary(ctx.text, mention, sentence.start, ctx.cues):
                continue
            actors.append((mention.start, mention.entity, None))
            parent = ctx.gazetteer.entities[mention.entity].parent
            if parent:
                actors.append((mention.start, parent, ctx.text[mention.start : mention.end]))
        for person in ctx.people:
            if sentence.start <= person.start < sentence.end and person.country not in (None, ctx.focal):
                surname = ctx.text[person.start : person.end]
                actors.append((person.start, person.country, surname))  # type: ignore[arg-type]
        for phrase, entity in self.references.items():
            position = ctx.text.find(phrase, sentence.start, sentence.end)
            if position >= 0:
                actors.append((position, entity, phrase))
        return sorted(actors, key=lambda a: a[0])

    def _resolve_references(
        self, sentence: Sentence, actors: list[tuple[int, str, str | None]], recent: list[tuple[int, str]]
    ) -> list[tuple[int, str, str | None]]:
        """Adds the country or organization that "the two countries" / "the bloc" points to."""
        ctx = self.ctx
        resolved = list(actors)
        for pattern, kinds in (
            (ctx.cues.country_reference, ("country",)),
            (ctx.cues.organization_reference, ("organization", "bloc")),
        ):
            for match in pattern.finditer(ctx.text, sentence.start, sentence.end):
                before = recent + [(p, e) for p, e, _ in actors if p < match.start()]
                candidates = [e for _, e in before if ctx.gazetteer.entities[e].kind in kinds]
                if candidates:
                    resolved.append((match.start(), candidates[-1], match.group()))
        return resolved

    def walk(self, paragraphs: list[Paragraph], sentences: list[Sentence]) -> list[SentenceFindings]:
        ctx = self.ctx
        by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in sentences:
            by_paragraph[sentence.paragraph].append(sentence)
        findings: list[SentenceFindings] = []
        for paragraph in paragraphs:
            recent: list[tuple[int, str]] = []  # actors named so far in this paragraph
            previous: SentenceFindings | None = None
            for sentence in by_paragraph[paragraph.index]:
                found = self._sentence(sentence, recent, previous)
                findings.append(found)
                previous = found
        return findings

    def _sentence(
        self, sentence: Sentence, recent: list[tuple[int, str]], previous: SentenceFindings | None
    ) -> SentenceFindings:
        ctx = self.ctx
        found = SentenceFindings(sentence)
        actors = self._resolve_references(sentence, self._actors(sentence), recent)
        inside = [m for m in ctx.mentions if sentence.start <= m.start < sentence.end]
        hits = [
            h for h in ctx.taxonomy.hits(ctx.text, sentence.start, sentence.end)
            if not any(m.start < h.end and h.start < m.end for m in inside)
        ]
        found.areas = list(dict.fromkeys(h.area for h in hits))
        masked = _masked(ctx.text, sentence.start, sentence.end, inside)
        cooperative = bool(found.areas) or bool(ctx.cues.cooperation.search(masked))
        if cooperative:
            for _, entity, cue in actors:
                if entity != ctx.focal and (entity not in found.partners or found.partners[entity] and cue is None):
                    found.partners[entity] = cue
        if not found.partners and found.areas and previous and previous.partners:
            found.partners = {entity: INHERITED_CUE for entity in previous.partners}
        recent.extend((p, e) for p, e, _ in actors if e != ctx.focal)
        for match in ctx.cues.tiers.finditer(masked):
            targets = found.partners or (previous.partners if previous else {})
            found.tiers.extend((entity, ctx.cues.tier_of(match)) for entity in targets)
        return found


def partner_passages(findings: list[SentenceFindings]) -> dict[str, list[PartnerPassage]]:
    """Partner id -> its passages (one per sentence), in reading order."""
    passages: dict[str, list[PartnerPassage]] = defaultdict(list)
    for found in findings:
        for entity, cue in found.partners.items():
            s = found.sentence
            passages[entity].append(PartnerPassage(s.start, s.end, tuple(sorted(found.areas)), cue))
    return passages
