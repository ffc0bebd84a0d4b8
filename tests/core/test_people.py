"""People, quotations and cited sources, on sentences of our own."""

from engine_helpers import analyse


def test_roles_before_and_after_names_and_their_countries() -> None:
    analysis = analyse(
        "Georgian Defense Minister Juansher Burchuladze met Lithuania's Foreign Minister Gabrielius "
        "Landsbergis in Tbilisi. Ben Wallace, Britain's defence secretary, joined them. "
        "President Salome Zourabichvili welcomed NATO support for Georgia."
    )
    people = {p.name: (p.role, p.country) for p in analysis.people}
    assert analysis.focal.code == "GEO"
    assert people["Juansher Burchuladze"] == ("Defense Minister", "GEO")
    assert people["Gabrielius Landsbergis"] == ("Foreign Minister", "LTU")
    assert people["Ben Wallace"] == ("defence secretary", "GBR")
    assert people["Salome Zourabichvili"] == ("President", "GEO")  # no country said: the focal one


def test_person_passages_are_the_sentences_naming_them() -> None:
    text = (
        "Uzbekistan's Defense Minister Bakhodir Kurbanov visited Seoul. Kurbanov signed a deal "
        "on training with South Korea. The deal covers pilots."
    )
    analysis = analyse(text)
    person = next(p for p in analysis.people if p.name == "Bakhodir Kurbanov")
    assert [text[s.start : s.end] for s in person.passages] == [
        "Uzbekistan's Defense Minister Bakhodir Kurbanov visited Seoul.",
        "Kurbanov signed a deal on training with South Korea.",
    ]


def test_quote_speakers_pronoun_name_and_according_to() -> None:
    text = (
        "President Kassym-Jomart Tokayev spoke in Astana. \u201cWe will never join a bloc against "
        "our neighbours,\u201d he said. \u201cThe exercises will continue next year as planned,\u201d "
        "according to the Ministry of Defense. Analysts called the policy \u201cbalanced\u201d."
    )
    analysis = analyse(text)
    speakers = {text[q.start + 1 : q.start + 12]: q.speaker for q in analysis.quotes}
    assert speakers == {
        "We will nev": "Kassym-Jomart Tokayev",
        "The exercis": "the Ministry of Defense",
    }  # the one-word scare quote is no quotation


def test_sources_in_brackets() -> None:
    text = (
        "Armenia bought radars from France (Reuters, March 3, 2021). Russia objected "
        "(TASS, 12 May). India delivered launchers (The Hindu, 2022). Yerevan (the capital) grew."
    )
    analysis = analyse(text)
    assert [(s.name, s.date) for s in analysis.sources] == [
        ("Reuters", "March 3, 2021"),
        ("TASS", "12 May"),
        ("The Hindu", "2022"),
    ]
    for source in analysis.sources:
        assert text[source.start] == "(" and text[source.end - 1] == ")"


def test_quote_with_no_speech_verb_goes_to_the_person_the_sentence_opens_with() -> None:
    text = (
        "On March 19 President Shavkat Mirziyoyev signed a decree on the reform of Uzbekistan's "
        "armed forces, calling for \u201ca modern, compact and mobile army.\u201d"
    )
    analysis = analyse(text)
    assert [q.speaker for q in analysis.quotes] == ["Shavkat Mirziyoyev"]


def test_an_official_beside_one_of_the_focal_country_sits_on_the_other_side() -> None:
    from engine_helpers import analyse

    analysis = analyse(
        "Secretary of Defense Lloyd J. Austin III met Kenyan Defense Minister Aden Bare Duale in "
        "Nairobi. The United States and Kenya signed a framework. Kenya values its partnership "
        "with the United States. Defense Minister John Kamau praised the army."
    )
    people = {p.name: p.country for p in analysis.people}
    assert people["Lloyd J. Austin"] == "USA"
    assert people["Aden Bare Duale"] == "KEN"
    assert people["John Kamau"] == "KEN"  # no official of Kenya's beside him: the focal country's
    assert analysis.partner("YEM") is None  # "Aden" is part of a name here


def test_a_title_only_one_government_gives_says_whose_official_it_is() -> None:
    # no country stated and nobody marked as the focal country's beside him: the title tells
    analysis = analyse(
        "Secretary of Defense Lloyd J. Austin III met the Emir of Kuwait at the Pentagon. "
        "Kuwait hosts thousands of U.S. troops at Camp Arifjan. Secretary Austin praised "
        "partners like Kuwait for their support to regional security."
    )
    people = {p.name: (p.role, p.country) for p in analysis.people}
    assert analysis.focal.code == "KWT"
    assert people["Lloyd J. Austin"] == ("Secretary of Defense", "USA")
    usa = analysis.partner("USA")
    assert usa is not None and any(p.cue == "Austin" for p in usa.passages)
