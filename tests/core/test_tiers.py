"""Tiers from the text's own cues, each bound to its clause, and cues that must not over-fire."""

from engine_helpers import analyse, partner


def test_rank_and_designation_cues_make_a_primary_partner() -> None:
    analysis = analyse(
        "Azerbaijan is modernizing its army. Turkey will be Azerbaijan's No. 1 partner in "
        "defense cooperation, while Israel supplies drones to Azerbaijan."
    )
    assert partner(analysis, "TUR").tier == "primary"
    assert partner(analysis, "ISR").tier is None  # the cue is in the other clause


def test_major_non_nato_ally_makes_no_nato_partner() -> None:
    analysis = analyse(
        "Morocco signed a defense cooperation road map with the United States. Morocco is a "
        "major non-NATO ally of the United States."
    )
    assert analysis.partner("NATO") is None
    assert partner(analysis, "USA").tier == "primary"


def test_seed_shaped_words_do_not_over_fire_elsewhere() -> None:
    analysis = analyse(
        "Vietnam signed a defense cooperation agreement with Japan covering funding for "
        "secondary schools for cadets. Europe remains Vietnam's largest export market. Japan "
        "supports Vietnam in the refugee crisis and during its presidency of ASEAN. Japan trains "
        "Vietnamese cadets in Da Nang, a regional center of trade."
    )
    japan = partner(analysis, "JPN")
    assert japan.tier is None
    assert analysis.partner("WEST") is None
    assert not {"crisis_assistance", "political_support", "infrastructure"} & set(japan.areas)


def test_europe_beside_a_western_member_is_the_west() -> None:
    analysis = analyse(
        "Kazakhstan's president said: by working together with Russia, we never go against the "
        "USA or Europe. Kazakhstan cooperates with Russia."
    )
    assert analysis.partner("WEST") is not None
