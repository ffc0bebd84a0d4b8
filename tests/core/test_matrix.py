"""The partner x area matrix: cells hold exactly the passages of the node "PARTNER/AREA"."""

from __future__ import annotations

from multivector.engine.pipeline import analyze_path
from multivector.model.nodes import node_passages
from multivector.summary.matrix import partner_area_matrix


def test_seed_matrix_cells_are_the_scoped_nodes() -> None:
    analysis = analyze_path(None)
    matrix = partner_area_matrix(analysis)
    assert [r.partner_id for r in matrix.rows][:3] == ["RUS", "CHN", "CSTO"]
    air = matrix.passages("ESP", "air_space_control")
    assert len(air) == 1
    assert analysis.document.text[air[0].start:air[0].end].startswith(
        "The parties are now considering issues related to an integrated system")
    assert matrix.count("RUS", "strategic_partnership") == 3
    assert matrix.count("RUS", "training") == 0
    for (partner, area), spans in matrix.cells.items():
        assert spans == node_passages(analysis, f"{partner}/{area}")
        assert spans == node_passages(analysis, f"{area}/{partner}")
    # every passage of a partner tagged with an area is in that partner's row
    spain = analysis.partner("ESP")
    tagged = {(p.start, p.end) for p in spain.passages if p.areas}
    in_row = {(s.start, s.end) for (pid, _a), spans in matrix.cells.items() if pid == "ESP"
              for s in spans}
    assert tagged <= in_row
