"""The checking desk: article, checklist and the selected claim's detail side by side."""

from __future__ import annotations

import getpass
import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QSplitter,
    QTableView,
    QTextEdit,
    QToolButton,
)

from workbench import APP_NAME, __version__
from workbench.claims import DEFAULT_THRESHOLD, ClaimExtractor
from workbench.gui.article_view import ArticleHighlighter
from workbench.gui.claims_model import ClaimFilterModel, ClaimListModel, ClaimRole, status_text
from workbench.gui.forms import load_form
from workbench.gui.tasks import TaskCancelled, TaskContext, TaskHandle, TaskRunner
from workbench.importers import SUPPORTED_EXTENSIONS, ArticleImportError, import_file
from workbench.opening import OpenedArticle, PreparedArticle, prepare_article, store_prepared
from workbench.report import ReportOptions, write_report
from workbench.store import ArticleRecord, ClaimRecord, StaleWriteError, Status, Workspace

log = logging.getLogger(__name__)

MAX_RECENT = 10
NOTE_SAVE_DELAY_MS = 400


def default_checker() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class MainWindow(QMainWindow):
    """The main window.

    Signals:
        workspace_ready(): the workspace database is open (migrations ran).
        article_loaded(int): an article's text and claims are shown (its id).
        claim_marked(int, str): a claim's new status was saved (claim id, status value).
        note_saved(int): a claim's note was saved (claim id).
        report_written(str): a report file was written (its path).
        failed(str): an error was shown to the user (its message).
    """

    workspace_ready = Signal()
    article_loaded = Signal(int)
    claim_marked = Signal(int, str)
    note_saved = Signal(int)
    report_written = Signal(str)
    failed = Signal(str)

    def __init__(
        self, *, db: str | None = None, tasks: TaskRunner | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._settings = settings or QSettings()
        self._tasks = tasks or TaskRunner(self)
        self._workspace: Workspace | None = None
        self._extractor: ClaimExtractor | None = None
        self._article: ArticleRecord | None = None
        self._pending_open: str | None = None
        self._opening: TaskHandle | None = None
        self._shown_claim: ClaimRecord | None = None
        self._note_claim_id: int | None = None
        self._loading_note = False

        self._build_desk()
        self._build_actions()
        self._build_status_bar()
        self._restore_layout()

        self._tasks.run(
            lambda ctx: Workspace(db), on_done=self._on_workspace_opened, on_error=self._on_workspace_failed
        )

    # -- construction -----------------------------------------------------------------------------
    def _build_desk(self) -> None:
        desk = load_form("main_window.ui", self)
        self.setCentralWidget(desk)
        self.desk = desk
        self.splitter: QSplitter = desk.findChild(QSplitter, "mainSplitter")
        self.article_title: QLabel = desk.findChild(QLabel, "articleTitle")
        self.article_meta: QLabel = desk.findChild(QLabel, "articleMeta")
        self.article_view: QTextEdit = desk.findChild(QTextEdit, "articleView")
        self.filter_edit: QLineEdit = desk.findChild(QLineEdit, "filterEdit")
        self.status_filter: QComboBox = desk.findChild(QComboBox, "statusFilter")
        self.threshold_slider: QSlider = desk.findChild(QSlider, "thresholdSlider")
        self.threshold_value: QLabel = desk.findChild(QLabel, "thresholdValue")
        self.claims_view: QTableView = desk.findChild(QTableView, "claimsView")
        self.claim_heading: QLabel = desk.findChild(QLabel, "claimHeading")
        self.claim_text: QLabel = desk.findChild(QLabel, "claimText")
        self.note_edit: QPlainTextEdit = desk.findChild(QPlainTextEdit, "noteEdit")
        self.reasons_label: QLabel = desk.findChild(QLabel, "reasonsLabel")
        self.saved_label: QLabel = desk.findChild(QLabel, "savedLabel")
        self.status_buttons: dict[Status, QPushButton] = {
            Status.UNCHECKED: desk.findChild(QPushButton, "uncheckedButton"),
            Status.VERIFIED: desk.findChild(QPushButton, "verifiedButton"),
            Status.DISPUTED: desk.findChild(QPushButton, "disputedButton"),
        }
        font = self.article_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.article_title.setFont(font)
        self.article_view.setAcceptDrops(False)  # drops go to the window: they open files

        self.highlighter = ArticleHighlighter(self.article_view)
        self.claims_model = ClaimListModel(self)
        self.claims_filter = ClaimFilterModel(self)
        self.claims_filter.setSourceModel(self.claims_model)
        self.claims_view.setModel(self.claims_filter)
        header = self.claims_view.horizontalHeader()
        for column in (
            ClaimListModel.NUMBER,
            ClaimListModel.STATUS,
            ClaimListModel.SCORE,
            ClaimListModel.KIND,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ClaimListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.claims_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.claims_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.claims_view.selectionModel().currentRowChanged.connect(self._on_current_claim_changed)
        for signal in (
            self.claims_filter.rowsInserted,
            self.claims_filter.rowsRemoved,
            self.claims_filter.modelReset,
            self.claims_filter.layoutChanged,
        ):
            signal.connect(self._on_visible_claims_changed)

        self.status_filter.addItem("All statuses", None)
        for status in Status:
            self.status_filter.addItem(status_text(status), status)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.filter_edit.textChanged.connect(self.claims_filter.set_text)
        self.threshold_slider.valueChanged.connect(self._on_threshold_changed)

        self._status_group = QButtonGroup(self)
        self._status_group.setExclusive(True)
        for status, button in self.status_buttons.items():
            self._status_group.addButton(button)
            button.clicked.connect(lambda _checked=False, s=status: self.mark_current(s))
            button.setEnabled(False)
        self.note_edit.setEnabled(False)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._save_note)
        self.note_edit.textChanged.connect(self._on_note_edited)

    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text.replace('&', '')} ({keys})" if shortcut else tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.open_action = self._action("&Open…", self.show_open_dialog, QKeySequence.StandardKey.Open)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self.export_action = self._action("&Export report…", self.show_export_dialog, "Ctrl+E")
        self.export_action.setEnabled(False)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        claim_menu = menu.addMenu("&Claim")
        self.next_action = self._action("&Next claim", lambda: self.move_selection(+1), "J")
        self.next_action.setShortcuts([QKeySequence("J"), QKeySequence("Down")])
        self.prev_action = self._action("&Previous claim", lambda: self.move_selection(-1), "K")
        self.prev_action.setShortcuts([QKeySequence("K"), QKeySequence("Up")])
        for action in (self.next_action, self.prev_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.claims_view.addAction(action)
            self.removeAction(action)
            claim_menu.addAction(action)
        claim_menu.addSeparator()
        self.status_actions: dict[Status, QAction] = {}
        for status, key in ((Status.VERIFIED, "V"), (Status.DISPUTED, "D"), (Status.UNCHECKED, "U")):
            action = self._action(f"Mark {status.value}", lambda s=status: self.mark_current(s), key)
            action.setEnabled(False)
            self.status_actions[status] = action
            claim_menu.addAction(action)
            self.status_buttons[status].setToolTip(action.toolTip())
        claim_menu.addSeparator()
        self.note_action = self._action("Edit &note", self._focus_note, "N")
        claim_menu.addAction(self.note_action)
        self.filter_action = self._action("&Filter claims", self._focus_filter, QKeySequence.StandardKey.Find)
        claim_menu.addAction(self.filter_action)

        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard shortcuts", self.show_shortcuts))
        help_menu.addAction(self._action(f"&About {APP_NAME}", self.show_about))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress_label = QLabel("")
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setAccessibleName("Progress of the running task")
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setAccessibleName("Cancel the running task")
        self.cancel_button.clicked.connect(self.cancel_opening)
        self.check_progress = QLabel("")
        self.check_progress.setAccessibleName("Checking progress")
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            bar.addWidget(widget)
            widget.hide()
        bar.addPermanentWidget(self.check_progress)

    def _restore_layout(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        state = self._settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([560, 460, 340])
        threshold = float(self._settings.value("claims/threshold", DEFAULT_THRESHOLD))
        self.threshold_slider.setValue(round(threshold * 100))
        self._on_threshold_changed(self.threshold_slider.value())

    # -- public API (menus, keys and tests drive the window through these) -------------------------
    def checker(self) -> str:
        return str(self._settings.value("checker", default_checker()))

    def current_article(self) -> ArticleRecord | None:
        return self._article

    def current_claim(self) -> ClaimRecord | None:
        index = self.claims_view.currentIndex()
        if not index.isValid():
            return None
        claim: ClaimRecord = index.data(ClaimRole)
        return claim

    def visible_claims(self) -> list[ClaimRecord]:
        return [
            self.claims_filter.index(row, 0).data(ClaimRole) for row in range(self.claims_filter.rowCount())
        ]

    def open_path(self, path: str | Path) -> None:
        """Import, extract and show ``path`` in the background; the window stays usable."""
        path = str(path)
        if self._workspace is None:
            self._pending_open = path
            return
        if self._opening is not None:
            self._opening.cancel()
        workspace = self._workspace
        name = Path(path).name
        self._begin_progress(f"Opening {name}…")

        def prepare(ctx: TaskContext) -> PreparedArticle:
            imported = import_file(path)
            ctx.progress(0, max(1, len(imported.text)), f"Finding claims in {name}…")
            if self._extractor is None:
                self._extractor = ClaimExtractor()
            return prepare_article(
                workspace,
                imported,
                self._extractor,
                progress=lambda done, total: ctx.progress(done, total, f"Finding claims in {name}…"),
                cancelled=ctx.cancelled,
            )

        self._opening = self._tasks.run(
            prepare,
            lane="nlp",
            on_done=lambda prepared: self._store_prepared(path, prepared),
            on_error=lambda error: self._on_open_failed(path, error),
            on_progress=self._on_progress,
        )

    def mark_current(self, status: Status) -> None:
        claim = self.current_claim()
        if claim is None or self._workspace is None or claim.status == status:
            return
        workspace, who = self._workspace, self.checker()
        self.saved_label.setText("Saving…")
        self._tasks.run(
            lambda ctx: workspace.set_status(claim.id, status, who=who, expected_version=claim.version),
            on_done=self._on_status_saved,
            on_error=self._on_save_failed,
        )

    def move_selection(self, step: int) -> None:
        rows = self.claims_filter.rowCount()
        if rows == 0:
            return
        current = self.claims_view.currentIndex()
        row = 0 if not current.isValid() else max(0, min(rows - 1, current.row() + step))
        self._select_row(row)

    def export_report_to(self, path: str | Path) -> None:
        """Write the report for the open article to ``path`` (format from the extension) in the background."""
        if self._workspace is None or self._article is None:
            return
        self._flush_note()
        workspace, article_id = self._workspace, self._article.id
        options = ReportOptions(
            checker=self.checker(),
            organisation=str(self._settings.value("organisation", "")),
            page_size=str(self._settings.value("report/page_size", "A4")),
        )
        self._begin_progress("Writing the report…", busy=True)

        def write(ctx: TaskContext) -> str:
            article = workspace.article(article_id)
            claims = workspace.claims(article_id, include_dismissed=True)
            history = {c.id: workspace.history(c.id) for c in claims}
            return str(write_report(article, claims, path, options=options, history=history))

        self._tasks.run(write, lane="nlp", on_done=self._on_report_written, on_error=self._on_report_failed)

    def cancel_opening(self) -> None:
        if self._opening is not None:
            self._opening.cancel()

    # -- dialogs --------------------------------------------------------------------------------
    def show_open_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS)
        dialog = QFileDialog(
            self, "Open article", str(self._settings.value("dialogs/open_dir", str(Path.home())))
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([f"Articles ({patterns})", "All files (*)"])
        dialog.fileSelected.connect(self._on_open_selected)
        dialog.open()
        self._open_dialog = dialog

    def show_export_dialog(self) -> None:
        if self._article is None:
            return
        stem = Path(self._article.source_path).stem or "article"
        folder = str(self._settings.value("dialogs/export_dir", str(Path.home())))
        dialog = QFileDialog(self, "Export verification report", str(Path(folder) / f"{stem}-report.pdf"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters(
            ["PDF report (*.pdf)", "Spreadsheet (*.csv)", "JSON (*.json)", "ClaimReview JSON-LD (*.jsonld)"]
        )
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self._on_export_selected)
        dialog.open()
        self._export_dialog = dialog

    def show_shortcuts(self) -> None:
        rows = []
        for action in self.findChildren(QAction):
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            if keys:
                rows.append(
                    f"<tr><td><b>{html.escape(keys)}</b></td>"
                    f"<td>{html.escape(action.text().replace('&', ''))}</td></tr>"
                )
        box = QMessageBox(QMessageBox.Icon.Information, "Keyboard shortcuts", "", parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText("<table cellspacing=6>" + "".join(sorted(rows)) + "</table>")
        box.open()

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}", "", parent=self)
        box.setText(f"<b>{APP_NAME}</b> {html.escape(__version__)}<br>Check an article's claims, offline.")
        box.open()

    def show_error(self, title: str, message: str) -> None:
        self.failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- slots ----------------------------------------------------------------------------------
    def _on_workspace_opened(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self.workspace_ready.emit()
        if self._pending_open is not None:
            path, self._pending_open = self._pending_open, None
            self.open_path(path)

    def _on_workspace_failed(self, error: BaseException) -> None:
        self.show_error("The workspace cannot be opened", str(error))

    @Slot(str)
    def _on_open_selected(self, path: str) -> None:
        self._settings.setValue("dialogs/open_dir", str(Path(path).parent))
        self.open_path(path)

    @Slot(str)
    def _on_export_selected(self, path: str) -> None:
        self._settings.setValue("dialogs/export_dir", str(Path(path).parent))
        self.export_report_to(path)

    def _store_prepared(self, path: str, prepared: PreparedArticle) -> None:
        workspace, who = self._workspace, self.checker()
        assert workspace is not None
        self._tasks.run(
            lambda ctx: self._load_opened(workspace, store_prepared(workspace, prepared, who=who)),
            on_done=lambda loaded: self._show_article(path, *loaded),
            on_error=lambda error: self._on_open_failed(path, error),
        )

    @staticmethod
    def _load_opened(workspace: Workspace, opened: OpenedArticle) -> tuple[OpenedArticle, list[ClaimRecord]]:
        return opened, workspace.claims(opened.article.id, include_dismissed=True)

    def _show_article(self, path: str, opened: OpenedArticle, claims: list[ClaimRecord]) -> None:
        self._opening = None
        self._end_progress()
        self._flush_note()
        article = opened.article
        self._article = article
        self.setWindowTitle(f"{article.title or Path(path).name} — {APP_NAME}")
        self.article_title.setText(article.title or Path(path).name)
        meta = [part for part in (article.byline, article.date, article.url or Path(path).name) if part]
        self.article_meta.setText(" · ".join(meta))
        self.highlighter.set_article(article.text)
        self.claims_model.set_claims(claims)
        self._update_progress_summary()
        self.export_action.setEnabled(True)
        self._remember_recent(path)
        self._settings.setValue("session/last_file", path)
        self._show_claim(None)
        if self.claims_filter.rowCount():
            self._select_row(0)
        self.claims_view.setFocus()
        verb = "Resumed" if opened.resumed else "Opened"
        self.statusBar().showMessage(f"{verb} {Path(path).name}: {len(claims)} claims found", 6000)
        for message in opened.messages:
            self.statusBar().showMessage(message, 10000)
        self.article_loaded.emit(article.id)

    def _on_open_failed(self, path: str, error: BaseException) -> None:
        self._opening = None
        self._end_progress()
        if isinstance(error, TaskCancelled) or type(error).__name__ == "ExtractionCancelled":
            self.statusBar().showMessage(f"Stopped opening {Path(path).name}", 5000)
            return
        if isinstance(error, ArticleImportError):
            self.show_error("The file cannot be opened", str(error))
        else:
            self.show_error("The file cannot be opened", f"{Path(path).name}: {error}")

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if label:
            self.progress_label.setText(label)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, max(total, 1)))

    def _begin_progress(self, label: str, *, busy: bool = False) -> None:
        self.progress_label.setText(label)
        self.progress_bar.setRange(0, 0 if busy else 1)
        self.progress_bar.setValue(0)
        for widget in (self.progress_label, self.progress_bar):
            widget.show()
        self.cancel_button.setVisible(not busy)

    def _end_progress(self) -> None:
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.hide()

    def _on_status_saved(self, claim: ClaimRecord) -> None:
        self._replace_claim(claim)
        self.saved_label.setText(f"Saved · {claim.status.value} by {claim.changed_by or 'you'}")
        self.claim_marked.emit(claim.id, claim.status.value)

    def _on_save_failed(self, error: BaseException) -> None:
        self.saved_label.setText("Not saved")
        if isinstance(error, StaleWriteError):
            self.show_error("Changed elsewhere", f"{error} The checklist was reloaded.")
            self._reload_claims()
        else:
            self.show_error("The change was not saved", str(error))

    def _reload_claims(self) -> None:
        if self._workspace is None or self._article is None:
            return
        workspace, article_id = self._workspace, self._article.id
        self._tasks.run(
            lambda ctx: workspace.claims(article_id, include_dismissed=True),
            on_done=self._on_claims_reloaded,
            on_error=self._on_save_failed,
        )

    def _on_claims_reloaded(self, claims: list[ClaimRecord]) -> None:
        current = self.current_claim()
        self.claims_model.set_claims(claims)
        self._update_progress_summary()
        if current is not None:
            self._select_claim_id(current.id)

    def _replace_claim(self, claim: ClaimRecord) -> None:
        self.claims_model.update_claim(claim)
        self.highlighter.set_claims(self.visible_claims())
        current = self.current_claim()
        if current is not None and current.id == claim.id:
            self._show_claim(claim, reload_note=False)
            self.highlighter.select(claim, scroll=False)
        self._update_progress_summary()

    def _on_current_claim_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._flush_note()
        claim: ClaimRecord | None = current.data(ClaimRole) if current.isValid() else None
        self._show_claim(claim)
        self.highlighter.select(claim)

    def _on_visible_claims_changed(self, *_args: object) -> None:
        self.highlighter.set_claims(self.visible_claims())

    def _on_threshold_changed(self, value: int) -> None:
        threshold = value / 100
        self.threshold_value.setText(f"{threshold:.2f}")
        self.claims_filter.set_threshold(threshold)
        self._settings.setValue("claims/threshold", threshold)
        self._update_progress_summary()

    def _on_status_filter_changed(self, _index: int) -> None:
        self.claims_filter.set_status(self.status_filter.currentData())

    def _on_note_edited(self) -> None:
        if self._loading_note or self._note_claim_id is None:
            return
        self.saved_label.setText("Editing…")
        self._note_timer.start()

    def _flush_note(self) -> None:
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._save_note()

    def _save_note(self) -> None:
        claim_id = self._note_claim_id
        if claim_id is None or self._workspace is None:
            return
        workspace, who, text = self._workspace, self.checker(), self.note_edit.toPlainText()
        self._tasks.run(
            lambda ctx: workspace.set_note(claim_id, text, who=who),
            on_done=self._on_note_saved,
            on_error=self._on_save_failed,
        )

    def _on_note_saved(self, claim: ClaimRecord) -> None:
        self.claims_model.update_claim(claim)
        if self._note_claim_id == claim.id and not self._note_timer.isActive():
            self.saved_label.setText("Note saved")
        self.note_saved.emit(claim.id)

    def _on_report_written(self, path: str) -> None:
        self._end_progress()
        self.statusBar().showMessage(f"Report written to {path}", 10000)
        self.report_written.emit(path)

    def _on_report_failed(self, error: BaseException) -> None:
        self._end_progress()
        self.show_error("The report was not written", str(error))

    # -- helpers --------------------------------------------------------------------------------
    def _select_row(self, row: int) -> None:
        index = self.claims_filter.index(row, 0)
        self.claims_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.claims_view.scrollTo(index)

    def _select_claim_id(self, claim_id: int) -> None:
        row = self.claims_model.row_of(claim_id)
        if row is None:
            return
        index = self.claims_filter.mapFromSource(self.claims_model.index(row, 0))
        if index.isValid():
            self._select_row(index.row())

    def _show_claim(self, claim: ClaimRecord | None, *, reload_note: bool = True) -> None:
        self._shown_claim = claim
        enabled = claim is not None
        for status, button in self.status_buttons.items():
            button.setEnabled(enabled)
            button.setChecked(enabled and claim is not None and claim.status == status)
        for action in self.status_actions.values():
            action.setEnabled(enabled)
        self.note_edit.setEnabled(enabled)
        if claim is None:
            self.claim_heading.setText("No claim selected")
            self.claim_text.setText("")
            self.reasons_label.setText("")
            self._note_claim_id = None
            self._set_note_text("")
            return
        self.claim_heading.setText(f"Claim {claim.number} · {claim.kind.value} · score {claim.score:.2f}")
        self.claim_text.setText(_claim_html(claim))
        self.reasons_label.setText(_reasons_html(claim))
        if reload_note or self._note_claim_id != claim.id:
            self._note_claim_id = claim.id
            self._set_note_text(claim.note)
        self.saved_label.setText(f"Last change by {claim.changed_by}" if claim.changed_by else "")

    def _set_note_text(self, text: str) -> None:
        self._loading_note = True
        try:
            self.note_edit.setPlainText(text)
        finally:
            self._loading_note = False

    def _update_progress_summary(self) -> None:
        shown = [
            c
            for c in self.claims_model.claims()
            if not c.dismissed
            and (c.score >= self.claims_filter.threshold() or c.by_hand or c.status != Status.UNCHECKED)
        ]
        checked = sum(1 for c in shown if c.status != Status.UNCHECKED)
        disputed = sum(1 for c in shown if c.status == Status.DISPUTED)
        self.check_progress.setText(
            f"{checked} of {len(shown)} checked · {disputed} disputed" if self._article else ""
        )

    def _focus_note(self) -> None:
        if self.note_edit.isEnabled():
            self.note_edit.setFocus()

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self._recent_files() if p != path]
        recent.insert(0, path)
        self._settings.setValue("session/recent", recent[:MAX_RECENT])

    def _recent_files(self) -> list[str]:
        value = self._settings.value("session/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in (value or [])]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._recent_files()
        if not recent:
            self.recent_menu.addAction("No recent files").setEnabled(False)
            return
        for number, path in enumerate(recent, 1):
            action = self.recent_menu.addAction(f"&{number % 10} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))

    # -- Qt events ------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        self._flush_note()
        self.cancel_opening()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._tasks.shutdown()
        if self._workspace is not None:
            self._workspace.close()
        super().closeEvent(event)


def _claim_html(claim: ClaimRecord) -> str:
    """The claim's text with its checkable parts in bold (escaped: article text is never markup)."""
    pieces: list[str] = []
    cursor = claim.start
    for part in sorted(claim.spans, key=lambda p: p.start):
        if part.start < cursor or part.end > claim.end:
            continue
        pieces.append(html.escape(claim.text[cursor - claim.start : part.start - claim.start]))
        label = html.escape(part.label)
        text = html.escape(claim.text[part.start - claim.start : part.end - claim.start])
        pieces.append(f"<b><u title='{label}'>{text}</u></b><sub style='color:#777'>{label}</sub>")
        cursor = part.end
    pieces.append(html.escape(claim.text[cursor - claim.start :]))
    return "".join(pieces)


def _reasons_html(claim: ClaimRecord) -> str:
    if not claim.reasons:
        return "<i>Added by hand</i>" if claim.by_hand else ""
    items = []
    for reason in claim.reasons:
        sign = "+" if reason.weight >= 0 else "−"
        colour = "#1b803e" if reason.weight >= 0 else "#be2626"
        items.append(f"<li><span style='color:{colour}'>{sign}</span> {html.escape(reason.text)}</li>")
    return "<ul style='margin-left:-20px'>" + "".join(items) + "</ul>"
