"""The budget chart as hand-written SVG, so HTML summaries stay self-contained and Qt-free.

It draws summary/chart.py's layout, as the window's plot does: stated figures solid, planned ones
outlined, derived ones hatched with a dashed outline, a year known only by its direction an
arrow; the share of GDP a line with its own axis on the right (on the left when the text gives
shares alone), where the dollar axis goes otherwise.
"""

from __future__ import annotations

from html import escape

from multivector.engine.budget.numbers import format_number
from multivector.summary.chart import BudgetLayout, Tick

STATED = "#2f5f8f"
DERIVED = "#7a9cc0"
SHARE = "#c0504d"
INK = "#222222"
GRID = "#dddddd"


def _axis(ticks: tuple[Tick, ...], top: float, x: float, base: float, plot_h: float,
          anchor: str, grid_to: float | None = None) -> list[str]:
    parts = []
    for value, label in ticks:
        y = base - plot_h * value / (top or 1.0)
        if grid_to is not None:
            parts.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{grid_to:.1f}" y2="{y:.1f}" '
                         f'stroke="{GRID}"></line>')
        dx = -6 if anchor == "end" else 6
        parts.append(f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" '
                     f'fill="{INK}">{escape(label)}</text>')
    return parts


def chart_svg(chart: BudgetLayout, width: int = 640, height: int = 260) -> str:
    """An `<svg>` element for inline use in HTML (no namespace URL: HTML5 needs none)."""
    amounts = chart.has_amounts
    unit = chart.axis_label() if amounts else "% of GDP"
    left, right, top, bottom = 56, 56, 36, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    years = chart.years
    slot = plot_w / max(len(years), 1)
    bar_w = min(slot * 0.55, 90)
    base = top + plot_h

    def cx(year: int) -> float:
        return left + slot * (years.index(year) + 0.5)

    parts = [
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Defense budget by year, {escape(unit)}" '
        'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">',
        '<defs><pattern id="mv-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"></rect>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{DERIVED}" stroke-width="3"></line>'
        "</pattern></defs>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"></rect>',
        f'<text x="{left}" y="18" fill="{INK}" font-weight="bold">Defense budget, {escape(unit)}'
        "</text>",
    ]
    if amounts:
        parts += _axis(chart.ticks, chart.top, left, base, plot_h, "end", width - right)
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" '
                 f'stroke="{INK}"></line>')
    for year in years:
        parts.append(f'<text x="{cx(year):.1f}" y="{base + 18}" text-anchor="middle" '
                     f'fill="{INK}">{year}</text>')
    for bar in chart.bars:
        x = cx(bar.year)
        if bar.height is None:
            up = bar.direction != "down"
            y1, y2 = (base - 8, base - plot_h * 0.6) if up else (base - plot_h * 0.6, base - 8)
            head = -1 if up else 1
            parts.append(
                f'<g stroke="{STATED}" stroke-width="3" fill="none"><line x1="{x:.1f}" '
                f'y1="{y1:.1f}" x2="{x:.1f}" y2="{y2:.1f}"></line><polyline points="'
                f'{x - 9:.1f},{y2 - head * 12:.1f} {x:.1f},{y2:.1f} {x + 9:.1f},'
                f'{y2 - head * 12:.1f}"></polyline></g>'
            )
            label = "growth, no figure" if up else "cut, no figure"
            parts.append(f'<text x="{x:.1f}" y="{min(y1, y2) - 8:.1f}" text-anchor="middle" '
                         f'fill="{INK}" font-style="italic">{label}</text>')
            continue
        h = plot_h * bar.height / (chart.top or 1.0)
        fill = {"stated": STATED, "derived": "url(#mv-hatch)"}.get(bar.kind, "#ffffff")
        dash = ' stroke-dasharray="4 3"' if bar.kind == "derived" else ""
        parts.append(f'<rect x="{x - bar_w / 2:.1f}" y="{base - h:.1f}" width="{bar_w:.1f}" '
                     f'height="{h:.1f}" fill="{fill}" stroke="{STATED}" stroke-width="2"{dash}>'
                     "</rect>")
        parts.append(f'<text x="{x:.1f}" y="{base - h - 6:.1f}" text-anchor="middle" '
                     f'fill="{INK}">{bar.figure}</text>')
    if chart.shares:
        share_x = width - right if amounts else left
        parts += _axis(chart.share_ticks, chart.share_top, share_x, base, plot_h,
                       "start" if amounts else "end", None if amounts else width - right)
        points = [(cx(p.year), base - plot_h * p.share / (chart.share_top or 1.0))
                  for p in chart.shares]
        parts.append(f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}" '
                     f'fill="none" stroke="{SHARE}" stroke-width="2"></polyline>')
        for (x, y), point in zip(points, chart.shares, strict=True):
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{SHARE}"></circle>'
                         f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" '
                         f'fill="{SHARE}">{format_number(point.share)}%</text>')
    elif chart.usd_ticks:
        parts += _axis(chart.usd_ticks, chart.top, width - right, base, plot_h, "start")
    parts.append(_legend(left, height - 8, amounts, bool(chart.shares)))
    parts.append("</svg>")
    return "".join(parts)


def _legend(x: int, y: int, amounts: bool, shares: bool) -> str:
    items = []
    if amounts:
        items += [
            f'<rect x="{x}" y="{y - 10}" width="12" height="10" fill="{STATED}"></rect>'
            f'<text x="{x + 16}" y="{y}" fill="{INK}">stated</text>',
            f'<rect x="{x + 66}" y="{y - 10}" width="12" height="10" fill="#ffffff" '
            f'stroke="{STATED}" stroke-width="2"></rect>'
            f'<text x="{x + 82}" y="{y}" fill="{INK}">planned</text>',
            f'<rect x="{x + 140}" y="{y - 10}" width="12" height="10" fill="url(#mv-hatch)" '
            f'stroke="{STATED}" stroke-dasharray="4 3"></rect>'
            f'<text x="{x + 156}" y="{y}" fill="{INK}">derived</text>',
        ]
    if shares:
        sx = x + (214 if amounts else 0)
        items.append(f'<line x1="{sx}" y1="{y - 5}" x2="{sx + 14}" y2="{y - 5}" stroke="{SHARE}" '
                     f'stroke-width="2"></line><text x="{sx + 18}" y="{y}" fill="{INK}">'
                     "% of GDP</text>")
    return "".join(items)
