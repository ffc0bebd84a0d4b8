"""The summary as plain text for a terminal: wrapped at 78 columns, sections underlined."""

from __future__ import annotations

import textwrap

from multivector.summary.budget import BUDGET_HEADERS, budget_cells
from multivector.summary.model import PartnerEntry, Summary
from multivector.summary.wording import (
    area_groups,
    paragraph_ref,
    paragraphs_ref,
    partner_heading,
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
    for label, excerpts in area_groups(entry):
        lines += _wrap(label, f"{pad}    - ", f"{pad}      ")
        for ex in excerpts:
            lines += _wrap(f"“{ex.text}” ({paragraph_ref(ex.paragraph)})", pad + "        ")
    for child in entry.children:
        lines += _partner(child, depth + 1)
    return lines


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    out.insert(1, "  ".join("-" * w for w in widths))
    return out


def render_text(summary: Summary) -> str:
    """Plain text, one section per part of the note."""
    head = summary.title
    lines = [head.title, "=" * min(len(head.title), WIDTH)]
    lines += [f"{k}: {v}" for k, v in title_fields(head)]
    lines += [""] + _wrap(summary.overview)
    if summary.partners:
        lines += _section("Partners and areas")
        for entry in summary.partners:
            lines += _partner(entry, 0)
    if summary.budget:
        lines += _section("Defense budget")
        # The basis of a derived figure is too long for a terminal column: it goes below.
        rows = [budget_cells(r)[:-2] + (r.kind, budget_cells(r)[-1]) for r in summary.budget]
        lines += _table([BUDGET_HEADERS, *rows])
        for row in summary.budget:
            if row.basis:
                lines += _wrap(f"{row.kind.capitalize()} {row.year}: {row.basis}", "  ", "    ")
    if summary.notes:
        lines += _section("Consistency notes")
        for note in summary.notes:
            where = f" ({paragraphs_ref(note.paragraphs)})" if note.paragraphs else ""
            lines += _wrap(f"- {note.message}{where}", "", "  ")
    if summary.people:
        lines += _section("People")
        for person in summary.people:
            role = ", ".join(x for x in (person.role, person.country) if x)
            text = f"- {person.name}" + (f" ({role})" if role else "")
            lines += _wrap(f"{text}; {paragraphs_ref(person.paragraphs)}", "", "  ")
    if summary.quotes:
        lines += _section("Quotations")
        for quote in summary.quotes:
            who = quote.speaker or "Unattributed"
            lines += _wrap(f"- {who}: {quote.text} ({paragraph_ref(quote.paragraph)})", "", "  ")
    if summary.sources:
        lines += _section("Sources cited")
        for src in summary.sources:
            date = f", {src.date}" if src.date else ""
            lines.append(f"- {src.name}{date} ({paragraph_ref(src.paragraph)})")
    return "\n".join(lines) + "\n"
