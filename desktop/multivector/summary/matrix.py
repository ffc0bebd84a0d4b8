"""The partner x area matrix: for each partner, how many passages tie it to each area.

Rows are partners in the analysis's order (primary first); columns are the areas any partner
has, those shared by the most partners first, so the matrix's left part says the most; a cell
holds the passages of node "PARTNER/AREA", the same the tree shows under either node."""

from __future__ import annotations

from dataclasses import dataclass

from multivector.model.analysis import Analysis, Span
from multivector.model.nodes import node_passages, scoped_id


@dataclass(frozen=True)
class MatrixRow:
    """A partner's row: its id, name and tier."""

    partner_id: str
    name: str
    tier: str | None


@dataclass(frozen=True)
class MatrixColumn:
    """An area's column: its id, label and icon name."""

    area_id: str
    label: str
    icon: str


@dataclass(frozen=True)
class PartnerMatrix:
    """Cells by (partner id, area id); a pair with no passage has no cell."""

    rows: tuple[MatrixRow, ...]
    columns: tuple[MatrixColumn, ...]
    cells: dict[tuple[str, str], tuple[Span, ...]]

    def passages(self, partner_id: str, area_id: str) -> tuple[Span, ...]:
        return self.cells.get((partner_id, area_id), ())

    def count(self, partner_id: str, area_id: str) -> int:
        return len(self.passages(partner_id, area_id))


def partner_area_matrix(analysis: Analysis) -> PartnerMatrix:
    """The matrix of every partner (programs too) against every area named with a partner."""
    rows = tuple(MatrixRow(p.id, p.name, p.tier) for p in analysis.partners)
    columns = [MatrixColumn(a.id, a.label, a.icon) for a in analysis.areas]
    cells: dict[tuple[str, str], tuple[Span, ...]] = {}
    for row in rows:
        for column in columns:
            spans = node_passages(analysis, scoped_id(row.partner_id, column.area_id))
            if spans:
                cells[(row.partner_id, column.area_id)] = spans
    reach = {c.area_id: sum(1 for (_p, a) in cells if a == c.area_id) for c in columns}
    columns.sort(key=lambda c: -reach[c.area_id])  # stable: ties keep the taxonomy's order
    return PartnerMatrix(rows, tuple(columns), cells)
