"""Fixtures for the window tests: isolated settings and a window factory on a test workspace."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workbench.gui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot: QtBot, db_url: str, settings_path: Path) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def factory() -> MainWindow:
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = MainWindow(db=db_url, settings=settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.workspace_ready, timeout=20000):
            pass
        window.show()
        window.activateWindow()  # as the user's first click would: window shortcuts need an active window
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.close()


OpenAndWait = Callable[[MainWindow, Path], None]


@pytest.fixture
def open_and_wait(qtbot: QtBot) -> OpenAndWait:
    """Open a file in a window and wait until its text and claims are shown."""

    def opener(window: MainWindow, path: Path) -> None:
        with qtbot.waitSignal(window.article_loaded, timeout=60000):
            window.open_path(path)

    return opener


def _unnamed_controls(top: QWidget) -> list[str]:
    """Controls a keyboard or screen-reader user can reach in ``top`` that have no accessible name.

    A button's own text names it; spin-box editors and combo popups are named by their owner; scroll
    bars and viewports belong to the named view around them; a focus proxy is named by what it serves.
    """

    def named_by_owner(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        if isinstance(widget, QScrollBar) or isinstance(parent, QAbstractScrollArea):
            return True
        if parent is not None and parent.focusProxy() is widget:
            return True
        while parent is not None and parent is not top:
            if isinstance(parent, QAbstractSpinBox | QComboBox):
                return True
            parent = parent.parentWidget()
        return False

    return [
        widget.objectName() or type(widget).__name__
        for widget in top.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and widget.isVisibleTo(top)
        and not named_by_owner(widget)
        and not (
            widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text().strip("&"))
        )
    ]


@pytest.fixture
def unnamed_controls() -> Callable[[QWidget], list[str]]:
    """The one accessibility walk every window and dialog test uses."""
    return _unnamed_controls
