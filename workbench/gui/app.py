"""Starts the desktop app."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workbench import APP_ID, APP_NAME, __version__
from workbench.assets import resource_path, sample_article

log = logging.getLogger(__name__)


def _application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_ID)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv)
    app.setApplicationDisplayName(APP_NAME)
    icon = resource_path("icons", "workbench.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_app(file: str | None = None, *, db: str | None = None, self_test: bool = False) -> int:
    """Open the main window on ``file`` (else the last article, else the sample) and run the event loop."""
    from workbench.gui.main_window import MainWindow

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = _application(sys.argv[:1])
    if self_test:
        from workbench.gui.self_test import run_self_test

        return run_self_test(app)
    window = MainWindow(db=db)
    window.show()
    target = file or _last_file() or str(sample_article())
    window.open_path(str(Path(target).expanduser()))
    return app.exec()


def _last_file() -> str | None:
    last = QSettings().value("session/last_file")
    if isinstance(last, str) and Path(last).is_file():
        return last
    return None
