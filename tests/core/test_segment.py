"""Sentence and paragraph splitting on texts of our own."""

from multivector.engine.text import segment


def _sentences(text: str) -> list[str]:
    paras = segment.paragraphs(text)
    return [text[s.start : s.end] for s in segment.sentences(text, paras)]


def test_abbreviations_decimals_and_initials_do_not_split() -> None:
    text = (
        "Gen. Petraeus met Mr. Karimov in Jan. 2005 to discuss U.S. aid worth 142.56 million. "
        "J. R. Smith attended. The talks ended."
    )
    assert _sentences(text) == [
        "Gen. Petraeus met Mr. Karimov in Jan. 2005 to discuss U.S. aid worth 142.56 million.",
        "J. R. Smith attended.",
        "The talks ended.",
    ]


def test_no_split_inside_parentheses_but_split_after_closing_quote() -> None:
    text = (
        "Tbilisi signed a deal (see Art. 5. It is short) with Ankara. "
        "The minister said: \u201cWe agree.\u201d The deal holds. He added, \"It works.\" Then he left."
    )
    assert _sentences(text) == [
        "Tbilisi signed a deal (see Art. 5. It is short) with Ankara.",
        "The minister said: \u201cWe agree.\u201d",
        "The deal holds.",
        'He added, "It works."',
        "Then he left.",
    ]


def test_paragraphs_and_list_lines() -> None:
    text = "First paragraph here.\n\nDefense budget:\n2005: $1.1 bn\n2006: $1.4 bn\n\nLast one."
    paras = segment.paragraphs(text)
    assert [text[p.start : p.end] for p in paras] == [
        "First paragraph here.",
        "Defense budget:",
        "2005: $1.1 bn",
        "2006: $1.4 bn",
        "Last one.",
    ]
    assert [p.index for p in paras] == [1, 2, 3, 4, 5]


def test_offsets_are_code_points_and_inside_text() -> None:
    text = "\U0001f600 Emoji first. Then \u00e9l\u00e8ve second!"
    paras = segment.paragraphs(text)
    sents = segment.sentences(text, paras)
    assert [text[s.start : s.end] for s in sents] == [
        "\U0001f600 Emoji first.",
        "Then \u00e9l\u00e8ve second!",
    ]
