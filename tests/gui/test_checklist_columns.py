"""The checklist's short columns fit every text they can show, without asking Qt to measure the rows."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.gui.conftest import WindowFactory
from workbench.claims.types import ClaimKind
from workbench.gui.claims_model import ClaimListModel
from workbench.store import ClaimRecord, Status


def claim(number: int, kind: ClaimKind, status: Status) -> ClaimRecord:
    return ClaimRecord(
        id=number,
        article_id=1,
        number=number,
        text=f"Claim number {number}.",
        start=number * 30,
        end=number * 30 + 20,
        score=1.0 if number % 2 else 0.55,
        kind=kind,
        status=status,
        note="",
        version=1,
        changed_at=datetime.now(UTC),
    )


def test_short_columns_are_as_wide_as_qt_would_make_them(make_window: WindowFactory) -> None:
    window = make_window()
    view, header = window.claims_view, window.claims_view.horizontalHeader()
    claims = [
        claim(number, kind, status)
        for number, (kind, status) in enumerate(
            ((kind, status) for kind in ClaimKind for status in Status), start=1
        )
    ]
    window.claims_model.set_claims([*claims, claim(12_345, ClaimKind.STATISTIC, Status.DISPUTED)])
    window.claims_filter.set_threshold(0.0)
    for column in ClaimListModel.SHORT_COLUMNS:
        # Qt's own measure of the rows' texts and of the header label, which ResizeToContents would use.
        needed = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) >= needed, ClaimListModel.HEADERS[column]

    window.claims_model.set_claims(claims[:3])  # fewer digits: the number column narrows again
    assert header.sectionSize(ClaimListModel.NUMBER) < view.fontMetrics().horizontalAdvance("12345")
