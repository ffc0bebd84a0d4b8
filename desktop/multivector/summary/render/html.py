"""The summary as one self-contained HTML page: inline CSS, the chart as inline SVG, no links.

The overview (matrix, budget) comes first, then each partner's evidence, as on paper.
"""

from __future__ import annotations

from html import escape

from multivector.summary.budget import BUDGET_HEADERS, basis_note, short_budget_cells
from multivector.summary.model import Excerpt, OverviewMatrix, PartnerEntry, Summary
from multivector.summary.render.svg import chart_svg
from multivector.summary.wording import (
    MATRIX_NOTE,
    back_reference,
    cited_sources,
    count_cell,
    cue_note,
    fresh,
    group_label,
    matrix_row_label,
    more_note,
    paragraph_ref,
    paragraphs_ref,
    partner_meta,
    partner_name,
    quoted_above,
    title_fields,
)

CSS = """
body { font-family: "DejaVu Serif", Georgia, serif; color: #222; max-width: 50em;
  margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1, h2, th, .meta, figcaption { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; border-bottom: 1px solid #999; margin-top: 1.6em; }
dl.title { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em;
  font-size: 0.92em; }
dl.title dt { font-weight: bold; }
dl.title dd { margin: 0; }
.overview { background: #f3f5f8; border-left: 4px solid #2f5f8f; padding: 0.6em 0.9em; }
ul.partners, ul.partners ul { list-style: none; padding-left: 1.2em; }
ul.partners { padding-left: 0; }
.partner { font-weight: bold; }
.meta { color: #555; font-size: 0.85em; }
.area { font-style: italic; }
blockquote { margin: 0.2em 0 0.5em 0; color: #333; }
.area + blockquote, blockquote + blockquote { margin-top: 0.2em; }
.where { color: #666; font-size: 0.85em; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { background: #e8ecf1; }
tr { page-break-inside: avoid; break-inside: avoid; }
tr.derived td { font-style: italic; }
tr.qualitative td { color: #555; }
figure { margin: 1em 0; }
table.matrix { width: auto; font-size: 0.8em; }
table.matrix th, table.matrix td { text-align: center; padding: 0.15em 0.2em; }
table.matrix th.name, table.matrix td.name { text-align: left; white-space: nowrap; }
table.matrix th { vertical-align: bottom; }
table.matrix th.col { font-weight: normal; font-size: 0.9em; width: 2.3em; line-height: 1.15; }
/* Upwards, and on two lines when long (max-height is the line length of upright text). */
table.matrix th.col span { writing-mode: vertical-rl; transform: rotate(180deg);
  display: inline-block; max-height: 10em; white-space: normal; text-align: left; }
div.matrix { overflow-x: auto; }
table.matrix td.n0 { color: #bbb; }
table.matrix td.n1 { background: #dbe6f1; }
table.matrix td.n2 { background: #b3c9e1; }
table.matrix td.n3 { background: #7f9fc4; color: #fff; font-weight: bold; }
td.child { padding-left: 1.2em; }
.tier { color: #555; font-size: 0.9em; }
p.note { color: #555; font-size: 0.85em; margin-top: 0.3em; }
.para { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #666;
  font-size: 0.8em; margin-right: 0.4em; }
.see { color: #555; font-style: italic; font-size: 0.9em; margin: 0.2em 0 0.5em 0; }
span.see { margin: 0 0 0 0.5em; }
p.basis { color: #555; font-style: italic; font-size: 0.85em; margin: 0.3em 0; }
@media print { body { margin: 0; max-width: none; } }
"""


def _excerpt(ex: Excerpt) -> str:
    cue = f' <span class="where">({escape(cue_note(ex))})</span>' if ex.cue else ""
    return (f'<blockquote><span class="para">{paragraph_ref(ex.paragraph)}</span>'
            f"{escape(ex.text)}{cue}</blockquote>")


def _partner(entry: PartnerEntry) -> list[str]:
    out = [f'<li><span class="partner">{escape(partner_name(entry.name, entry.code))}</span> '
           f'<span class="meta">{escape(partner_meta(entry))}</span>']
    if entry.groups or entry.children:
        out.append("<ul>")
        for group in entry.groups:
            label = f'<span class="area">{escape(group_label(group))}</span>'
            extras = [x for x in (back_reference(group), more_note(group)) if x]
            if not fresh(group):  # only references back: one line
                refs = escape("; ".join(extras))
                out.append(f'<li>{label}<span class="see">({refs})</span></li>')
                continue
            out.append(f"<li>{label}")
            out += [_excerpt(ex) for ex in fresh(group)]
            out += [f'<p class="see">({escape(extra)})</p>' for extra in extras]
            out.append("</li>")
        for child in entry.children:
            out += _partner(child)
        out.append("</ul>")
    out.append("</li>")
    return out


