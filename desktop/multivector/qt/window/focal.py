"""Asking the analyst which country the article is about: the countries it names first, then
every country the gazetteer knows."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from multivector.model.analysis import Analysis
from multivector.qt.views.focal_chooser import FocalChooser


def focal_candidates(analysis: Analysis) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, code) of the countries the article names (the focal one first, then partners),
    and of every other country, by name."""
    from multivector.engine.knowledge.gazetteer import load_gazetteer

    countries = {e.id: e.name for e in load_gazetteer().entities.values() if e.kind == "country"}
    named: list[str] = []
    if analysis.focal is not None and analysis.focal.code in countries:
        named.append(analysis.focal.code)
    named += [p.id for p in analysis.partners if p.kind == "country" and p.id in countries
              and p.id not in named]
    others = sorted((c for c in countries if c not in named), key=lambda c: countries[c])
    return [(countries[c], c) for c in named], [(countries[c], c) for c in others]


def ask_focal(parent: QWidget, analysis: Analysis,
              current: str | None) -> tuple[str | None, str] | None:
    """(code, name) of the analyst's choice (code None: detect from the text), or None when
    the question is cancelled."""
    named, others = focal_candidates(analysis)
    dialog = FocalChooser(named, others, current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    code = dialog.choice()
    names = dict((c, n) for n, c in named + others)
    return code, names.get(code or "", "detected from the text")
