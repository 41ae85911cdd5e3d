"""Every way a checker brings an article in: paste, drag and drop, Open Recent."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.gui.main_window import MainWindow

Factory = Callable[[], MainWindow]
Opener = Callable[[MainWindow, Path], None]

PASTED = (
    "Council spends £4.2m on new bridge\n\n"
    "The city council approved £4.2 million for a new footbridge on Tuesday, its finance chief said.\n\n"
    "Traffic on the old bridge rose by 35% between 2019 and 2023, according to council figures."
)


def test_paste_as_new_article(qtbot: QtBot, make_window: Factory) -> None:
    window = make_window()
    QGuiApplication.clipboard().setText(PASTED)
    with qtbot.waitSignal(window.article_loaded, timeout=60000):
        qtbot.keyClick(
            window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    assert "35%" in window.article_view.toPlainText()
    assert any("35%" in c.text for c in window.visible_claims())


def test_an_empty_clipboard_says_so(make_window: Factory) -> None:
    window = make_window()
    QGuiApplication.clipboard().setText("   ")
    window.paste_as_article()
    assert "no text" in window.statusBar().currentMessage()
    assert window.current_article() is None


def test_dropping_a_file_opens_it(qtbot: QtBot, make_window: Factory, sample_article: Path) -> None:
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_article))])
    where, copy, left, plain = (
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    enter = QDragEnterEvent(where, copy, mime, left, plain)
    assert QApplication.sendEvent(window, enter) and enter.isAccepted(), "the window takes a dragged file"
    with qtbot.waitSignal(window.article_loaded, timeout=60000):
        QApplication.sendEvent(window, QDropEvent(QPointF(where), copy, mime, left, plain))
    assert window.current_article().source_path == str(sample_article)


def test_open_recent_lists_files_newest_first_and_opens_them(
    qtbot: QtBot, make_window: Factory, open_and_wait: Opener, sample_article: Path, tmp_path: Path
) -> None:
    other = tmp_path / "second.txt"
    other.write_text(PASTED, encoding="utf-8")
    copy = tmp_path / "sample.txt"
    shutil.copy(sample_article, copy)
    window = make_window()
    open_and_wait(window, copy)
    open_and_wait(window, other)
    window._fill_recent_menu()
    names = [a.text() for a in window.recent_menu.actions()]
    assert names == ["&1 second.txt", "&2 sample.txt"]
    with qtbot.waitSignal(window.article_loaded, timeout=60000):
        window.recent_menu.actions()[1].trigger()
    assert window.current_article().source_path == str(copy)
