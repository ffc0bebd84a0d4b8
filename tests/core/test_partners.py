"""Partner extraction on articles of our own: actors, references, adversaries, places, tiers."""

from engine_helpers import analyse, partner, passage_texts

UZBEK_ARTICLE = """Publication: Central Asia Brief Issue: 9

Uzbekistan's new defense concept, adopted in January 2019, names Russia as the country's main security priority. Moscow and Tashkent signed an agreement on military-technical cooperation and the joint production of helicopters. The two countries will also hold joint exercises next year.

Tashkent will cooperate with NATO through the Partnership for Peace program, but only in specific areas: border security and counter-terrorism training. The Alliance has offered help with demining.

Uzbekistan also faces threats from Afghanistan, where militants attacked border posts. Officials in Kabul were not consulted. Defense Minister Bakhodir Kurbanov met Turkey's defense minister in Ankara to discuss arms supplies.
"""


def test_focal_country_is_never_a_partner() -> None:
    analysis = analyse(UZBEK_ARTICLE)
    assert analysis.focal is not None and analysis.focal.code == "UZB"
    assert analysis.partner("UZB") is None


def test_capitals_are_actors_and_references_resolve() -> None:
    analysis = analyse(UZBEK_ARTICLE)
    russia = partner(analysis, "RUS")
    texts = passage_texts(analysis, "RUS")
    assert any(t.startswith("Moscow and Tashkent signed") for t in texts)
    joint = next(p for p in russia.passages if analysis.document.text[p.start:p.end].startswith("The two countries"))
    assert joint.cue == "The two countries"
    assert "joint_exercises" in joint.areas
    assert {"military_technical_cooperation", "defense_industry", "joint_exercises"} <= set(russia.areas)
    assert russia.tier == "primary"


def test_program_sits_under_its_organization_and_the_alliance_resolves() -> None:
    analysis = analyse(UZBEK_ARTICLE)
    nato = partner(analysis, "NATO")
    pfp = partner(analysis, "PfP")
    assert pfp.parent == "NATO" and pfp.kind == "program"
    assert nato.tier == "secondary"
    alliance = [p for p in nato.passages if p.cue == "The Alliance"]
    assert len(alliance) == 1 and "peace_support" in alliance[0].areas
    assert {"border_security", "counter_terrorism", "training"} <= set(nato.areas)


def test_adversaries_and_places_are_not_partners() -> None:
    analysis = analyse(UZBEK_ARTICLE)
    assert analysis.partner("AFG") is None  # "threats from Afghanistan"; Kabul only a place
    turkey = partner(analysis, "TUR")  # named as an actor; Ankara only as the place of the talks
    assert turkey.areas == ("arms_supply",)


def test_negated_adversary_cue_keeps_the_partner() -> None:
    text = (
        "Mongolia values its ties with China. By working with Japan, we never act against "
        "China or India, the Mongolian president said."
    )
    analysis = analyse(text)
    assert analysis.focal.code == "MNG"
    assert {"CHN", "JPN", "IND"} <= {p.id for p in analysis.partners}


def test_no_cooperation_context_no_partner() -> None:
    analysis = analyse(
        "Azerbaijan's president visited France last week. Baku is hosting a film festival. "
        "Azerbaijan and Armenia remain in conflict."
    )
    assert analysis.focal.code == "AZE"
    assert analysis.partners == ()


def test_enumeration_yields_every_area() -> None:
    analysis = analyse(
        "Kyrgyzstan will cooperate with Japan in three areas: border security, the training of "
        "officers, and peacekeeping. Kyrgyzstan hopes for more."
    )
    assert set(partner(analysis, "JPN").areas) == {"border_security", "training", "peace_support"}


def test_area_sentence_inherits_partners_of_the_sentence_before() -> None:
    analysis = analyse(
        "Tajikistan discussed security cooperation with India on Tuesday. Air defense and the "
        "training of pilots were on the agenda. Dushanbe has no navy."
    )
    india = partner(analysis, "IND")
    inherited = [p for p in india.passages if p.cue == "the sentence before"]
    assert len(inherited) == 1 and set(inherited[0].areas) == {"air_space_control", "training"}


