"""The library lists the workspace's articles with their progress; the checker opens, filters and removes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from workbench.claims import ExtractedClaim
from workbench.gui.library import (
    ArticleFilterModel,
    ArticleRole,
    ArticleTableModel,
    LibraryDialog,
)
from workbench.gui.tasks import TaskRunner
from workbench.importers.base import ImportedArticle
from workbench.store import ArticleSummary, Status, Workspace

SENTENCES = [
    "Britain expelled 23 Russian diplomats in 2018.",
    "The economy grew by 2.1 per cent last year.",
    "Unemployment fell to 3.8 per cent.",
]


def add_article(workspace: Workspace, title: str, path: str, claims: int) -> int:
    text = " ".join(SENTENCES[:claims]) or "No claims here."
    found, cursor = [], 0
    for sentence in SENTENCES[:claims]:
        start = text.index(sentence, cursor)
        found.append(ExtractedClaim(text=sentence, start=start, end=start + len(sentence), score=0.9))
        cursor = start + len(sentence)
    imported = ImportedArticle(text=text, title=title, source_path=path, format="txt")
    return workspace.add_article(imported, found, who="Test Checker").id


@pytest.fixture
def workspace(db_url: str) -> Iterator[Workspace]:
    with Workspace(db_url) as workspace:
        first = add_article(workspace, "Putin approach to May", "/articles/sky-putin-may.txt", 3)
        add_article(workspace, "Budget in numbers", "/articles/budget.txt", 2)
        add_article(workspace, "", "/articles/untitled-notes.txt", 0)
        claims = workspace.claims(first)
        workspace.set_status(claims[0].id, Status.VERIFIED, who="Test Checker")
        workspace.set_status(claims[1].id, Status.DISPUTED, who="Test Checker")
        yield workspace


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()  # real worker threads, as in the app
    yield runner
    runner.shutdown()


def opened(qtbot: QtBot, workspace: Workspace, tasks: TaskRunner) -> LibraryDialog:
    dialog = LibraryDialog(workspace, tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.articles_loaded, timeout=10000):
        dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def shown_titles(dialog: LibraryDialog) -> list[str]:
    return [dialog.proxy.index(row, 0).data() for row in range(dialog.proxy.rowCount())]


def summary(id_: int, title: str, claims: int, checked: int, disputed: int) -> ArticleSummary:
    return ArticleSummary(
        id=id_,
        title=title,
        source_path=f"/a/{id_}.txt",
        imported_at=datetime(2026, 1, id_, tzinfo=UTC),
        claims=claims,
        checked=checked,
        disputed=disputed,
    )


def test_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ArticleTableModel()
    qtmodeltester.check(model)  # empty
    model.set_articles([summary(1, "A", 3, 1, 0), summary(2, "", 0, 0, 0), summary(3, "C", 5, 5, 2)])
    qtmodeltester.check(model)
    proxy = ArticleFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(ArticleTableModel.CHECKED, Qt.SortOrder.DescendingOrder)
    proxy.set_text("c")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1
    assert model.rowCount(model.index(0, 0)) == 0, "a table: rows have no children"


def test_the_library_shows_each_article_with_its_progress(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    dialog = opened(qtbot, workspace, tasks)
    assert dialog.isModal() and dialog.isVisible()
    # Newest first; an untitled article shows its file name.
    assert shown_titles(dialog) == ["untitled-notes.txt", "Budget in numbers", "Putin approach to May"]
    putin = dialog.proxy.index(2, 0)
    row = [dialog.proxy.index(2, column).data() for column in range(dialog.proxy.columnCount())]
    assert row[:5] == ["Putin approach to May", "sky-putin-may.txt", "3", "2 of 3", "1"]
    assert row[5].startswith(str(datetime.now().year))
    assert dialog.proxy.index(2, ArticleTableModel.SOURCE).data(Qt.ItemDataRole.ToolTipRole) == (
        "/articles/sky-putin-may.txt"
    )
    assert putin.data(ArticleRole).checked == 2
    assert dialog.proxy.index(0, ArticleTableModel.CHECKED).data() == "no claims"
    assert dialog.summary_label.text() == "3 articles · 2 of 5 claims checked · 1 disputed"


def test_the_list_is_read_on_a_worker_thread_never_the_gui_thread(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    threads: list[threading.Thread] = []

    class WatchedShelf:
        def list_articles(self) -> list[ArticleSummary]:
            threads.append(threading.current_thread())
            return workspace.list_articles()

        def remove_article(self, article_id: int) -> None:
            threads.append(threading.current_thread())
            workspace.remove_article(article_id)

    dialog = opened(qtbot, WatchedShelf(), tasks)  # type: ignore[arg-type]
    assert dialog.model.rowCount() == 3
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_clicking_a_row_and_open_emits_the_article(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    dialog = opened(qtbot, workspace, tasks)
    rect = dialog.view.visualRect(dialog.proxy.index(1, 0))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.current_article() is not None and dialog.current_article().title == "Budget in numbers"
    with qtbot.waitSignal(dialog.article_chosen) as chosen, qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    article_id, path = chosen.args
    assert path == "/articles/budget.txt"
    assert workspace.article(article_id).title == "Budget in numbers"
    assert not dialog.isVisible(), "opening an article closes the library"


def test_keyboard_filter_then_enter_opens_the_match(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    dialog = opened(qtbot, workspace, tasks)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.filter_edit.hasFocus(), "Ctrl+F goes to the filter"
    qtbot.keyClicks(dialog.filter_edit, "PUTIN")
    assert shown_titles(dialog) == ["Putin approach to May"]
    assert dialog.summary_label.text().startswith("1 of 3 articles shown")
    with qtbot.waitSignal(dialog.article_chosen) as chosen:
        qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert chosen.args[1] == "/articles/sky-putin-may.txt"

    dialog.open()
    dialog.filter_edit.clear()
    qtbot.keyClicks(dialog.filter_edit, "budget.txt")  # the file name matches too
    assert shown_titles(dialog) == ["Budget in numbers"]
    qtbot.keyClicks(dialog.filter_edit, "x")
    assert shown_titles(dialog) == []
    assert not dialog.open_button.isEnabled() and not dialog.remove_button.isEnabled()


def test_arrow_keys_and_enter_in_the_list_open_an_article(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    dialog = opened(qtbot, workspace, tasks)
    dialog.view.setFocus()
    assert dialog.current_article() is not None, "the first row is selected from the start"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.article_chosen) as chosen:
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert chosen.args[1] == "/articles/sky-putin-may.txt"


def test_sorting_by_progress_with_a_header_click(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    dialog = opened(qtbot, workspace, tasks)
    header = dialog.view.horizontalHeader()
    x = header.sectionViewportPosition(ArticleTableModel.CHECKED) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    titles = shown_titles(dialog)
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        titles.reverse()
    assert titles == ["untitled-notes.txt", "Budget in numbers", "Putin approach to May"]


def test_remove_asks_first_and_cancel_keeps_the_article(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    dialog = opened(qtbot, workspace, tasks)
    assert dialog.select_article(workspace.find_article(source_path="/articles/budget.txt").id)
    with qtbot.assertNotEmitted(dialog.article_removed):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        box = dialog.confirmation
        assert isinstance(box, QMessageBox) and box.isVisible(), "a non-blocking question"
        assert "Budget in numbers" in box.text() and "2 claims" in box.informativeText()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter means Cancel: never deletes by accident
        qtbot.waitUntil(lambda: dialog.confirmation is None)
    assert len(workspace.list_articles()) == 3


def test_delete_key_then_remove_deletes_it_in_the_background(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    dialog = opened(qtbot, workspace, tasks)
    budget = workspace.find_article(source_path="/articles/budget.txt")
    assert budget is not None and dialog.select_article(budget.id)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    box = dialog.confirmation
    assert box is not None
    remove = next(b for b in box.buttons() if b.text() == "Remove")
    with (
        qtbot.waitSignal(dialog.article_removed, timeout=10000) as removed,
        qtbot.waitSignal(dialog.articles_loaded, timeout=10000),
    ):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert removed.args == [budget.id]
    assert "Budget in numbers" not in shown_titles(dialog)
    assert [a.title for a in workspace.list_articles()] == ["Putin approach to May", ""]
    assert dialog.summary_label.text().startswith("2 articles")


def test_a_failing_workspace_is_reported_in_the_dialog(qtbot: QtBot, tasks: TaskRunner) -> None:
    class BrokenShelf:
        def list_articles(self) -> list[ArticleSummary]:
            raise OSError("the team database at db.example is unreachable")

        def remove_article(self, article_id: int) -> None:
            raise AssertionError("not called")

    dialog = LibraryDialog(BrokenShelf(), tasks)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.open()
    assert "unreachable" in failed.args[0]
    assert dialog.summary_label.text().startswith("⚠ The articles could not be read")
    assert dialog.isVisible(), "no crash: the dialog stays and says why"


def test_removing_an_article_someone_else_removed_is_explained(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    dialog = opened(qtbot, workspace, tasks)
    budget = workspace.find_article(source_path="/articles/budget.txt")
    assert budget is not None and dialog.select_article(budget.id)
    workspace.remove_article(budget.id)  # a colleague, meanwhile
    dialog.remove_current()
    assert dialog.confirmation is not None
    remove = next(b for b in dialog.confirmation.buttons() if b.text() == "Remove")
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert f"no article {budget.id}" in failed.args[0]
    assert dialog.remove_button.isEnabled()


def test_an_empty_workspace_says_how_to_start(qtbot: QtBot, db_url: str, tasks: TaskRunner) -> None:
    with Workspace(db_url) as empty:
        dialog = opened(qtbot, empty, tasks)
        assert dialog.model.rowCount(QModelIndex()) == 0
        assert "no articles yet" in dialog.summary_label.text()
        assert not dialog.open_button.isEnabled()


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, unnamed_controls: Callable[[QWidget], list[str]]
) -> None:
    dialog = opened(qtbot, workspace, tasks)
    assert unnamed_controls(dialog) == []
    assert dialog.proxy.index(0, ArticleTableModel.CHECKED).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "0 of 0 claims checked"
    )
