"""The budget chart as hand-written SVG, so HTML summaries stay self-contained and Qt-free.

Stated figures are solid bars, derived ones hatched with a dashed outline, and a year known only
by its direction is an arrow without a height.
"""

from __future__ import annotations

from html import escape

from multivector.summary.model import BudgetChart
from multivector.summary.wording import format_number

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
STATED = "#2f5f8f"
DERIVED = "#7a9cc0"
INK = "#222222"


def chart_scale(chart: BudgetChart) -> tuple[float, str]:
    """The divisor and unit words that keep the chart's labels short ("billion KZT")."""
    top = max((b.value for b in chart.bars if b.value is not None), default=0.0)
    for scale, word in _SCALES:
        if top >= scale:
            return scale, f"{word} {chart.currency}".strip()
    return 1.0, chart.currency


def chart_svg(chart: BudgetChart, width: int = 640, height: int = 260) -> str:
    """An `<svg>` element for inline use in HTML (no namespace URL: HTML5 needs none)."""
    scale, unit = chart_scale(chart)
    left, right, top, bottom = 56, 16, 36, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((b.value for b in chart.bars if b.value is not None), default=0.0) or 1.0
    slot = plot_w / max(len(chart.bars), 1)
    bar_w = min(slot * 0.55, 90)
    base = top + plot_h
    parts = [
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Defense budget by year, {escape(unit)}" '
        'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">',
        '<defs><pattern id="mv-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"></rect>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{DERIVED}" stroke-width="3"></line>'
        "</pattern></defs>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"></rect>',
        f'<text x="{left}" y="18" fill="{INK}" font-weight="bold">Defense budget, {escape(unit)}'
        "</text>",
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="{INK}"></line>',
    ]
    for i, bar in enumerate(chart.bars):
        cx = left + slot * (i + 0.5)
        x = cx - bar_w / 2
        parts.append(f'<text x="{cx:.1f}" y="{base + 18}" text-anchor="middle" fill="{INK}">'
                     f"{bar.year}</text>")
        if bar.value is None:
            up = bar.direction != "down"
            y1, y2 = (base - 8, base - plot_h * 0.6) if up else (base - plot_h * 0.6, base - 8)
            head = -1 if up else 1
            parts.append(
                f'<g stroke="{STATED}" stroke-width="3" fill="none"><line x1="{cx:.1f}" '
                f'y1="{y1:.1f}" x2="{cx:.1f}" y2="{y2:.1f}"></line><polyline points="'
                f'{cx - 9:.1f},{y2 - head * 12:.1f} {cx:.1f},{y2:.1f} {cx + 9:.1f},'
                f'{y2 - head * 12:.1f}"></polyline></g>'
            )
            label = "growth, no figure" if up else "cut, no figure"
            parts.append(f'<text x="{cx:.1f}" y="{min(y1, y2) - 8:.1f}" text-anchor="middle" '
                         f'fill="{INK}" font-style="italic">{label}</text>')
            continue
        h = plot_h * bar.value / peak
        fill = STATED if bar.kind == "stated" else "url(#mv-hatch)"
        dash = '' if bar.kind == "stated" else ' stroke-dasharray="4 3"'
        parts.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                     f'fill="{fill}" stroke="{STATED}"{dash}></rect>')
        parts.append(f'<text x="{cx:.1f}" y="{base - h - 6:.1f}" text-anchor="middle" '
                     f'fill="{INK}">{format_number(bar.value / scale)}</text>')
    legend_y = height - 8
    parts.append(
        f'<rect x="{left}" y="{legend_y - 10}" width="12" height="10" fill="{STATED}"></rect>'
        f'<text x="{left + 16}" y="{legend_y}" fill="{INK}">stated</text>'
        f'<rect x="{left + 70}" y="{legend_y - 10}" width="12" height="10" fill="url(#mv-hatch)" '
        f'stroke="{STATED}" stroke-dasharray="4 3"></rect>'
        f'<text x="{left + 86}" y="{legend_y}" fill="{INK}">derived</text>'
        f'<text x="{left + 150}" y="{legend_y}" fill="{INK}">↑ direction only (no figure)</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
