"""Countries, organizations and blocs, and where the text names them.

Country names come from pycountry; resources/gazetteer/*.toml add display names, aliases,
demonyms, capitals, organizations with their members, and blocs. Matching is case-sensitive,
on whole words, longest name first.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from multivector.engine.knowledge import gazetteer_cache
from multivector.engine.knowledge.name_index import NameIndex
from multivector.resources import resource_path

NAME, DEMONYM, CAPITAL, ACRONYM = "name", "demonym", "capital", "acronym"
BESIDE_MEMBER = "beside member"  # a bloc's name only in a list beside one of its members
_BLOCKED = ""  # entity id of phrases that hold a name but name nothing ("South China Sea")


@dataclass(frozen=True)
class Entity:
    """Something the focal country can cooperate with (or be): a country, organization, bloc."""

    id: str
    name: str
    kind: str
    parent: str | None = None
    members: frozenset[str] = frozenset()
    reference: str | None = None  # "the Alliance": resolves to this entity when it is named


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names an entity, and how (name, demonym, capital, acronym)."""

    start: int
    end: int
    entity: str
    form: str


def _read_toml(name: str) -> dict[str, Any]:
    path = resource_path("gazetteer", name)
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _with_capitalized_article(surface: str) -> list[str]:
    """"the West" also starts sentences as "The West"."""
    if surface.startswith("the "):
        return [surface, "The " + surface[4:]]
    return [surface]


class Gazetteer:
    """All known entities and an index that finds their mentions."""

    def __init__(self, use_cache: bool = True) -> None:
        self.entities: dict[str, Entity] = {}
        self._surfaces: dict[str, tuple[str, str]] = {}
        self._references: dict[str, str] | None = None
        if use_cache:
            gazetteer_cache.use_pattern_cache()
        cached = gazetteer_cache.read_cached() if use_cache else None
        if cached is not None:
            self._restore(cached)
        else:
            self._load_countries()
            self._load_organizations()
            self._load_blocs()
            for phrase in _read_toml("blockers.toml").get("phrases", []):
                self._surfaces.setdefault(phrase, (_BLOCKED, NAME))
            if use_cache:
                gazetteer_cache.write_cached(self._as_data())
        self._index = NameIndex(self._surfaces.items())

    def _as_data(self) -> dict[str, object]:
        return {
            "entities": [
                [e.id, e.name, e.kind, e.parent, sorted(e.members), e.reference]
                for e in self.entities.values()
            ],
            "surfaces": [[surface, entity, form] for surface, (entity, form) in self._surfaces.items()],
        }

    def _restore(self, data: dict[str, list[list]]) -> None:  # type: ignore[type-arg]
        for eid, name, kind, parent, members, reference in data["entities"]:
            self.entities[eid] = Entity(eid, name, kind, parent, frozenset(members), reference)
        self._surfaces = {surface: (entity, form) for surface, entity, form in data["surfaces"]}

    def _add(self, entity_id: str, surface: str, form: str) -> None:
        for variant in _with_capitalized_article(surface.strip()):
            if variant and variant not in self._surfaces:
                self._surfaces[variant] = (entity_id, form)

    def _load_countries(self) -> None:
        import pycountry

        extra = _read_toml("countries.toml")
        for country in pycountry.countries:
            code = country.alpha_3
            data = extra.get(code, {})
            official = [getattr(country, "common_name", None), country.name,
                        getattr(country, "official_name", None)]
            display = data.get("display") or official[0] or country.name
            self.entities[code] = Entity(code, display, "country")
            for name in [display, *official, *data.get("aliases", [])]:
                if name and "," not in name:
                    self._add(code, name, ACRONYM if name.isupper() else NAME)
            for demonym in data.get("demonyms", []):
                self._add(code, demonym, DEMONYM)
            for capital in data.get("capitals", []):
                self._add(code, capital, CAPITAL)

    def _load_organizations(self) -> None:
        for org_id, data in _read_toml("organizations.toml").items():
            self.entities[org_id] = Entity(
                org_id,
                data.get("name", org_id),
                data.get("kind", "organization"),
                parent=data.get("parent") or None,
                members=frozenset(data.get("members", [])),
                reference=data.get("reference") or None,
            )
            for acronym in data.get("acronyms", []):
                self._add(org_id, acronym, ACRONYM)
            for name in [*data.get("full_names", []), *data.get("aliases", [])]:
                self._add(org_id, name, NAME)

    def _load_blocs(self) -> None:
        for bloc_id, data in _read_toml("blocs.toml").items():
            self.entities[bloc_id] = Entity(
                bloc_id, data.get("name", bloc_id), "bloc", members=frozenset(data.get("members", []))
            )
            for name in data.get("names", []):
                self._add(bloc_id, name, NAME)
            for adjective in data.get("adjectives", []):
                self._add(bloc_id, adjective, DEMONYM)
            for name in data.get("beside_members", []):
                self._add(bloc_id, name, BESIDE_MEMBER)

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every entity mention in text[start:end], in order, longest match at each place."""
        found = []
        for hit_start, hit_end, (entity_id, form) in self._index.find(text, start, end):  # type: ignore[misc]
            if entity_id != _BLOCKED:
                found.append(Mention(hit_start, hit_end, entity_id, form))
        return found

    def member_of(self, country: str) -> list[Entity]:
        """Organizations and blocs that list `country` among their members."""
        return [e for e in self.entities.values() if country in e.members]

    def by_reference(self) -> dict[str, str]:
        """Reference phrases ("the Alliance") to the entity each stands for."""
        if self._references is None:  # asked once per article: built once
            self._references = {e.reference: e.id for e in self.entities.values() if e.reference}
        return self._references


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer()
