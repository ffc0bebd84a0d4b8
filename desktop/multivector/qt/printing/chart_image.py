"""The budget chart for paper: the window's plot (summary/chart.py's layout) drawn in print
colours, with no window."""

from __future__ import annotations

from PySide6.QtGui import QImage

from multivector.model.analysis import Analysis
from multivector.qt.views.budget_plot import render_budget_chart


def chart_image(analysis: Analysis, width: int, height: int,
                node_id: str | None = None) -> QImage:
    """The budget chart for print (white background) at `width` x `height` screen pixels: the
    plot draws its text at screen size, so the page scales the image like its fonts."""
    return render_budget_chart(analysis, width, height, node_id=node_id)
