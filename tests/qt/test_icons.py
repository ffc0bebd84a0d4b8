"""The icon table: every one of our names resolves, unknown names fail loudly."""

from __future__ import annotations

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


def test_deferred_icons_paint_once_loaded(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(icons._QTA, "defer", False)
    icons.defer_loading()
    deferred = icons.icon("budget", "#123456")
    blank = deferred.pixmap(24, 24).toImage()
    assert all(blank.pixelColor(x, y).alpha() == 0 for x in range(24) for y in range(24))
    icons.load()
    drawn = deferred.pixmap(24, 24).toImage()
    assert any(drawn.pixelColor(x, y).alpha() > 0 for x in range(24) for y in range(24))
