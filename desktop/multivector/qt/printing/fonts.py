"""The fonts of the printed page."""

from __future__ import annotations

from PySide6.QtGui import QFont

SERIF, SANS = "DejaVu Serif", "DejaVu Sans"


def print_font(family: str, pt: float, bold: bool = False, italic: bool = False) -> QFont:
    """A font without ligatures, so text copied or searched in the PDF reads "fi", not "ﬁ"."""
    font = QFont(family)
    font.setPointSizeF(pt)
    font.setBold(bold)
    font.setItalic(italic)
    font.setFeature(QFont.Tag("liga"), 0)
    return font
