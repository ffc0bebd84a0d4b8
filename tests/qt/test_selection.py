"""What a node stands for: scoped passages, summaries and evidence rows (no Qt needed)."""

from __future__ import annotations

from multivector.explore.selection import NodeRef, bold_spans, evidence_rows, passages, summary
from multivector.model.analysis import Span
from multivector.model.nodes import node_passages

from .sample import CYBER, NORWAY, sample_analysis, span


def test_unscoped_node_is_the_core_node() -> None:
    analysis = sample_analysis()
    for node in ("SWE", "NATO", "NOR", "cyber", "budget"):
        assert passages(analysis, NodeRef(node)) == node_passages(analysis, node)


def test_area_under_partner_is_the_intersection() -> None:
    analysis = sample_analysis()
    assert passages(analysis, NodeRef("cyber", scope="NOR")) == (Span(*span(CYBER)),)
    assert passages(analysis, NodeRef("NOR", scope="air_space_control")) == (Span(*span(NORWAY)),)
    # NATO's exercises include its program's
    assert len(passages(analysis, NodeRef("exercises", scope="NATO"))) == 1


def test_summary_is_one_line_with_counts() -> None:
    line = summary(sample_analysis(), NodeRef("NOR"))
    assert line == "Norway (country, secondary partner): 2 passages; Air-space control, Cyber defence"
    assert "\n" not in summary(sample_analysis(), NodeRef("budget"))


def test_evidence_rows_bold_the_node_words_and_cue() -> None:
    rows = evidence_rows(sample_analysis(), NodeRef("NOR"))
    assert [r.span for r in rows] == [Span(*span(NORWAY)), Span(*span(CYBER))]
    assert rows[0].html.startswith("<b>Norway</b> will supply")
    assert rows[1].cue == "The two countries"
    assert "<b>The two countries</b>" in rows[1].html
    assert rows[1].paragraph == 2
    swe = evidence_rows(sample_analysis(), NodeRef("SWE"))[0]
    assert "<b>Sweden</b>" in swe.html and "Finland" in swe.html and "<b>Finland" not in swe.html


def test_area_words_are_bold_as_the_phrase_that_named_the_area() -> None:
    analysis = sample_analysis()
    snippet = "an integrated system of management and control over the country’s air space"
    spans = bold_spans(analysis, NodeRef("air_space_control"), snippet)
    assert [snippet[a:b] for a, b in spans] == ["air space"]  # not "control", not "space" alone
    spans = bold_spans(analysis, NodeRef("NOR"), "Norwegian radars and Norway’s air policing")
    assert len(spans) == 2  # the demonym too, as the engine reads it
