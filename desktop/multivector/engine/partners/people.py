"""People with their roles and countries, quotations with their speakers, and cited sources."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from multivector.engine.knowledge.cues import Cues
from multivector.engine.knowledge.gazetteer import CAPITAL, Gazetteer
from multivector.engine.text.compiled import compiled
from multivector.engine.text.patterns import literal_trie_regex, lowered
from multivector.model.analysis import Person, Quote, Sentence, Source, Span

# Names are written in every Latin script: "Nosatîi", "Dîncu", "Łukasz", "Özdemir".
_UPPER = "".join(sorted({ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper() and ch.isalpha()}))
_LOWER = "".join(sorted({ch for ch in map(chr, range(0x61, 0x250)) if ch.islower() and ch.isalpha()}))
_TOKEN = rf"[{_UPPER}][{_LOWER}]+(?:[-’'][{_UPPER}]?[{_LOWER}]+)?"
_NAME = rf"{_TOKEN}(?:\s+(?:[A-Z]\.\s+)?{_TOKEN}){{1,3}}"
_OWNER = r"(?:(?P<owner>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)(?:’s|'s)\s+)?"
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_SOURCE = re.compile(
    rf"\((?P<name>[A-Z][^()]{{1,80}}?),\s*(?P<date>(?:{MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{MONTHS})\.?(?:\s+\d{{4}})?|(?:{MONTHS})\.?\s+\d{{4}}|\d{{4}})\)"
)
_QUOTE = re.compile(r"“(?P<a>[^“”]{12,}?)”|\"(?P<b>[^\"\n]{12,}?)\"")
_ACCORDING = re.compile(r"according to (?P<who>(?:the )?[^,.;“”\"()]{3,80}?)(?=[,.;(]|$)", re.I)
_PRONOUN = re.compile(r"^(?:he|she|they)$", re.I)


@dataclass(frozen=True)
class PersonMention:
    """A place where a known person is named, and the country they act for."""

    start: int
    end: int
    person: str
    country: str | None


@dataclass(frozen=True)
class PeopleResult:
    """People, where each is named, quotations and sources."""

    people: tuple[Person, ...]
    mentions: tuple[PersonMention, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]


def _country_of(owner: str | None, gazetteer: Gazetteer) -> str | None:
    if not owner:
        return None
    for mention in gazetteer.mentions(owner):
        if gazetteer.entities[mention.entity].kind == "country":
            return mention.entity
    return None


def _valid_name(name: str, not_name_words: frozenset[str]) -> bool:
    tokens = name.split()
    return len(tokens) >= 2 and not any(t in not_name_words for t in tokens)


def _role_patterns(role_list: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    roles = "|".join(re.escape(r) for r in role_list)
    # "Defense Minister Daniyal Akhmetov", "the Minister of National Defence, Vasile Dîncu"
    before = compiled(rf"{_OWNER}(?P<role>{roles}),?\s+(?P<name>{_NAME})")
    after = compiled(
        rf"(?P<name>{_NAME}),\s+(?:the\s+|a\s+)?{_OWNER}"
        rf"(?P<role>(?i:{roles})(?:[ \-][^,.;()“”]{{0,60}})?)(?=[,.;)])"
    )
    return before, after


@cache
def _role_words(roles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{literal_trie_regex(r.lower() for r in roles)})")


@cache
def _role_patterns_cached(roles: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _role_patterns(roles)


def _find_people(text: str, start: int, gazetteer: Gazetteer, cues: Cues) -> dict[str, tuple[str | None, str | None]]:
    """Name -> (role, country) from "Role Name" and "Name, Country's role" phrases.

    The two patterns are slow over a whole text, so they run only on the lines around the
    places a role word appears."""
    found: dict[str, tuple[str | None, str | None]] = {}
    before, after = _role_patterns_cached(tuple(cues.roles))
    role_words = _role_words(tuple(cues.roles))
    windows: list[tuple[int, int]] = []
    for hit in role_words.finditer(lowered(text), start):
        window = (max(start, hit.start() - 120), min(len(text), hit.end() + 80))
        if windows and window[0] <= windows[-1][1]:
            windows[-1] = (windows[-1][0], window[1])
        else:
            windows.append(window)
    for pattern in (after, before):
        for window_start, window_end in windows:
            for match in pattern.finditer(text, window_start, window_end):
                _note_person(text, match, gazetteer, cues.not_name_words, found, cues.national_roles)
    return found


def _note_person(
    text: str, match: re.Match[str], gazetteer: Gazetteer, not_name_words: frozenset[str],
    found: dict[str, tuple[str | None, str | None]], national_roles: tuple[tuple[str, str], ...] = (),
) -> None:
    name = match.group("name")
    # "Aden Bare Duale" holds a capital and is still a name; "Spain Foreign" is none
    if not _valid_name(name, not_name_words) or any(m.form != CAPITAL for m in gazetteer.mentions(name)):
        return
    role: str | None = match.group("role").strip()
    if role and role.rstrip(".") in {"Mr", "Mrs", "Ms", "Dr"}:
        role = None
    # "Spain's foreign minister", or a demonym just before the title ("Russian Defense
    # Minister ..."); who an official of no stated country works for is settled later.
    # (in the same sentence: "... with the United States. Defense Minister X" is not American)
    preceding = re.split(r"[.!?;:]\s", text[max(0, match.start() - 30) : match.start()])[-1].split()[-2:]
    country = _country_of(match.group("owner"), gazetteer) or _country_of(" ".join(preceding), gazetteer)
    if country is None and role:
        # a title only one government gives ("Secretary of Defense") says whose official it is
        country = dict(national_roles).get(role)
    found.setdefault(name, (role, country))


def _stated_countries(
    names: dict[str, tuple[str | None, str | None]], mentions: list[PersonMention],
    sentence_of: Callable[[int], Sentence | None], focal: str | None, counterpart: str | None,
) -> dict[str, tuple[str | None, str | None]]:
    """Every person with a country. An official of no stated country is the focal country's,
    unless first named beside an official the text marks as the focal country's: then they sit
    on the other side of the table, the text's main counterpart ("Secretary of Defense Lloyd J.
    Austin III ... during a meeting with Kenyan Defense Minister Aden Bare Duale"; "Defense
    Secretary Dr. Mark T. Esper and Morocco's Minister of Foreign Affairs Nasser Bourita signed";
    "Secretary of Defense James Mattis held separate meetings with ROK Minister ... Yun")."""
    first: dict[str, int] = {}
    for mention in mentions:
        first.setdefault(mention.person, mention.start)
    marked_focal: set[int] = set()  # sentences naming an official stated to be the focal country's
    for name, (_, country) in names.items():
        sentence = sentence_of(first.get(name, -1))
        if country == focal and sentence is not None:
            marked_focal.add(sentence.start)
    result = {}
    for name, (role, country) in names.items():
        if country is None:
            sentence = sentence_of(first.get(name, -1))
            beside_focal = sentence is not None and sentence.start in marked_focal
            country = counterpart if beside_focal and counterpart else focal
        result[name] = (role, country)
    return result


def _person_mentions(text: str, start: int, names: dict[str, tuple[str | None, str | None]]) -> list[PersonMention]:
    """Every place a person is named in full or by surname, in one pass over the text."""
    if not names:
        return []
    by_form: dict[str, str] = {}
    for name in names:
        by_form.setdefault(name, name)
        by_form.setdefault(name.split()[-1], name)
    forms = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w\-])(?:{forms})(?![\w\-])")
    result = []
    for match in pattern.finditer(text, start):
        person = by_form[match.group()]
        result.append(PersonMention(match.start(), match.end(), person, names[person][1]))
    return result


def _speaker(text: str, quote: re.Match[str], sentence_start: int, mentions: list[PersonMention], cues: Cues) -> str | None:
    verbs = "|".join(cues.speech_verbs)
    tail = text[quote.end() : quote.end() + 120]
    said = re.match(rf"\s*,?\s*(?P<who>he|she|they|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)\s+(?:{verbs})\b", tail)
    earlier = [m for m in mentions if m.end <= quote.start()]
    if said:
        who = said.group("who")
        if _PRONOUN.match(who):
            # "he said": the subject of the sentence the quotation opens in, usually named first
            in_sentence = [m for m in earlier if m.start >= sentence_start]
            chosen = in_sentence[0] if in_sentence else earlier[-1] if earlier else None
            return chosen.person if chosen else None
        known = next((m.person for m in mentions if m.person.endswith(who.split()[-1])), None)
        return known or who
    according = _ACCORDING.match(tail.lstrip(" ,")) or None
    head = text[sentence_start : quote.start()]
    if according is None:
        according = next(iter(reversed(list(_ACCORDING.finditer(head)))), None)
    if according:
        return according.group("who").strip()
    intro = re.search(rf"(?P<who>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)\s+(?:{verbs})\s*[:,]?\s*$", head)
    if intro:
        who = intro.group("who")
        return next((m.person for m in mentions if m.person.endswith(who.split()[-1])), who)
    # "President X signed a decree calling for “...”": the person the sentence opens with
    opener = next((m for m in mentions if sentence_start <= m.start < quote.start()), None)
    return opener.person if opener else None


def extract_people(
    text: str, body_start: int, sentences: list[Sentence], gazetteer: Gazetteer, cues: Cues,
    focal: str | None, counterpart: str | None = None,
) -> PeopleResult:
    """People, their mentions, quotations with speakers, and sources cited in parentheses.
    `counterpart` is the country the text names most after the focal one."""
    sentence_starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> Sentence | None:
        index = bisect_right(sentence_starts, offset) - 1
        return sentences[index] if index >= 0 and offset < sentences[index].end else None

    names = _find_people(text, body_start, gazetteer, cues)
    mentions = _person_mentions(text, body_start, names)
    names = _stated_countries(names, mentions, sentence_of, focal, counterpart)
    mentions = [m if m.country == names[m.person][1] else replace(m, country=names[m.person][1])
                for m in mentions]

    spans: dict[str, dict[int, Span]] = {name: {} for name in names}
    for mention in mentions:
        sentence = sentence_of(mention.start)
        if sentence is not None:
            spans[mention.person][sentence.start] = Span(sentence.start, sentence.end)
    people = [
        Person(name, role, country, tuple(spans[name][k] for k in sorted(spans[name])))
        for name, (role, country) in names.items()
    ]
    mention_ends = [m.end for m in mentions]  # mentions are in reading order
    quotes = []
    for match in _QUOTE.finditer(text, body_start):
        inner = match.group("a") or match.group("b") or ""
        if len(inner.split()) < 4:
            continue  # a scare-quoted term ("multi-vectored"), not a quotation
        sentence = sentence_of(match.start())
        sentence_start = sentence.start if sentence else match.start()
        # the speaker is found among the last few people named before the quotation
        upto = bisect_right(mention_ends, match.start())
        nearby = mentions[max(0, upto - 20) : upto] + mentions[upto : upto + 10]
        quotes.append(Quote(_speaker(text, match, sentence_start, nearby, cues), match.start(), match.end()))
    sources = [
        Source(m.group("name").strip(), m.group("date"), m.start(), m.end())
        for m in _SOURCE.finditer(text, body_start)
    ]
    return PeopleResult(tuple(people), tuple(mentions), tuple(quotes), tuple(sources))
