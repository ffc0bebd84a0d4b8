"""Whose relation a sentence states, and which names in it are no actors at all (issue 12)."""

from engine_helpers import analyse, partner, passage_texts


def _ids(text: str) -> set[str]:
    return {p.id for p in analyse(text).partners}


def test_an_attacker_inside_a_cooperation_sentence_is_no_partner() -> None:
    ids = _ids(
        "Azerbaijan and Turkey launched joint military drills in the wake of recent Armenian "
        "attacks. Azerbaijan will buy more Turkish drones."
    )
    assert "TUR" in ids
    assert "ARM" not in ids


def test_founders_of_an_organization_are_no_partners_and_its_name_is_no_cue() -> None:
    analysis = analyse(
        "Uzbekistan joined the Shanghai Cooperation Organization, founded by Russia and China "
        "in 2001. Uzbekistan hosts the organization's anti-terrorism structure."
    )
    assert {p.id for p in analysis.partners} == {"SCO"}


def test_a_relation_between_two_other_countries_is_not_the_focal_countrys() -> None:
    ids = _ids(
        "India is modernizing its armed forces. India buys fighter jets from France and has "
        "signed a defense agreement with Japan. Russia sells arms to Vietnam, and India watches "
        "the region closely."
    )
    assert {"FRA", "JPN"} <= ids
    assert not {"RUS", "VNM"} & ids


def test_compared_with_and_come_from_lists_are_no_actors() -> None:
    ids = _ids(
        "Azerbaijan is one of the few Muslim countries besides Turkey, Egypt and Jordan to develop "
        "strategic relations with Israel. Jordan's budget bears the strain of refugees from Syria "
        "and Iraq, which the United States helps it carry."
    )
    assert "ISR" in ids
    assert not {"TUR", "EGY", "SYR", "IRQ"} & ids


def test_an_enemy_of_the_focal_country_is_no_partner_anywhere() -> None:
    ids = _ids(
        "Georgia and the United States train together to deter Russia. Russia offered talks to "
        "Georgia on trade and security."
    )
    assert "USA" in ids
    assert "RUS" not in ids


def test_membership_gives_the_organization_not_the_other_members() -> None:
    analysis = analyse(
        "Norway joined NATO on 4 April 1949 as a founding member, along with eleven other "
        "countries. The security concerns of NATO's member states and non-NATO member states "
        "such as Moldova and Ukraine are of particular concern."
    )
    assert {p.id for p in analysis.partners} == {"NATO"}
    assert passage_texts(analysis, "NATO")[0].startswith("Norway joined NATO")


def test_every_item_of_a_long_list_of_participants() -> None:
    ids = _ids(
        "Mongolia hosted the exercise, which brought together troops from Bangladesh, Tonga, "
        "South Korea, Brunei, Sri Lanka, Indonesia and Cambodia."
    )
    assert {"BGD", "TON", "KOR", "BRN", "LKA", "IDN", "KHM"} <= ids


def test_officers_studying_abroad_name_partners_not_places() -> None:
    ids = _ids(
        "Kazakh officers are studying in China, Russia, the USA, Germany, Turkey, India and "
        "France under military education agreements with Kazakhstan."
    )
    assert {"CHN", "RUS", "USA", "DEU", "TUR", "IND", "FRA"} <= ids


def test_supplier_lines_of_a_reference_book() -> None:
    analysis = analyse(
        "Colombia - Military and Security\n\n"
        "Military equipment inventories and acquisitions\n\n"
        "the military's inventory includes a wide mix of equipment from a variety of suppliers, "
        "including Canada, Israel, South Korea, and the US; the US has been the top provider in "
        "recent years; Colombia's defense industry is active (2023)\n\n"
        "the military's inventory is limited and almost entirely comprised of older Russian and "
        "Soviet-era equipment; in recent years, it has received small amounts of donated "
        "material from other nations, including the US (2023)\n\n"
        "Colombia is a regional military power."
    )
    assert {"CAN", "ISR", "KOR", "USA"} <= {p.id for p in analysis.partners}
    assert analysis.partner("RUS") is None
    assert "arms_supply" in partner(analysis, "CAN").areas


def test_forces_on_rotation_and_our_partnership_point_to_the_partner() -> None:
    analysis = analyse(
        "The United States and Lithuania enjoy an enduring partnership. Our security partnership "
        "has deepened since Lithuania joined NATO in 2004. Currently, 1,000 U.S. personnel are on rotation "
        "in Lithuania.\n\nAUKUS\n\nSome observers call it the closest security partnership between the two "
        "nations in a generation."
    )
    texts = passage_texts(analysis, "USA")
    assert any(t.startswith("Our security partnership") for t in texts)
    assert "infrastructure" in next(
        p.areas
        for p in partner(analysis, "USA").passages
        if analysis.document.text[p.start : p.end].startswith("Currently")
    )
    assert any(t.startswith("Some observers") for t in texts)  # past a heading that names none


def test_coordinated_adjectives_are_each_a_partner_and_no_subject() -> None:
    analysis = analyse(
        "Japanese and Australian forces held joint exercises with the Philippines, the "
        "Philippine army said."
    )
    assert analysis.focal.code == "PHL"
    for pid in ("JPN", "AUS"):
        assert "joint_exercises" in partner(analysis, pid).areas


def test_a_capital_acts_for_its_government_but_hosts_talks_as_a_place() -> None:
    assert _ids("Georgia held talks in Washington on trade. Georgia signed a tourism accord.") == set()
    analysis = analyse(
        "Georgia is reforming its army. Washington agreed to expand training for Georgian officers."
    )
    assert partner(analysis, "USA").areas == ("training",)
