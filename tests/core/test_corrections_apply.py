"""Each kind of correction applied to a hand-built analysis, and the links kept consistent."""

from __future__ import annotations

import pytest
from corrections_sample import TEXT, analysis, check_consistent, span
from hypothesis import given, settings
from hypothesis import strategies as st

from multivector.corrections.anchor import make_anchor
from multivector.corrections.apply import CONFLICT, MEMO, MISSING, apply_corrections
from multivector.corrections.edits import (
    AREA,
    PARTNER,
    AddNote,
    AssignPassage,
    Delete,
    Merge,
    MovePassage,
    NodeSpec,
    RemovePassage,
    Rename,
    SetTier,
    edited_node_ids,
    new_entry,
)
from multivector.model.nodes import node_passages

JAPAN = NodeSpec(PARTNER, "JPN", "Japan", "country", "primary")
INDIA = NodeSpec(PARTNER, "IND", "India", "country", "secondary")
TRAINING = NodeSpec(AREA, "training", "Training")


def anchor(i: int):
    s = span(i)
    return make_anchor(TEXT, s.start, s.end)


def run(*edits):
    entries = tuple(new_entry(e) for e in edits)
    corrected = apply_corrections(analysis(), entries)
    check_consistent(corrected.analysis)
    return corrected


def passages(result, node_id):
    node = result.partner(node_id) or result.area(node_id)
    return [(x.start, x.end, x.origin) for x in node.passages]


def test_no_edits_gives_the_base_analysis():
    base = analysis()
    assert apply_corrections(base, ()).analysis is base


def test_assign_new_passage_to_partner_is_human_and_in_reading_order():
    result = run(AssignPassage(anchor(5), INDIA)).analysis
    s2, s5 = span(2), span(5)
    assert passages(result, "IND") == [(s2.start, s2.end, "machine"), (s5.start, s5.end, "human")]
    assert span(5) in node_passages(result, "IND")


def test_assign_span_an_area_holds_links_both_ways():
    result = run(AssignPassage(anchor(4), INDIA)).analysis
    india = result.partner("IND")
    assert india.passages[-1].areas == ("training",)
    assert "training" in india.areas
    training = result.area("training")
    at4 = next(x for x in training.passages if x.start == span(4).start)
    assert at4.partners == ("UNPTP", "IND")
    assert training.partners == ("JPN", "UNPTP", "IND")


def test_assign_machine_passage_marks_it_human_without_duplicate():
    result = run(AssignPassage(anchor(1), JAPAN)).analysis
    origins = passages(result, "JPN")
    assert [o for *_, o in origins] == ["machine", "human"]
    assert len(origins) == 2


def test_assign_to_new_partner_and_new_area_creates_them():
    korea = NodeSpec(PARTNER, "KOR", "South Korea", "country", "secondary")
    radio = NodeSpec(AREA, "radio", "Radio equipment")
    result = run(AssignPassage(anchor(2), korea), AssignPassage(anchor(2), radio)).analysis
    kor = result.partner("KOR")
    assert (kor.name, kor.kind, kor.tier, kor.code) == (
        "South Korea",
        "country",
        "secondary",
        "KOR",
    )
    assert kor.passages[0].areas == ("radio",)
    # India's machine passage is the same sentence, so the new area applies to India too.
    assert result.area("radio").partners == ("IND", "KOR")
    assert result.area("radio").icon == "area"
    assert result.partners[-1].id == "KOR"  # new nodes come after the machine's ones


def test_assign_with_wrong_type_for_existing_id_is_a_conflict():
    corrected = run(AssignPassage(anchor(2), NodeSpec(AREA, "JPN", "Japan")))
    assert [p.kind for p in corrected.problems] == [CONFLICT]
    assert corrected.analysis.area("JPN") is None


def test_remove_passage_unlinks_areas_and_drops_unsupported_area():
    result = run(RemovePassage(anchor(1), "JPN")).analysis
    assert len(result.partner("JPN").passages) == 1
    assert "exercises" not in result.partner("JPN").areas
    exercises = result.area("exercises")
    assert exercises.passages[0].partners == ()
    assert exercises.partners == ()


def test_remove_keeps_area_link_still_supported_elsewhere():
    # Japan keeps peacekeeping only through sentence 0; removing it there drops the link.
    result = run(RemovePassage(anchor(0), "JPN")).analysis
    assert result.partner("JPN").areas == ("exercises",)
    assert result.area("peacekeeping").partners == ("UN",)


def test_remove_on_parent_takes_the_programs_passage():
    result = run(RemovePassage(anchor(4), "UN")).analysis
    assert result.partner("UNPTP").passages == ()
    assert span(4) not in node_passages(result, "UN")


def test_remove_missing_passage_is_reported():
    corrected = run(RemovePassage(anchor(5), "IND"))
    assert [p.kind for p in corrected.problems] == [MISSING]
    assert "India has no passage" in corrected.problems[0].message


def test_move_passage_to_other_partner():
    result = run(MovePassage(anchor(2), "IND", JAPAN)).analysis
    assert result.partner("IND").passages == ()
    assert (span(2).start, span(2).end, "human") in passages(result, "JPN")


def test_set_tier_and_tier_on_area_is_a_conflict():
    corrected = run(
        SetTier("IND", "primary"), SetTier("UN", "secondary"), SetTier("training", None)
    )
    assert corrected.analysis.partner("IND").tier == "primary"
    assert corrected.analysis.partner("UN").tier == "secondary"
    assert [p.kind for p in corrected.problems] == [CONFLICT]


def test_rename_partner_and_area_keeps_ids():
    result = run(Rename("UN", "UNO"), Rename("exercises", "Exercises")).analysis
    assert result.partner("UN").name == "UNO"
    assert result.area("exercises").label == "Exercises"


