"""Turns a Qt Designer form from ``ui/`` into a widget (the one loader for every form), and fits dialogs."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from workbench.assets import form_path


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Load ``ui/<name>`` and return its top-level widget, parented to ``parent``."""
    path = form_path(name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot open form {path}: {file.errorString()}")
    try:
        loader = QUiLoader()
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"cannot load form {path}: {loader.errorString()}")
    return widget


def fill_dialog(dialog: QDialog, name: str) -> QWidget:
    """Load ``ui/<name>`` as the whole content of ``dialog`` and return the form."""
    form = load_form(name, dialog)
    QVBoxLayout(dialog).addWidget(form)
    return form


def grow_to_fit(dialog: QDialog) -> None:
    """Make ``dialog`` tall enough for a message that just appeared (wrapped labels need height)."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    needed = (
        layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    )
    if dialog.height() < needed:
        dialog.resize(width, needed)
