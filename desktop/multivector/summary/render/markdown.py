"""The summary as Markdown (CommonMark with pipe tables), for notes and wikis."""

from __future__ import annotations

from multivector.summary.budget import BUDGET_HEADERS, budget_cells
from multivector.summary.model import PartnerEntry, Summary
from multivector.summary.wording import (
    area_groups,
    paragraph_ref,
    paragraphs_ref,
    partner_meta,
    title_fields,
)

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def escape(text: str) -> str:
    """Text that Markdown shows literally (no accidental emphasis, links or table breaks)."""
    return text.translate(_SPECIAL)


def _partner(entry: PartnerEntry, depth: int) -> list[str]:
    pad = "  " * depth
    lines = [f"{pad}- **{escape(entry.name)}** — {escape(partner_meta(entry))}"]
    for label, excerpts in area_groups(entry):
        lines.append(f"{pad}  - *{escape(label)}*")
        for ex in excerpts:
            lines.append(f"{pad}    - “{escape(ex.text)}” ({paragraph_ref(ex.paragraph)})")
    for child in entry.children:
        lines += _partner(child, depth + 1)
    return lines


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(escape(c) for c in cells) + " |"


def render_markdown(summary: Summary) -> str:
    """Markdown with a title, fields, a partner list, a budget table and the notes."""
    head = summary.title
    lines = [f"# {escape(head.title)}", ""]
    lines += [f"**{k}:** {escape(v)}  " for k, v in title_fields(head)]
    lines += ["", escape(summary.overview)]
    if summary.partners:
        lines += ["", "## Partners and areas", ""]
        for entry in summary.partners:
            lines += _partner(entry, 0)
    if summary.budget:
        lines += ["", "## Defense budget", "", _row(BUDGET_HEADERS)]
        lines.append("|" + "|".join("---" for _ in BUDGET_HEADERS) + "|")
        lines += [_row(budget_cells(r)) for r in summary.budget]
    if summary.chart is not None:
        lines += ["", f"*Chart: the budget by year in {summary.chart.currency}; see the HTML or "
                  "PDF summary for the figure.*"]
    if summary.notes:
        lines += ["", "## Consistency notes", ""]
        for note in summary.notes:
            where = f" ({paragraphs_ref(note.paragraphs)})" if note.paragraphs else ""
            lines.append(f"- {escape(note.message)}{where}")
    if summary.people:
        lines += ["", "## People", ""]
        for p in summary.people:
            role = ", ".join(escape(x) for x in (p.role, p.country) if x)
            lines.append(f"- **{escape(p.name)}**" + (f", {role}" if role else "")
                         + f" ({paragraphs_ref(p.paragraphs)})")
    if summary.quotes:
        lines += ["", "## Quotations", ""]
        for q in summary.quotes:
            lines.append(f"> {escape(q.text)}  ")
            who = escape(q.speaker or "unattributed")
            lines.append(f"> — {who}, {paragraph_ref(q.paragraph)}")
            lines.append("")
        lines.pop()
    if summary.sources:
        lines += ["", "## Sources cited", ""]
        for s in summary.sources:
            date = f", {escape(s.date)}" if s.date else ""
            lines.append(f"- {escape(s.name)}{date} ({paragraph_ref(s.paragraph)})")
    return "\n".join(lines) + "\n"
