"""The summary model and its text formats, on a hand-built analysis (tests/core/summary_sample)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import replace

import pytest
from summary_sample import TEXT, sample_analysis

from multivector.model.analysis import Analysis, Partner, PartnerPassage, Quote
from multivector.model.errors import InputError
from multivector.summary.budget import budget_cells
from multivector.summary.build import build_summary, render_summary


def test_partners_are_ordered_by_tier_with_programs_under_their_parent() -> None:
    summary = build_summary(sample_analysis())
    assert [p.id for p in summary.partners] == ["JPN", "IND", "NATO", "TUR"]
    nato = summary.partners[2]
    assert [c.id for c in nato.children] == ["IPCP"]
    assert [p.id for p in summary.walk_partners()] == ["JPN", "IND", "NATO", "IPCP", "TUR"]


def test_each_group_quotes_whole_sentences_with_the_paragraph_they_are_in() -> None:
    summary = build_summary(sample_analysis())
    turkey = summary.partners[3]
    assert [(a.id, a.label, a.passages) for a in turkey.areas] == [
        ("military_education", "Military education", 1)]
    (group,) = turkey.groups
    (excerpt,) = group.excerpts
    assert group.labels == ("Military education",)
    assert excerpt.text == "Türkiye offered places at its war college for Mongolian cadets."
    assert TEXT[excerpt.start : excerpt.end] == excerpt.text
    assert excerpt.paragraph == 2
    japan = summary.partners[0]
    training, named = japan.groups
    # The engine's passage was a clause; the note quotes the sentence a reader sees.
    assert training.excerpts[0].text == (
        "Mongolia will expand officer training with Japan and hold joint peacekeeping "
        "exercises with India every year (Montsame, March 3).")
    assert named.labels == () and named.excerpts[0].text.startswith("Mongolia’s new defense")


def test_a_passage_is_quoted_once_and_later_partners_refer_back() -> None:
    summary = build_summary(sample_analysis())
    india = summary.partners[1]
    assert [(g.labels, [(e.paragraph, e.see) for e in g.excerpts]) for g in india.groups] == [
        (("Peacekeeping",), [(1, "Japan")]), ((), [(1, "Japan")])]
    ipcp = summary.partners[2].children[0]
    assert [e.see for g in ipcp.groups for e in g.excerpts] == ["NATO"]
    quoted = [e for p in summary.walk_partners() for e in p.excerpts() if e.see is None]
    assert len({(e.start, e.end) for e in quoted}) == len(quoted)
    text = render_summary(sample_analysis(), "text")
    assert "(see ¶1, under Japan)" in text and "(see ¶2, under NATO)" in text
    assert " ".join(text.split()).count("hold joint peacekeeping exercises with India") == 1


def test_a_passage_cut_inside_a_quotation_is_widened_to_the_quotation_end() -> None:
    body = ("The minister spoke in Ankara. He said, “We will train with Türkiye. We will buy "
            "its ships.” The talks ended. Nobody else spoke.")
    analysis = _one_paragraph(body, "He said, “We will train with Türkiye.", quotes=True)
    (excerpt,) = build_summary(analysis).partners[0].excerpts()
    assert excerpt.text == "He said, “We will train with Türkiye. We will buy its ships.”"
    # The quotation's marks alone are enough when the engine found no quotation there.
    analysis = _one_paragraph(body, "We will buy its ships.”", quotes=False)
    (excerpt,) = build_summary(analysis).partners[0].excerpts()
    assert excerpt.text == "He said, “We will train with Türkiye. We will buy its ships.”"
    for fmt in ("text", "markdown", "html"):
        out = render_summary(analysis, fmt)
        assert "””" not in out and "ships.”" in out, fmt


def _one_paragraph(body: str, passage: str, quotes: bool) -> Analysis:
    from multivector.engine.text import segment

    analysis = sample_analysis()
    start = body.index(passage)
    paras = segment.paragraphs(body, 0)
    partner = Partner("TUR", "Türkiye", "country", "TUR", None, None, ("training",),
                      (PartnerPassage(start, start + len(passage), ("training",)),))
    found = (Quote("He", body.index("“"), body.index("”") + 1),) if quotes else ()
    return replace(analysis, document=replace(analysis.document, text=body, body_start=0),
                   paragraphs=tuple(paras), sentences=tuple(segment.sentences(body, paras)),
                   partners=(partner,), areas=analysis.areas[:1], quotes=found, people=(),
                   sources=(), notes=(), budget=())


def test_matrix_rows_follow_the_note_and_count_passages() -> None:
    summary = build_summary(sample_analysis())
    matrix = summary.matrix
    assert matrix is not None
    assert [a.id for a in matrix.areas] == ["training", "peacekeeping", "military_education"]
    assert [(r.id, r.tier, r.depth) for r in matrix.partners] == [
        ("JPN", "primary", 0), ("IND", "primary", 0), ("NATO", "secondary", 0),
        ("IPCP", None, 1), ("TUR", "secondary", 0)]
    assert [r.counts for r in matrix.partners] == [
        (1, 0, 0), (0, 1, 0), (1, 1, 0), (1, 0, 0), (0, 0, 1)]
    nato = build_summary(sample_analysis(), "NATO").matrix
    assert nato is not None and [r.id for r in nato.partners] == ["NATO", "IPCP"]
    assert [a.id for a in nato.areas] == ["training", "peacekeeping"]
    assert build_summary(sample_analysis(), "training").matrix is None
    assert build_summary(sample_analysis(), "TUR").matrix is None  # one row: the overview says it
    assert build_summary(sample_analysis(), "budget").matrix is None


def test_text_matrix_numbers_its_columns_and_keeps_to_the_width() -> None:
    text = render_summary(sample_analysis(), "text")
    block = text.split("\nPartners by area\n")[1].split("\nDefense budget\n")[0]
    assert "  IPCP  " in block  # a long name is shown by its code
    assert "1\u00a0Training · 2\u00a0Peacekeeping · 3\u00a0Military education" in block
    assert max(len(line) for line in block.splitlines()) <= 78


def test_overview_names_partners_by_tier_and_the_budget_headline() -> None:
    overview = build_summary(sample_analysis()).overview
    assert "Primary: Japan and India." in overview
    assert "Secondary: NATO and Türkiye." in overview
    assert "412.5 billion MNT (119.6 million USD; 0.6% of GDP), up 12%" in overview
    assert "For 2024 the article expects spending to grow" in overview


def test_budget_rows_are_in_year_order_and_mark_their_kind() -> None:
    rows = build_summary(sample_analysis()).budget
    assert [(r.year, r.kind) for r in rows] == [
        (2022, "derived"), (2023, "stated"), (2024, "qualitative")]
    assert budget_cells(rows[1]) == (
        "2023", "defense budget", "412.5 billion MNT", "119.6 million", "0.6%", "+12%",
        "stated", "3")
    assert budget_cells(rows[0])[2] == "≈ 368 billion MNT"  # derived: 3 digits, approximate
    assert budget_cells(rows[0])[6] == "derived: 412.5 billion ÷ 1.12 (a 12% increase)"
    assert budget_cells(rows[2])[5:7] == ("up (no figure)", "qualitative: up")


def test_chart_has_a_bar_per_year_and_a_direction_without_height() -> None:
    chart = build_summary(sample_analysis()).chart
    assert chart is not None and chart.currency == "MNT"
    assert [(b.year, b.kind, b.direction) for b in chart.bars] == [
        (2022, "derived", None), (2023, "stated", None), (2024, "qualitative", "up")]
    assert chart.bars[1].value == pytest.approx(412.5e9)
    assert chart.bars[2].value is None


def test_a_partner_node_keeps_its_own_passages_people_and_sources() -> None:
    summary = build_summary(sample_analysis(), "NATO")
    assert [p.id for p in summary.walk_partners()] == ["NATO", "IPCP"]
    assert summary.budget == () and summary.chart is None
    assert summary.people == ()  # nobody is named in NATO's paragraph
    assert summary.title.selection == "NATO"
    assert summary.overview.startswith("NATO is a secondary partner of Mongolia in 2 areas")
    assert [e.see for p in summary.walk_partners() for e in p.excerpts()] == [None, "NATO"]


def test_an_area_node_reaches_a_program_through_its_parent() -> None:
    summary = build_summary(sample_analysis(), "training")
    assert [p.id for p in summary.walk_partners()] == ["JPN", "NATO", "IPCP"]
    assert all(a.id == "training" for p in summary.walk_partners() for a in p.areas)
    assert "NATO (through Individual Partnership and Cooperation Programme)" in summary.overview


def test_the_budget_node_has_the_budget_and_no_partners() -> None:
    summary = build_summary(sample_analysis(), "budget")
    assert summary.partners == ()
    assert len(summary.budget) == 3
    assert [p.name for p in summary.people] == ["Gürsed Batjargal"]
    assert [s.name for s in summary.sources] == ["Kyodo"]


def test_unknown_node_and_format_are_input_errors() -> None:
    with pytest.raises(InputError, match="no such partner"):
        build_summary(sample_analysis(), "XYZ")
    with pytest.raises(InputError, match="not one of"):
        render_summary(sample_analysis(), "docx")


def test_csv_has_one_row_per_partner_area_and_passage() -> None:
    rows = list(csv.DictReader(io.StringIO(render_summary(sample_analysis(), "csv"))))
    ipcp = [r for r in rows if r["partner_id"] == "IPCP"]
    assert len(ipcp) == 1 and ipcp[0]["parent"] == "NATO" and ipcp[0]["area_id"] == "training"
    # A passage referred back to in print keeps its text in its own row.
    assert ipcp[0]["passage"].endswith("which funds peacekeeping training at the Five Hills "
                                       "center.")
    start, end = int(ipcp[0]["start"]), int(ipcp[0]["end"])
    assert TEXT[start:end] == ipcp[0]["passage"]
    assert {r["partner_id"] for r in rows} == {"JPN", "IND", "NATO", "IPCP", "TUR"}


def test_json_holds_the_model_with_raw_numbers_and_unicode() -> None:
    data = json.loads(render_summary(sample_analysis(), "json"))
    assert data["kind"] == "multivector-summary"
    assert data["budget"][1]["amount"] == 412.5e9
    assert data["people"][0]["name"] == "Gürsed Batjargal"
    assert data["partners"][2]["children"][0]["id"] == "IPCP"


def test_text_summary_wraps_and_lists_every_section() -> None:
    text = render_summary(sample_analysis(), "text")
    assert max(len(line) for line in text.splitlines()) <= 100
    for heading in ("Partners and areas", "Defense budget", "Consistency notes", "People",
                    "Quotations", "Sources cited"):
        assert f"\n{heading}\n" in text
    assert "Derived 2022: 412.5 billion ÷ 1.12" in text


def test_rendering_summaries_loads_no_qt() -> None:
    code = (
        "import sys; sys.path.insert(0, 'tests/core');"
        "from summary_sample import sample_analysis;"
        "from multivector.summary.build import render_summary;"
        "[render_summary(sample_analysis(), f) for f in ('text','markdown','html','json','csv')];"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=_repo_root())
    assert out.stdout.strip() == "[]"


def _repo_root() -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parents[2])