def test_tier_cue_without_partner_applies_to_previous_sentence_and_members_inherit() -> None:
    analysis = analyse(
        "Georgia wants closer cooperation with Western countries and the EU. This remains on a "
        "secondary basis. Tbilisi also discussed joint training with Poland. Georgia's main "
        "security priority is its partnership with Turkey."
    )
    assert partner(analysis, "WEST").tier == "secondary"
    assert partner(analysis, "EU").tier == "secondary"
    assert partner(analysis, "POL").tier == "secondary"  # a member of the West, no cue of its own
    assert partner(analysis, "TUR").tier == "primary"


def test_person_acting_for_a_country_brings_it_in() -> None:
    analysis = analyse(
        "Armenia's defense minister met Jane Doerr, France's defence minister, in Yerevan. "
        "Doerr offered support for Armenia's peacekeeping brigade."
    )
    france = partner(analysis, "FRA")
    cues = {p.cue for p in france.passages}
    assert "Doerr" in cues
    person = next(p for p in analysis.people if p.name == "Jane Doerr")
    assert person.country == "FRA" and person.role == "defence minister"


ENCYCLOPEDIA_ENTRY = """Foreign relations of Armenia — military cooperation

Armenia is a member of the Collective Security Treaty Organization (CSTO) and hosts the Russian 102nd Military Base in Gyumri. Russia remains Armenia's main military ally and principal supplier of weapons. Yerevan also participates in NATO's Individual Partnership Action Plan and has sent peacekeepers to Kosovo and Lebanon.

In 2022 Armenia signed a contract with India for the supply of rocket launchers and anti-tank missiles. France agreed in 2023 to deliver radars for air defense. Armenia's relations with Azerbaijan remain hostile after the 2020 war.
"""


def test_encyclopedia_entry() -> None:
    analysis = analyse(ENCYCLOPEDIA_ENTRY)
    assert analysis.document.title == "Foreign relations of Armenia — military cooperation"
    assert analysis.focal.code == "ARM"
    russia = partner(analysis, "RUS")
    assert russia.tier == "primary"
    assert {"arms_supply", "infrastructure"} <= set(russia.areas)
    assert "infrastructure" not in partner(analysis, "CSTO").areas  # the base is Russia's
    assert partner(analysis, "IND").areas == ("arms_supply",)
    assert set(partner(analysis, "FRA").areas) == {"air_space_control", "arms_supply"}
    assert partner(analysis, "NATO").areas == ("peace_support",)
    assert analysis.partner("LBN") is None  # a destination of peacekeepers, not a partner
    assert analysis.partner("AZE") is None  # "relations ... remain hostile"


def test_government_fact_sheet() -> None:
    analysis = analyse(
        "U.S. Relations With Georgia\nBilateral Relations Fact Sheet, March 2023\n\n"
        "Security cooperation: The United States and Georgia work closely on defense reform, "
        "professional military education, and border security. Through a readiness program, "
        "U.S. Marines train Georgian battalions.\n\nRussia continues to occupy Georgian regions. "
        "Tbilisi views Moscow's occupation as the main threat to its security.\n"
    )
    assert analysis.focal.code == "GEO"
    usa = partner(analysis, "USA")
    assert {"defense_reform", "military_education", "border_security", "training"} <= set(usa.areas)
    assert analysis.partner("RUS") is None


def test_geography_and_trade_are_not_security_partners() -> None:
    analysis = analyse(
        "Mongolia, landlocked between Russia and China, seeks security ties with Japan. "
        "Beijing remains Mongolia's largest trading partner. Mongolian peacekeepers have served "
        "in South Sudan and Afghanistan."
    )
    assert analysis.focal.code == "MNG"
    assert {p.id for p in analysis.partners} == {"JPN"}
    assert partner(analysis, "JPN").areas == ("military_cooperation",)


def test_overlapping_phrases_of_two_areas_both_count() -> None:
    analysis = analyse(
        "Every summer Mongolia co-hosts a peacekeeping exercise with the United States, while "
        "Russia supplies most of the army's equipment."
    )
    assert {"peace_support", "joint_exercises"} <= set(partner(analysis, "USA").areas)
    assert partner(analysis, "RUS").areas == ("arms_supply",)


