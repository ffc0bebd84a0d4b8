"""Wording shared by every summary renderer: lists, tiers, references, sources, titles.

Kept in one place so the PDF, the HTML and the plain text say a thing the same way. Numbers and
money are engine/budget/numbers.py's; the budget table's cells are summary/budget.py's.
"""

from __future__ import annotations

from collections.abc import Sequence

from multivector.summary.model import (
    EvidenceGroup,
    Excerpt,
    MatrixPartner,
    OverviewMatrix,
    PartnerEntry,
    QuoteEntry,
    SourceEntry,
    TitleBlock,
)


def join_names(names: Sequence[str]) -> str:
    """["A", "B", "C"] -> "A, B and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def tier_label(tier: str | None) -> str:
    return tier if tier else "no tier stated"


def paragraph_ref(paragraph: int | None) -> str:
    """4 -> "¶4", the paragraph of the article a passage is in."""
    return f"¶{paragraph}" if paragraph is not None else "¶?"


def paragraphs_ref(paragraphs: Sequence[int]) -> str:
    """[1, 4, 6] -> "¶1, ¶4 and ¶6"."""
    return join_names([paragraph_ref(p) for p in dict.fromkeys(paragraphs)])


def cited_sources(sources: Sequence[SourceEntry]) -> tuple[tuple[str, str], ...]:
    """("Interfax-Kazakhstan, April 10", "¶7 and ¶8"): a source cited twice is listed once."""
    found: dict[str, list[int]] = {}
    for src in sources:
        paras = found.setdefault(f"{src.name}, {src.date}" if src.date else src.name, [])
        if src.paragraph is not None:
            paras.append(src.paragraph)
    return tuple((name, paragraphs_ref(paras)) for name, paras in found.items())


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
    named = title.publication or title.volume is not None or title.issue is not None
    pairs = (
        ("Publication" if named else "Date", publication_line(title)),
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
    return f"{partner_name(entry.name, entry.code)} · {partner_meta(entry)}"


def partner_name(name: str, code: str) -> str:
    """"Spain (ESP)"; a name that is its own code stays as it is ("NATO")."""
    return f"{name} ({code})" if code and code != name and f"({code})" not in name else name


def group_label(group: EvidenceGroup) -> str:
    """"Naval and maritime security; Training", or "Named as a partner" with no area."""
    return "; ".join(group.labels) if group.labels else GENERAL_LABEL


def cue_note(excerpt: Excerpt) -> str:
    """"via “the two countries”" when the passage reaches its partner through other words."""
    return f"via “{excerpt.cue}”" if excerpt.cue else ""


def fresh(group: EvidenceGroup) -> tuple[Excerpt, ...]:
    """The group's excerpts quoted here in full."""
    return tuple(ex for ex in group.excerpts if ex.see is None)


def back_reference(group: EvidenceGroup) -> str:
    """"see ¶1 and ¶4, under Russia; ¶6, under China" for excerpts quoted earlier; "" if none."""
    under: dict[str, list[int]] = {}
    for ex in group.excerpts:
        if ex.see is not None and ex.paragraph is not None:
            under.setdefault(ex.see, []).append(ex.paragraph)
        elif ex.see is not None:
            under.setdefault(ex.see, [])
    parts = [f"{paragraphs_ref(paras)}, under {name}" if paras else f"under {name}"
             for name, paras in under.items()]
    return "see " + "; ".join(parts) if parts else ""


def more_note(group: EvidenceGroup) -> str:
    """"1 more passage not quoted" when the group was cut short."""
    if not group.more:
        return ""
    return f"{group.more} more {'passage' if group.more == 1 else 'passages'} not quoted"


def quoted_above(quotes: Sequence[QuoteEntry]) -> str:
    """"Quoted above: Nursultan Nazarbayev (¶6, under Russia); ..." for quotations the
    evidence prints in full; "" when there are none."""
    parts = [f"{q.speaker or 'unattributed'} ({paragraph_ref(q.paragraph)}, under {q.see})"
             for q in quotes if q.see]
    return "Quoted above: " + "; ".join(parts) + "." if parts else ""


def matrix_key(matrix: OverviewMatrix) -> tuple[str, ...]:
    """Column keys for narrow formats: "1", "2", ... ; the legend says which area each is."""
    return tuple(str(i) for i in range(1, len(matrix.areas) + 1))


def matrix_legend(matrix: OverviewMatrix) -> str:
    """"1 Training · 2 Peacekeeping · ..." under a matrix whose columns are numbered."""
    # A no-break space keeps each number with its label when the legend wraps.
    return " · ".join(f"{k}\u00a0{a.label}" for k, a in zip(matrix_key(matrix), matrix.areas,
                                                            strict=True))


def matrix_row_label(row: MatrixPartner, limit: int = 24) -> str:
    """"Russia"; a program indented under its parent; a long name as its code ("IPCP")."""
    name = row.name if len(row.name) <= limit or not row.code else row.code
    return "  " * row.depth + name


def count_cell(count: int) -> str:
    """A matrix cell: the number of passages, or a dot for none."""
    return str(count) if count else "·"


MATRIX_NOTE = ("Passages tying each partner to each area; the partner's section quotes them.")
