"""The summary as Markdown (CommonMark with pipe tables), for notes and wikis."""

from __future__ import annotations

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
    partner_meta,
    partner_name,
    quoted_above,
    title_fields,
)

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def escape(text: str) -> str:
    """Text that Markdown shows literally (no accidental emphasis, links or table breaks)."""
    return text.translate(_SPECIAL)


def _partner(entry: PartnerEntry, depth: int) -> list[str]:
    pad = "  " * depth
    lines = [f"{pad}- **{escape(partner_name(entry.name, entry.code))}** — "
             f"{escape(partner_meta(entry))}"]
    for group in entry.groups:
        extras = [escape(x) for x in (back_reference(group), more_note(group)) if x]
        label = f"{pad}  - *{escape(group_label(group))}*"
        if not fresh(group):  # only references back: one line
            lines.append(f"{label} ({'; '.join(extras)})")
            continue
        lines.append(label)
        for ex in fresh(group):
            cue = f", {escape(cue_note(ex))}" if ex.cue else ""
            lines.append(f"{pad}    - {paragraph_ref(ex.paragraph)}{cue}: {escape(ex.text)}")
        lines += [f"{pad}    - ({extra})" for extra in extras]
    for child in entry.children:
        lines += _partner(child, depth + 1)
    return lines


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(escape(c) for c in cells) + " |"


def _matrix(matrix: OverviewMatrix) -> list[str]:
    """A pipe table with numbered area columns and the legend under it."""
    keys = matrix_key(matrix)
    lines = [_row(("Partner", "Tier", *keys)), "|---|---|" + "|".join("--:" for _ in keys) + "|"]
    for row in matrix.partners:
        name = ("↳ " * min(row.depth, 1)) + matrix_row_label(row).strip()
        lines.append(_row((name, row.tier or "—", *(count_cell(c) for c in row.counts))))
    return lines + ["", escape(matrix_legend(matrix)).replace("\u00a0", " "), "",
                    f"*{escape(MATRIX_NOTE)}*"]


def render_markdown(summary: Summary) -> str:
    """Markdown: the overview (matrix, budget) first, then each partner's evidence."""
    head = summary.title
    lines = [f"# {escape(head.title)}", ""]
    lines += [f"**{k}:** {escape(v)}  " for k, v in title_fields(head)]
    lines += ["", escape(summary.overview)]
    if summary.matrix is not None:
        lines += ["", "## Partners by area", ""] + _matrix(summary.matrix)
    if summary.budget:
        lines += ["", "## Defense budget", "", _row(BUDGET_HEADERS)]
        lines.append("|" + "|".join("---" for _ in BUDGET_HEADERS) + "|")
        lines += [_row(short_budget_cells(r)) for r in summary.budget]
        notes = [escape(n) for r in summary.budget if (n := basis_note(r))]
        lines += ["", *(f"*{n}*  " for n in notes)] if notes else []
    if summary.chart is not None:
        lines += ["", f"*Chart: the budget by year in {summary.chart.currency}; see the HTML or "
                  "PDF summary for the figure.*"]
    if summary.notes:
        lines += ["", "## Consistency notes", ""]
        for note in summary.notes:
            where = f" ({paragraphs_ref(note.paragraphs)})" if note.paragraphs else ""
            lines.append(f"- {escape(note.message)}{where}")
    if summary.partners:
        lines += ["", "## Partners and areas", ""]
        for entry in summary.partners:
            lines += _partner(entry, 0)
    if summary.people:
        lines += ["", "## People", ""]
        for p in summary.people:
            role = ", ".join(escape(x) for x in (p.role, p.country) if x)
            lines.append(f"- **{escape(p.name)}**" + (f", {role}" if role else "")
                         + f" ({paragraphs_ref(p.paragraphs)})")
    if summary.quotes:
        lines += ["", "## Quotations", ""]
        for q in summary.quotes:
            if q.see:
                continue
            lines.append(f"> {escape(q.text)}  ")
            who = escape(q.speaker or "unattributed")
            lines.append(f"> — {who}, {paragraph_ref(q.paragraph)}")
            lines.append("")
        if above := quoted_above(summary.quotes):
            lines.append(escape(above))
        elif lines[-1] == "":
            lines.pop()
    if summary.sources:
        lines += ["", "## Sources cited", ""]
        for name, where in cited_sources(summary.sources):
            lines.append(f"- {escape(name)}" + (f" ({where})" if where else ""))
    return "\n".join(lines) + "\n"
