"""The checking desk: article, checklist and the selected claim's detail side by side."""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QSplitter,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QTextEdit,
    QToolButton,
)

from workbench import APP_NAME, __version__, importers
from workbench.checklist import describe_change, on_checklist, report_claims
from workbench.claims.types import ClaimKind, ExtractedClaim
from workbench.gui import collector
from workbench.gui.article_view import ArticleHighlighter
from workbench.gui.claim_commands import Change, ClaimCommand, NoteCommand
from workbench.gui.claims_model import ClaimFilterModel, ClaimListModel, ClaimRole, status_text
from workbench.gui.forms import load_form
from workbench.gui.library import LibraryDialog
from workbench.gui.preferences import Preferences, PreferencesDialog
from workbench.gui.tasks import TaskCancelled, TaskContext, TaskHandle, TaskRunner
from workbench.gui.theme import apply_theme
from workbench.importers import ArticleImportError, ImportedArticle
from workbench.opening import OpenedArticle, PreparedArticle, prepare_article, store_prepared
from workbench.store import ArticleRecord, ClaimRecord, HistoryEntry, StaleWriteError, Status

if TYPE_CHECKING:
    from workbench.claims import ClaimExtractor
    from workbench.report import ReportOptions
    from workbench.store import Workspace

log = logging.getLogger(__name__)

MAX_RECENT = 10
WORKSPACE_DELAY_MS = 500  # open the workspace this long after start if no article's text comes first
WATCH_INTERVAL_MS = 3000  # how often the window looks for changes made by other windows or checkers
NOTE_SAVE_DELAY_MS = 400
SHOW_DISMISSED = "dismissed"


