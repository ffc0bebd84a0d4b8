"""The gazetteer data files (countries, organizations, blocs) are complete and consistent.

These tests read the TOML directly (tomllib + pycountry), not through the engine, so that a bad
edit by a domain expert is caught with a message that names the entry to fix.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from typing import Any

import pycountry
import pytest

from multivector.resources import resource_path

ALPHA3 = {country.alpha_3 for country in pycountry.countries}

# Entries allowed an empty capitals list: no capital at all, or a city-state or territory whose
# capital bears the same name as the country (listing it again would add nothing).
NO_SEPARATE_CAPITAL = {"ATA", "BVT", "HMD", "UMI", "TKL", "GIB", "HKG", "MAC", "MCO", "SGP"}

# Organizations whose id is a name of our own rather than an acronym used in texts.
OWN_CODES = {"ArabLeague", "CoE", "Quad", "WarsawPact", "WorldBank"}

COUNTRY_FIELDS = {"display": str, "aliases": list, "demonyms": list, "capitals": list}
ORG_FIELDS = {
    "name": str, "kind": str, "full_names": list, "acronyms": list, "aliases": list,
    "reference": str, "parent": str, "members": list,
}
BLOC_FIELDS = {"name": str, "names": list, "adjectives": list, "members": list, "beside_members": list}


def _load(name: str) -> dict[str, Any]:
    with resource_path("gazetteer", name).open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def countries() -> dict[str, Any]:
    return _load("countries.toml")


@pytest.fixture(scope="module")
def organizations() -> dict[str, Any]:
    return _load("organizations.toml")


@pytest.fixture(scope="module")
def blocs() -> dict[str, Any]:
    return _load("blocs.toml")


@pytest.fixture(scope="module")
def blockers() -> list[str]:
    return _load("blockers.toml")["phrases"]


def _country_strings(entry: dict[str, Any]) -> list[str]:
    return [entry["display"], *entry["aliases"], *entry["demonyms"], *entry["capitals"]]


def _org_strings(entry: dict[str, Any]) -> list[str]:
    return [*entry["full_names"], *entry["acronyms"], *entry["aliases"]]


def _assert_shape(table: dict[str, Any], fields: dict[str, type], where: str) -> None:
    assert set(table) == set(fields), f"{where}: fields {sorted(table)}"
    for field, kind in fields.items():
        assert isinstance(table[field], kind), f"{where}.{field} is not a {kind.__name__}"
        if kind is list:
            assert all(isinstance(item, str) and item.strip() == item and item
                       for item in table[field]), f"{where}.{field} has a blank or padded string"
            assert len(set(table[field])) == len(table[field]), f"{where}.{field} repeats a value"


# --- countries.toml -----------------------------------------------------------------------


def test_every_pycountry_country_has_an_entry_and_no_other_key_exists(
    countries: dict[str, Any],
) -> None:
    assert set(countries) - ALPHA3 == set(), "keys that are not ISO alpha-3 codes"
    assert ALPHA3 - set(countries) == set(), "pycountry countries without an entry"
    assert len(countries) == len(ALPHA3) == 249


def test_every_country_entry_has_the_four_fields_and_a_display_name(
    countries: dict[str, Any],
) -> None:
    for code, entry in countries.items():
        _assert_shape(entry, COUNTRY_FIELDS, code)
        assert entry["display"].strip(), f"{code} has an empty display name"


def test_every_country_has_a_capital_unless_it_truly_has_no_separate_one(
    countries: dict[str, Any],
) -> None:
    without = {code for code, entry in countries.items() if not entry["capitals"]}
    assert without == NO_SEPARATE_CAPITAL


def test_no_string_names_two_countries(countries: dict[str, Any]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for code, entry in countries.items():
        for surface in _country_strings(entry):
            owners[surface].add(code)
    shared = {surface: sorted(codes) for surface, codes in owners.items() if len(codes) > 1}
    assert shared == {}


def test_no_alias_is_another_countrys_pycountry_name(countries: dict[str, Any]) -> None:
    official: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                official[value] = country.alpha_3
    clashes = [
        (code, surface, official[surface])
        for code, entry in countries.items()
        for surface in _country_strings(entry)
        if official.get(surface, code) != code
    ]
    assert clashes == []


@pytest.mark.parametrize("ambiguous", ["Congo", "Congolese", "Korea", "Korean", "Koreans", "Arab",
                                       "Dominican", "Arabs", "Persian"])
def test_ambiguous_words_belong_to_no_country(countries: dict[str, Any], ambiguous: str) -> None:
    holders = [code for code, entry in countries.items() if ambiguous in _country_strings(entry)]
    assert holders == []


def test_country_spot_checks(countries: dict[str, Any]) -> None:
    assert countries["RUS"]["display"] == "Russia"
    assert "the Kremlin" in countries["RUS"]["capitals"]
    assert {"Spanish", "Spaniard", "Spaniards"} <= set(countries["ESP"]["demonyms"])
    assert "Washington" in countries["USA"]["capitals"]
    assert {"the USA", "U.S.", "America"} <= set(countries["USA"]["aliases"])
    assert {"Astana", "Nur-Sultan", "Akmola"} <= set(countries["KAZ"]["capitals"])
    assert {"Kazakh", "Kazakhstani"} <= set(countries["KAZ"]["demonyms"])
    assert {"UK", "Britain", "Great Britain"} <= set(countries["GBR"]["aliases"])
    assert "Burma" in countries["MMR"]["aliases"]
    assert "Ivory Coast" in countries["CIV"]["aliases"]
    assert {"Kyiv", "Kiev"} <= set(countries["UKR"]["capitals"])
    expected_display = {"IRN": "Iran", "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea",
                        "VNM": "Vietnam", "BOL": "Bolivia", "TZA": "Tanzania", "MDA": "Moldova",
                        "LAO": "Laos", "CZE": "Czechia", "TUR": "Turkey", "TWN": "Taiwan",
                        "VEN": "Venezuela", "USA": "United States"}
    assert {code: countries[code]["display"] for code in expected_display} == expected_display


# --- organizations.toml -------------------------------------------------------------------


def test_every_organization_has_the_eight_fields_and_a_known_kind(
    organizations: dict[str, Any],
) -> None:
    for org_id, entry in organizations.items():
        _assert_shape(entry, ORG_FIELDS, org_id)
        assert entry["kind"] in {"organization", "program"}, org_id
        assert entry["name"].strip(), org_id
        assert _org_strings(entry), f"{org_id} has no name to match"


def test_members_are_real_alpha3_codes(
    organizations: dict[str, Any], blocs: dict[str, Any],
) -> None:
    unknown = {
        entry_id: sorted(set(entry["members"]) - ALPHA3)
        for entry_id, entry in {**organizations, **blocs}.items()
        if set(entry["members"]) - ALPHA3
    }
    assert unknown == {}


def test_parents_exist_and_every_program_has_one(organizations: dict[str, Any]) -> None:
    for org_id, entry in organizations.items():
        if entry["parent"]:
            assert entry["parent"] in organizations, f"{org_id}: unknown parent"
            assert entry["parent"] != org_id
        if entry["kind"] == "program":
            assert entry["parent"], f"program {org_id} has no parent"
            assert entry["members"] == [], f"program {org_id} lists members"


def test_organizations_known_by_an_acronym_list_it(organizations: dict[str, Any]) -> None:
    missing = [org_id for org_id in organizations
               if org_id not in OWN_CODES and org_id not in organizations[org_id]["acronyms"]]
    assert missing == []


def test_no_string_names_two_entities(
    countries: dict[str, Any], organizations: dict[str, Any], blocs: dict[str, Any],
) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for code, entry in countries.items():
        for surface in _country_strings(entry):
            owners[surface].add(code)
    for org_id, entry in organizations.items():
        for surface in _org_strings(entry):
            owners[surface].add(org_id)
        if entry["reference"]:
            owners[entry["reference"]].add(org_id)
    for bloc_id, entry in blocs.items():
        for surface in [*entry["names"], *entry["adjectives"], *entry["beside_members"]]:
            owners[surface].add(bloc_id)
    shared = {surface: sorted(ids) for surface, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_a_phrase_with_the_never_cuts_short_a_longer_name_of_something_else(
    countries: dict[str, Any], organizations: dict[str, Any], blocs: dict[str, Any],
) -> None:
    # The matcher takes the leftmost match, then the longest there: "the United Nations" would
    # swallow "the United Nations Security Council" unless "the United Nations Security
    # Council" is listed too. Names with a comma are skipped, as pycountry's "Korea, Republic
    # of" never occurs in running text.
    owners: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value:
                owners[value] = country.alpha_3
    for code, entry in countries.items():
        owners.update(dict.fromkeys(_country_strings(entry), code))
    for org_id, entry in organizations.items():
        owners.update(dict.fromkeys(_org_strings(entry), org_id))
    for bloc_id, entry in blocs.items():
        owners.update(dict.fromkeys([*entry["names"], *entry["adjectives"], *entry["beside_members"]], bloc_id))
    cut_short = [
        (surface, longer)
        for surface, owner in owners.items() if surface.startswith("the ")
        for longer, other in owners.items()
        if other != owner and longer.startswith(surface[4:] + " ")
        and "the " + longer not in owners
        and longer != "West Island"  # "the West Island" is not how anyone names Cocos
    ]
    assert cut_short == []


def test_member_counts_of_the_main_organizations(organizations: dict[str, Any]) -> None:
    counts = {org_id: len(organizations[org_id]["members"])
              for org_id in ("NATO", "EU", "OSCE", "CSTO", "SCO", "GCC", "AUKUS", "Quad", "FVEY")}
    assert counts == {"NATO": 32, "EU": 27, "OSCE": 57, "CSTO": 6, "SCO": 10, "GCC": 6,
                      "AUKUS": 3, "Quad": 4, "FVEY": 5}


def test_organization_spot_checks(organizations: dict[str, Any]) -> None:
    assert organizations["PfP"]["parent"] == "NATO"
    assert organizations["PfP"]["kind"] == "program"
    assert "PfP" in organizations["PfP"]["acronyms"]
    assert organizations["UNSC"]["parent"] == "UN"
    assert organizations["PESCO"]["parent"] == organizations["EUFOR"]["parent"] == "EU"
    assert organizations["ISAF"]["parent"] == organizations["KFOR"]["parent"] == "NATO"
    assert "KAZ" in organizations["CSTO"]["members"]
    assert "ODKB" in organizations["CSTO"]["acronyms"]
    assert "ESP" in organizations["NATO"]["members"]
    assert "KAZ" not in organizations["NATO"]["members"]
    assert organizations["NATO"]["reference"] == "the Alliance"
    assert "Organization for Security and Co-operation in Europe" in \
        organizations["OSCE"]["full_names"]
    assert "Organization for Security and Cooperation in Europe" in \
        organizations["OSCE"]["full_names"]
    assert set(organizations["EAEU"]["members"]) == {"ARM", "BLR", "KAZ", "KGZ", "RUS"}
    assert set(organizations["GUAM"]["members"]) == {"GEO", "UKR", "AZE", "MDA"}
    assert set(organizations["AUKUS"]["members"]) == {"AUS", "GBR", "USA"}
    required = {"NATO", "PfP", "EAPC", "CSTO", "OSCE", "SCO", "CIS", "EU", "UN", "UNSC", "EAEU",
                "EurAsEC", "GUAM", "ASEAN", "AU", "ECOWAS", "GCC", "ArabLeague", "OAS", "IAEA",
                "OPCW", "CICA", "BRICS", "AUKUS", "Quad", "FVEY", "INTERPOL", "WarsawPact",
                "EDA", "PESCO", "ANZUS", "NORAD", "CENTO", "SEATO", "ISAF", "KFOR", "EUFOR",
                "IMF", "WorldBank", "CoE"}
    assert required <= set(organizations)


# --- blocs.toml ---------------------------------------------------------------------------


def test_blocs_have_the_four_fields(blocs: dict[str, Any]) -> None:
    assert set(blocs) == {"WEST"}
    for bloc_id, entry in blocs.items():
        _assert_shape(entry, BLOC_FIELDS, bloc_id)
        assert bloc_id.isupper()


def test_the_west_is_nato_and_eu_plus_the_pacific_democracies(
    blocs: dict[str, Any], organizations: dict[str, Any],
) -> None:
    west = blocs["WEST"]
    expected = (set(organizations["NATO"]["members"]) | set(organizations["EU"]["members"])
                | {"AUS", "NZL", "JPN", "KOR"})
    assert set(west["members"]) == expected
    assert {"the West", "Western countries"} <= set(west["names"])
    assert west["beside_members"] == ["Europe"]  # "the USA or Europe", not "Europe remains ..."
    assert west["adjectives"] == ["Western"]
    assert "RUS" not in west["members"]


# --- blockers.toml ------------------------------------------------------------------------


def test_each_blocker_hides_a_known_name_and_is_not_one(
    blockers: list[str], countries: dict[str, Any], organizations: dict[str, Any],
    blocs: dict[str, Any],
) -> None:
    names = {country.name for country in pycountry.countries}
    for entry in countries.values():
        names.update(_country_strings(entry))
    for entry in organizations.values():
        names.update(_org_strings(entry))
    for entry in blocs.values():
        names.update([*entry["names"], *entry["adjectives"], *entry["beside_members"]])
    assert len(set(blockers)) == len(blockers)
    assert sorted(names & set(blockers)) == []
    useless = [
        phrase for phrase in blockers
        if not any(name in phrase and re.search(rf"(?<![\w-]){re.escape(name)}(?!\w)", phrase)
                   for name in names)
    ]
    assert useless == []


def test_blockers_cover_the_classic_traps(blockers: list[str]) -> None:
    assert {"Latin America", "South China Sea", "Indian Ocean", "Eastern Europe",
            "Washington Post"} <= set(blockers)
