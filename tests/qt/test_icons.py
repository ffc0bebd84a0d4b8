"""The icon table: every one of our names resolves, unknown names fail loudly."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from multivector.qt.common import icons


def test_every_named_icon_paints(qtbot: QtBot) -> None:
    for name in icons.NAMED:
        pixmap = icons.icon(name).pixmap(32, 32)
        image = pixmap.toImage()
        opaque = sum(
            image.pixelColor(x, y).alpha() > 0 for x in range(32) for y in range(32)
        )
        assert opaque > 20, name  # something was drawn


def test_taxonomy_names_pass_through(qtbot: QtBot) -> None:
    assert not icons.icon("mdi6.school", "#ff0000").isNull()


@pytest.mark.parametrize("name", ["countri", "mdi6.no-such-icon-here", ""])
def test_unknown_names_fail_loudly(qtbot: QtBot, name: str) -> None:
    with pytest.raises(icons.UnknownIconError):
        icons.icon(name)


def test_every_taxonomy_area_icon_exists(qtbot: QtBot) -> None:
    from multivector.engine.knowledge.taxonomy import load_taxonomy

    bad = []
    for area in load_taxonomy().areas.values():
        try:
            icons.icon(area.icon)
        except icons.UnknownIconError:
            bad.append(f"{area.id}: {area.icon}")
    assert bad == []


def test_icons_are_drawn_from_the_font_without_qtawesome(qtbot: QtBot) -> None:
    """qtawesome (and the qtpy it pulls in) stays out of the start-up: the glyphs come from its
    font file. Checked in a fresh process, where nothing else imported it first."""
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from multivector.qt.common import icons\n"
        "image = icons.icon('budget', '#2f8f5b').pixmap(32, 32).toImage()\n"
        "drawn = [image.pixelColor(x, y) for x in range(32) for y in range(32)\n"
        "         if image.pixelColor(x, y).alpha() > 200]\n"
        "print(len(drawn), drawn[0].name() if drawn else '-',\n"
        "      sorted(m for m in ('qtawesome', 'qtpy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout.split()
    assert int(out[0]) > 40 and out[1] == "#2f8f5b"  # the glyph, in the node's colour
    assert out[2:] == ["[]"]


def test_plain_icons_follow_the_palette_and_disabled_ones_grey(qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication, QIcon, QPalette

    text = QGuiApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    plain = icons.icon("open")
    for mode, expected in ((QIcon.Mode.Normal, text),
                           (QIcon.Mode.Disabled, QGuiApplication.palette().color(
                               QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))):
        image = plain.pixmap(32, 32, mode).toImage()
        solid = {image.pixelColor(x, y).name() for x in range(32) for y in range(32)
                 if image.pixelColor(x, y).alpha() == 255}
        assert solid == {expected.name()}, mode
