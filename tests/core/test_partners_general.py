"""General rules found on articles the engine was not tuned on (tests/heldout): who serves
alongside whom, what a city or a demonym names, topics, ties said to suffer, security guarantees.
The sentences here are our own; each rule names a second real sentence in resources/cues.toml."""

from engine_helpers import analyse, passage_texts


def _partners(text: str) -> set[str]:
    return {p.id for p in analyse(text).partners}


def test_units_serving_alongside_others_cooperate_with_them() -> None:
    analysis = analyse(
        "Armenia has reformed its army since 2008. Armenian units served alongside Greek and "
        "Italian forces in Kosovo for a decade."
    )
    assert {"GRC", "ITA"} <= {p.id for p in analysis.partners}
    assert "KOS" not in {p.id for p in analysis.partners}
    assert passage_texts(analysis, "GRC")[0].startswith("Armenian units served alongside")


def test_a_capital_naming_a_summit_or_a_treaty_is_no_government() -> None:
    found = _partners(
        "Moldova is a neutral country. At the 2023 Vilnius Summit, NATO allies agreed to support "
        "Moldova's defense reforms. Moldova's cooperation with the alliance rests on the Washington "
        "Treaty partnerships, the Minsk agreements play no part in it."
    )
    assert "NATO" in found
    assert not {"LTU", "USA", "BLR"} & found


def test_a_demonym_naming_insurgents_or_rebels_is_no_state() -> None:
    found = _partners(
        "Tajikistan's security services have cooperated with Russia, while some officials are "
        "said to maintain supportive relations with Afghan insurgent groups and Uzbek militants."
    )
    assert "RUS" in found
    assert not {"AFG", "UZB"} & found


def test_a_country_after_cooperation_on_is_the_topic() -> None:
    found = _partners(
        "Kazakhstan and the United States held talks in Astana. The ministers discussed continued "
        "cooperation on Afghanistan and consultations on Syria, and agreed to expand training."
    )
    assert "USA" in found
    assert not {"AFG", "SYR"} & found


def test_ties_said_to_suffer_are_no_cooperation() -> None:
    found = _partners(
        "Qatar hosts U.S. forces at Al Udeid Air Base. In June 2017 Saudi Arabia, the UAE and "
        "Bahrain severed relations with Qatar. The United States maintains its defense "
        "cooperation with Qatar."
    )
    assert "USA" in found
    assert not {"SAU", "ARE", "BHR"} & found


def test_a_guarantor_of_security_is_a_partner() -> None:
    analysis = analyse(
        "Bahrain is a small island state. Its leaders regard the United States as the guarantor "
        "of Bahrain's security."
    )
    assert passage_texts(analysis, "USA") == [
        "Its leaders regard the United States as the guarantor of Bahrain's security."
    ]


def test_an_infobox_list_flattened_one_name_a_line_goes_on_its_key() -> None:
    # the shape of Wikipedia infoboxes copied as text ("Foreign suppliers" then one country a
    # line); a name alone on a line with nothing cooperative above it stays a name
    analysis = analyse(
        "The Brazilian Armed Forces are the military of Brazil.\n"
        "Budget US$24.7 billion (2024)\n"
        "Foreign suppliers France\n"
        "Germany\n"
        "- Sweden\n"
        "Related articles\n"
        "Argentina\n"
        "Brazil's army is the largest in Latin America."
    )
    found = {p.id for p in analysis.partners}
    assert {"FRA", "DEU", "SWE"} <= found
    assert "ARG" not in found
    assert passage_texts(analysis, "DEU") == ["Germany"]


def test_us_departments_act_for_their_government_and_a_capital_acts_unless_it_hosts() -> None:
    analysis = analyse(
        "Georgia has modernized its army since 2008. The State Department approved the sale of "
        "radars to Georgia. DoD will train Georgian crews. Georgian officers attended a "
        "conference in Washington. Washington agreed to supply Georgia with Javelin missiles."
    )
    assert passage_texts(analysis, "USA") == [
        "The State Department approved the sale of radars to Georgia.",
        "DoD will train Georgian crews.",
        "Washington agreed to supply Georgia with Javelin missiles.",
    ]
