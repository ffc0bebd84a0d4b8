"""Cue phrases (resources/cues.toml): cooperation, adversaries, places, references, tiers, roles."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from multivector.core.patterns import PhrasePattern, compile_named, compile_phrases, group_name
from multivector.resources import resource_path


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns (run them over `patterns.lowered(text)`), built once per process."""

    cooperation: PhrasePattern
    not_security: PhrasePattern
    adversary: PhrasePattern
    possessed: PhrasePattern
    negation: PhrasePattern
    following: PhrasePattern
    location: frozenset[str]
    deployment: frozenset[str]
    place_words: frozenset[str]
    country_reference: PhrasePattern
    organization_reference: PhrasePattern
    tiers: PhrasePattern  # group names in tier_names
    tier_names: list[str]
    roles: tuple[str, ...]
    speech_verbs: tuple[str, ...]

    def tier_of(self, match: re.Match[str]) -> str:
        return group_name(match, self.tier_names)


@cache
def load_cues() -> Cues:
    with resource_path("cues.toml").open("rb") as handle:
        data = tomllib.load(handle)
    adversary = data["adversary"]
    tiers, tier_names = compile_named(
        {"primary": data["tiers"]["primary"], "secondary": data["tiers"]["secondary"]}
    )
    return Cues(
        cooperation=compile_phrases(data["cooperation"]["phrases"]),
        not_security=compile_phrases(data["cooperation"]["not_security"]),
        adversary=compile_phrases(adversary["phrases"]),
        possessed=compile_phrases(adversary["possessed"]),
        negation=compile_phrases(adversary["negations"]),
        following=compile_phrases(adversary["following"]),
        location=frozenset(data["location"]["prepositions"]),
        deployment=frozenset(data["location"]["deployment_verbs"]),
        place_words=frozenset(data["location"]["place_words"]),
        country_reference=compile_phrases(data["references"]["countries"]),
        organization_reference=compile_phrases(data["references"]["organizations"]),
        tiers=tiers,
        tier_names=tier_names,
        roles=tuple(sorted(data["people"]["roles"], key=len, reverse=True)),
        speech_verbs=tuple(data["people"]["speech_verbs"]),
    )
