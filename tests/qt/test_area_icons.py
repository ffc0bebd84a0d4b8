"""Every icon named in the area taxonomy exists in qtawesome (the tree fails loudly otherwise)."""

import tomllib

import qtawesome
from pytestqt.qtbot import QtBot

from multivector.resources import resource_path


def test_every_area_icon_exists(qtbot: QtBot) -> None:
    with resource_path("areas.toml").open("rb") as handle:
        areas = tomllib.load(handle)
    for area_id, data in areas.items():
        icon = qtawesome.icon(data["icon"])  # raises on an unknown name
        assert not icon.pixmap(16, 16).isNull(), area_id