REFERENCE_BOOK_PAGE = """KYRGYZSTAN

Capital: Bishkek
Defense budget: 2018: som 8.9bn ($130m); 2019: som 9.5bn ($136m)
Military cooperation: Russia (Kant air base; CSTO forces); China (SCO counter-terrorism exercises); United States (training of border guards, until 2014); Turkey (military education)
"""


def test_reference_book_list_with_areas_in_brackets() -> None:
    analysis = analyse(REFERENCE_BOOK_PAGE)
    assert analysis.document.title == "KYRGYZSTAN"
    assert analysis.focal.code == "KGZ"
    assert "infrastructure" in partner(analysis, "RUS").areas
    assert "counter_terrorism" in partner(analysis, "SCO").areas
    assert {"training", "border_security"} <= set(partner(analysis, "USA").areas)
    assert "training" not in partner(analysis, "RUS").areas
    assert "military_education" in partner(analysis, "TUR").areas
    facts = {f.year: (f.amount, f.currency, f.usd) for f in analysis.budget}
    assert facts == {2018: (8.9e9, "KGS", 130e6), 2019: (9.5e9, "KGS", 136e6)}


def test_short_first_word_phrase_is_found() -> None:
    # "in case of ..." starts with a two-letter word: the area lookup must not trip on it
    analysis = analyse(
        "Azerbaijan's army is growing. Turkey and Azerbaijan signed a declaration on mutual "
        "assistance in case of aggression."
    )
    assert "crisis_assistance" in partner(analysis, "TUR").areas


def test_the_main_threat_is_no_partner_for_the_rest_of_its_paragraph() -> None:
    analysis = analyse(
        "Kyiv and Washington signed a defense framework; the United States provides training and "
        "anti-tank missiles. Turkey has sold drones to Kyiv.\n\n"
        "Russia remains the main threat, while Poland remains a close partner. Moscow has massed "
        "troops along the border and supports separatists in Donbas. Ukraine's army is growing."
    )
    assert analysis.focal.code == "UKR"
    assert {"arms_supply", "training"} <= set(partner(analysis, "USA").areas)
    assert partner(analysis, "TUR").areas == ("arms_supply",)
    assert analysis.partner("RUS") is None
    assert analysis.partner("POL") is not None  # another clause of the marker's sentence


def test_the_country_a_lead_sentence_opens_with_weighs_more_for_the_focal() -> None:
    analysis = analyse(
        "Tajikistan hosts Russia's 201st military base, Russia's largest ground force "
        "installation abroad. Moscow has pledged to modernize the base and train Tajik officers. "
        "Russia also supplies weapons to Dushanbe, and Russian instructors train the Tajik army."
    )
    assert analysis.focal.code == "TJK"
    assert {"infrastructure", "arms_supply", "training"} <= set(partner(analysis, "RUS").areas)


def test_a_tier_cue_belongs_to_its_own_clause() -> None:
    analysis = analyse(
        "Uzbekistan will rely first and foremost on its own capabilities, but it will also expand "
        "defense cooperation with Moscow. Uzbekistan's cooperation with the United States remains "
        "limited to border security and the training of officers."
    )
    assert partner(analysis, "RUS").tier is None  # "first and foremost" is about itself
    assert partner(analysis, "USA").tier == "secondary"


def test_press_release_meeting_then_a_cooperation_plan() -> None:
    analysis = analyse(
        "Ministry of Defence of Moldova — Press Release\n12 October 2022\n\n"
        "Minister of Defence Anatolie Nosatîi met the Romanian Minister of National Defence, "
        "Vasile Dîncu, in Chișinău. The ministers signed a cooperation plan for 2023 covering "
        "military education and cyber defence. Moldovan peacekeepers served in Kosovo."
    )
    assert analysis.focal.code == "MDA"
    assert (analysis.document.title, analysis.document.date) == (
        "Ministry of Defence of Moldova — Press Release", "12 October 2022")
    assert {"military_education", "cyber_security"} <= set(partner(analysis, "ROU").areas)
    people = {p.name: (p.role, p.country) for p in analysis.people}
    assert people["Anatolie Nosatîi"] == ("Minister of Defence", "MDA")
    assert people["Vasile Dîncu"] == ("Minister of National Defence", "ROU")
