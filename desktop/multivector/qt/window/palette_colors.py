"""Our dark palette, for the Fusion style (--dark, and View > Dark Palette)."""

from __future__ import annotations

DARK_WINDOW = "#202326"  # the dark palette's window colour (also how it is recognized)


def dark_palette() -> object:
    """A dark palette for the Fusion style (used with --dark; otherwise the system's is kept)."""
    from PySide6.QtGui import QColor, QPalette

    pal = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        role.Window: DARK_WINDOW, role.WindowText: "#e6e6e6", role.Base: "#17191c",
        role.AlternateBase: "#1f2226", role.ToolTipBase: "#2b2f33", role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#8a8f96", role.Text: "#e6e6e6", role.Button: "#2a2d31",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Link: "#6cb6ff",
        role.Highlight: "#2f6fb3", role.HighlightedText: "#ffffff", role.Mid: "#3a3e43",
        role.Dark: "#111315", role.Light: "#3a3e43", role.Midlight: "#30343a", role.Shadow: "#000000",
    }
    for r, c in colors.items():
        pal.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor("#6d7278"))
    return pal
