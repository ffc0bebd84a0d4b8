"""Cue phrases (resources/cues.toml): cooperation, adversaries, places, references, tiers, roles."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from multivector.core.patterns import compile_named, compile_phrases
from multivector.resources import resource_path


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns, built once per process."""

    cooperation: re.Pattern[str]
    adversary: re.Pattern[str]
    possessed: re.Pattern[str]
    negation: re.Pattern[str]
    location: frozenset[str]
    country_reference: re.Pattern[str]
    organization_reference: re.Pattern[str]
    tiers: re.Pattern[str]  # groups g0 primary, g1 secondary
    roles: tuple[str, ...]
    speech_verbs: tuple[str, ...]

    def tier_of(self, match: re.Match[str]) -> str:
        return "primary" if match.lastgroup == "g0" else "secondary"


@cache
def load_cues() -> Cues:
    with resource_path("cues.toml").open("rb") as handle:
        data = tomllib.load(handle)
    adversary = data["adversary"]
    return Cues(
        cooperation=compile_phrases(data["cooperation"]["phrases"]),
        adversary=compile_phrases(adversary["phrases"]),
        possessed=compile_phrases(adversary["possessed"]),
        negation=compile_phrases(adversary["negations"]),
        location=frozenset(data["location"]["prepositions"]),
        country_reference=compile_phrases(data["references"]["countries"]),
        organization_reference=compile_phrases(data["references"]["organizations"]),
        tiers=compile_named(
            {"primary": data["tiers"]["primary"], "secondary": data["tiers"]["secondary"]}
        ),
        roles=tuple(sorted(data["people"]["roles"], key=len, reverse=True)),
        speech_verbs=tuple(data["people"]["speech_verbs"]),
    )
