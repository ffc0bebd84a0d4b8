"""Each correction through the controller's undo stack: do, undo, redo; saving, autosave,
recovery and the questions on opening and closing."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

import multivector.platform.storage as storage
import multivector.qt.corrections.controller as controller_module
from multivector.corrections.edits import AREA, PARTNER, NodeSpec
from multivector.corrections.project import autosave_path_for, load_project
from multivector.model.errors import InputError
from multivector.qt.corrections.controller import CorrectionsController
from multivector.qt.corrections.prompts import confirm_close, offer_recovery
from multivector.qt.corrections.undo_history import UndoHistoryView, undo_redo_actions

from .undo_sample import sample

span = sample.span


@pytest.fixture
def base(tmp_path):
    analysis = sample.analysis()
    return replace(analysis, document=replace(analysis.document, path=str(tmp_path / "mn.txt")))


@pytest.fixture
def ctl(qtbot, base):
    return CorrectionsController(base, autosave_ms=40)


def texts(analysis, node_id):
    node = analysis.partner(node_id) or analysis.area(node_id)
    return [(analysis.document.text[x.start : x.end], x.origin) for x in node.passages]


def check_assign(ctl):
    assert texts(ctl.analysis, "IND")[-1] == (sample.SENTENCES[5], "human")


def check_new_node(ctl):
    kor = ctl.analysis.partner("KOR")
    assert (kor.name, kor.tier) == ("Korea", "secondary")
    assert texts(ctl.analysis, "KOR") == [(sample.SENTENCES[2], "human")]


def check_remove(ctl):
    assert texts(ctl.analysis, "JPN") == [(sample.SENTENCES[0], "machine")]
    assert ctl.analysis.area("exercises").partners == ()


def check_move(ctl):
    assert ctl.analysis.partner("IND").passages == ()
    assert (sample.SENTENCES[2], "human") in texts(ctl.analysis, "training")


def check_tier(ctl):
    assert ctl.analysis.partner("IND").tier == "primary"


def check_rename(ctl):
    assert ctl.analysis.partner("UN").name == "United Nations Org"


def check_merge(ctl):
    assert [p.id for p in ctl.analysis.partners] == ["JPN", "IND", "UN"]
    assert texts(ctl.analysis, "UN")[-1] == (sample.SENTENCES[4], "human")


def check_delete(ctl):
    assert ctl.analysis.area("training") is None
    assert "training" not in ctl.analysis.partner("JPN").areas


def check_note(ctl):
    note = ctl.analysis.notes[-1]
    assert (note.kind, note.message, note.passages) == (
        "memo",
        "India: ask about dates",
        (span(2),),
    )


EDITS = {
    "assign": (lambda c: c.assign(span(5), "IND"), check_assign),
    "assign_new": (
        lambda c: c.assign(span(2), NodeSpec(PARTNER, "KOR", "Korea", "country", "secondary")),
        check_new_node,
    ),
    "remove": (lambda c: c.remove_passage(span(1), "JPN"), check_remove),
    "move": (lambda c: c.move_passage(span(2), "IND", "training"), check_move),
    "tier": (lambda c: c.set_tier("IND", "primary"), check_tier),
    "rename": (lambda c: c.rename("UN", "  United   Nations Org "), check_rename),
    "merge": (lambda c: c.merge("UNPTP", "UN"), check_merge),
    "delete": (lambda c: c.delete("training"), check_delete),
    "note": (lambda c: c.add_note("ask about dates", "IND", span(2)), check_note),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_each_edit_does_undoes_and_redoes(qtbot, ctl, base, name):
    do, check = EDITS[name]
    with qtbot.waitSignal(ctl.analysis_changed) as emitted:
        do(ctl)
    check(ctl)
    assert emitted.args[0] == ctl.analysis
    assert ctl.is_dirty
    assert len(ctl.edited_nodes()) == (0 if name == "delete" else 1 + (name == "move"))
    with qtbot.waitSignal(ctl.analysis_changed) as emitted:
        ctl.undo_stack.undo()
    assert emitted.args[0] == base
    assert ctl.entries == ()
    assert not ctl.is_dirty
    ctl.undo_stack.redo()
    check(ctl)
    sample.check_consistent(ctl.analysis)


@pytest.mark.parametrize(
    ("do", "why"),
    [
        (lambda c: c.assign(span(1), "NOPE"), "no partner or area"),
        (lambda c: c.assign(sample.Span(10, 10), "IND"), "not a stretch"),
        (lambda c: c.set_tier("training", "primary"), "only partners"),
        (lambda c: c.set_tier("IND", "tertiary"), "tier must be"),
        (lambda c: c.merge("JPN", "training"), "cannot merge Japan into Training"),
        (lambda c: c.merge("JPN", "JPN"), "cannot merge"),
        (lambda c: c.rename("JPN", "  "), "empty"),
        (lambda c: c.add_note(" ", "JPN"), "empty"),
        (lambda c: c.delete("NOPE"), "no partner"),
    ],
)
def test_invalid_edit_is_refused_and_not_pushed(ctl, do, why):
    with pytest.raises(InputError, match=why):
        do(ctl)
    assert ctl.undo_stack.count() == 0


def test_history_view_and_actions(qtbot, ctl, base):
    view = UndoHistoryView(ctl.undo_stack)
    qtbot.addWidget(view)
    undo, redo = undo_redo_actions(ctl.undo_stack, view)
    assert undo.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in redo.shortcuts()]
    assert not undo.isEnabled()
    ctl.assign(span(5), "IND")
    ctl.set_tier("IND", "primary")
    ctl.rename("IND", "Bharat")
    model = view.model()
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert rows[0] == "As extracted"
    assert rows[1].startswith("Assign “Officials in Ulaanbaatar")
    assert rows[1].endswith(" to India")
    assert rows[2:] == ["Set tier of India to primary", "Rename India to Bharat"]
    assert undo.text() == "&Undo Rename India to Bharat"
    ctl.undo_stack.setIndex(1)  # what clicking the first correction in the view does
    assert ctl.analysis.partner("IND").name == "India"
    assert ctl.analysis.partner("IND").tier == "secondary"
    undo.trigger()
    assert ctl.analysis == base
    redo.trigger()
    check_assign(ctl)


def test_autosave_is_debounced_and_removed_when_back_to_clean(qtbot, ctl, monkeypatch):
    writes = []
    real = controller_module.write_autosave
    monkeypatch.setattr(
        controller_module,
        "write_autosave",
        lambda p, pr: (p == ctl.project_path and writes.append(pr)) or real(p, pr),
    )
    ctl.assign(span(5), "IND")
    ctl.set_tier("IND", "primary")
    ctl.rename("IND", "Bharat")
    auto = autosave_path_for(ctl.project_path)
    qtbot.waitUntil(auto.exists, timeout=2000)
    assert [len(w.entries) for w in writes] == [3]
    assert len(load_project(auto).entries) == 3
    for _ in range(3):
        ctl.undo_stack.undo()
    qtbot.waitUntil(lambda: not auto.exists(), timeout=2000)
    assert not ctl.project_path.exists()


def test_save_then_open_gives_the_same_corrected_analysis(qtbot, ctl, base):
    ctl.assign(span(5), "IND")
    ctl.merge("UNPTP", "UN")
    with qtbot.waitSignal(ctl.saved):
        path = ctl.save()
    assert path.name == "mn.txt.multivector.json"
    assert not ctl.is_dirty
    assert not autosave_path_for(path).exists()
    other = CorrectionsController(base)
    assert other.load() == ()
    assert other.analysis == ctl.analysis
    assert other.undo_stack.count() == 0
    assert not other.is_dirty


def test_failed_save_keeps_file_and_unsaved_state(ctl, monkeypatch):
    ctl.assign(span(5), "IND")
    path = ctl.save()
    before = path.read_bytes()
    ctl.delete("JPN")

    def full(fd, mode):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fdopen", full)
    with pytest.raises(OSError, match="No space"):
        ctl.save()
    assert path.read_bytes() == before
    assert ctl.is_dirty


def test_future_version_project_is_refused_and_kept(ctl):
    ctl.project_path.write_text(
        json.dumps({"format": "multivector-corrections", "schema": 99, "edits": []}),
        encoding="utf-8",
    )
    before = ctl.project_path.read_bytes()
    ctl.assign(span(5), "IND")
    with pytest.raises(InputError, match="newer Multivector"):
        ctl.load()
    assert len(ctl.entries) == 1  # the work in hand is untouched
    with pytest.raises(InputError, match="not overwritten"):
        ctl.save()
    assert ctl.project_path.read_bytes() == before


def test_crash_recovery_brings_back_unsaved_work(qtbot, base, monkeypatch):
    first = CorrectionsController(base, autosave_ms=10)
    first.assign(span(5), "IND")
    first.save()
    first.set_tier("IND", "primary")
    first.delete("exercises")
    qtbot.waitUntil(lambda: autosave_path_for(first.project_path).exists(), timeout=2000)
    # The program stops here without saving; a new session opens the same article.
    second = CorrectionsController(base)
    second.load()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    assert offer_recovery(second)
    assert second.analysis == first.analysis
    assert second.is_dirty
    second.undo_stack.undo()  # the recovered work is one undoable step above the clean save
    assert not second.is_dirty
    assert texts(second.analysis, "IND")[-1] == (sample.SENTENCES[5], "human")
    assert second.analysis.partner("IND").tier == "secondary"


def test_recovery_declined_keeps_or_discards_as_asked(qtbot, base, monkeypatch):
    first = CorrectionsController(base)
    first.assign(span(5), "IND")
    first.autosave_now()
    auto = autosave_path_for(first.project_path)
    second = CorrectionsController(base)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    assert not offer_recovery(second)
    assert auto.exists()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Discard)
    assert not offer_recovery(second)
    assert not auto.exists()
    assert second.entries == ()


@pytest.mark.parametrize(
    ("answer", "closes", "saved"),
    [
        (QMessageBox.StandardButton.Save, True, True),
        (QMessageBox.StandardButton.Discard, True, False),
        (QMessageBox.StandardButton.Cancel, False, False),
    ],
)
def test_closing_with_unsaved_changes_asks(ctl, monkeypatch, answer, closes, saved):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or answer)
    assert confirm_close(ctl)  # nothing to save: no question
    assert asked == []
    ctl.add_note("keep me", "JPN")
    assert confirm_close(ctl) is closes
    assert len(asked) == 1
    assert ctl.project_path.exists() is saved
    assert ctl.is_dirty is (not saved)


def test_new_area_from_spec_and_problems_signal_on_new_text(qtbot, ctl, base):
    ctl.assign(span(2), NodeSpec(AREA, "radio", "Radio"))
    assert ctl.analysis.area("radio").partners == ("IND",)
    gone = sample.SENTENCES[2]
    new_text = base.document.text.replace(gone, "India said nothing.")
    new_base = replace(
        base,
        document=replace(base.document, text=new_text),
        partners=tuple(p for p in base.partners if p.id != "IND"),
    )
    with qtbot.waitSignal(ctl.problems_changed) as emitted:
        ctl.set_base(new_base)
    assert [p.anchor.exact for p in emitted.args[0]] == [gone]
    assert ctl.analysis.area("radio") is None
