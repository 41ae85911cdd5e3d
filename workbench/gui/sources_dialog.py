"""The dialog that adds or edits one source of a claim: its address, title, date accessed and a quote."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from workbench.gui.forms import fill_dialog, grow_to_fit
from workbench.store import SourceRecord

MAX_COMMENT = 500  # characters: a short quote, not the whole source


def normalised_url(text: str) -> str:
    """``text`` as the address to store: trimmed, with ``https://`` added when the scheme was left out."""
    text = text.strip()
    if text and "://" not in text and not text.lower().startswith(("mailto:", "javascript:", "file:")):
        text = "https://" + text
    return text


def url_problem(text: str) -> str:
    """Why ``text`` is not a web address a source can have ("" when it is one)."""
    url = normalised_url(text)
    if not url:
        return "Give the source's web address."
    if any(ch.isspace() for ch in url):
        return "A web address has no spaces."
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018  # raises ValueError on a malformed port
    except ValueError:
        return f"{url!r} is not a web address."
    if parts.scheme.lower() not in ("http", "https"):
        return f"Only web pages (http:// or https://) can be sources, not {parts.scheme}: addresses."
    if not host:
        return "The address has no site name after //."
    if "." not in host and host != "localhost":
        return f"{host!r} is not a site name (e.g. www.example.org)."
    return ""


class SourcesDialog(QDialog):
    """Adds a new source to a claim, or edits one; open it with ``open()``.

    Signals:
        source_accepted(dict): the user pressed OK on a valid source; keys ``url``, ``title``,
            ``accessed`` (ISO date) and ``comment``.
    """

    source_accepted = Signal(dict)

    def __init__(self, parent: QWidget | None = None, source: SourceRecord | None = None) -> None:
        super().__init__(parent)
        self.source = source  # the source being edited, None for a new one
        self.setWindowTitle("Edit source" if source else "Add source")
        self.setAccessibleName(self.windowTitle())
        form = fill_dialog(self, "sources.ui")
        self.setMinimumWidth(560)  # room for a whole web address
        self.form = form
        self.url_edit: QLineEdit = form.findChild(QLineEdit, "urlEdit")
        self.problem_label: QLabel = form.findChild(QLabel, "problemLabel")
        self.title_edit: QLineEdit = form.findChild(QLineEdit, "titleEdit")
        self.accessed_edit: QDateEdit = form.findChild(QDateEdit, "accessedEdit")
        self.comment_edit: QPlainTextEdit = form.findChild(QPlainTextEdit, "commentEdit")
        self.comment_count: QLabel = form.findChild(QLabel, "commentCount")
        self.buttons: QDialogButtonBox = form.findChild(QDialogButtonBox, "buttonBox")

        today = QDate.currentDate()
        self.accessed_edit.setMaximumDate(today)  # a source cannot have been read tomorrow
        self.accessed_edit.setDate(today)
        if source is not None:
            self.url_edit.setText(source.url)
            self.title_edit.setText(source.title)
            accessed = QDate.fromString(source.accessed, "yyyy-MM-dd")
            if accessed.isValid():
                self.accessed_edit.setDate(accessed)
            self.comment_edit.setPlainText(source.comment)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.url_edit.textChanged.connect(self._on_edited)
        self.comment_edit.textChanged.connect(self._on_edited)
        self._touched = source is not None  # say nothing about an empty address until it is typed in
        self._on_edited()
        self.url_edit.setFocus()

    def source_fields(self) -> dict[str, str]:
        """The source as the form shows it, in the shape ``source_accepted`` carries."""
        return {
            "url": normalised_url(self.url_edit.text()),
            "title": self.title_edit.text().strip(),
            "accessed": self.accessed_edit.date().toString("yyyy-MM-dd"),
            "comment": self.comment_edit.toPlainText().strip(),
        }

    def problem(self) -> str:
        """What stops the source from being saved ("" when nothing does)."""
        problem = url_problem(self.url_edit.text())
        if problem:
            return problem
        length = len(self.comment_edit.toPlainText().strip())
        if length > MAX_COMMENT:
            return f"The quote or comment is {length - MAX_COMMENT} characters too long: keep it short."
        return ""

    def accept(self) -> None:
        self._touched = True
        if self._on_edited():
            self.url_edit.setFocus()
            return
        self.source_accepted.emit(self.source_fields())
        super().accept()

    @Slot()
    def _on_edited(self) -> str:
        if self.url_edit.text():
            self._touched = True
        problem = self.problem()
        shown = problem if self._touched else ""
        self.problem_label.setText(f"⚠ {shown}" if shown else "")  # a sign and words, never colour alone
        self.problem_label.setVisible(bool(shown))
        grow_to_fit(self)
        length = len(self.comment_edit.toPlainText().strip())
        self.comment_count.setText(f"{length} of {MAX_COMMENT} characters")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not problem)
        return problem