def _matrix(matrix: OverviewMatrix) -> list[str]:
    """Area names written upwards, so twenty areas fit the width of a page."""
    out = ['<h2>Partners by area</h2>', '<div class="matrix">', '<table class="matrix">',
           "<thead><tr>",
           '<th class="name">Partner</th><th class="name">Tier</th>']
    out += [f'<th class="col" title="{escape(a.label)}"><span>{escape(a.label)}</span></th>'
            for a in matrix.areas]
    out += ["</tr></thead>", "<tbody>"]
    for row in matrix.partners:
        child = " child" if row.depth else ""
        cells = "".join(f'<td class="n{min(c, 3)}">{count_cell(c)}</td>' for c in row.counts)
        out.append(f'<tr><td class="name{child}" title="{escape(row.name)}">'
                   f'{escape(matrix_row_label(row, 16).strip())}</td>'
                   f'<td class="tier">{escape(row.tier or "—")}</td>{cells}</tr>')
    out += ["</tbody>", "</table>", "</div>", f'<p class="note">{escape(MATRIX_NOTE)}</p>']
    return out


def _budget(summary: Summary) -> list[str]:
    out = ['<h2>Defense budget</h2>', "<table>", "<thead><tr>"]
    out += [f"<th>{escape(h)}</th>" for h in BUDGET_HEADERS]
    out += ["</tr></thead>", "<tbody>"]
    for row in summary.budget:
        cells = "".join(f"<td>{escape(c)}</td>" for c in short_budget_cells(row))
        out.append(f'<tr class="{escape(row.kind)}">{cells}</tr>')
    out += ["</tbody>", "</table>"]
    out += [f'<p class="basis">{escape(note)}</p>' for r in summary.budget
            if (note := basis_note(r))]
    if summary.chart is not None:
        out += ["<figure>", chart_svg(summary.chart),
                "<figcaption>Stated figures solid, derived figures hatched; a year with only a "
                "direction is an arrow.</figcaption>", "</figure>"]
    return out


def render_html(summary: Summary) -> str:
    """A complete HTML5 document."""
    head = summary.title
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{escape(head.title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
           f"<h1>{escape(head.title)}</h1>"]
    out.append('<dl class="title">')
    out += [f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in title_fields(head)]
    out += ["</dl>", f'<p class="overview">{escape(summary.overview)}</p>']
    if summary.matrix is not None:
        out += _matrix(summary.matrix)
    if summary.budget:
        out += _budget(summary)
    if summary.notes:
        out += ["<h2>Consistency notes</h2>", "<ul>"]
        for n in summary.notes:
            refs = paragraphs_ref(n.paragraphs)
            where = f' <span class="where">({refs})</span>' if refs else ""
            out.append(f"<li>{escape(n.message)}{where}</li>")
        out.append("</ul>")
    if summary.partners:
        out += ["<h2>Partners and areas</h2>", '<ul class="partners">']
        for entry in summary.partners:
            out += _partner(entry)
        out.append("</ul>")
    if summary.people:
        out += ["<h2>People</h2>", "<ul>"]
        for p in summary.people:
            role = ", ".join(x for x in (p.role, p.country) if x)
            role_html = f", {escape(role)}" if role else ""
            out.append(f"<li><strong>{escape(p.name)}</strong>{role_html} "
                       f'<span class="where">({paragraphs_ref(p.paragraphs)})</span></li>')
        out.append("</ul>")
    if summary.quotes:
        out.append("<h2>Quotations</h2>")
        for q in summary.quotes:
            if not q.see:
                out.append(f"<blockquote>{escape(q.text)} <span class=\"where\">— "
                           f"{escape(q.speaker or 'unattributed')}, {paragraph_ref(q.paragraph)}"
                           "</span></blockquote>")
        if above := quoted_above(summary.quotes):
            out.append(f'<p class="see">{escape(above)}</p>')
    if summary.sources:
        out += ["<h2>Sources cited</h2>", "<ul>"]
        for name, where in cited_sources(summary.sources):
            refs = f' <span class="where">({where})</span>' if where else ""
            out.append(f"<li>{escape(name)}{refs}</li>")
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
