"""The summary as one self-contained HTML page: inline CSS, the chart as inline SVG, no links."""

from __future__ import annotations

from html import escape

from multivector.summary.budget import BUDGET_HEADERS, budget_cells
from multivector.summary.model import Excerpt, PartnerEntry, Summary
from multivector.summary.render.svg import chart_svg
from multivector.summary.wording import (
    area_groups,
    paragraph_ref,
    paragraphs_ref,
    partner_meta,
    title_fields,
)

CSS = """
body { font-family: "DejaVu Serif", Georgia, serif; color: #222; max-width: 46em;
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
.where { color: #666; font-size: 0.85em; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { background: #e8ecf1; }
tr { page-break-inside: avoid; break-inside: avoid; }
tr.derived td { font-style: italic; }
tr.qualitative td { color: #555; }
figure { margin: 1em 0; }
@media print { body { margin: 0; max-width: none; } }
"""


def _excerpt(ex: Excerpt) -> str:
    cue = f" · via “{escape(ex.cue)}”" if ex.cue else ""
    where = f'<span class="where">({paragraph_ref(ex.paragraph)}{cue})</span>'
    return f"<blockquote>“{escape(ex.text)}” {where}</blockquote>"


def _partner(entry: PartnerEntry) -> list[str]:
    code = f" ({escape(entry.code)})" if entry.code and entry.code != entry.name else ""
    out = [f'<li><span class="partner">{escape(entry.name)}{code}</span> '
           f'<span class="meta">{escape(partner_meta(entry))}</span>']
    groups = area_groups(entry)
    if groups or entry.children:
        out.append("<ul>")
        for label, excerpts in groups:
            out.append(f'<li><span class="area">{escape(label)}</span>')
            out += [_excerpt(ex) for ex in excerpts]
            out.append("</li>")
        for child in entry.children:
            out += _partner(child)
        out.append("</ul>")
    out.append("</li>")
    return out


def _budget(summary: Summary) -> list[str]:
    out = ['<h2>Defense budget</h2>', "<table>", "<thead><tr>"]
    out += [f"<th>{escape(h)}</th>" for h in BUDGET_HEADERS]
    out += ["</tr></thead>", "<tbody>"]
    for row in summary.budget:
        cells = "".join(f"<td>{escape(c)}</td>" for c in budget_cells(row))
        out.append(f'<tr class="{escape(row.kind)}">{cells}</tr>')
    out += ["</tbody>", "</table>"]
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
    if summary.partners:
        out += ["<h2>Partners and areas</h2>", '<ul class="partners">']
        for entry in summary.partners:
            out += _partner(entry)
        out.append("</ul>")
    if summary.budget:
        out += _budget(summary)
    if summary.notes:
        out += ["<h2>Consistency notes</h2>", "<ul>"]
        for n in summary.notes:
            refs = paragraphs_ref(n.paragraphs)
            where = f' <span class="where">({refs})</span>' if refs else ""
            out.append(f"<li>{escape(n.message)}{where}</li>")
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
            out.append(f"<blockquote>{escape(q.text)} <span class=\"where\">— "
                       f"{escape(q.speaker or 'unattributed')}, {paragraph_ref(q.paragraph)}"
                       "</span></blockquote>")
    if summary.sources:
        out += ["<h2>Sources cited</h2>", "<ul>"]
        for s in summary.sources:
            date = f", {escape(s.date)}" if s.date else ""
            out.append(f'<li>{escape(s.name)}{date} <span class="where">'
                       f"({paragraph_ref(s.paragraph)})</span></li>")
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
