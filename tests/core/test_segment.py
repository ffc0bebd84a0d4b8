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


def _paragraph_texts(text: str) -> list[str]:
    return [text[p.start : p.end] for p in segment.paragraphs(text)]


def test_single_newline_text_is_one_paragraph_a_line() -> None:
    text = (
        "The minister met his Georgian counterpart on Monday. They signed a plan.\n"
        "The plan covers training.\n"
        "Critics said the two countries had gone too far."
    )
    assert _paragraph_texts(text) == text.split("\n")


def test_hard_wrapped_lines_join_into_the_paragraphs_a_reader_sees() -> None:
    text = (
        "Summary\n"
        "Ruritania is a significant partner for the United States in a number of policy areas,\n"
        "particularly in security, which range from hedging against military modernization\n"
        "to countering threats from its neighbour. It hosts 5,000 troops.\n"
        "After years of turmoil, the government has entered a period of stability with the\n"
        "election victories of the current prime minister.\n"
    )
    assert _paragraph_texts(text) == [
        "Summary",
        text[text.index("Ruritania") : text.index("\nAfter")],
        text[text.index("After") :].rstrip(),
    ]


def test_markdown_headings_items_and_soft_wrapped_paragraphs() -> None:
    text = (
        "# Ruritania and NATO\n"
        "Ruritania joined the Partnership for Peace in 1994 and has\n"
        "sent officers to every course since.\n"
        "- joint exercises\n"
        "- training of officers\n"
        "## Budget\n"
        "Spending rose."
    )
    assert _paragraph_texts(text) == [
        "# Ruritania and NATO",
        "Ruritania joined the Partnership for Peace in 1994 and has\nsent officers to every course since.",
        "- joint exercises",
        "- training of officers",
        "## Budget",
        "Spending rose.",
    ]
