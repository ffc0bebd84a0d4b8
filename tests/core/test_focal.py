"""Which country a text is about: not always the one it names most, nor the one that issued it."""

from engine_helpers import analyse


def test_the_object_of_the_title_is_the_subject() -> None:
    analysis = analyse(
        "U.S. Security Cooperation with Georgia\n\n"
        "The United States is committed to its partnership with Georgia. The United States has "
        "provided training to the Georgian armed forces since 2002. The United States and Georgia "
        "hold joint exercises every year, and the United States funds border security projects."
    )
    assert analysis.focal.code == "GEO"


def test_the_victim_in_the_title_is_the_subject_not_the_aggressor() -> None:
    analysis = analyse(
        "Russia's War Against Georgia: Lessons for NATO\n\n"
        "In August 2008 Russia launched an invasion of Georgia. Russian forces advanced quickly and "
        "Russia recognized two breakaway regions. Russia kept troops there, and Russia's occupation "
        "continues. Georgia has since received training from the United States."
    )
    assert analysis.focal.code == "GEO"


def test_the_issuer_on_the_letterhead_is_not_the_subject() -> None:
    analysis = analyse(
        "U.S.-Armenia Security Dialogue\n\n"
        "Fact Sheet\nOffice of the Spokesperson\nWashington, DC\n\n"
        "The United States and Armenia held their first security dialogue. The United States "
        "will support Armenian peacekeeping training, and the United States and Armenia agreed "
        "to expand exchanges. U.S. instructors will train Armenian officers."
    )
    assert analysis.focal.code == "ARM"


def test_two_countries_opening_the_lead_both_open_it() -> None:
    analysis = analyse(
        "The United States and Estonia enjoy an enduring partnership. Estonia hosts allied "
        "troops, and Estonia spends two percent of GDP on defense. The United States trains the "
        "Estonian Defence Forces."
    )
    assert analysis.focal.code == "EST"


def test_titles_wrapped_on_two_lines_dated_or_in_wiki_markup() -> None:
    from multivector.documents.loading import document_from_text

    wrapped = document_from_text(
        "New Developments in the United States’\nStrategic Ties with Australia\n\nSeptember 16, 2021\nText."
    )
    assert wrapped.title == "New Developments in the United States’ Strategic Ties with Australia"
    dated = document_from_text(
        "Updated December 23, 2024\n\nRussia’s War Against Ukraine\n\nText here."
    )
    assert (dated.date, dated.title) == (
        "Updated December 23, 2024",
        "Russia’s War Against Ukraine",
    )
    wiki = document_from_text("= Norway in NATO =\n\nNorway joined NATO in 1949.")
    assert wiki.title == "Norway in NATO"


def test_the_country_whose_affairs_the_text_describes_is_the_subject() -> None:
    # an untitled fact sheet of the issuer, which opens its sentences and names itself as much
    # as its partner: the partner's own sovereignty, forces and needs are what it is about
    analysis = analyse(
        "The United States remains committed to Moldova’s sovereignty and territorial integrity. "
        "The United States has an enduring security partnership with Moldova, focused on "
        "Moldova’s ability to defend its borders. Since 2015 the United States has provided "
        "$40 million in U.S. assistance to Moldova’s armed forces. Moldova’s defense needs "
        "include training, and U.S. instructors have trained Moldovan officers. The partnership "
        "also supports Moldova’s defense reforms."
    )
    assert analysis.focal.code == "MDA"
