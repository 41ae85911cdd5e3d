"""The checklist's item models: a thin table over the store's claim records, and its filter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from workbench.checklist import on_checklist
from workbench.claims.types import ClaimKind
from workbench.gui.table_model import ColumnsModel
from workbench.store import ClaimRecord, Status

STATUS_SYMBOL = {Status.UNCHECKED: "○", Status.VERIFIED: "✓", Status.DISPUTED: "✗"}
STATUS_COLOUR = {
    Status.UNCHECKED: QColor(120, 120, 120),
    Status.VERIFIED: QColor(27, 128, 62),
    Status.DISPUTED: QColor(190, 38, 38),
}

ClaimRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


def status_text(status: Status) -> str:
    return f"{STATUS_SYMBOL[status]} {status.value.capitalize()}"


class ClaimListModel(ColumnsModel):
    """One row per claim, in article order; holds plain ``ClaimRecord`` values from the store."""

    NUMBER, STATUS, SCORE, KIND, TEXT = range(5)
    HEADERS = ("#", "Status", "Score", "Kind", "Claim")
    SHORT_COLUMNS = (NUMBER, STATUS, SCORE, KIND)  # sized to their widest possible text, not to their rows

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._claims: list[ClaimRecord] = []
        self._row_of: dict[int, int] = {}

    # -- loading and updating -------------------------------------------------------------------
    def set_claims(self, claims: Sequence[ClaimRecord]) -> None:
        self.beginResetModel()
        self._claims = sorted(claims, key=lambda c: (c.start, c.end))
        self._row_of = {c.id: row for row, c in enumerate(self._claims)}
        self.endResetModel()

    def append_claims(self, claims: Sequence[ClaimRecord]) -> None:
        """Add claims found after the ones shown (extraction runs in article order)."""
        if not claims:
            return
        first = len(self._claims)
        self.beginInsertRows(QModelIndex(), first, first + len(claims) - 1)
        for claim in claims:
            self._row_of[claim.id] = len(self._claims)
            self._claims.append(claim)
        self.endInsertRows()

    def update_claim(self, claim: ClaimRecord) -> None:
        """Replace one claim's record (after a change was saved) and repaint its row."""
        row = self._row_of.get(claim.id)
        if row is None:
            return
        self._claims[row] = claim
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def claims(self) -> list[ClaimRecord]:
        return list(self._claims)

    def claim_at(self, row: int) -> ClaimRecord:
        return self._claims[row]

    def row_of(self, claim_id: int) -> int | None:
        return self._row_of.get(claim_id)

    def widest_texts(self, column: int) -> list[str]:
        """Every text a short column can show, or its longest (the view measures them for its width)."""
        if column == self.NUMBER:
            return [str(max((c.number for c in self._claims), default=0))]
        if column == self.STATUS:
            return [status_text(status) for status in Status]
        if column == self.SCORE:
            return ["0.00", "1.00"]
        if column == self.KIND:
            return [kind.value for kind in ClaimKind]
        return []

    # -- QAbstractTableModel ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._claims)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._claims):
            return None
        claim = self._claims[index.row()]
        column = index.column()
        if role == ClaimRole:
            return claim
        if role == SortRole:
            if column == self.SCORE:
                return claim.score
            if column == self.STATUS:
                return list(Status).index(claim.status)
            if column == self.KIND:
                return claim.kind.value
            if column == self.TEXT:
                return claim.text.casefold()
            return claim.start
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return str(claim.number)
            if column == self.STATUS:
                return status_text(claim.status)
            if column == self.SCORE:
                return f"{claim.score:.2f}"
            if column == self.KIND:
                return claim.kind.value
            if column == self.TEXT:
                return claim.text
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            return claim.text + (f"\n\nNote: {claim.note}" if claim.note else "")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(STATUS_COLOUR[claim.status])
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.STATUS:
            return claim.status.value
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ClaimFilterModel(QSortFilterProxyModel):
    """Hides claims below the score threshold (unless checked or added by hand), by status and by text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._threshold = 0.0
        self._status: Status | None = None
        self._kind: ClaimKind | None = None
        self._dismissed = False
        self._text = ""
        self.setSortRole(SortRole)

    def set_threshold(self, threshold: float) -> None:
        self.beginFilterChange()
        self._threshold = threshold
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def threshold(self) -> float:
        return self._threshold

    def set_status(self, status: Status | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: ClaimKind | None) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_dismissed(self, dismissed: bool) -> None:
        """Show only the claims dismissed as "not a claim" (to restore them), or only the others."""
        self.beginFilterChange()
        self._dismissed = dismissed
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ClaimListModel):
            return True
        return self.accepts(model.claim_at(source_row))

    def accepts(self, claim: ClaimRecord) -> bool:
        """Whether the filter shows ``claim`` (also usable without asking Qt row by row)."""
        if self._dismissed:
            return claim.dismissed
        if not on_checklist(claim, self._threshold):
            return False
        if self._kind is not None and claim.kind != self._kind:
            return False
        if self._status is not None and claim.status != self._status:
            return False
        return not (
            self._text and self._text not in claim.text.casefold() and self._text not in claim.note.casefold()
        )
