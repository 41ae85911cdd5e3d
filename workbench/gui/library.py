"""The library: every article in the workspace with its checking progress; open one, or remove it.

The dialog never touches the database itself: it asks an ``ArticleShelf`` (the ``Workspace`` is one)
through the ``TaskRunner``, so listing and removing run on the database worker, off the GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from workbench.gui.forms import fill_dialog
from workbench.gui.table_model import ColumnsModel
from workbench.gui.tasks import TaskRunner
from workbench.store import ArticleSummary

ArticleRole = Qt.ItemDataRole.UserRole + 1  # the row's ArticleSummary
SortRole = Qt.ItemDataRole.UserRole + 2  # a value that sorts as the user expects (numbers, dates)

AnyIndex = QModelIndex | QPersistentModelIndex


class ArticleShelf(Protocol):
    """Where the library's articles come from; ``workbench.store.Workspace`` is one.

    Both calls run on a worker thread.
    """

    def list_articles(self) -> list[ArticleSummary]: ...

    def remove_article(self, article_id: int) -> None: ...


def progress_text(article: ArticleSummary) -> str:
    """ "12 of 31", with a tick when every claim is checked (a sign besides any colour)."""
    if article.claims == 0:
        return "no claims"
    done = "✓ " if article.checked >= article.claims else ""
    return f"{done}{article.checked} of {article.claims}"


class ArticleTableModel(ColumnsModel):
    """The workspace's articles, one row each, over plain ``ArticleSummary`` records."""

    TITLE, SOURCE, CLAIMS, CHECKED, DISPUTED, IMPORTED = range(6)
    HEADERS = ("Title", "File", "Claims", "Checked", "Disputed", "Imported")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._articles: list[ArticleSummary] = []

    def set_articles(self, articles: Sequence[ArticleSummary]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self.endResetModel()

    def articles(self) -> list[ArticleSummary]:
        return list(self._articles)

    def row_of(self, article_id: int) -> int | None:
        for row, article in enumerate(self._articles):
            if article.id == article_id:
                return row
        return None

    # -- QAbstractTableModel --------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's own default
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        column = index.column()
        if role == ArticleRole:
            return article
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(article, column)
        if role == SortRole:
            return self._sort_key(article, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SOURCE:
                return article.source_path
            if column == self.TITLE:
                return article.title or Path(article.source_path).name
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(article, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.CLAIMS, self.CHECKED, self.DISPUTED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, article: ArticleSummary, column: int) -> str:
        if column == self.TITLE:
            return article.title or Path(article.source_path).name
        if column == self.SOURCE:
            return Path(article.source_path).name
        if column == self.CLAIMS:
            return str(article.claims)
        if column == self.CHECKED:
            return progress_text(article)
        if column == self.DISPUTED:
            return str(article.disputed) if article.disputed else "–"
        return article.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")

    def _sort_key(self, article: ArticleSummary, column: int) -> Any:
        if column == self.TITLE:
            return (article.title or Path(article.source_path).name).casefold()
        if column == self.SOURCE:
            return Path(article.source_path).name.casefold()
        if column == self.CLAIMS:
            return article.claims
        if column == self.CHECKED:
            return article.checked / article.claims if article.claims else -1.0
        if column == self.DISPUTED:
            return article.disputed
        return article.imported_at.timestamp()

    def _accessible(self, article: ArticleSummary, column: int) -> str:
        if column == self.CHECKED:
            return f"{article.checked} of {article.claims} claims checked"
        if column == self.DISPUTED:
            return f"{article.disputed} disputed"
        if column == self.IMPORTED:
            return "imported " + self._display(article, column)
        return self._display(article, column)


class ArticleFilterModel(QSortFilterProxyModel):
    """Sorts the articles by any column and keeps those whose title or file name holds the filter text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._needle = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        article: ArticleSummary = model.index(source_row, 0, source_parent).data(ArticleRole)
        return self._needle in f"{article.title}\n{Path(article.source_path).name}".casefold()


class LibraryDialog(QDialog):
    """Lists the workspace's articles with their progress; the user opens or removes one.

    Signals:
        articles_loaded(int): the list was (re)read; how many articles the workspace holds.
        article_chosen(int, str): the user chose to open an article (its id and source file path).
        article_removed(int): an article was removed from the workspace (its id).
        failed(str): reading or removing failed; the message is also shown in the dialog.
    """

    articles_loaded = Signal(int)
    article_chosen = Signal(int, str)
    article_removed = Signal(int)
    failed = Signal(str)

    def __init__(self, shelf: ArticleShelf, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Library")
        self.setAccessibleName("Library of articles in the workspace")
        self._shelf = shelf
        self._tasks = tasks
        self._loading = False
        self._removing: int | None = None
        self.confirmation: QMessageBox | None = None  # the open "Remove?" question, if any

        form = fill_dialog(self, "library.ui")
        self.form = form
        self.filter_edit: QLineEdit = form.findChild(QLineEdit, "filterEdit")
        self.view: QTableView = form.findChild(QTableView, "articlesView")
        self.summary_label: QLabel = form.findChild(QLabel, "summaryLabel")
        self.open_button: QPushButton = form.findChild(QPushButton, "openButton")
        self.remove_button: QPushButton = form.findChild(QPushButton, "removeButton")
        self.refresh_button: QPushButton = form.findChild(QPushButton, "refreshButton")
        self.buttons: QDialogButtonBox = form.findChild(QDialogButtonBox, "buttonBox")

        self.model = ArticleTableModel(self)
        self.proxy = ArticleFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.view.setModel(self.proxy)
        self.view.sortByColumn(ArticleTableModel.IMPORTED, Qt.SortOrder.DescendingOrder)  # newest first
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ArticleTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resize(900, 480)

        self._add_shortcut("Focus the filter", QKeySequence.StandardKey.Find, self._focus_filter, self)
        self._add_shortcut("Reload the list", QKeySequence.StandardKey.Refresh, self.refresh, self)
        self._add_shortcut(
            "Remove the article", QKeySequence.StandardKey.Delete, self.remove_current, self.view
        )

        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.filter_edit.returnPressed.connect(self.open_current)
        self.view.activated.connect(lambda _index: self.open_current())  # Enter or double-click
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)
        self.proxy.layoutChanged.connect(self._update_buttons)
        self.open_button.clicked.connect(self.open_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.refresh_button.clicked.connect(self.refresh)
        self.buttons.rejected.connect(self.reject)
        self._update_buttons()
        self.refresh()

    # -- public API -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list of articles again (in the background)."""
        if self._loading:
            return
        self._loading = True
        self.summary_label.setText("Reading the workspace…")
        shelf = self._shelf
        self._tasks.run(
            lambda ctx: shelf.list_articles(), on_done=self._on_loaded, on_error=self._on_load_failed
        )

    def set_articles(self, articles: Sequence[ArticleSummary]) -> None:
        """Show ``articles``, keeping the selected one selected when it is still there."""
        chosen = self.current_article()
        self.model.set_articles(articles)
        self._summarise()
        row = self.model.row_of(chosen.id) if chosen else None
        self._select_source_row(row if row is not None else None)

    def current_article(self) -> ArticleSummary | None:
        index = self.view.currentIndex()
        return index.data(ArticleRole) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        """Make ``article_id`` the current row (e.g. the one open in the window); False if not shown."""
        row = self.model.row_of(article_id)
        return row is not None and self._select_source_row(row)

    def open_current(self) -> None:
        article = self.current_article()
        if article is None:
            return
        self.article_chosen.emit(article.id, article.source_path)
        self.accept()

    def remove_current(self) -> None:
        """Ask whether to remove the selected article; removes it only on "Remove"."""
        article = self.current_article()
        if article is None or self._removing is not None:
            return
        name = html.escape(article.title or Path(article.source_path).name)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Remove article",
            f"Remove <b>{name}</b> from the workspace?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setInformativeText(
            f"Its {article.claims} claims, with their verdicts, notes, sources and history, are deleted "
            "for everyone using this workspace. The article's file is not touched."
        )
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        remove.setAccessibleName("Remove the article")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter never deletes by accident
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _result: self._on_confirmation_finished(article, box.clickedButton() is remove)
        )
        self.confirmation = box
        box.open()

    # -- slots ----------------------------------------------------------------------------------
    def _on_confirmation_finished(self, article: ArticleSummary, confirmed: bool) -> None:
        self.confirmation = None
        if not confirmed:
            return
        self._removing = article.id
        self._update_buttons()
        self.summary_label.setText(f"Removing {article.title or Path(article.source_path).name}…")
        shelf = self._shelf
        self._tasks.run(
            lambda ctx: shelf.remove_article(article.id),
            on_done=lambda _none: self._on_removed(article.id),
            on_error=self._on_remove_failed,
        )

    def _on_loaded(self, articles: list[ArticleSummary]) -> None:
        if not shiboken6.isValid(self):  # closed and deleted while the worker read
            return
        self._loading = False
        self.set_articles(articles)
        self.articles_loaded.emit(len(articles))

    def _on_load_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._loading = False
        self._show_problem(f"The articles could not be read: {error}")

    def _on_removed(self, article_id: int) -> None:
        if not shiboken6.isValid(self):
            return
        self._removing = None
        self.article_removed.emit(article_id)
        self.refresh()

    def _on_remove_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._removing = None
        self._show_problem(f"The article was not removed: {error}")
        self._update_buttons()

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self._select_proxy_row(0)  # Enter in the filter opens the first match
        self._summarise()

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.current_article() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self._removing is None)

    # -- helpers --------------------------------------------------------------------------------
    def _add_shortcut(self, text: str, keys: QKeySequence.StandardKey, slot: Any, widget: QWidget) -> None:
        action = QAction(text, widget)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        widget.addAction(action)

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _select_source_row(self, row: int | None) -> bool:
        if row is None:
            if self.proxy.rowCount():
                return self._select_proxy_row(0)
            self._update_buttons()
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        return index.isValid() and self._select_proxy_row(index.row())

    def _select_proxy_row(self, row: int) -> bool:
        index = self.proxy.index(row, 0)
        if not index.isValid():
            return False
        self.view.selectRow(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._update_buttons()
        return True

    def _summarise(self) -> None:
        articles = self.model.articles()
        if not articles:
            self.summary_label.setText("The workspace holds no articles yet: open one with File ▸ Open.")
            return
        claims = sum(a.claims for a in articles)
        checked = sum(a.checked for a in articles)
        disputed = sum(a.disputed for a in articles)
        shown = self.proxy.rowCount()
        prefix = (
            f"{shown} of {len(articles)} articles shown"
            if shown != len(articles)
            else (f"{len(articles)} article{'s' if len(articles) != 1 else ''}")
        )
        self.summary_label.setText(f"{prefix} · {checked} of {claims} claims checked · {disputed} disputed")

    def _show_problem(self, message: str) -> None:
        self.summary_label.setText(f"⚠ {message}")
        self.failed.emit(message)
