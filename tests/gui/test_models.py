"""The checklist models behave as Qt item models must, and filter as the checker expects."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.modeltest import ModelTester

from workbench.claims.types import ClaimKind
from workbench.gui.claims_model import ClaimFilterModel, ClaimListModel, ClaimRole
from workbench.store import ClaimRecord, Status


def claim(
    id_: int, start: int, score: float, status: Status = Status.UNCHECKED, text: str = "x"
) -> ClaimRecord:
    return ClaimRecord(
        id=id_,
        article_id=1,
        number=id_,
        text=text,
        start=start,
        end=start + len(text),
        score=score,
        kind=ClaimKind.STATISTIC,
        status=status,
        note="",
        version=1,
        changed_at=datetime.now(UTC),
    )


def test_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ClaimListModel()
    model.set_claims([claim(1, 0, 0.9), claim(2, 10, 0.2), claim(3, 20, 0.7, Status.DISPUTED)])
    qtmodeltester.check(model)
    proxy = ClaimFilterModel()
    proxy.setSourceModel(model)
    proxy.set_threshold(0.5)
    qtmodeltester.check(proxy)


def test_filter_by_threshold_status_and_text() -> None:
    model = ClaimListModel()
    model.set_claims(
        [
            claim(1, 0, 0.9, text="58 staff were expelled"),
            claim(2, 30, 0.2, text="a vague remark"),
            claim(3, 60, 0.1, Status.VERIFIED, text="checked low scorer"),
            claim(4, 90, 0.8, Status.DISPUTED, text="44 diplomats"),
        ]
    )
    proxy = ClaimFilterModel()
    proxy.setSourceModel(model)
    ids = lambda: [proxy.index(r, 0).data(ClaimRole).id for r in range(proxy.rowCount())]  # noqa: E731
    proxy.set_threshold(0.5)
    assert ids() == [1, 3, 4]
    proxy.set_status(Status.DISPUTED)
    assert ids() == [4]
    proxy.set_status(None)
    proxy.set_text("STAFF")
    assert ids() == [1]


def test_update_claim_repaints_its_row() -> None:
    model = ClaimListModel()
    model.set_claims([claim(1, 0, 0.9), claim(2, 10, 0.9)])
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.update_claim(claim(2, 10, 0.9, Status.VERIFIED))
    assert changed == [1]
    assert "Verified" in model.index(1, ClaimListModel.STATUS).data()
