"""Every control a keyboard or screen-reader user reaches has a name; status is never colour alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QScrollBar, QWidget

from workbench.gui.claims_model import ClaimListModel
from workbench.gui.main_window import MainWindow
from workbench.store import Status


def _reachable_controls(root: QWidget) -> list[QWidget]:
    controls = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QScrollBar) or isinstance(widget.parent(), QAbstractScrollArea):
            continue  # scroll bars and viewports belong to the named view around them
        if widget.parent() is not None and widget.parent().focusProxy() is widget:
            continue
        controls.append(widget)
    return controls


def test_every_reachable_control_has_an_accessible_name(
    make_window: Callable[[], MainWindow],
    open_and_wait: Callable[[MainWindow, Path], None],
    sample_article: Path,
) -> None:
    window = make_window()
    open_and_wait(window, sample_article)
    controls = _reachable_controls(window)
    reached = {w.objectName() for w in controls}
    assert {
        "claimsView",
        "noteEdit",
        "filterEdit",
        "thresholdSlider",
        "statusFilter",
        "sourcesList",
    } <= reached
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in controls
        if not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text().strip("&"))
    ]
    assert unnamed == []


def test_status_is_shown_as_a_symbol_and_a_word_not_only_a_colour(
    make_window: Callable[[], MainWindow],
    open_and_wait: Callable[[MainWindow, Path], None],
    sample_article: Path,
) -> None:
    window = make_window()
    open_and_wait(window, sample_article)
    column = window.claims_filter.index(0, ClaimListModel.STATUS)
    assert column.data() == "○ Unchecked"
    assert column.data(Qt.ItemDataRole.AccessibleTextRole) == Status.UNCHECKED.value
    assert window.status_buttons[Status.VERIFIED].text().startswith("✓")
    assert window.status_buttons[Status.DISPUTED].text().startswith("✗")
