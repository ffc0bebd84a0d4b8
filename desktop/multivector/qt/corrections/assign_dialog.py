"""The "Assign to partner / area..." dialog: pick the partner or area a selected passage is evidence of, or type
a new one with its kind and tier."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from multivector.corrections.edits import AREA, NodeSpec
from multivector.corrections.nodes import new_node_spec
from multivector.model.analysis import PARTNER_KINDS, TIERS, Analysis
from multivector.qt.common.list_filter import narrow_list

NO_TIER = "no tier"


def _elide(text: str, size: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


class AssignDialog(QDialog):
    """Chooses the node a passage is assigned to: an existing one by id, or a new one's spec."""

    def __init__(self, analysis: Analysis, quote: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Assign to partner / area")
        self.setObjectName("assignDialog")
        self._analysis = analysis
        self.quote = QLabel(f"“{_elide(quote)}”", objectName="assignQuote")
        self.quote.setWordWrap(True)
        self.name = QLineEdit(objectName="assignName")
        self.name.setPlaceholderText("Find a partner or area, or type a new name")
        self.nodes = QListWidget(objectName="assignNodes")
        for p in analysis.partners:
            self._add_item(f"{p.name}  ·  {p.kind}", p.id)
        for a in analysis.areas:
            self._add_item(f"{a.label}  ·  area", a.id)
        self.kind = QComboBox(objectName="assignKind")
        self.kind.addItems([*PARTNER_KINDS, AREA])
        self.tier = QComboBox(objectName="assignTier")
        self.tier.addItems([NO_TIER, *TIERS])
        self.mode = QLabel(objectName="assignMode")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        new_form = QFormLayout()
        new_form.addRow("Kind of a new node", self.kind)
        new_form.addRow("Tier of a new partner", self.tier)
        layout = QVBoxLayout(self)
        for widget in (self.quote, self.name, self.nodes):
            layout.addWidget(widget)
        layout.addLayout(new_form)
        layout.addWidget(self.mode)
        layout.addWidget(self.buttons)

        self.name.textChanged.connect(self._filter)
        self.nodes.currentItemChanged.connect(lambda *_: self._update())
        self.nodes.itemDoubleClicked.connect(lambda *_: self.accept())
        self.kind.currentTextChanged.connect(lambda *_: self._update())
        self.tier.currentTextChanged.connect(lambda *_: self._update())
        self.nodes.setCurrentRow(-1)
        self._update()

    def _add_item(self, text: str, node_id: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, node_id)
        self.nodes.addItem(item)

    def _filter(self, text: str) -> None:
        key = text.strip().casefold()
        shown = narrow_list(self.nodes, text)
        # Typing narrows the list; the top match is taken only when the typed text is a name.
        exact = next((item for item in shown if item.text().split("  ·  ")[0].casefold() == key),
                     None)
        self.nodes.setCurrentItem(exact)  # None clears the selection: a new node
        self._update()

    def _selected_id(self) -> str | None:
        item = self.nodes.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def choice(self) -> str | NodeSpec | None:
        """The chosen node's id, a new node's spec, or None when nothing is chosen yet."""
        node_id = self._selected_id()
        if node_id is not None:
            return node_id
        name = self.name.text().strip()
        if not name:
            return None
        tier = self.tier.currentText()
        kind = self.kind.currentText()
        return new_node_spec(
            self._analysis, name, kind, None if tier == NO_TIER or kind == AREA else tier
        )

    def _update(self) -> None:
        choice = self.choice()
        is_new = isinstance(choice, NodeSpec) and spec_is_new(self._analysis, choice)
        self.kind.setEnabled(self._selected_id() is None)
        self.tier.setEnabled(self._selected_id() is None and self.kind.currentText() != AREA)
        if choice is None:
            self.mode.setText("Pick a node, or type the name of a new one")
        elif is_new:
            assert isinstance(choice, NodeSpec)
            what = "area" if choice.type == AREA else choice.kind
            self.mode.setText(f"New {what}: {choice.name} ({choice.id})")
        else:
            node_id = choice.id if isinstance(choice, NodeSpec) else choice
            self.mode.setText(f"Assign to {node_id}")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(choice is not None)


def spec_is_new(analysis: Analysis, spec: NodeSpec) -> bool:
    return analysis.partner(spec.id) is None and analysis.area(spec.id) is None


def ask_assign(
    analysis: Analysis, quote: str, parent: QWidget | None = None
) -> str | NodeSpec | None:
    """Run the dialog; the choice, or None when the analyst cancels."""
    dialog = AssignDialog(analysis, quote, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()
