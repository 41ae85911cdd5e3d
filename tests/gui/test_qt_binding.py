"""Guards the Qt binding we ship against the reference leak that crashed long sessions.

PySide6 6.12.0 on Python 3.11 released a reference to None in every void method; after some thousands
of UI calls Python aborted with "deallocating None". pyproject.toml pins a clean release on 3.11.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QTextEdit
from pytestqt.qtbot import QtBot


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on (PEP 683)")
def test_void_qt_calls_do_not_release_references_to_none(qtbot: QtBot) -> None:
    label, view = QLabel(), QTextEdit()
    qtbot.addWidget(label)
    qtbot.addWidget(view)
    view.setPlainText("some article text " * 50)
    cursor = QTextCursor(view.document())
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
        cursor.setPosition(i % 100)
    assert before - sys.getrefcount(None) < 200