class MainWindow(QMainWindow):
    """The main window.

    Signals:
        workspace_ready(): the workspace database is open (migrations ran).
        article_loaded(int): an article's text and claims are shown (its id).
        claim_changed(int): any change to a claim was saved and is shown (claim id).
        claim_marked(int, str): a claim's new status was saved (claim id, status value).
        note_saved(int): a claim's note was saved (claim id).
        history_shown(int): the selected claim's history is shown (claim id).
        report_written(str): a report file was written (its path).
        changed_elsewhere(): another window, checker or the CLI changed the workspace; the view reloaded.
        failed(str): an error was shown to the user (its message).
    """

    workspace_ready = Signal()
    article_loaded = Signal(int)
    claim_changed = Signal(int)
    claim_marked = Signal(int, str)
    note_saved = Signal(int)
    history_shown = Signal(int)
    report_written = Signal(str)
    changed_elsewhere = Signal()
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
        self._workspace_settled = threading.Event()  # set once the workspace opened (or failed to)
        self._opening: TaskHandle | None = None
        self._note_claim_id: int | None = None
        self._loading_note = False
        self._known_versions: dict[int, int] = {}  # claim id -> version this window last saw (worker-updated)
        self._selecting_from_article = False
        self._select_after_reload: int | None = None
        self._offer_to_open_reports = False
        self.undo_stack = QUndoStack(self)
        self._seen_token: object = None  # the workspace's change token after our own last read or write
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        self._watch_timer.timeout.connect(self._check_for_changes)

        self._build_desk()
        self._build_actions()
        self._build_status_bar()
        self._restore_layout()
        self._db_override = db  # --db on the command line wins over Preferences
        self._apply_preferences()
        # The workspace (SQLAlchemy, Alembic, the migration check) opens once the first article's text
        # is on screen, or after a moment when nothing is being opened: the text needs none of it, and
        # both would otherwise contend for the interpreter while the window starts.
        self._first_url: str | None = db or Preferences.load(self._settings).workspace_db or None
        self._workspace_started = False
        QTimer.singleShot(WORKSPACE_DELAY_MS, self._start_workspace)

    def _start_workspace(self) -> None:
        if not self._workspace_started:
            self._workspace_started = True
            self._open_workspace(self._first_url)

    def _open_workspace(self, url: str | None) -> None:
        self._workspace_url = url
        self._tasks.run(
            lambda ctx: _open_store(url),
            on_done=self._on_workspace_opened,
            on_error=self._on_workspace_failed,
        )

    def _apply_preferences(self) -> None:
        prefs = Preferences.load(self._settings)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, prefs.theme)
        font = self.article_view.font()
        font.setPointSize(prefs.article_font_size)
        self.article_view.setFont(font)
        self.threshold_slider.setValue(round(prefs.threshold * 100))
        self._on_threshold_changed(self.threshold_slider.value())

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
        self.kind_filter: QComboBox = desk.findChild(QComboBox, "kindFilter")
        self.threshold_slider: QSlider = desk.findChild(QSlider, "thresholdSlider")
        self.threshold_value: QLabel = desk.findChild(QLabel, "thresholdValue")
        self.claims_view: QTableView = desk.findChild(QTableView, "claimsView")
        self.claim_heading: QLabel = desk.findChild(QLabel, "claimHeading")
        self.claim_text: QLabel = desk.findChild(QLabel, "claimText")
        self.note_edit: QPlainTextEdit = desk.findChild(QPlainTextEdit, "noteEdit")
        self.sources_list: QListWidget = desk.findChild(QListWidget, "sourcesList")
        self.add_source_button: QPushButton = desk.findChild(QPushButton, "addSourceButton")
        self.remove_source_button: QPushButton = desk.findChild(QPushButton, "removeSourceButton")
        self.reasons_label: QLabel = desk.findChild(QLabel, "reasonsLabel")
        self.history_list: QListWidget = desk.findChild(QListWidget, "historyList")
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
        self.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article_view.customContextMenuRequested.connect(self._on_article_context_menu)
        self.article_view.cursorPositionChanged.connect(self._on_article_cursor_moved)

        self.highlighter = ArticleHighlighter(self.article_view)
        self.claims_model = ClaimListModel(self)
        self.claims_filter = ClaimFilterModel(self)
        self.claims_filter.setSourceModel(self.claims_model)
        self.claims_view.setModel(self.claims_filter)
        self.claims_view.setSortingEnabled(True)
        # Article order is the model's own order: no sort indicator means no sorting to keep up, which
        # for thousands of claims (compared through Python) stalled the window each time they changed.
        self.claims_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header = self.claims_view.horizontalHeader()
        for column in ClaimListModel.SHORT_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(ClaimListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self._fit_short_columns()
        self.claims_model.modelReset.connect(self._fit_short_columns)
        self.claims_model.rowsInserted.connect(self._fit_short_columns)
        # Fixed three-line rows: a long list stays scannable and fast (sizing 1,000 wrapped rows to their
        # contents costs seconds); the whole claim is in the detail pane and the tooltip.
        rows = self.claims_view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.claims_view.fontMetrics().lineSpacing() * 3 + 8)
        self.claims_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.claims_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.claims_view.setTabKeyNavigation(False)
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
        self.status_filter.addItem("Dismissed (not a claim)", SHOW_DISMISSED)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.kind_filter.addItem("All kinds", None)
        for kind in ClaimKind:
            self.kind_filter.addItem(kind.value.capitalize(), kind)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.claims_filter.set_kind(self.kind_filter.currentData())
        )
        self.filter_edit.textChanged.connect(self.claims_filter.set_text)
        self.threshold_slider.valueChanged.connect(self._on_threshold_changed)

        self._status_group = QButtonGroup(self)
        self._status_group.setExclusive(True)
        for status, button in self.status_buttons.items():
            self._status_group.addButton(button)
            button.clicked.connect(lambda _checked=False, s=status: self.mark_current(s))
        self.add_source_button.clicked.connect(self.show_source_dialog)
        self.remove_source_button.clicked.connect(self.remove_selected_source)
        self.sources_list.itemActivated.connect(self._on_source_activated)
        self.sources_list.currentRowChanged.connect(lambda _row: self._update_enabled())
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(40)
        self._highlight_timer.timeout.connect(lambda: self.highlighter.set_claims(self._checklist_claims()))
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._save_note)
        self.note_edit.textChanged.connect(self._on_note_edited)

    def _fit_short_columns(self, *_args: object) -> None:
        """Size the checklist's short columns to the widest text each can show, measured with the font.

        Qt's ResizeToContents asked the model for 1,000 rows' data on every reset, insert and selection:
        for a 100,000-word article 32,000 calls, 0.6 s (profiled) with the window frozen. These ask none.
        """
        view = self.claims_view
        header = view.horizontalHeader()
        style = view.style()
        # The item delegate's text margins, plus the grid line and a pixel of air on each side.
        margins = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 3
        # The header section as the style sizes it, with room for the sort arrow (header.sectionSizeHint
        # gives about the same, but took 0.1 s a column when called as rows were inserted: measured).
        label = QStyleOptionHeader()
        label.initFrom(header)
        label.sortIndicator = QStyleOptionHeader.SortIndicator.SortUp
        bold = header.font()
        bold.setBold(True)  # as QHeaderView measures its labels
        label.fontMetrics = QFontMetrics(bold)
        for column in ClaimListModel.SHORT_COLUMNS:
            texts = self.claims_model.widest_texts(column)
            widest = max(view.fontMetrics().horizontalAdvance(text) for text in texts)
            label.text = ClaimListModel.HEADERS[column]
            heading = style.sizeFromContents(QStyle.ContentsType.CT_HeaderSection, label, QSize(), header)
            width = max(widest + margins, heading.width())
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _list_action(self, text: str, slot: Callable[[], Any], *keys: str) -> QAction:
        """An action whose plain-key shortcuts work while the checklist has the focus."""
        action = self._action(text, slot, keys[0], context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setShortcuts([QKeySequence(k) for k in keys])
        self.removeAction(action)
        self.claims_view.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.open_action = self._action("&Open…", self.show_open_dialog, QKeySequence.StandardKey.Open)
        file_menu.addAction(self.open_action)
        self.open_url_action = self._action("Open &URL…", self.show_open_url_dialog, "Ctrl+L")
        file_menu.addAction(self.open_url_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.library_action = self._action("&Library…", self.show_library, "Ctrl+Shift+L")
        file_menu.addAction(self.library_action)
        file_menu.addSeparator()
        self.export_action = self._action("&Export report…", self.show_export_dialog, "Ctrl+E")
        file_menu.addAction(self.export_action)
        self.print_action = self._action("&Print report…", self.print_report, QKeySequence.StandardKey.Print)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        self.reload_action = self._action(
            "Re&load claims", self.reload_claims, QKeySequence.StandardKey.Refresh
        )
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        edit_menu = menu.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.paste_action = self._action("&Paste as new article", self.paste_as_article, "Ctrl+Shift+V")
        edit_menu.addAction(self.paste_action)
        edit_menu.addSeparator()
        self.add_claim_action = self._action(
            "&Add selection as claim", self.add_claim_from_selection, "Ctrl+Shift+A"
        )
        edit_menu.addAction(self.add_claim_action)
        self.bounds_action = self._action(
            "Set claim &boundaries to selection", self.set_bounds_from_selection, "Ctrl+Shift+B"
        )
        edit_menu.addAction(self.bounds_action)
        edit_menu.addSeparator()
        self.preferences_action = self._action("Pre&ferences…", self.show_preferences, "Ctrl+,")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.preferences_action)

        claim_menu = menu.addMenu("&Claim")
        self.next_action = self._list_action("&Next claim", lambda: self.move_selection(+1), "J", "Down")
        self.prev_action = self._list_action("&Previous claim", lambda: self.move_selection(-1), "K", "Up")
        claim_menu.addActions([self.next_action, self.prev_action])
        claim_menu.addSeparator()
        self.status_actions: dict[Status, QAction] = {}
        for status, key in ((Status.VERIFIED, "V"), (Status.DISPUTED, "D"), (Status.UNCHECKED, "U")):
            action = self._list_action(f"Mark {status.value}", lambda s=status: self.mark_current(s), key)
            self.status_actions[status] = action
            claim_menu.addAction(action)
            self.status_buttons[status].setToolTip(action.toolTip())
        claim_menu.addSeparator()
        self.note_action = self._list_action("Edit &note", self._focus_note, "N")
        self.source_action = self._list_action("Add &source…", self.show_source_dialog, "Return", "Enter")
        self.dismiss_action = self._list_action(
            "Not a claim / &restore", self.toggle_dismissed, "Delete", "X"
        )
        claim_menu.addActions([self.note_action, self.source_action, self.dismiss_action])
        claim_menu.addSeparator()
        self.filter_action = self._action("&Filter claims", self._focus_filter, QKeySequence.StandardKey.Find)
        claim_menu.addAction(self.filter_action)
        self.list_focus_action = self._action("Back to the &checklist", self.claims_view.setFocus, "Esc")
        claim_menu.addAction(self.list_focus_action)

        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard shortcuts", self.show_shortcuts, "F1"))
        help_menu.addAction(self._action(f"&About {APP_NAME}", self.show_about))
        self._update_enabled()

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

    # -- public API (menus, keys and tests drive the window through these) -------------------------
    def checker(self) -> str:
        return Preferences.load(self._settings).checker

    def current_article(self) -> ArticleRecord | None:
        return self._article

    def current_claim(self) -> ClaimRecord | None:
        index = self.claims_view.currentIndex()
        if not index.isValid():
            return None
        claim: ClaimRecord = index.data(ClaimRole)
        return claim

    def _checklist_claims(self) -> list[ClaimRecord]:
        """The claims the checklist shows, in article order, without asking Qt row by row."""
        return [c for c in self.claims_model.claims() if self.claims_filter.accepts(c)]

    def visible_claims(self) -> list[ClaimRecord]:
        return [
            self.claims_filter.index(row, 0).data(ClaimRole) for row in range(self.claims_filter.rowCount())
        ]

    def open_path(self, path: str | Path) -> None:
        """Import, extract and show ``path`` in the background; the window stays usable."""
        path = str(path)
        self._open(Path(path).name, lambda: importers.import_file(path), path)

    def open_text(self, text: str, *, source: str = "clipboard") -> None:
        """Open pasted text (or HTML) as a new article."""
        self._open("pasted text", lambda: importers.import_text(text, source=source), "")

    def open_url(self, url: str) -> None:
        """Fetch a web page (with a timeout and a size cap) and open it as an article."""
        self._open(url, lambda: importers.fetch_url(url), "")

    def mark_current(self, status: Status) -> None:
        claim = self.current_claim()
        if claim is None or claim.status == status or not self._stored(claim):
            return
        old, who, claim_id = claim.status, self.checker(), claim.id
        self._push(
            ClaimCommand(
                f"mark claim {claim.number} {status.value}",
                claim_id,
                self._apply_change,
                lambda ws, v: ws.set_status(claim_id, status, who=who, expected_version=v),
                lambda ws, v: ws.set_status(claim_id, old, who=who, expected_version=v),
            )
        )

    def toggle_dismissed(self) -> None:
        """Dismiss the selected claim as "not a claim" (kept, hidden), or restore a dismissed one."""
        claim = self.current_claim()
        if claim is None or not self._stored(claim):
            return
        now, who, claim_id = not claim.dismissed, self.checker(), claim.id
        self._push(
            ClaimCommand(
                f"{'dismiss' if now else 'restore'} claim {claim.number}",
                claim_id,
                self._apply_change,
                lambda ws, _v: ws.set_dismissed(claim_id, now, who=who),
                lambda ws, _v: ws.set_dismissed(claim_id, not now, who=who),
            )
        )

    def add_source(self, url: str, *, title: str = "", accessed: str = "", comment: str = "") -> None:
        """Attach a source to the selected claim."""
        claim = self.current_claim()
        if claim is None or not self._stored(claim):
            return
        who, claim_id = self.checker(), claim.id
        added: dict[str, int] = {}

        def do(ws: Workspace, _v: int | None) -> ClaimRecord:
            before = {s.id for s in ws.claim(claim_id).sources}
            record = ws.add_source(claim_id, url, title=title, accessed=accessed, comment=comment, who=who)
            added["id"] = next(s.id for s in record.sources if s.id not in before)
            return record

        self._push(
            ClaimCommand(
                f"add source to claim {claim.number}",
                claim_id,
                self._apply_change,
                do,
                lambda ws, _v: ws.remove_source(added["id"], who=who),
            )
        )

    def remove_selected_source(self) -> None:
        claim = self.current_claim()
        item = self.sources_list.currentItem()
        if claim is None or item is None or not self._stored(claim):
            return
        source = next((s for s in claim.sources if s.id == item.data(Qt.ItemDataRole.UserRole)), None)
        if source is None:
            return
        who, claim_id = self.checker(), claim.id
        current = {"id": source.id}

        def undo(ws: Workspace, _v: int | None) -> ClaimRecord:
            before = {s.id for s in ws.claim(claim_id).sources}
            record = ws.add_source(
                claim_id,
                source.url,
                title=source.title,
                accessed=source.accessed,
                comment=source.comment,
                who=who,
            )
            current["id"] = next(s.id for s in record.sources if s.id not in before)
            return record

        self._push(
            ClaimCommand(
                f"remove source from claim {claim.number}",
                claim_id,
                self._apply_change,
                lambda ws, _v: ws.remove_source(current["id"], who=who),
                undo,
            )
        )

    def add_claim_from_selection(self) -> None:
        """Make the text selected in the article a claim of its own."""
        selected = self.highlighter.selected_range()
        if self._article is None or selected is None:
            self.statusBar().showMessage("Select the words of the claim in the article first", 5000)
            return
        start, end = _trimmed(self._article.text, *selected)
        if start >= end:
            return
        article_id, who = self._article.id, self.checker()
        created: dict[str, int] = {}

        def do(ws: Workspace, _v: int | None) -> ClaimRecord:
            if "id" in created:  # redo after undo: bring the same claim back
                return ws.set_dismissed(created["id"], False, who=who)
            record = ws.add_claim(article_id, start, end, who=who)
            created["id"] = record.id
            return record

        self._push(
            ClaimCommand(
                "add claim",
                -1,
                self._apply_change,
                do,
                lambda ws, _v: ws.set_dismissed(created["id"], True, who=who),
            )
        )

    def set_bounds_from_selection(self) -> None:
        """Move the selected claim's boundaries to the text selected in the article."""
        claim = self.current_claim()
        selected = self.highlighter.selected_range()
        if claim is None or selected is None or self._article is None:
            self.statusBar().showMessage("Select a claim, then its new extent in the article", 5000)
            return
        if not self._stored(claim):
            return
        start, end = _trimmed(self._article.text, *selected)
        if start >= end:
            return
        old, who, claim_id = (claim.start, claim.end), self.checker(), claim.id
        self._push(
            ClaimCommand(
                f"change the boundaries of claim {claim.number}",
                claim_id,
                self._apply_change,
                lambda ws, v: ws.set_bounds(claim_id, start, end, who=who, expected_version=v),
                lambda ws, v: ws.set_bounds(claim_id, old[0], old[1], who=who, expected_version=v),
            )
        )

    def move_selection(self, step: int) -> None:
        rows = self.claims_filter.rowCount()
        if rows == 0:
            return
        current = self.claims_view.currentIndex()
        row = 0 if not current.isValid() else max(0, min(rows - 1, current.row() + step))
        self._select_row(row)

    def reload_claims(self) -> None:
        """Fetch the article's claims again (shows changes made by another window or the CLI)."""
        if self._workspace is None or self._article is None:
            return
        workspace, article_id = self._workspace, self._article.id

        def load(ctx: TaskContext) -> list[ClaimRecord]:
            self._seen_token = workspace.change_token()
            return workspace.claims(article_id, include_dismissed=True)

        self._tasks.run(load, on_done=self._on_claims_reloaded, on_error=self._on_save_failed)

    def export_report_to(self, path: str | Path) -> None:
        """Write the report for the open article to ``path`` (format from the extension) in the background."""
        if self._workspace is None or self._article is None:
            return
        self._flush_note()
        workspace, article_id, options = self._workspace, self._article.id, self._report_options()
        threshold = self.claims_filter.threshold()
        self._begin_progress("Writing the report…", busy=True)

        def write(ctx: TaskContext) -> str:
            from workbench.report import write_report

            article = workspace.article(article_id)
            claims = report_claims(workspace.claims(article_id, include_dismissed=True), threshold)
            history = workspace.histories(article_id)
            return str(write_report(article, claims, path, options=options, history=history))

        self._tasks.run(write, lane="nlp", on_done=self._on_report_written, on_error=self._on_report_failed)

    def print_report(self) -> None:
        """Open the print preview of the report (the same pages as the PDF)."""
        if self._workspace is None or self._article is None:
            return
        from workbench.gui.printing import print_report

        self._flush_note()
        workspace, article_id, threshold = self._workspace, self._article.id, self.claims_filter.threshold()

        def gather(
            ctx: TaskContext,
        ) -> tuple[ArticleRecord, list[ClaimRecord], dict[int, list[HistoryEntry]]]:
            claims = report_claims(workspace.claims(article_id, include_dismissed=True), threshold)
            return workspace.article(article_id), claims, workspace.histories(article_id)

        def preview(data: tuple[ArticleRecord, list[ClaimRecord], dict[int, list[HistoryEntry]]]) -> None:
            job = print_report(self, *data[:2], self._report_options(), data[2], tasks=self._tasks)
            job.failed.connect(lambda message: self.show_error("The report cannot be printed", message))

        self._tasks.run(gather, on_done=preview, on_error=self._on_report_failed)

    def cancel_opening(self) -> None:
        if self._opening is not None:
            self._opening.cancel()

    # -- dialogs --------------------------------------------------------------------------------
    def show_open_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in importers.SUPPORTED_EXTENSIONS)
        dialog = QFileDialog(
            self, "Open article", str(self._settings.value("dialogs/open_dir", str(Path.home())))
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([f"Articles ({patterns})", "All files (*)"])
        dialog.fileSelected.connect(self._on_open_selected)
        dialog.open()
        self._open_dialog = dialog

    def show_open_url_dialog(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Open URL")
        dialog.setLabelText("Address of the article (http or https):")
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.textValueSelected.connect(lambda url: self.open_url(url.strip()) if url.strip() else None)
        dialog.open()
        self._url_dialog = dialog

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

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self._settings, self)
        dialog.preferences_changed.connect(self._on_preferences_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._preferences_dialog = dialog

    def show_library(self) -> None:
        if self._workspace is None:
            return
        dialog = LibraryDialog(self._workspace, self._tasks, self)
        dialog.article_chosen.connect(lambda article_id, _path: self.open_article_id(article_id))
        dialog.article_removed.connect(self._on_article_removed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._library_dialog = dialog

    def open_article_id(self, article_id: int) -> None:
        """Show an article of the workspace as stored (its file may have moved or gone)."""
        if self._workspace is None:
            return
        workspace = self._workspace

        def load(ctx: TaskContext) -> tuple[OpenedArticle, list[ClaimRecord]]:
            article = workspace.article(article_id)
            self._seen_token = workspace.change_token()
            return OpenedArticle(article, resumed=True), workspace.claims(article_id, include_dismissed=True)

        self._tasks.run(
            load,
            on_done=lambda loaded: self._show_article(loaded[0].article.source_path, *loaded),
            on_error=lambda error: self.show_error("The article cannot be opened", str(error)),
        )

    def show_source_dialog(self) -> None:
        if self.current_claim() is None:
            return
        from workbench.gui.sources_dialog import SourcesDialog

        dialog = SourcesDialog(self)
        dialog.source_accepted.connect(
            lambda s: self.add_source(
                s["url"],
                title=s.get("title", ""),
                accessed=s.get("accessed", ""),
                comment=s.get("comment", ""),
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._source_dialog = dialog

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every action with a shortcut, as Help ▸ Keyboard shortcuts lists them."""
        rows = []
        for action in self.findChildren(QAction):
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            if keys:
                rows.append((keys, action.text().replace("&", "")))
        return sorted(set(rows), key=lambda r: r[1])

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
            for keys, what in self.shortcut_rows()
        )
        box = QMessageBox(QMessageBox.Icon.Information, "Keyboard shortcuts", "", parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table cellspacing=6>{rows}</table>")
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

    def paste_as_article(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.html() if mime.hasHtml() else mime.text()
        if not text.strip():
            self.statusBar().showMessage("The clipboard holds no text to open", 5000)
            return
        self.open_text(text)

    # -- opening --------------------------------------------------------------------------------
    def _open(self, name: str, load: Callable[[], ImportedArticle], path: str) -> None:
        if self._opening is not None:
            self._opening.cancel()
        self._begin_progress(f"Opening {name}…")

        def prepare(ctx: TaskContext) -> PreparedArticle:
            imported = load()
            ctx.partial(imported)  # the text shows at once; claims follow as they are found
            workspace = self._wait_for_workspace(ctx)
            label = f"Finding claims in {name}…"
            ctx.progress(0, max(1, len(imported.text)), label)
            found: list[ExtractedClaim] = []

            def progress(done: int, total: int) -> None:
                if found:
                    ctx.partial(found.copy())
                    found.clear()
                ctx.progress(done, total, label)

            return prepare_article(
                workspace,
                imported,
                self._claim_extractor,
                progress=progress,
                cancelled=ctx.cancelled,
                found=found.append,
            )

        self._opening = self._tasks.run(
            prepare,
            lane="nlp",
            on_done=lambda prepared: self._store_prepared(path or name, prepared),
            on_error=lambda error: self._on_open_failed(name, error),
            on_progress=self._on_progress,
            on_partial=self._on_partly_opened,
        )

    def _claim_extractor(self) -> ClaimExtractor:
        """The spaCy pipeline, loaded on the first article that needs extracting (worker thread)."""
        if self._extractor is None:
            from workbench.claims import ClaimExtractor

            with collector.paused():  # the pipeline's objects live until exit: no need to walk them
                self._extractor = ClaimExtractor()
        return self._extractor

    def _on_partly_opened(self, part: ImportedArticle | list[ExtractedClaim]) -> None:
        """Show what the opening task has so far: first the text, then claims as they are found.

        Claims shown before the article is stored are provisional (negative ids): they can be read
        and selected but not marked until saving ends a moment later.
        """
        if isinstance(part, ImportedArticle):
            QTimer.singleShot(0, self._start_workspace)  # after this text is painted
            self._flush_note()
            self.undo_stack.clear()
            self._article = None
            self.article_title.setText(part.title or "Untitled article")
            self.article_meta.setText(" · ".join(p for p in (part.byline, part.date, part.url) if p))
            self.highlighter.set_article(part.text)
            self._set_claims([])
            self._show_claim(None)
            self._update_enabled()
            return
        base = self.claims_model.rowCount()
        self.claims_model.append_claims(
            [_provisional_record(claim, base + offset + 1) for offset, claim in enumerate(part)]
        )

    def _store_prepared(self, path: str, prepared: PreparedArticle) -> None:
        workspace, who = self._workspace, self.checker()
        assert workspace is not None

        def store(ctx: TaskContext) -> tuple[OpenedArticle, list[ClaimRecord]]:
            opened = store_prepared(workspace, prepared, who=who)
            self._seen_token = workspace.change_token()
            return opened, workspace.claims(opened.article.id, include_dismissed=True)

        self._tasks.run(
            store,
            on_done=lambda loaded: self._show_article(path, *loaded),
            on_error=lambda error: self._on_open_failed(Path(path).name, error),
        )

    def _show_article(self, path: str, opened: OpenedArticle, claims: list[ClaimRecord]) -> None:
        self._opening = None
        self._end_progress()
        self._flush_note()
        self.undo_stack.clear()
        article = opened.article
        self._article = article
        name = Path(article.source_path).name if article.source_path else path
        self.setWindowTitle(f"{article.title or name} — {APP_NAME}")
        self.article_title.setText(article.title or name)
        meta = [part for part in (article.byline, article.date, article.url or name) if part]
        self.article_meta.setText(" · ".join(meta))
        if self.article_view.toPlainText() != article.text:
            self.highlighter.set_article(article.text)
        self._set_claims(claims)
        self.highlighter.set_claims(self._checklist_claims())
        if article.source_path:
            self._remember_recent(article.source_path)
            self._settings.setValue("session/last_file", article.source_path)
        reading = self.current_claim()
        self._show_claim(None)
        same = next((c for c in claims if reading is not None and c.start == reading.start), None)
        if same is not None:
            self._select_claim_id(same.id)  # keep the claim the checker was reading while extraction ran
        elif self.claims_filter.rowCount():
            self._select_row(0)
        self.claims_view.setFocus()
        verb = "Resumed" if opened.resumed else "Opened"
        messages = [f"{verb} {name}: {len(claims)} claims found", *opened.messages]
        self.statusBar().showMessage(" · ".join(messages), 10000)
        self._update_enabled()
        self._watch_timer.start()
        self.article_loaded.emit(article.id)

    def _on_open_failed(self, name: str, error: BaseException) -> None:
        self._opening = None
        self._end_progress()
        if isinstance(error, TaskCancelled) or type(error).__name__ == "ExtractionCancelled":
            self.statusBar().showMessage(f"Stopped opening {name}", 5000)
            return
        if isinstance(error, ArticleImportError):
            self.show_error("The article cannot be opened", str(error))
        else:
            self.show_error("The article cannot be opened", f"{name}: {error}")

    # -- saving changes ---------------------------------------------------------------------------
    def _push(self, command: ClaimCommand) -> None:
        if self._workspace is None:
            return
        self.undo_stack.push(command)

    def _apply_change(self, claim_id: int, change: Change) -> None:
        """Run one change on the database worker, checked against the version this window last saw."""
        workspace, known = self._workspace, self._known_versions
        if workspace is None:
            return

        def save(ctx: TaskContext) -> ClaimRecord:
            record = change(workspace, known.get(claim_id))
            known[record.id] = record.version
            self._seen_token = workspace.change_token()
            return record

        self.saved_label.setText("Saving…")
        self._tasks.run(save, on_done=self._on_claim_saved, on_error=self._on_save_failed)

    def _on_claim_saved(self, claim: ClaimRecord) -> None:
        previous = self._claim_by_id(claim.id)
        if previous is None:  # a claim added by hand: reload the list, then select it
            self._select_after_reload = claim.id
            self.reload_claims()
            return
        self.claims_model.update_claim(claim)
        self.highlighter.set_claims(self._checklist_claims())
        current = self.current_claim()
        if current is not None and current.id == claim.id:
            self._show_claim(claim, reload_note=not self._note_timer.isActive())
            self.highlighter.select(claim, scroll=False)
        self._update_progress_summary()
        self.saved_label.setText(
            f"Saved: claim {claim.number} {claim.status.value}"
            + (f" · by {claim.changed_by}" if claim.changed_by else "")
        )
        self.claim_changed.emit(claim.id)
        if previous.status != claim.status:
            self.claim_marked.emit(claim.id, claim.status.value)
        if previous.note != claim.note:
            self.note_saved.emit(claim.id)

    def _on_save_failed(self, error: BaseException) -> None:
        self.saved_label.setText("Not saved")
        if isinstance(error, StaleWriteError):
            self.show_error(
                "Changed elsewhere", f"{error}\n\nThe checklist has been reloaded with the newer change."
            )
            self.reload_claims()
        else:
            self.show_error("The change was not saved", str(error))

    def _check_for_changes(self) -> None:
        """Reload the checklist when someone else changed the workspace (polled; cheap when nothing did)."""
        if (
            self._workspace is None
            or self._article is None
            or self._tasks.busy()
            or self._note_timer.isActive()
        ):
            return
        workspace, seen = self._workspace, self._seen_token

        def look(ctx: TaskContext) -> bool:
            return workspace.change_token() != seen

        self._tasks.run(
            look, on_done=self._on_changes_checked, on_error=lambda error: log.warning("%s", error)
        )

    def _on_changes_checked(self, changed: bool) -> None:
        if changed and self._article is not None and not self._note_timer.isActive():
            self.statusBar().showMessage("Updated with changes made elsewhere", 5000)
            self.reload_claims()
            self.changed_elsewhere.emit()

    def _on_claims_reloaded(self, claims: list[ClaimRecord]) -> None:
        current = self.current_claim()
        wanted = self._select_after_reload or (current.id if current is not None else None)
        self._select_after_reload = None
        self._set_claims(claims)
        if wanted is not None:
            self._select_claim_id(wanted)
        self.claim_changed.emit(wanted or 0)

    def _set_claims(self, claims: list[ClaimRecord]) -> None:
        self._known_versions.clear()
        self._known_versions.update({c.id: c.version for c in claims})
        self.claims_model.set_claims(claims)
        self._update_progress_summary()

    def _stored(self, claim: ClaimRecord) -> bool:
        if claim.id < 0:
            self.statusBar().showMessage("Still finding claims: they can be marked in a moment", 4000)
        return claim.id >= 0

    def _claim_by_id(self, claim_id: int) -> ClaimRecord | None:
        row = self.claims_model.row_of(claim_id)
        return None if row is None else self.claims_model.claim_at(row)

    # -- slots ----------------------------------------------------------------------------------
    def _wait_for_workspace(self, ctx: TaskContext) -> Workspace:
        """On a worker: the workspace once it is open (importing a file need not wait for it)."""
        while not self._workspace_settled.wait(0.05):
            ctx.check()
        workspace = self._workspace
        if workspace is None:
            raise TaskCancelled()  # it could not be opened; the user has been told why
        return workspace

    def _on_workspace_opened(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._workspace_settled.set()
        self.workspace_ready.emit()

    def _on_workspace_failed(self, error: BaseException) -> None:
        self._workspace_settled.set()
        self.show_error("The workspace cannot be opened", str(error))

    def _on_preferences_changed(self) -> None:
        self._apply_preferences()
        wanted = self._db_override or Preferences.load(self._settings).workspace_db or None
        if wanted != self._workspace_url and self._workspace is not None:
            self._switch_workspace(wanted)

    def _switch_workspace(self, url: str | None) -> None:
        """Close the open article and workspace, and open another (e.g. the team's shared server)."""
        self._flush_note()
        old, self._workspace = self._workspace, None
        self._workspace_settled.clear()
        self._clear_article()
        if old is not None:
            self._tasks.run(lambda ctx: old.close())
        self.statusBar().showMessage("Opening the workspace…", 5000)
        self._open_workspace(url)

    def _on_article_removed(self, article_id: int) -> None:
        if self._article is not None and self._article.id == article_id:
            self._clear_article()

    def _clear_article(self) -> None:
        self._watch_timer.stop()
        self.undo_stack.clear()
        self._article = None
        self.setWindowTitle(APP_NAME)
        self.article_title.setText("No article open")
        self.article_meta.setText("")
        self.highlighter.set_article("")
        self._set_claims([])
        self._show_claim(None)
        self._update_enabled()

    @Slot(str)
    def _on_open_selected(self, path: str) -> None:
        self._settings.setValue("dialogs/open_dir", str(Path(path).parent))
        self.open_path(path)

    @Slot(str)
    def _on_export_selected(self, path: str) -> None:
        self._settings.setValue("dialogs/export_dir", str(Path(path).parent))
        self._offer_to_open_reports = True  # chosen in the dialog: offer to open it when written
        self.export_report_to(path)

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

    def _on_current_claim_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._flush_note()
        claim: ClaimRecord | None = current.data(ClaimRole) if current.isValid() else None
        self._show_claim(claim)
        self.highlighter.select(claim, scroll=not self._selecting_from_article)
        self._update_enabled()

    def _on_article_cursor_moved(self) -> None:
        """A click in the article selects the claim under it in the checklist (without scrolling away)."""
        if self.article_view.textCursor().hasSelection():
            return
        offset = self.highlighter.text_offset(self.article_view.textCursor().position())
        claim = self.highlighter.claim_at(offset)
        current = self.current_claim()
        if claim is None or (current is not None and current.id == claim.id):
            return
        self._selecting_from_article = True
        try:
            self._select_claim_id(claim.id)
        finally:
            self._selecting_from_article = False

    def _on_article_context_menu(self, position: QPoint) -> None:
        menu = self.article_view.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addAction(self.add_claim_action)
        menu.addAction(self.bounds_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.article_view.viewport().mapToGlobal(position))

    def _on_visible_claims_changed(self, *_args: object) -> None:
        self._highlight_timer.start()  # coalesced: claims arriving one by one repaint the article once

    def _on_threshold_changed(self, value: int) -> None:
        threshold = value / 100
        self.threshold_value.setText(f"{threshold:.2f}")
        self.claims_filter.set_threshold(threshold)
        self._settings.setValue("claims/threshold", threshold)
        self._update_progress_summary()

    def _on_status_filter_changed(self, _index: int) -> None:
        choice = self.status_filter.currentData()
        self.claims_filter.set_show_dismissed(choice == SHOW_DISMISSED)
        self.claims_filter.set_status(choice if isinstance(choice, Status) else None)

    def _on_source_activated(self, item: QListWidgetItem) -> None:
        url = QUrl(str(item.data(Qt.ItemDataRole.UserRole + 1)))
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

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
        claim = self._claim_by_id(claim_id) if claim_id is not None else None
        if claim is None or claim_id is None:
            return
        text = self.note_edit.toPlainText()
        if text == claim.note:
            return
        self._push(NoteCommand(claim_id, self._apply_change, claim.note, text, who=self.checker()))

    def _on_report_written(self, path: str) -> None:
        self._end_progress()
        self.statusBar().showMessage(f"Report written to {path}", 10000)
        self.report_written.emit(path)
        if self._offer_to_open_reports:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                "Report written",
                f"The report was saved as\n{path}",
                parent=self,
            )
            opener = box.addButton("Open report", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(
                lambda _r: (
                    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
                    if box.clickedButton() is opener
                    else None
                )
            )
            box.open()
            self._report_box = box

    def _on_report_failed(self, error: BaseException) -> None:
        self._end_progress()
        self.show_error("The report was not written", str(error))

    # -- helpers --------------------------------------------------------------------------------
    def _report_options(self) -> ReportOptions:
        from workbench.report import ReportOptions  # reportlab loads when a report is first made

        prefs = Preferences.load(self._settings)
        return ReportOptions(
            checker=prefs.checker, organisation=prefs.organisation, page_size=prefs.page_size
        )

    def _update_enabled(self) -> None:
        has_article = self._article is not None
        claim = self.current_claim()
        if claim is not None and claim.id < 0:
            claim = None  # provisional: shown while extraction runs, not yet stored
        for action in (
            *self.status_actions.values(),
            self.note_action,
            self.source_action,
            self.dismiss_action,
        ):
            action.setEnabled(claim is not None)
        for button in self.status_buttons.values():
            button.setEnabled(claim is not None)
        self.note_edit.setEnabled(claim is not None)
        self.add_source_button.setEnabled(claim is not None)
        self.remove_source_button.setEnabled(
            claim is not None and self.sources_list.currentItem() is not None
        )
        for action in (self.export_action, self.print_action, self.reload_action, self.add_claim_action):
            action.setEnabled(has_article)
        self.bounds_action.setEnabled(claim is not None)

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
        for status, button in self.status_buttons.items():
            button.setChecked(claim is not None and claim.status == status)
        self.sources_list.clear()
        if claim is None:
            self.claim_heading.setText("No claim selected")
            self.claim_text.setText("")
            self.reasons_label.setText("")
            self.history_list.clear()
            self._note_claim_id = None
            self._set_note_text("")
            return
        state = " · dismissed as not a claim" if claim.dismissed else ""
        self.claim_heading.setText(
            f"Claim {claim.number} · {claim.kind.value} · score {claim.score:.2f}{state}"
        )
        self.claim_text.setText(_claim_html(claim))
        self.reasons_label.setText(_reasons_html(claim))
        for source in claim.sources:
            label = source.title or source.url
            details = " · ".join(
                p for p in (source.url if source.title else "", source.accessed, source.comment) if p
            )
            item = QListWidgetItem(f"{label}\n{details}" if details else label)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, source.url)
            item.setToolTip(source.url)
            self.sources_list.addItem(item)
        if claim.id < 0:
            self._note_claim_id = None
            self._set_note_text("")
            self.history_list.clear()
            return
        if reload_note or self._note_claim_id != claim.id:
            if self._note_claim_id != claim.id or self.note_edit.toPlainText() != claim.note:
                self._set_note_text(claim.note)
            self._note_claim_id = claim.id
        self._load_history(claim.id)

    def _load_history(self, claim_id: int) -> None:
        if self._workspace is None:
            return
        workspace = self._workspace
        self._tasks.run(
            lambda ctx: workspace.history(claim_id),
            on_done=lambda entries: self._show_history(claim_id, entries),
            on_error=lambda error: log.warning("history of claim %s: %s", claim_id, error),
        )

    def _show_history(self, claim_id: int, entries: list[HistoryEntry]) -> None:
        current = self.current_claim()
        if current is None or current.id != claim_id:
            return
        self.history_list.clear()
        for entry in reversed(entries):
            when = entry.at.astimezone().strftime("%d %b %Y %H:%M")
            change = describe_change(entry)
            self.history_list.addItem(f"{when} · {entry.who or 'someone'}: {change}")
        self.history_shown.emit(claim_id)

    def _set_note_text(self, text: str) -> None:
        self._loading_note = True
        try:
            self.note_edit.setPlainText(text)
        finally:
            self._loading_note = False

    def _update_progress_summary(self) -> None:
        threshold = self.claims_filter.threshold()
        shown = [c for c in self.claims_model.claims() if on_checklist(c, threshold)]
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
        self._watch_timer.stop()
        self._flush_note()
        self.cancel_opening()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._tasks.shutdown()
        if self._workspace is not None:
            self._workspace.close()
        super().closeEvent(event)


def _open_store(url: str | None) -> Workspace:
    """Open (and migrate) the workspace; SQLAlchemy and Alembic load here, on the database worker."""
    from workbench.store import Workspace

    with collector.paused():  # their modules live until exit: a collection walking them held the GIL 30 ms
        return Workspace(url)


def _provisional_record(claim: ExtractedClaim, number: int) -> ClaimRecord:
    """A found claim shown before it is stored: negative id, not markable."""
    return ClaimRecord(
        id=-number,
        article_id=0,
        number=number,
        text=claim.text,
        start=claim.start,
        end=claim.end,
        score=claim.score,
        kind=claim.kind,
        status=Status.UNCHECKED,
        note="",
        version=0,
        reasons=claim.reasons,
        spans=claim.spans,
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the white space around it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
        pieces.append(f"<b><u>{text}</u></b><sub style='color:#777'>{label}</sub>")
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
        items.append(f"<li><span style='color:{colour}'><b>{sign}</b></span> {html.escape(reason.text)}</li>")
    return "<ul style='margin-left:-20px'>" + "".join(items) + "</ul>"
