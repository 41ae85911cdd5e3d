"""Fixtures for the window tests: isolated settings and a window factory on a test workspace."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
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
