"""Wording shared by every summary renderer: lists, tiers, paragraphs, titles, partners.

Kept in one place so the PDF, the HTML and the plain text say a thing the same way. Numbers and
money are engine/budget/numbers.py's; the budget table's cells are summary/budget.py's.
"""

from __future__ import annotations

from collections.abc import Sequence

from multivector.summary.model import Excerpt, PartnerEntry, TitleBlock


def join_names(names: Sequence[str]) -> str:
    """["A", "B", "C"] -> "A, B and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def tier_label(tier: str | None) -> str:
    return tier if tier else "no tier stated"


def paragraph_ref(paragraph: int | None) -> str:
    return f"paragraph {paragraph}" if paragraph is not None else "location unknown"


def paragraphs_ref(paragraphs: Sequence[int]) -> str:
    if not paragraphs:
        return ""
    word = "paragraph" if len(paragraphs) == 1 else "paragraphs"
    return f"{word} {join_names([str(p) for p in paragraphs])}"


def publication_line(title: TitleBlock) -> str:
    """"Eurasia Daily Monitor, Volume 4, Issue 76, 2007"."""
    parts = [title.publication] if title.publication else []
    if title.volume is not None:
        parts.append(f"Volume {title.volume}")
    if title.issue is not None:
        parts.append(f"Issue {title.issue}")
    if title.date:
        parts.append(title.date)
    return ", ".join(parts)


def title_fields(title: TitleBlock) -> tuple[tuple[str, str], ...]:
    """Label/value pairs for the title block; unknown values are left out of the page."""
    focal = title.focal
    if title.focal and title.focal_code:
        focal = f"{title.focal} ({title.focal_code})"
    pairs = (
        ("Publication", publication_line(title)),
        ("Focal country", focal or ""),
        ("Selection", title.selection or ""),
        ("Source file", title.source or ""),
    )
    return tuple((k, v) for k, v in pairs if v)


GENERAL_LABEL = "Named as a partner"


def partner_meta(entry: PartnerEntry) -> str:
    """"country · secondary"."""
    return f"{entry.kind} · {tier_label(entry.tier)}"


def partner_heading(entry: PartnerEntry) -> str:
    """"Spain (ESP) · country · secondary"."""
    code = f" ({entry.code})" if entry.code and entry.code != entry.name else ""
    return f"{entry.name}{code} · {partner_meta(entry)}"


def area_groups(entry: PartnerEntry) -> tuple[tuple[str, tuple[Excerpt, ...]], ...]:
    """The partner's areas as (labels, excerpts), areas resting on the same passages merged.

    A list sentence ("modernization, technology transfer, training") supports several areas;
    quoting it once under "Modernization; Technology transfer; Training" reads better on paper.
    """
    groups: dict[tuple[tuple[int, int], ...], list[str]] = {}
    excerpts: dict[tuple[tuple[int, int], ...], tuple[Excerpt, ...]] = {}
    for area in entry.areas:
        key = tuple((e.start, e.end) for e in area.excerpts)
        groups.setdefault(key, []).append(area.label)
        excerpts[key] = area.excerpts
    out = [("; ".join(labels), excerpts[key]) for key, labels in groups.items()]
    if entry.general:
        out.append((GENERAL_LABEL, entry.general))
    return tuple(out)
