"""The summary as plain text for a terminal: wrapped at 78 columns, sections underlined."""

from __future__ import annotations

import textwrap

from multivector.summary.budget import BUDGET_HEADERS, basis_note, short_budget_cells
from multivector.summary.model import OverviewMatrix, PartnerEntry, Summary
from multivector.summary.wording import (
    MATRIX_NOTE,
    back_reference,
    cited_sources,
    count_cell,
    cue_note,
    fresh,
    group_label,
    matrix_key,
    matrix_legend,
    matrix_row_label,
    more_note,
    paragraph_ref,
    paragraphs_ref,
    partner_heading,
    quoted_above,
    title_fields,
)

WIDTH = 78


def _wrap(text: str, indent: str = "", hanging: str | None = None) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent,
        subsequent_indent=hanging if hanging is not None else indent,
        break_long_words=False, break_on_hyphens=False,
    ) or [indent.rstrip()]


def _section(title: str) -> list[str]:
    return ["", title, "-" * len(title)]


def _partner(entry: PartnerEntry, depth: int) -> list[str]:
    pad = "  " * depth
    lines = [f"{pad}* {partner_heading(entry)}"]
    for group in entry.groups:
        extras = [x for x in (back_reference(group), more_note(group)) if x]
        if not fresh(group):  # only references back: one line
            lines += _wrap(f"{group_label(group)} ({'; '.join(extras)})", f"{pad}    ",
                           f"{pad}      ")
            continue
        lines += _wrap(group_label(group), f"{pad}    ", f"{pad}      ")
        for ex in fresh(group):
            note = f" ({cue_note(ex)})" if ex.cue else ""
            ref = paragraph_ref(ex.paragraph)
            lines += _wrap(f"{ref.ljust(4)}{ex.text}{note}", pad + "      ", pad + "          ")
        for extra in extras:
            lines += _wrap(f"({extra})", pad + "      ", pad + "       ")
    for child in entry.children:
        lines += _partner(child, depth + 1)
    return lines


def _matrix(matrix: OverviewMatrix) -> list[str]:
    """Numbered columns (the legend below names them), in bands that fit the width."""
    names = [matrix_row_label(r) for r in matrix.partners]
    tiers = [r.tier or "—" for r in matrix.partners]
    name_w = max(len(n) for n in ["Partner", *names])
    tier_w = max(len(t) for t in ["Tier", *tiers])
    keys = matrix_key(matrix)
    cell_w = max(len(k) for k in keys) + 1
    per_band = max(1, (WIDTH - name_w - tier_w - 2) // cell_w)
    lines: list[str] = []
    for first in range(0, len(keys), per_band):
        band = range(first, min(first + per_band, len(keys)))
        if first:
            lines.append("")
        lines.append(f"{'Partner'.ljust(name_w)}  {'Tier'.ljust(tier_w)}"
                     + "".join(keys[i].rjust(cell_w) for i in band))
        for name, tier, row in zip(names, tiers, matrix.partners, strict=True):
            cells = "".join(count_cell(row.counts[i]).rjust(cell_w) for i in band)
            lines.append(f"{name.ljust(name_w)}  {tier.ljust(tier_w)}{cells}")
    return lines + [""] + _wrap(matrix_legend(matrix)) + _wrap(MATRIX_NOTE)


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    out.insert(1, "  ".join("-" * w for w in widths))
    return out


def render_text(summary: Summary) -> str:
    """Plain text: the overview (matrix, budget) first, then each partner's evidence."""
    head = summary.title
    lines = [head.title, "=" * min(len(head.title), WIDTH)]
    lines += [f"{k}: {v}" for k, v in title_fields(head)]
    lines += [""] + _wrap(summary.overview)
    if summary.matrix is not None:
        lines += _section("Partners by area") + _matrix(summary.matrix)
    if summary.budget:
        lines += _section("Defense budget")
        # The basis of a derived figure is too long for a terminal column: it goes below.
        lines += _table([BUDGET_HEADERS, *(short_budget_cells(r) for r in summary.budget)])
        for row in summary.budget:
            if note := basis_note(row):
                lines += _wrap(note, "  ", "    ")
    if summary.notes:
        lines += _section("Consistency notes")
        for note in summary.notes:
            where = f" ({paragraphs_ref(note.paragraphs)})" if note.paragraphs else ""
            lines += _wrap(f"- {note.message}{where}", "", "  ")
    if summary.partners:
        lines += _section("Partners and areas")
        for entry in summary.partners:
            lines += _partner(entry, 0)
    if summary.people:
        lines += _section("People")
        for person in summary.people:
            role = ", ".join(x for x in (person.role, person.country) if x)
            text = f"- {person.name}" + (f" ({role})" if role else "")
            lines += _wrap(f"{text}; {paragraphs_ref(person.paragraphs)}", "", "  ")
    if summary.quotes:
        lines += _section("Quotations")
        for quote in summary.quotes:
            if not quote.see:
                who = quote.speaker or "Unattributed"
                where = paragraph_ref(quote.paragraph)
                lines += _wrap(f"- {who} ({where}): {quote.text}", "", "  ")
        if above := quoted_above(summary.quotes):
            lines += _wrap(above)
    if summary.sources:
        lines += _section("Sources cited")
        for name, where in cited_sources(summary.sources):
            lines += _wrap(f"- {name}" + (f" ({where})" if where else ""), "", "  ")
    return "\n".join(lines) + "\n"
