"""The project file: round trip, atomic saves under failure, damaged and newer files, recovery,
and corrections surviving a changed article."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace

import pytest
from corrections_sample import SENTENCES, TEXT, analysis, span

import multivector.platform.storage as storage
from multivector.corrections.anchor import make_anchor
from multivector.corrections.apply import UNPLACED, apply_corrections
from multivector.corrections.edits import (
    PARTNER,
    AddNote,
    AssignPassage,
    Merge,
    NodeSpec,
    RemovePassage,
    SetTier,
    new_entry,
)
from multivector.corrections.project import (
    PROJECT_SCHEMA,
    Project,
    autosave_path_for,
    discard_autosave,
    load_project,
    project_path_for,
    recovery_for,
    save_project,
    write_autosave,
)
from multivector.model.errors import InputError

INDIA = NodeSpec(PARTNER, "IND", "India", "country", "secondary")


def anchor(i: int, text: str = TEXT):
    s = span(i)
    return make_anchor(text, s.start, s.end)


def project(*edits) -> Project:
    return Project(
        article_sha256=analysis().document.sha256,
        entries=tuple(new_entry(e) for e in edits),
        article_name="mongolia.txt",
    )


@pytest.fixture
def path(tmp_path):
    return project_path_for(tmp_path / "mongolia.txt")


def test_project_lives_beside_the_article(tmp_path):
    assert project_path_for(tmp_path / "a.txt") == tmp_path / "a.txt.multivector.json"
    assert autosave_path_for(tmp_path / "a.txt.multivector.json") == (
        tmp_path / "a.txt.multivector.autosave.json"
    )


def test_round_trip_keeps_every_edit(path):
    original = project(
        AssignPassage(anchor(5), INDIA),
        RemovePassage(anchor(1), "JPN"),
        SetTier("IND", None),
        Merge("UN", "JPN"),
        AddNote("ask the author", "IND", None),
    )
    saved = save_project(path, original)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == PROJECT_SCHEMA
    assert data["article"]["sha256"] == original.article_sha256
    assert data["edits"][0]["anchor"]["exact"] == SENTENCES[5]
    assert data["edits"][0]["anchor"]["prefix"] == "open a centre near the capital. "
    assert data["edits"][0]["anchor"]["prefix"] == TEXT[span(5).start - 32 : span(5).start]
    loaded = load_project(path)
    assert loaded == saved
    assert loaded.entries == original.entries


def test_crash_between_write_and_rename_leaves_previous_project(path, monkeypatch):
    save_project(path, project(SetTier("IND", "primary")))
    before = path.read_bytes()

    def killed(*args, **kwargs):
        raise OSError("killed before the rename")

    monkeypatch.setattr(storage.os, "replace", killed)
    with pytest.raises(OSError, match="killed"):
        save_project(path, project(SetTier("IND", None), SetTier("JPN", None)))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_project(path).entries[0].edit == SetTier("IND", "primary")
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temporary left


def test_full_disk_leaves_previous_project(path, monkeypatch):
    save_project(path, project(SetTier("IND", "primary")))
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="No space"):
        save_project(path, project(SetTier("IND", None)))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_future_version_is_refused_and_never_overwritten(path):
    newer = {"format": "multivector-corrections", "schema": PROJECT_SCHEMA + 1, "edits": []}
    path.write_text(json.dumps(newer), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(InputError, match=r"newer Multivector .*update Multivector") as err:
        load_project(path)
    assert "\n" not in str(err.value)
    with pytest.raises(InputError, match="not overwritten"):
        save_project(path, project(SetTier("IND", None)))
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b'{"format": "multivector-corrections", "schema": 1, "edits": [', "not valid JSON"),
        (b"\xff\xfe garbage", "not UTF-8"),
        (
            b'{"format": "multivector-corrections", "schema": 1, "article": {"sha256": "x"},'
            b' "edits": [{"id": "a", "created": "b", "type": "teleport"}]}',
            "unknown kind of edit",
        ),
        (
            b'{"format": "multivector-corrections", "schema": 1, "article": {"sha256": "x"},'
            b' "edits": [{"id": "a", "created": "b", "type": "assign", "node": {}}]}',
            "damaged",
        ),
        (b'{"hello": 1}', "not a Multivector project"),
    ],
)
def test_damaged_project_gives_clear_message_and_is_kept(path, content, why):
    path.write_bytes(content)
    with pytest.raises(InputError, match=why) as err:
        load_project(path)
    assert str(path) in str(err.value)
    assert path.read_bytes() == content
    save_project(path, project(SetTier("IND", None)))  # saving over it keeps a copy aside
    kept = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1
    assert kept[0].read_bytes() == content
    assert load_project(path).entries[0].edit == SetTier("IND", None)


def test_missing_project_is_input_error(path):
    with pytest.raises(InputError, match="no such project file"):
        load_project(path)


def test_recovery_offers_autosave_newer_than_clean_save(path):
    save_project(path, project(SetTier("IND", "primary")))
    assert recovery_for(path) is None
    unsaved = project(SetTier("IND", "primary"), SetTier("JPN", "secondary"))
    write_autosave(path, unsaved)
    recovered = recovery_for(path)
    assert recovered is not None
    assert recovered.entries == unsaved.entries
    discard_autosave(path)
    assert recovery_for(path) is None
    assert path.exists()


def test_recovery_without_clean_save_and_not_for_same_edits(path):
    work = project(SetTier("IND", "primary"))
    write_autosave(path, work)
    assert recovery_for(path).entries == work.entries
    save_project(path, work)
    assert recovery_for(path) is None  # the clean save already holds it


def test_damaged_autosave_is_not_offered_and_not_deleted(path):
    auto = autosave_path_for(path)
    auto.write_text("{", encoding="utf-8")
    assert recovery_for(path) is None
    assert auto.read_text(encoding="utf-8") == "{"


def test_changed_article_reanchors_by_quote_and_lists_lost_anchors(path):
    gone = SENTENCES[2]
    save_project(
        path,
        project(
            AssignPassage(anchor(5), INDIA),
            RemovePassage(anchor(1), "JPN"),
            AssignPassage(anchor(2), NodeSpec(PARTNER, "KOR", "Korea", "country")),
        ),
    )
    # Re-extracted text: a new dateline on top, a reworded sentence, one sentence gone.
    changed_text = "ULAANBAATAR (AP) -\n" + TEXT.replace(gone + " ", "").replace(
        "called the budget", "called the defence budget"
    )
    base = analysis()  # the machine's analysis of the new text, rebuilt by hand below
    shift = len("ULAANBAATAR (AP) -\n")

    def moved(x):
        return replace(x, start=x.start + shift, end=x.end + shift)

    partners = tuple(
        replace(p, passages=tuple(moved(x) for x in p.passages if x.start < span(2).start))
        for p in base.partners
        if p.id in ("JPN",)
    )
    areas = tuple(
        replace(
            a,
            passages=tuple(moved(x) for x in a.passages if x.start < span(2).start),
            partners=("JPN",),
        )
        for a in base.areas
        if a.id in ("peacekeeping", "exercises")
    )
    new_base = replace(
        base,
        document=replace(base.document, text=changed_text),
        partners=partners + (replace(base.partner("IND"), passages=()),),
        areas=areas,
    )
    loaded = load_project(path)
    corrected = apply_corrections(new_base, loaded.entries)
    india = corrected.analysis.partner("IND").passages
    assert [changed_text[x.start : x.end] for x in india] == [
        "Officials in Ulaanbaatar called the defence budget for the armed forces modest."
    ]
    assert [changed_text[x.start : x.end] for x in corrected.analysis.partner("JPN").passages] == [
        SENTENCES[0]
    ]
    assert [(p.kind, p.anchor.exact) for p in corrected.problems] == [(UNPLACED, gone)]
    assert corrected.analysis.partner("KOR") is None
    assert len(load_project(path).entries) == 3  # the lost anchor stays in the project
