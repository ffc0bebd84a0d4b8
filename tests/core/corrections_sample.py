"""A small hand-built analysis of an article of our own, for the corrections tests."""

from __future__ import annotations

import hashlib

from multivector.model.analysis import (
    Analysis,
    Area,
    AreaPassage,
    Document,
    Focal,
    Partner,
    PartnerPassage,
    Span,
)

SENTENCES = (
    "Mongolia and Japan signed a memorandum on peacekeeping training.",
    "The two countries will also hold joint exercises in the Gobi.",
    "India remains a secondary partner, supplying radio equipment.",
    "The UN praised the Mongolian peacekeeping contingent in Sudan.",
    "Its Peacekeeping Training Programme will open a centre near the capital.",
    "Officials in Ulaanbaatar called the budget for the armed forces modest.",
)
TEXT = "Mongolia looks for third neighbours\n\n" + " ".join(SENTENCES)


def span(i: int) -> Span:
    """The span of sentence `i` (from 0) in TEXT."""
    start = TEXT.index(SENTENCES[i])
    return Span(start, start + len(SENTENCES[i]))


def _pp(i: int, *areas: str) -> PartnerPassage:
    s = span(i)
    return PartnerPassage(s.start, s.end, areas=areas)


def _ap(i: int, *partners: str) -> AreaPassage:
    s = span(i)
    return AreaPassage(s.start, s.end, partners=partners)


def document(text: str = TEXT) -> Document:
    return Document(text=text, path=None, sha256=hashlib.sha256(text.encode()).hexdigest())


def analysis(text: str = TEXT) -> Analysis:
    """Japan (two passages), India, the UN and its training programme; three areas."""
    partners = (
        Partner(
            "JPN",
            "Japan",
            "country",
            "JPN",
            "primary",
            None,
            ("peacekeeping", "training", "exercises"),
            (_pp(0, "peacekeeping", "training"), _pp(1, "exercises")),
        ),
        Partner("IND", "India", "country", "IND", "secondary", None, (), (_pp(2),)),
        Partner(
            "UN",
            "United Nations",
            "organization",
            "UN",
            None,
            None,
            ("peacekeeping",),
            (_pp(3, "peacekeeping"),),
        ),
        Partner(
            "UNPTP",
            "Peacekeeping Training Programme",
            "program",
            "UNPTP",
            None,
            "UN",
            ("training",),
            (_pp(4, "training"),),
        ),
    )
    areas = (
        Area(
            "peacekeeping",
            "Peacekeeping",
            "peacekeeping",
            None,
            ("JPN", "UN"),
            (_ap(0, "JPN"), _ap(3, "UN")),
        ),
        Area(
            "training",
            "Training",
            "training",
            None,
            ("JPN", "UNPTP"),
            (_ap(0, "JPN"), _ap(4, "UNPTP")),
        ),
        Area("exercises", "Joint exercises", "exercises", None, ("JPN",), (_ap(1, "JPN"),)),
    )
    return Analysis(
        document=document(text),
        focal=Focal("Mongolia", "MNG"),
        paragraphs=(),
        sentences=(),
        partners=partners,
        areas=areas,
    )


def check_consistent(result: Analysis) -> None:
    """Partner and area passages agree with each other and with the nodes' own lists."""
    partners = {p.id: p for p in result.partners}
    areas = {a.id: a for a in result.areas}
    for p in result.partners:
        for x in p.passages:
            for aid in x.areas:
                assert aid in areas, (p.id, aid)
                assert aid in p.areas, (p.id, aid)
                assert any(
                    (y.start, y.end) == (x.start, x.end) and p.id in y.partners
                    for y in areas[aid].passages
                ), (p.id, aid, x)
        if p.parent is not None:
            assert p.parent in partners, (p.id, p.parent)
    for a in result.areas:
        for y in a.passages:
            for pid in y.partners:
                assert pid in partners, (a.id, pid)
                assert pid in a.partners, (a.id, pid)
                assert any(
                    (x.start, x.end) == (y.start, y.end) and a.id in x.areas
                    for x in partners[pid].passages
                ), (a.id, pid, y)
