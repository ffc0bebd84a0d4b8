"""Partners and cooperation areas, sentence by sentence, each passage with the reason it counts.

A sentence gives partners when it is about cooperation (a cue word or an area phrase) and names
an actor: a country, organization or bloc that is not the focal country, not a place and not an
adversary; or refers back to one ("the two countries", "the Alliance"); or names a person who acts
for one. A sentence that names an area and no partner inherits the partners of the sentence before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from multivector.engine.knowledge.cues import Cues
from multivector.engine.knowledge.gazetteer import BESIDE_MEMBER, Gazetteer, Mention
from multivector.engine.knowledge.taxonomy import AreaHit, Taxonomy
from multivector.engine.partners import references, relations
from multivector.engine.partners.attribution import Actor, attribute_areas
from multivector.engine.partners.mentions import (
    AdversaryCues,
    is_place,
    list_head,
    names_armed_group,
    not_an_actor,
)
from multivector.engine.partners.people import PersonMention
from multivector.engine.text.clauses import clause_bounds
from multivector.model.analysis import Paragraph, PartnerPassage, Sentence, Span

INHERITED_CUE = "the sentence before"
_LOOK_BACK = 40  # actors of earlier paragraphs a reference may reach


@dataclass
class SentenceFindings:
    """What one sentence contributes: partners (id -> cue or None) and the areas it names."""

    sentence: Sentence
    partners: dict[str, str | None] = field(default_factory=dict)
    areas: list[str] = field(default_factory=list)
    area_owners: dict[str, list[str]] = field(default_factory=dict)  # area -> partner ids
    named: list[str] = field(default_factory=list)  # actors named directly, partners or not
    tiers: list[tuple[str, str]] = field(default_factory=list)  # (partner id, tier)
    cooperative: bool = False  # it has a cooperation cue or names an area
    listed: bool = False  # a line holding one name only, which goes on the list above it


@dataclass(frozen=True)
class Context:
    """Everything the sentence walk reads."""

    text: str
    low: str  # patterns.lowered(text): what cue and area patterns run over
    gazetteer: Gazetteer
    cues: Cues
    taxonomy: Taxonomy
    focal: str | None
    mentions: list[Mention]
    people: tuple[PersonMention, ...]


def _first(item: tuple) -> int:  # type: ignore[type-arg]
    return item[0]


def _capitalizable(phrase: str) -> str:
    escaped = re.escape(phrase)
    return f"[{phrase[0].upper()}{phrase[0].lower()}]{escaped[1:]}" if phrase[:1].isalpha() else escaped


_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:the\s+)?")


def _beside_member(ctx: Context, inside: list[Mention], index: int) -> bool:
    """Whether a list item next to mention `index` names a member of its bloc ("the USA or
    Europe")."""
    members = ctx.gazetteer.entities[inside[index].entity].members
    mention = inside[index]
    for other in (inside[index - 1] if index else None, inside[index + 1] if index + 1 < len(inside) else None):
        if other is None or other.entity not in members:
            continue
        gap = (other.end, mention.start) if other.start < mention.start else (mention.end, other.start)
        if _LIST_JOIN.fullmatch(ctx.text, *gap):
            return True
    return False


class _Index:
    """Items with a start offset, sorted, so a sentence takes its own with two bisections."""

    def __init__(self, items: list, key: Callable[[object], int] = lambda item: item.start) -> None:  # type: ignore[attr-defined]
        self.items = sorted(items, key=key)
        self.starts = [key(item) for item in self.items]

    def within(self, start: int, end: int) -> list:
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


class PartnerWalk:
    """Walks the sentences of each paragraph in order, keeping what references resolve to.

    Every pattern runs once over the whole text; each sentence then takes its share, which
    keeps the walk linear in the length of the article.
    """

    def __init__(
        self, ctx: Context, found: dict[str, list[tuple[int, int]]], area_hits: list[AreaHit],
        adversary: AdversaryCues,
    ) -> None:
        self.ctx = ctx
        named_anywhere = {m.entity for m in ctx.mentions}
        self.mentions = _Index(ctx.mentions)
        self.people = _Index(list(ctx.people))
        self.area_hits = _Index(area_hits)
        self.adversary = adversary
        # Cue words inside a name ("Cooperation" in the OSCE's) or in "trading partner" don't count.
        blocked = _Index([Span(m.start, m.end) for m in ctx.mentions]
                         + [Span(a, b) for a, b in found["not_security"]])
        def free(span: tuple[int, int]) -> bool:
            return not any(b.start < span[1] and span[0] < b.end for b in blocked.within(span[0] - 80, span[1]))
        self.cooperation = _Index([x for x in found["cooperation"] if free(x)], key=_first)
        self.membership = _Index([x for x in found["membership"] if free(x)], key=_first)
        self.country_references = _Index(found["country_reference"], key=_first)
        self.not_actor_heads = found["not_actor"]
        self.enemies: set[str] = set()
        self._heads: dict[int, int] = {}  # mention start -> where its list begins
        self.threats = _Index(found["threat_marker"], key=_first)
        self.tiers = _Index(
            [(a, b, tier) for tier in ("primary", "secondary") for a, b in found[tier] if free((a, b))],
            key=_first,
        )
        # "the Organization" opening "the Organization for Security ..." is a name, no reference;
        # "our partnership" looks no further back than its paragraph
        self.references = _Index(
            [(a, b, kinds, name != "own_reference")
             for name, kinds in (("country_reference", ("country",)), ("own_reference", ("country",)),
                                 ("organization_reference", ("organization", "bloc")))
             for a, b in found[name] if not self.mentions.within(a, b)
             and not any(x.start < b and a < x.end for x in self.mentions.within(a - 80, a))],
            key=_first,
        )
        # "the Alliance" means NATO only in a text that names NATO; "The Alliance" starts sentences.
        self.named_references = _Index(
            [
                (match, entity)
                for phrase, entity in ctx.gazetteer.by_reference().items()
                if entity in named_anywhere
                for match in re.finditer(rf"(?<!\w){_capitalizable(phrase)}(?!\w)", ctx.text)
            ],
            key=lambda item: item[0].start(),
        )

    def _head(self, mention: Mention) -> int:
        head = self._heads.get(mention.start)
        if head is None:
            head = self._heads[mention.start] = list_head(self.ctx.text, mention)
        return head

    def _actors(self, sentence: Sentence) -> list[Actor]:
        """Every actor the sentence names, or points to through a person or "the Alliance"."""
        ctx = self.ctx
        actors: list[Actor] = []
        inside = self.mentions.within(sentence.start, sentence.end)
        for index, mention in enumerate(inside):
            if mention.entity == ctx.focal:
                continue
            head = self._head(mention)
            if is_place(ctx.text, mention, ctx.gazetteer, ctx.cues, head):
                continue
            if mention.form == BESIDE_MEMBER and not _beside_member(ctx, inside, index):
                continue
            if not_an_actor(ctx.low, head, self.not_actor_heads):
                continue
            if names_armed_group(ctx.text, mention, ctx.cues):
                continue
            if self.adversary.is_adversary(mention, sentence.start):
                continue
            actors.append(Actor(mention.start, mention.end, mention.entity, None))
            parent = ctx.gazetteer.entities[mention.entity].parent
            if parent:  # a program's mention is a mention of its organization too
                name = ctx.text[mention.start : mention.end]
                actors.append(Actor(mention.start, mention.end, parent, name))
        for person in self.people.within(sentence.start, sentence.end):
            if person.country not in (None, ctx.focal):
                surname = ctx.text[person.start : person.end]
                actors.append(Actor(person.start, person.end, person.country, surname))
        for match, entity in self.named_references.within(sentence.start, sentence.end):
            actors.append(Actor(match.start(), match.end(), entity, match.group()))
        return sorted(actors, key=lambda a: a.start)

    def _resolve_references(
        self, sentence: Sentence, actors: list[Actor], recent: list[Actor], earlier: list[Actor]
    ) -> list[Actor]:
        """Adds the countries or organization that "the two countries" / "the bloc" points to."""
        ctx = self.ctx
        resolved = list(actors)
        for ref_start, ref_end, kinds, looks_back in self.references.within(sentence.start, sentence.end):
            phrase = ctx.text[ref_start:ref_end]
            before = recent + [a for a in actors if a.start < ref_start]
            further = earlier if looks_back else []
            for entity in references.resolve(phrase, kinds, before, further, ctx.gazetteer):
                resolved.append(Actor(ref_start, ref_end, entity, phrase))
        return sorted(resolved, key=lambda a: a.start)

    def walk(self, paragraphs: list[Paragraph], sentences: list[Sentence]) -> list[SentenceFindings]:
        by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in sentences:
            by_paragraph[sentence.paragraph].append(sentence)
        self.enemies = relations.enemies(
            self.mentions.items, sentences, self.ctx.focal,
            lambda m, start: self.adversary.is_enemy(m, start, self._head),
        )
        findings: list[SentenceFindings] = []
        earlier: list[Actor] = []
        recent: list[Actor] = []
        for paragraph in paragraphs:
            # the last actors named before this paragraph (past headings such as "AUKUS"), and
            # those named so far in this one
            earlier, recent = (earlier + recent)[-_LOOK_BACK:], []
            hostile: set[str] = set()  # named as "the main threat" earlier in this paragraph
            previous: SentenceFindings | None = None
            for sentence in by_paragraph[paragraph.index]:
                line_before = findings[-1] if findings else None
                found = self._sentence(sentence, recent, earlier, previous, hostile, line_before)
                findings.append(found)
                previous = found
        return findings

    def _name_only_line(self, sentence: Sentence, actors: list[Actor]) -> bool:
        """A line that holds one name and nothing else ("Czech Republic", "- United States")."""
        text = self.ctx.text
        if sentence.start > 0 and text[sentence.start - 1] != "\n":
            return False
        if not text.startswith("\n", sentence.end) and sentence.end < len(text):
            return False
        direct = [a for a in actors if a.cue is None]
        if len({(a.start, a.end) for a in direct}) != 1:
            return False
        line = text[sentence.start : sentence.end]
        name = text[direct[0].start : direct[0].end]
        return line.strip(" \t-•*·,;.") == name

    def _sentence(
        self, sentence: Sentence, recent: list[Actor], earlier: list[Actor],
        previous: SentenceFindings | None, hostile: set[str], line_before: SentenceFindings | None,
    ) -> SentenceFindings:
        ctx = self.ctx
        found = SentenceFindings(sentence)
        clauses = clause_bounds(ctx.text, sentence.start, sentence.end)
        actors = self._resolve_references(sentence, self._actors(sentence), recent, earlier)
        for threat_start, _ in self.threats.within(sentence.start, sentence.end):
            # the countries named in the marker's own clause ("..., while Russia remains its
            # main ally" is another clause)
            clause = next(c for c in clauses if c[0] <= threat_start < c[1])
            hostile.update(a.entity for a in actors if a.cue is None and clause[0] <= a.start < clause[1])
        actors = [a for a in actors if a.entity not in hostile and a.entity not in self.enemies]
        inside = self.mentions.within(sentence.start, sentence.end)
        focal_at = (  # where the sentence names or points to the focal country
            [m.start for m in inside if m.entity == ctx.focal]
            + [p.start for p in self.people.within(sentence.start, sentence.end) if p.country == ctx.focal]
            + [start for start, _ in self.country_references.within(sentence.start, sentence.end)]
        )
        theirs = relations.others_relation(ctx.text, sentence, inside, ctx.focal, focal_at, ctx.gazetteer)
        if theirs is not None:
            actors = [a for a in actors if not theirs[0] <= a.start < theirs[1]]
        hits = [  # a phrase inside a name ("Peace" in "Partnership for Peace") is no area
            h for h in self.area_hits.within(sentence.start, sentence.end)
            if h.end <= sentence.end and not any(m.start <= h.start and h.end <= m.end for m in inside)
        ]
        found.areas = list(dict.fromkeys(h.area for h in hits))
        cooperative = bool(found.areas) or bool(self.cooperation.within(sentence.start, sentence.end))
        if (not cooperative and line_before is not None
                and (line_before.cooperative or line_before.listed)
                and self._name_only_line(sentence, actors)):
            # an infobox list flattened one name a line: "Foreign suppliers Australia" then
            # "Czech Republic", "South Africa", ... each line goes on the list of the line above
            cooperative = found.listed = True
        found.cooperative = cooperative
        if not cooperative and focal_at and self.membership.within(sentence.start, sentence.end):
            # the organizations the focal country belongs to, joins or helped found
            actors = [a for a in actors if ctx.gazetteer.entities[a.entity].kind == "organization"]
            cooperative = True
        if cooperative:
            for actor in actors:
                known = found.partners.get(actor.entity, "absent")
                if actor.entity != ctx.focal and (known == "absent" or (known and actor.cue is None)):
                    found.partners[actor.entity] = actor.cue
            partner_actors = [a for a in actors if a.entity in found.partners]
            found.area_owners = attribute_areas(
                ctx.text, (sentence.start, sentence.end), hits, partner_actors, ctx.focal, clauses
            )
        found.named = list(dict.fromkeys(a.entity for a in actors if a.cue is None and a.entity != ctx.focal))
        # An area sentence with no partner takes those of the sentence before; when that one
        # named actors without a cooperation word and this one has such a word ("X met
        # Romania's minister. The ministers signed a cooperation plan on training"), it takes
        # the actors named there.
        talks_cooperation = bool(self.cooperation.within(sentence.start, sentence.end))
        inherited = previous and (
            [e for e, cue in previous.partners.items() if cue != INHERITED_CUE] or
            ([] if previous.partners or not talks_cooperation else previous.named)
        )
        if not found.partners and found.areas and inherited:
            found.partners = dict.fromkeys(inherited, INHERITED_CUE)
            found.area_owners = {area: list(found.partners) for area in found.areas}
        recent.extend(a for a in actors if a.entity != ctx.focal)
        for cue_start, _end, tier in self.tiers.within(sentence.start, sentence.end):
            if not found.partners:  # "This, however, is predicated on a secondary basis."
                targets = list(previous.partners) if previous else []
            else:
                # The partners of the cue's own clause, else of the clause before it ("with NATO,
                # but only in specific areas"); "rely first and foremost on its own capabilities,
                # but it will also cooperate with Moscow" sets no tier for Moscow.
                index = next((i for i, c in enumerate(clauses) if c[0] <= cue_start < c[1]), 0)
                targets = []
                for clause in (clauses[index], clauses[index - 1] if index > 0 else None):
                    if clause is not None and not targets:
                        targets = [a.entity for a in actors
                                   if a.entity in found.partners and clause[0] <= a.start < clause[1]]
            found.tiers.extend((entity, tier) for entity in dict.fromkeys(targets))
        return found


def partner_passages(findings: list[SentenceFindings]) -> dict[str, list[PartnerPassage]]:
    """Partner id -> its passages (one per sentence), in reading order."""
    passages: dict[str, list[PartnerPassage]] = defaultdict(list)
    for found in findings:
        for entity, cue in found.partners.items():
            s = found.sentence
            areas = tuple(sorted(a for a, owners in found.area_owners.items() if entity in owners))
            passages[entity].append(PartnerPassage(s.start, s.end, areas, cue))
    return passages
