"""The checking desk driven as a user would: open, see claims, mark by key, type a note, restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workbench.gui.main_window import MainWindow
from workbench.store import Status


def test_open_mark_note_restart_restores_everything(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    open_and_wait: Callable[[MainWindow, Path], None],
    sample_article: Path,
) -> None:
    window = make_window()
    open_and_wait(window, sample_article)

    assert "Putin approach to May" in window.article_title.text()
    assert window.article_view.toPlainText().startswith("An approach by President Vladimir Putin") or (
        "An approach by President Vladimir Putin" in window.article_view.toPlainText()
    )
    claims = window.visible_claims()
    assert len(claims) >= 5
    assert [c.start for c in claims] == sorted(c.start for c in claims), "checklist in article order"

    first = window.current_claim()
    assert first is not None and first.id == claims[0].id
    # The selected claim is highlighted in the article view.
    assert any(sel.cursor.selectedText() == first.text for sel in window.article_view.extraSelections())

    # Keyboard: V marks verified, J moves on, D marks disputed.
    window.claims_view.setFocus()
    with qtbot.waitSignal(window.claim_marked, timeout=10000) as marked:
        qtbot.keyClick(window.claims_view, Qt.Key.Key_V)
    assert marked.args == [first.id, "verified"]
    qtbot.keyClick(window.claims_view, Qt.Key.Key_J)
    second = window.current_claim()
    assert second is not None and second.id == claims[1].id
    with qtbot.waitSignal(window.claim_marked, timeout=10000):
        qtbot.keyClick(window.claims_view, Qt.Key.Key_D)

    # N jumps to the note; typing there never triggers the one-letter shortcuts.
    qtbot.keyClick(window.claims_view, Qt.Key.Key_N)
    assert window.note_edit.hasFocus()
    with qtbot.waitSignal(window.note_saved, timeout=10000):
        qtbot.keyClicks(window.note_edit, "Very doubtful & <b>unsourced</b>")
    assert window.current_claim() is not None and window.current_claim().status == Status.DISPUTED
    assert "2 of" in window.check_progress.text() and "1 disputed" in window.check_progress.text()
    window.close()

    # A new window on the same workspace resumes where the checker left off.
    again = make_window()
    open_and_wait(again, sample_article)
    restored = {c.id: c for c in again.visible_claims()}
    assert restored[first.id].status == Status.VERIFIED
    assert restored[second.id].status == Status.DISPUTED
    assert restored[second.id].note == "Very doubtful & <b>unsourced</b>"
    assert restored[second.id].changed_by == "Test Checker" or restored[second.id].changed_by


def test_buttons_mark_and_threshold_hides_low_scores(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    open_and_wait: Callable[[MainWindow, Path], None],
    sample_article: Path,
) -> None:
    window = make_window()
    open_and_wait(window, sample_article)
    claim = window.current_claim()
    assert claim is not None
    with qtbot.waitSignal(window.claim_marked, timeout=10000):
        qtbot.mouseClick(window.status_buttons[Status.DISPUTED], Qt.MouseButton.LeftButton)
    assert window.status_buttons[Status.DISPUTED].isChecked()

    shown = len(window.visible_claims())
    window.threshold_slider.setValue(100)
    remaining = window.visible_claims()
    assert len(remaining) < shown
    assert all(c.score >= 1.0 or c.status != Status.UNCHECKED for c in remaining)
    assert claim.id in {c.id for c in remaining}, "a checked claim stays in view whatever the threshold"


def test_a_broken_file_shows_a_message_and_the_window_carries_on(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    open_and_wait: Callable[[MainWindow, Path], None],
    sample_article: Path,
    tmp_path: Path,
) -> None:
    window = make_window()
    broken = tmp_path / "report.docx"
    broken.write_bytes(b"PK\x03\x04 not a real zip")
    with qtbot.waitSignal(window.failed, timeout=20000) as failed:
        window.open_path(broken)
    assert "report.docx" in failed.args[0]
    open_and_wait(window, sample_article)
    assert window.visible_claims()


def test_export_writes_the_pdf(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    open_and_wait: Callable[[MainWindow, Path], None],
    sample_article: Path,
    tmp_path: Path,
) -> None:
    window = make_window()
    open_and_wait(window, sample_article)
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    with qtbot.waitSignal(window.report_written, timeout=30000) as written:
        window.export_report_to(target)
    assert Path(written.args[0]) == target
    assert target.read_bytes().startswith(b"%PDF")
