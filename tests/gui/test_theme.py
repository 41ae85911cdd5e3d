"""Light, dark and system themes: every text stays legible and "system" gives back the original look."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from workbench.gui.theme import apply_theme, contrast_ratio, is_dark, palette_for

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Text drawn on a background, as the widgets pair them.
LEGIBLE_PAIRS = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.PlaceholderText, Role.Base),
]


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, put back to the system look afterwards so other tests are unaffected."""
    yield qapp
    apply_theme(qapp, "system")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_colour_reaches_aa_contrast(theme: str) -> None:
    palette = palette_for(theme)
    for group in (Group.Active, Group.Inactive):
        for text, background in LEGIBLE_PAIRS:
            ratio = contrast_ratio(palette.color(group, text), palette.color(group, background))
            assert ratio >= 4.5, f"{theme}: {text.name} on {background.name} is {ratio:.1f}:1"
    # Disabled text is dimmer, yet still readable (AA large-text level).
    disabled = contrast_ratio(
        palette.color(Group.Disabled, Role.Text), palette.color(Group.Disabled, Role.Base)
    )
    assert disabled >= 3.0


def test_dark_theme_paints_widgets_dark_and_light_paints_them_light(app: QApplication, qtbot: QtBot) -> None:
    window = QWidget()
    layout = QVBoxLayout(window)
    label = QLabel("58 staff were expelled")
    edit = QLineEdit("a note")
    layout.addWidget(label)
    layout.addWidget(edit)
    qtbot.addWidget(window)
    window.show()

    apply_theme(app, "dark")
    qtbot.waitUntil(lambda: is_dark(window.palette()), timeout=2000)  # open windows follow
    background = window.grab().toImage().pixelColor(2, 2)
    assert background.lightnessF() < 0.3, "the window is painted dark offscreen too"
    assert is_dark(edit.palette())

    apply_theme(app, "light")
    qtbot.waitUntil(lambda: not is_dark(window.palette()), timeout=2000)
    assert window.grab().toImage().pixelColor(2, 2).lightnessF() > 0.8


def test_system_theme_gives_back_the_look_the_app_started_with(app: QApplication) -> None:
    apply_theme(app, "system")  # first call remembers the starting look
    style, window_colour = app.style().name(), app.palette().color(Role.Window)
    apply_theme(app, "dark")
    assert app.palette().color(Role.Window) != window_colour
    apply_theme(app, "system")
    assert app.style().name() == style
    assert app.palette().color(Role.Window) == window_colour


def test_an_unknown_theme_is_a_clear_error_and_changes_nothing(app: QApplication) -> None:
    apply_theme(app, "light")
    before = app.palette().color(Role.Window)
    with pytest.raises(ValueError, match=r"unknown theme 'purple'.*system, light, dark"):
        apply_theme(app, "purple")
    assert app.palette().color(Role.Window) == before


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_checked_status_button_stands_out(app: QApplication, qtbot: QtBot, theme: str) -> None:
    """The desk's Unchecked / Verified / Disputed buttons: the chosen one must be plain to see."""
    apply_theme(app, theme)
    row = QWidget()
    layout = QHBoxLayout(row)
    buttons = [QPushButton(text) for text in ("○ Unchecked", "✓ Verified", "✗ Disputed")]
    for button in buttons:
        button.setCheckable(True)
        layout.addWidget(button)
    buttons[2].setChecked(True)
    qtbot.addWidget(row)
    row.show()
    qtbot.waitExposed(row)
    sizes = [button.size() for button in buttons]

    def fill(button: QPushButton) -> QColor:
        return button.grab().toImage().pixelColor(4, button.height() // 2)

    assert contrast_ratio(fill(buttons[2]), fill(buttons[1])) >= 2.0, "checked vs unchecked"
    buttons[2].setChecked(False)
    buttons[1].setChecked(True)
    qtbot.wait(10)
    assert [button.size() for button in buttons] == sizes, "nothing moves when the status changes"
    assert contrast_ratio(fill(buttons[1]), fill(buttons[2])) >= 2.0


def test_a_font_a_widget_chose_survives_a_theme_change(app: QApplication, qtbot: QtBot) -> None:
    """The article title is set bigger and bold by the window; a theme must not undo that."""
    title = QLabel("Putin approach to May")
    font = title.font()
    font.setPointSize(21)
    font.setBold(True)
    title.setFont(font)
    qtbot.addWidget(title)
    title.show()
    for theme in ("dark", "dark", "light", "system", "light"):
        apply_theme(app, theme)
        qtbot.wait(10)
        assert title.font().pointSize() == 21 and title.font().bold(), theme
