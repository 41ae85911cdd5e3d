"""Working the checklist: undo/redo, sources, history, claims added, re-bounded and dismissed by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from workbench.gui.main_window import MainWindow
from workbench.store import Status, Workspace

Factory = Callable[[], MainWindow]
Opener = Callable[[MainWindow, Path], None]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def desk(qtbot: QtBot, make_window: Factory, open_and_wait: Opener, sample_article: Path) -> MainWindow:
    window = make_window()
    open_and_wait(window, sample_article)
    return window


def change(qtbot: QtBot, window: MainWindow, action: Callable[[], object]) -> None:
    with qtbot.waitSignal(window.claim_changed, timeout=10000):
        action()


def select_text(window: MainWindow, start: int, end: int) -> None:
    cursor = window.article_view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    window.article_view.setTextCursor(cursor)


def test_undo_and_redo_a_status_change(qtbot: QtBot, desk: MainWindow, db_url: str) -> None:
    claim = desk.current_claim()
    assert claim is not None
    change(qtbot, desk, lambda: qtbot.keyClick(desk.claims_view, Qt.Key.Key_V))
    assert desk.current_claim().status == Status.VERIFIED
    change(qtbot, desk, lambda: qtbot.keyClick(desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
    assert desk.current_claim().status == Status.UNCHECKED
    change(
        qtbot,
        desk,
        lambda: qtbot.keyClick(desk, Qt.Key.Key_Z, CTRL_SHIFT),
    )
    assert desk.current_claim().status == Status.VERIFIED
    with Workspace(db_url) as ws:  # and it is what the workspace holds, not just what the window shows
        assert ws.claim(claim.id).status == Status.VERIFIED
        fields = [(h.field, h.new) for h in ws.history(claim.id)]
    assert fields[-3:] == [("status", "verified"), ("status", "unchecked"), ("status", "verified")]


def test_typing_in_the_note_is_never_taken_for_shortcuts_and_undo_stays_in_the_editor(
    qtbot: QtBot, desk: MainWindow
) -> None:
    claim = desk.current_claim()
    desk.note_edit.setFocus()
    with qtbot.waitSignal(desk.note_saved, timeout=10000):
        qtbot.keyClicks(desk.note_edit, "vdujkn")
    assert desk.current_claim().id == claim.id, "J/K typed in the note did not move the selection"
    assert desk.current_claim().status == Status.UNCHECKED, "V/D typed in the note did not mark the claim"
    assert desk.current_claim().note == "vdujkn"
    qtbot.keyClick(desk.note_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert desk.note_edit.toPlainText() != "vdujkn", "Ctrl+Z in the note undoes typing in the note"


def test_sources_are_added_listed_undone_and_shown_with_history(qtbot: QtBot, desk: MainWindow) -> None:
    url = "https://example.org/fco"
    change(qtbot, desk, lambda: desk.add_source(url, title="FCO statement", accessed="2026-11-28"))
    claim = desk.current_claim()
    assert [s.url for s in claim.sources] == ["https://example.org/fco"]
    assert desk.sources_list.count() == 1
    assert "FCO statement" in desk.sources_list.item(0).text()
    with qtbot.waitSignal(desk.history_shown, timeout=10000):
        desk._load_history(claim.id)
    history = [desk.history_list.item(i).text() for i in range(desk.history_list.count())]
    assert any(url in line for line in history)
    change(qtbot, desk, desk.undo_stack.undo)
    assert desk.current_claim().sources == ()
    assert desk.sources_list.count() == 0


def test_add_a_claim_from_a_selection_then_move_its_boundaries(qtbot: QtBot, desk: MainWindow) -> None:
    text = desk.current_article().text
    start = text.index("It was not a formal bilateral meeting.")
    end = start + len("It was not a formal bilateral meeting.")
    select_text(desk, start, end + 1)  # a trailing newline is trimmed away
    with qtbot.waitSignal(desk.claim_changed, timeout=10000):
        qtbot.keyClick(desk, Qt.Key.Key_A, CTRL_SHIFT)
    added = desk.current_claim()
    assert added is not None and added.by_hand
    assert added.text == "It was not a formal bilateral meeting."
    assert added.id in {c.id for c in desk.visible_claims()}, "a hand-made claim shows whatever the threshold"

    select_text(desk, start, start + len("It was not a formal"))
    change(qtbot, desk, desk.set_bounds_from_selection)
    assert desk.current_claim().text == "It was not a formal"
    change(qtbot, desk, desk.undo_stack.undo)
    assert desk.current_claim().text == "It was not a formal bilateral meeting."


def test_dismiss_hides_a_claim_and_the_dismissed_filter_restores_it(qtbot: QtBot, desk: MainWindow) -> None:
    claim = desk.current_claim()
    shown = len(desk.visible_claims())
    change(qtbot, desk, lambda: qtbot.keyClick(desk.claims_view, Qt.Key.Key_Delete))
    assert claim.id not in {c.id for c in desk.visible_claims()}
    assert len(desk.visible_claims()) == shown - 1
    desk.status_filter.setCurrentIndex(desk.status_filter.findData("dismissed"))
    assert [c.id for c in desk.visible_claims()] == [claim.id]
    desk.claims_view.setFocus()
    desk._select_row(0)
    change(qtbot, desk, lambda: qtbot.keyClick(desk.claims_view, Qt.Key.Key_Delete))
    desk.status_filter.setCurrentIndex(0)
    assert claim.id in {c.id for c in desk.visible_claims()}


def test_clicking_a_claim_in_the_article_selects_it_in_the_checklist(desk: MainWindow) -> None:
    third = desk.visible_claims()[2]
    cursor = desk.article_view.textCursor()
    cursor.setPosition(third.start + 3)
    desk.article_view.setTextCursor(cursor)
    assert desk.current_claim().id == third.id


def test_kind_filter_and_sorting_by_score(desk: MainWindow) -> None:
    desk.kind_filter.setCurrentIndex(desk.kind_filter.findText("Statistic"))
    assert desk.visible_claims() and all(c.kind.value == "statistic" for c in desk.visible_claims())
    desk.kind_filter.setCurrentIndex(0)
    desk.claims_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    scores = [c.score for c in desk.visible_claims()]
    assert scores == sorted(scores, reverse=True)


def test_every_shortcut_is_listed_once_and_none_clash(desk: MainWindow) -> None:
    rows = desk.shortcut_rows()
    keys = [k.strip() for combo, _ in rows for k in combo.split(",")]
    assert len(keys) == len(set(keys)), f"clashing shortcuts: {sorted(k for k in keys if keys.count(k) > 1)}"
    listed = {what for _, what in rows}
    needed_actions = (
        "Mark verified",
        "Mark disputed",
        "Mark unchecked",
        "Next claim",
        "Edit note",
        "Add source…",
    )
    for needed in needed_actions:
        assert needed in listed
    assert "(V)" in desk.status_buttons[Status.VERIFIED].toolTip()


def long_article(sample: Path, folder: Path, copies: int) -> Path:
    body = sample.read_text(encoding="utf-8").split("\n\n", 2)[2]  # without headline and dateline
    path = folder / "long-report.txt"
    path.write_text("A long report\n\n" + "\n\n".join(body for _ in range(copies)), encoding="utf-8")
    return path


def test_a_long_article_shows_its_text_and_claims_before_extraction_ends(
    qtbot: QtBot, make_window: Factory, sample_article: Path, tmp_path: Path
) -> None:
    window = make_window()
    seen_before_saved: list[int] = []
    window.claims_model.rowsInserted.connect(
        lambda *_: (
            seen_before_saved.append(window.claims_model.rowCount())
            if window.current_article() is None
            else None
        )
    )
    with qtbot.waitSignal(window.article_loaded, timeout=120000):
        window.open_path(long_article(sample_article, tmp_path, 20))
    assert seen_before_saved, "claims appeared while extraction was still running"
    assert len(seen_before_saved) > 1, "they arrived in several batches, not all at the end"
    stored = window.visible_claims()
    assert stored and all(c.id > 0 for c in stored), "once saved, every row is a stored claim"


def test_cancel_stops_opening_and_stores_nothing(
    qtbot: QtBot, make_window: Factory, sample_article: Path, tmp_path: Path, db_url: str
) -> None:
    window = make_window()
    with qtbot.waitSignal(window.claims_model.rowsInserted, timeout=60000):
        window.open_path(long_article(sample_article, tmp_path, 60))
    assert window.cancel_button.isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.progress_bar.isVisible(), timeout=60000)
    assert "Stopped opening" in window.statusBar().currentMessage()
    with Workspace(db_url) as ws:
        assert ws.list_articles() == []
