"""Specs for nodes an analyst picks or types."""

from __future__ import annotations

import pytest
from corrections_sample import analysis

from multivector.corrections.edits import AREA, PARTNER, NodeSpec
from multivector.corrections.nodes import new_node_spec, spec_of


def test_spec_of_existing_nodes():
    assert spec_of(analysis(), "UNPTP") == NodeSpec(
        PARTNER, "UNPTP", "Peacekeeping Training Programme", "program", None, "UN"
    )
    assert spec_of(analysis(), "training") == NodeSpec(AREA, "training", "Training")
    assert spec_of(analysis(), "nope") is None


@pytest.mark.parametrize(
    ("name", "kind", "expected_id"),
    [
        ("South Korea", "country", "KOR"),
        ("Russia", "country", "RUS"),
        ("Freedonia", "country", "FREEDONIA"),
        ("AUKUS", "organization", "AUKUS"),
        ("Gulf Cooperation Council", "organization", "GCC"),
        ("Cyber  défense", "area", "cyber_defense"),
    ],
)
def test_new_node_ids(name, kind, expected_id):
    spec = new_node_spec(analysis(), name, kind, None)
    assert spec.id == expected_id
    assert spec.type == (AREA if kind == "area" else PARTNER)


def test_typed_name_of_existing_node_gives_that_node():
    assert new_node_spec(analysis(), "  japan ", "country").id == "JPN"
    assert new_node_spec(analysis(), "joint exercises", "area").id == "exercises"


def test_new_id_never_clashes():
    assert new_node_spec(analysis(), "Upper Nile", "organization").id == "UN_2"
