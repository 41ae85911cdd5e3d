"""Starts the desktop app: logging, the one-window-per-workspace rule, the main window."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from workbench import APP_ID, APP_NAME, __version__
from workbench.assets import resource_path, sample_article
from workbench.gui import collector
from workbench.gui.single_instance import InstanceServer, instance_name, send_to_running_instance
from workbench.gui.warm_up import start_warm_up

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

log = logging.getLogger(__name__)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
LOG_FILE_BYTES = 1_000_000
LOG_FILE_COUNT = 3
STARTUP_PAUSE_LIMIT_MS = 30_000  # the collector's start-up pause ends by then even if no article shows
_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    """Where the desktop app writes its log (``~/.local/state/fact-check-workbench/log/workbench.log``)."""
    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False)) / "workbench.log"


def app_icon() -> QIcon:
    """The application icon, from its pre-rendered PNG sizes (the SVG is their source)."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource_path("icons", f"workbench-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    return icon


def _configure_logging() -> None:
    """Log to stderr and to a small rotating file the user can attach to a bug report."""
    root = logging.getLogger()
    if any(getattr(h, "_workbench", False) for h in root.handlers):
        return
    root.setLevel(logging.INFO)
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_COUNT, encoding="utf-8"
            )
        )
    except OSError as error:
        print(f"workbench: cannot write the log file {path}: {error}", file=sys.stderr)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_LOG_FORMAT))
        handler._workbench = True  # type: ignore[attr-defined]  # marks ours, so a second call adds none
        root.addHandler(handler)


def _application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_ID)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv)
    app.setApplicationDisplayName(APP_NAME)
    # Matches the .desktop file's name, so Wayland and X11 task bars group the window under its icon.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def _bring_forward(window: QMainWindow) -> None:
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def run_app(file: str | None = None, *, db: str | None = None, self_test: bool = False) -> int:
    """Open the main window on ``file`` (else the last article, else the sample) and run the event loop.

    If the app already runs on this workspace, ``file`` opens in that window instead and this call
    returns 0 at once. With ``self_test`` it runs :mod:`workbench.gui.self_test` offscreen instead.
    """
    if self_test:
        # The self-test proves the installed app works; it needs no display (CI, a fresh install).
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _configure_logging()
    target = str(Path(file).expanduser().resolve()) if file else None
    app = _application(sys.argv[:1])
    if self_test:
        from workbench.gui.self_test import run_self_test

        return run_self_test(app)

    name = instance_name(db)
    if send_to_running_instance(name, target):
        log.info("handed %s to the running app", target or "the request for its window")
        return 0
    server = InstanceServer(name, app)
    if not server.listen() and send_to_running_instance(name, target):
        # Another launch started listening between our attempt to reach it and now.
        log.info("handed %s to the app that started alongside", target or "the request for its window")
        return 0

    # Imported only now: a second launch that hands its file over never loads spaCy. The warm-up
    # starts first so the parsers and the language model load while the window's modules import.
    # The garbage collector waits until the first article is shown: everything loaded until then
    # lives as long as the app, and walking it again and again cost 0.3-0.4 s of the launch.
    collector.pause()
    start_warm_up()
    from workbench.gui.main_window import MainWindow

    log.info("%s %s starting (log: %s)", APP_NAME, __version__, log_file())
    window = MainWindow(db=db)
    resume_collector_after_first_article(window)
    server.file_received.connect(lambda path: (_bring_forward(window), window.open_path(path)))
    server.activation_requested.connect(lambda: _bring_forward(window))
    window.show()
    log.info("window shown")
    window.open_path(target or _last_file() or str(sample_article()))
    try:
        return app.exec()
    finally:
        server.close()


def resume_collector_after_first_article(window: MainWindow) -> None:
    """End the launch's collector pause once the window shows its first article, fails to, or after
    ``STARTUP_PAUSE_LIMIT_MS`` (a cancelled opening shows none)."""
    ended = False

    def end(*_args: object) -> None:
        nonlocal ended
        if not ended:
            ended = True
            collector.resume()

    window.article_loaded.connect(end)
    window.failed.connect(end)
    QTimer.singleShot(STARTUP_PAUSE_LIMIT_MS, end)


def _last_file() -> str | None:
    last = QSettings().value("session/last_file")
    if isinstance(last, str) and Path(last).is_file():
        return last
    return None
