"""The user's preferences: one typed record read from QSettings, and the dialog that edits it."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from workbench.claims import DEFAULT_THRESHOLD
from workbench.gui.forms import fill_dialog, grow_to_fit
from workbench.gui.theme import THEMES
from workbench.identity import default_checker
from workbench.store.errors import WorkspaceError

PAGE_SIZES = ("A4", "Letter")
FONT_SIZES = (6, 48)  # smallest and largest article font size offered, in points
DEFAULT_FONT_SIZE = 11


@dataclass(frozen=True)
class Preferences:
    """Everything the user can set in Preferences, typed and checked.

    ``load`` never fails: a value that is missing, of the wrong type or out of range (a hand-edited
    settings file, an older version) falls back to its default.
    """

    checker: str = field(default_factory=default_checker)
    organisation: str = ""
    threshold: float = DEFAULT_THRESHOLD
    theme: str = "system"
    article_font_size: int = DEFAULT_FONT_SIZE
    page_size: str = "A4"
    workspace_db: str = ""  # SQLAlchemy URL; "" = the default SQLite file in the user's data folder

    # QSettings key of each field; the rest of the app reads these keys too.
    KEYS: ClassVar[dict[str, str]] = {
        "checker": "checker",
        "organisation": "organisation",
        "threshold": "claims/threshold",
        "theme": "appearance/theme",
        "article_font_size": "appearance/article_font_size",
        "page_size": "report/page_size",
        "workspace_db": "workspace/db",
    }

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = settings.value(cls.KEYS[f.name])
            if raw is not None:
                values[f.name] = raw
        return defaults._checked(values)

    def save(self, settings: QSettings) -> None:
        for f in fields(self):
            settings.setValue(self.KEYS[f.name], getattr(self, f.name))
        settings.sync()

    def _checked(self, values: dict[str, Any]) -> Preferences:
        """A copy with ``values`` applied where each one is valid."""
        good: dict[str, Any] = {}
        for name in ("checker", "organisation", "workspace_db"):
            if isinstance(values.get(name), str):
                good[name] = values[name].strip()
        threshold = _number(values.get("threshold"), float)
        if threshold is not None and 0.0 <= threshold <= 1.0:
            good["threshold"] = threshold
        size = _number(values.get("article_font_size"), int)
        if size is not None and FONT_SIZES[0] <= size <= FONT_SIZES[1]:
            good["article_font_size"] = size
        if values.get("theme") in THEMES:
            good["theme"] = values["theme"]
        if values.get("page_size") in PAGE_SIZES:
            good["page_size"] = values["page_size"]
        return replace(self, **good)


def _number(raw: object, kind: type[int] | type[float]) -> int | float | None:
    # INI-backed QSettings hands numbers back as strings.
    if isinstance(raw, bool) or raw is None:
        return None
    try:
        value = float(raw)  # type: ignore[arg-type]  # anything float() takes; errors caught below
    except (TypeError, ValueError):
        return None
    if kind is int:
        return int(value) if value.is_integer() else None
    return value


def workspace_problem(url: str) -> str:
    """Why ``url`` cannot name a workspace ("" when it can). Only its form is checked: no connection."""
    if not url.strip():
        return ""
    # SQLAlchemy takes ~0.2 s to import: not before the window's first paint, only when a URL is checked.
    from workbench.store.database import normalise_url

    try:
        normalise_url(url)
    except WorkspaceError as error:
        return str(error)
    return ""


class PreferencesDialog(QDialog):
    """Edits the user's preferences; changes are saved on Apply or OK, dropped on Cancel.

    Signals:
        preferences_changed(): the preferences were saved (after Apply or OK).
    """

    preferences_changed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        self._settings = settings
        form = fill_dialog(self, "preferences.ui")
        self.setMinimumWidth(520)  # room for a team workspace address
        self.form = form
        self.checker_edit: QLineEdit = form.findChild(QLineEdit, "checkerEdit")
        self.organisation_edit: QLineEdit = form.findChild(QLineEdit, "organisationEdit")
        self.threshold_spin: QDoubleSpinBox = form.findChild(QDoubleSpinBox, "thresholdSpin")
        self.theme_combo: QComboBox = form.findChild(QComboBox, "themeCombo")
        self.font_size_spin: QSpinBox = form.findChild(QSpinBox, "fontSizeSpin")
        self.page_size_combo: QComboBox = form.findChild(QComboBox, "pageSizeCombo")
        self.workspace_edit: QLineEdit = form.findChild(QLineEdit, "workspaceEdit")
        self.workspace_problem: QLabel = form.findChild(QLabel, "workspaceProblem")
        self.buttons: QDialogButtonBox = form.findChild(QDialogButtonBox, "buttonBox")

        self.theme_combo.clear()
        for value, text in zip(THEMES, ("Follow the system", "Light", "Dark"), strict=True):
            self.theme_combo.addItem(text, value)
        self.page_size_combo.clear()
        for value in PAGE_SIZES:
            self.page_size_combo.addItem(value, value)
        self.font_size_spin.setRange(*FONT_SIZES)
        self.threshold_spin.setRange(0.0, 1.0)
        self.workspace_edit.setPlaceholderText("Empty: the workspace file in your data folder")
        self.workspace_problem.hide()

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._on_button_clicked)
        self.workspace_edit.textChanged.connect(self._on_workspace_edited)
        self.show_preferences(Preferences.load(settings))

    # -- public API -----------------------------------------------------------------------------
    def show_preferences(self, prefs: Preferences) -> None:
        """Fill the controls from ``prefs`` (nothing is saved until Apply or OK)."""
        self.checker_edit.setText(prefs.checker)
        self.organisation_edit.setText(prefs.organisation)
        self.threshold_spin.setValue(prefs.threshold)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(prefs.theme))
        self.font_size_spin.setValue(prefs.article_font_size)
        self.page_size_combo.setCurrentIndex(self.page_size_combo.findData(prefs.page_size))
        self.workspace_edit.setText(prefs.workspace_db)

    def preferences(self) -> Preferences:
        """The preferences as the controls show them now."""
        return Preferences()._checked(
            {
                "checker": self.checker_edit.text(),
                "organisation": self.organisation_edit.text(),
                "threshold": round(self.threshold_spin.value(), 2),
                "theme": self.theme_combo.currentData(),
                "article_font_size": self.font_size_spin.value(),
                "page_size": self.page_size_combo.currentData(),
                "workspace_db": self.workspace_edit.text(),
            }
        )

    def apply(self) -> bool:
        """Save the shown preferences; False (nothing saved) while the workspace address is invalid."""
        if self._on_workspace_edited(self.workspace_edit.text()):
            self.workspace_edit.setFocus()
            return False
        self.preferences().save(self._settings)
        self.preferences_changed.emit()
        return True

    # -- QDialog --------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.apply():
            super().accept()

    # -- slots ----------------------------------------------------------------------------------
    @Slot(QAbstractButton)
    def _on_button_clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.standardButton(button)
        if role == QDialogButtonBox.StandardButton.Apply:
            self.apply()
        elif role == QDialogButtonBox.StandardButton.RestoreDefaults:
            self.show_preferences(Preferences())

    @Slot(str)
    def _on_workspace_edited(self, text: str) -> str:
        problem = workspace_problem(text)
        # Words and a sign, not colour alone, tell the user what is wrong.
        self.workspace_problem.setText(f"⚠ {problem}" if problem else "")
        self.workspace_problem.setVisible(bool(problem))
        grow_to_fit(self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        for button in (ok, apply):
            if button is not None:
                button.setEnabled(not problem)
        return problem
