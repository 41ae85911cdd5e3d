"""Every control a keyboard or screen-reader user reaches has a name; status is never colour alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from workbench.gui.claims_model import ClaimListModel
from workbench.gui.main_window import MainWindow
from workbench.store import Status


def test_every_reachable_control_has_an_accessible_name(
    make_window: Callable[[], MainWindow],
    open_and_wait: Callable[[MainWindow, Path], None],
    sample_article: Path,
    unnamed_controls: Callable[[QWidget], list[str]],
) -> None:
    window = make_window()
    open_and_wait(window, sample_article)
    assert unnamed_controls(window) == []
    # The walk does reach the controls (an empty answer from an empty walk would prove nothing).
    window.claims_view.setAccessibleName("")
    assert "claimsView" in unnamed_controls(window)


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
