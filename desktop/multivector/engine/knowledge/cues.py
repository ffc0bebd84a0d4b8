"""Cue phrases (resources/cues.toml): cooperation, adversaries, places, references, tiers, roles."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from multivector.engine.text.patterns import PhrasePattern, compile_phrases
from multivector.engine.text.phrase_sets import PhraseSets
from multivector.resources import resource_path

# The sets found together in one pass over an article (PhraseSets.scan), by name.
SET_NAMES = (
    "cooperation", "membership", "not_security", "primary", "secondary", "country_reference",
    "organization_reference", "own_reference", "not_actor", "adversary", "negation", "threat_marker",
    "possessed", "hostile_after",
)


@dataclass(frozen=True)
class Cues:
    """Cue phrases and words, built once per process. Patterns run over `patterns.lowered(text)`."""

    sets: PhraseSets  # SET_NAMES, for finding all of them in one pass
    location: frozenset[str]
    deployment: frozenset[str]
    place_words: frozenset[str]
    study_verbs: frozenset[str]
    event_nouns: frozenset[str]  # "the Brussels Summit": a capital naming a meeting
    topic_nouns: frozenset[str]  # "cooperation on Afghanistan": the country is a topic
    armed_groups: frozenset[str]  # "Afghan insurgents": a demonym naming an armed group
    roles: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    not_name_words: frozenset[str]
    national_roles: tuple[tuple[str, str], ...] = ()  # (title, ISO3): "Secretary of Defense"


@cache
def load_cues() -> Cues:
    with resource_path("cues.toml").open("rb") as handle:
        data = tomllib.load(handle)
    adversary = data["adversary"]
    sets = PhraseSets({
        "cooperation": data["cooperation"]["phrases"],
        "membership": data["cooperation"]["membership"],
        # neither trade ties nor ties said to suffer are security cooperation
        "not_security": data["cooperation"]["not_security"] + data["cooperation"]["broken_relations"],
        "primary": data["tiers"]["primary"],
        "secondary": data["tiers"]["secondary"],
        "country_reference": data["references"]["countries"],
        "organization_reference": data["references"]["organizations"],
        "own_reference": data["references"]["own_partnership"],
        "not_actor": data["location"]["not_actor_after"],
        "adversary": adversary["phrases"],
        "negation": adversary["negations"],
        "threat_marker": adversary["threat_markers"],
        "possessed": adversary["possessed"],  # "X's invasion": the noun after a mention
        "hostile_after": adversary["following"],  # "relations with X remain hostile"
    })
    assert tuple(sets.names) == SET_NAMES
    return Cues(
        sets=sets,
        location=frozenset(data["location"]["prepositions"]),
        deployment=frozenset(data["location"]["deployment_verbs"]),
        place_words=frozenset(data["location"]["place_words"]),
        study_verbs=frozenset(data["location"]["study_verbs"]),
        event_nouns=frozenset(data["location"]["event_nouns"]),
        topic_nouns=frozenset(data["location"]["topic_nouns"]),
        armed_groups=frozenset(data["location"]["armed_groups"]),
        roles=tuple(sorted(data["people"]["roles"], key=len, reverse=True)),
        speech_verbs=tuple(data["people"]["speech_verbs"]),
        not_name_words=frozenset(data["people"]["not_name_words"]),
        national_roles=tuple(data["people"].get("national_roles", {}).items()),
    )
