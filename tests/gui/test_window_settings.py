"""The window follows Preferences and the Library: checker name, threshold, font, workspace switch."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from workbench.gui.main_window import MainWindow
from workbench.store import Status, Workspace

Factory = Callable[[], MainWindow]
Opener = Callable[[MainWindow, Path], None]


def test_preferences_set_the_checker_threshold_and_font(
    qtbot: QtBot, make_window: Factory, open_and_wait: Opener, sample_article: Path, db_url: str
) -> None:
    window = make_window()
    open_and_wait(window, sample_article)
    window.show_preferences()
    dialog = window._preferences_dialog
    dialog.checker_edit.setText("Zoë Łukasz")
    dialog.threshold_spin.setValue(0.9)
    dialog.font_size_spin.setValue(17)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert window.threshold_slider.value() == 90
    assert window.article_view.font().pointSize() == 17
    assert all(c.score >= 0.9 or c.status != Status.UNCHECKED for c in window.visible_claims())
    claim = window.visible_claims()[0]
    window._select_claim_id(claim.id)
    with qtbot.waitSignal(window.claim_marked, timeout=10000):
        window.mark_current(Status.VERIFIED)
    with Workspace(db_url) as ws:
        assert ws.claim(claim.id).changed_by == "Zoë Łukasz"


def test_the_library_reopens_an_article_whose_file_is_gone(
    qtbot: QtBot, make_window: Factory, open_and_wait: Opener, sample_article: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "article.txt"
    shutil.copy(sample_article, moved)
    window = make_window()
    open_and_wait(window, moved)
    article_id = window.current_article().id
    with qtbot.waitSignal(window.claim_marked, timeout=10000):
        window.mark_current(Status.DISPUTED)
    moved.unlink()
    window.close()

    again = make_window()
    again.show_library()
    library = again._library_dialog
    qtbot.waitUntil(lambda: library.model.rowCount() == 1, timeout=10000)
    assert library.select_article(article_id)
    with qtbot.waitSignal(again.article_loaded, timeout=10000):
        library.open_current()
    assert again.current_article().id == article_id
    assert "Putin approach to May" in again.article_title.text()
    assert again.visible_claims()[0].status == Status.DISPUTED


def test_switching_the_workspace_in_preferences_closes_the_article_and_opens_the_other(
    qtbot: QtBot, make_window: Factory, open_and_wait: Opener, sample_article: Path, tmp_path: Path
) -> None:
    window = make_window()
    open_and_wait(window, sample_article)
    other = f"sqlite:///{tmp_path / 'team.sqlite'}"
    window._db_override = None  # as if started without --db, so Preferences decide
    window.show_preferences()
    dialog = window._preferences_dialog
    dialog.workspace_edit.setText(other)
    with qtbot.waitSignal(window.workspace_ready, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.current_article() is None
    assert window.visible_claims() == []
    open_and_wait(window, sample_article)
    with Workspace(other) as ws:
        assert [a.id for a in ws.list_articles()] == [window.current_article().id]


def test_a_change_made_in_another_window_appears_on_its_own(
    qtbot: QtBot, make_window: Factory, open_and_wait: Opener, sample_article: Path
) -> None:
    watching = make_window()
    open_and_wait(watching, sample_article)
    watching._watch_timer.setInterval(100)
    other = make_window()
    open_and_wait(other, sample_article)
    claim = other.current_claim()
    with (
        qtbot.waitSignal(watching.changed_elsewhere, timeout=10000),
        qtbot.waitSignal(other.claim_marked, timeout=10000),
    ):
        other.mark_current(Status.DISPUTED)
    qtbot.waitUntil(lambda: watching.visible_claims()[0].status == Status.DISPUTED, timeout=10000)
    assert watching.visible_claims()[0].id == claim.id


def test_exporting_from_the_dialog_offers_to_open_the_report(
    qtbot: QtBot, make_window: Factory, open_and_wait: Opener, sample_article: Path, tmp_path: Path
) -> None:
    window = make_window()
    open_and_wait(window, sample_article)
    target = tmp_path / "report.pdf"
    with qtbot.waitSignal(window.report_written, timeout=30000):
        window._on_export_selected(str(target))
    box = window._report_box
    assert str(target) in box.text()
    assert "Open report" in [b.text() for b in box.buttons()]
    box.reject()