def test_merge_partners_moves_evidence_children_and_links():
    result = run(Merge("UN", "JPN")).analysis
    assert result.partner("UN") is None
    jpn = result.partner("JPN")
    assert [(x.start, x.origin) for x in jpn.passages] == [
        (span(0).start, "machine"),
        (span(1).start, "machine"),
        (span(3).start, "human"),
    ]
    assert result.partner("UNPTP").parent == "JPN"
    assert result.area("peacekeeping").partners == ("JPN",)
    assert result.area("peacekeeping").passages[1].partners == ("JPN",)


def test_merge_areas_relinks_partner_passages():
    result = run(Merge("exercises", "training")).analysis
    assert result.area("exercises") is None
    assert result.partner("JPN").passages[1].areas == ("training",)
    assert result.partner("JPN").areas == ("peacekeeping", "training")
    assert [x.start for x in result.area("training").passages] == [
        span(0).start,
        span(1).start,
        span(4).start,
    ]


def test_merge_across_types_or_onto_itself_is_refused():
    corrected = run(Merge("JPN", "training"), Merge("IND", "IND"))
    assert [p.kind for p in corrected.problems] == [CONFLICT, CONFLICT]
    assert corrected.analysis.partners == analysis().partners


def test_delete_partner_and_area_clear_every_reference():
    result = run(Delete("UN"), Delete("training")).analysis
    assert result.partner("UN") is None
    assert result.partner("UNPTP").parent is None
    assert result.area("peacekeeping").partners == ("JPN",)
    assert result.partner("JPN").areas == ("peacekeeping", "exercises")
    assert all("training" not in x.areas for p in result.partners for x in p.passages)


def test_edit_on_unknown_node_is_reported_not_dropped():
    corrected = run(Rename("XXX", "Nobody"), Delete("XXX"))
    assert [p.kind for p in corrected.problems] == [MISSING, MISSING]


def test_notes_become_memo_notes_and_are_listed_per_node():
    entries = (
        new_entry(AddNote("check the date", "IND", anchor(2))),
        new_entry(AddNote("general remark")),
    )
    result = apply_corrections(analysis(), entries).analysis
    assert [(n.kind, n.message, n.passages) for n in result.notes] == [
        (MEMO, "India: check the date", (span(2),)),
        (MEMO, "general remark", ()),
    ]


def test_edited_node_ids():
    entries = tuple(
        new_entry(e)
        for e in (MovePassage(anchor(2), "IND", JAPAN), Merge("UN", "JPN"), Rename("training", "T"))
    )
    assert edited_node_ids(entries) == {"IND", "JPN", "training"}


def test_invalid_specs_are_refused_at_creation():
    with pytest.raises(ValueError, match="partner kind"):
        NodeSpec(PARTNER, "X", "X", "planet")
    with pytest.raises(ValueError, match="tier"):
        SetTier("IND", "tertiary")


NODES = ["JPN", "IND", "UN", "UNPTP", "peacekeeping", "training", "exercises", "NEW", "newarea"]
SPECS = {
    "NEW": NodeSpec(PARTNER, "NEW", "Newland", "country"),
    "newarea": NodeSpec(AREA, "newarea", "New area"),
}


def _spec(node_id: str) -> NodeSpec:
    base = analysis()
    if node_id in SPECS:
        return SPECS[node_id]
    p = base.partner(node_id)
    if p is not None:
        return NodeSpec(PARTNER, p.id, p.name, p.kind, p.tier, p.parent)
    return NodeSpec(AREA, node_id, base.area(node_id).label)


edit_strategy = st.one_of(
    st.builds(
        lambda i, n: AssignPassage(anchor(i), _spec(n)), st.integers(0, 5), st.sampled_from(NODES)
    ),
    st.builds(lambda i, n: RemovePassage(anchor(i), n), st.integers(0, 5), st.sampled_from(NODES)),
    st.builds(
        lambda i, a, b: MovePassage(anchor(i), a, _spec(b)),
        st.integers(0, 5),
        st.sampled_from(NODES),
        st.sampled_from(NODES),
    ),
    st.builds(Merge, st.sampled_from(NODES), st.sampled_from(NODES)),
    st.builds(Delete, st.sampled_from(NODES)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(edit_strategy, max_size=8))
def test_any_sequence_of_edits_keeps_partners_and_areas_consistent(edits):
    result = run(*edits).analysis
    ids = [p.id for p in result.partners] + [a.id for a in result.areas]
    assert len(ids) == len(set(ids))
    for node in (*result.partners, *result.areas):
        starts = [(x.start, x.end) for x in node.passages]
        assert starts == sorted(starts)
        assert len(starts) == len(set(starts))


def test_delete_takes_the_partners_passages_out_of_every_area_and_restore_brings_them_back():
    from multivector.corrections.edits import Restore

    base = analysis()
    delete = new_entry(Delete("JPN"))
    corrected = apply_corrections(base, (delete,))
    after = corrected.analysis
    check_consistent(after)
    assert after.partner("JPN") is None
    # Japan's passages leave every area: counts hold the other partners' passages only.
    assert node_passages(after, "peacekeeping") == (span(3),)
    assert node_passages(after, "training") == (span(4),)
    assert after.area("exercises") is None  # its only evidence was Japan's
    assert [n.id for n in corrected.removed] == ["JPN"]
    assert corrected.removed[0] == base.partner("JPN")
    back = apply_corrections(base, (delete, new_entry(Restore("JPN"))))
    assert back.analysis.partners == base.partners and back.analysis.areas == base.areas
    assert back.removed == () and back.problems == ()
    nothing = apply_corrections(base, (new_entry(Restore("JPN")),))
    assert [p.kind for p in nothing.problems] == [MISSING]
