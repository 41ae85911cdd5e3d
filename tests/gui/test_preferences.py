"""Preferences: typed values round-trip through QSettings, and the dialog edits them as a user would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workbench.claims import DEFAULT_THRESHOLD
from workbench.gui.preferences import Preferences, PreferencesDialog


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return ini(tmp_path / "settings.ini")


@pytest.fixture
def dialog(qtbot: QtBot, settings: QSettings) -> PreferencesDialog:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def button(dialog: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> QWidget:
    found = dialog.buttons.button(which)
    assert found is not None
    return found


def test_a_fresh_user_gets_sensible_defaults(settings: QSettings) -> None:
    prefs = Preferences.load(settings)
    assert prefs.checker == "Test Checker"  # conftest sets WORKBENCH_CHECKER
    assert prefs.threshold == DEFAULT_THRESHOLD
    assert (prefs.theme, prefs.page_size, prefs.workspace_db) == ("system", "A4", "")
    assert 8 <= prefs.article_font_size <= 14


def test_saved_preferences_are_read_back_typed_by_a_later_session(tmp_path: Path) -> None:
    chosen = Preferences(
        checker="Ana Lima",
        organisation="Full Fact",
        threshold=0.35,
        theme="dark",
        article_font_size=16,
        page_size="Letter",
        workspace_db="postgresql://desk@db.example/team",
    )
    chosen.save(ini(tmp_path / "settings.ini"))
    again = Preferences.load(ini(tmp_path / "settings.ini"))  # INI hands back strings: load types them
    assert again == chosen
    # The rest of the app reads the agreed keys.
    raw = ini(tmp_path / "settings.ini")
    assert raw.value("appearance/theme") == "dark"
    assert float(raw.value("claims/threshold")) == 0.35
    assert raw.value("workspace/db") == "postgresql://desk@db.example/team"


def test_broken_stored_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text(
        "[General]\nchecker=Bea\n"
        "[claims]\nthreshold=very high\n"
        "[appearance]\ntheme=purple\narticle_font_size=400\n"
        "[report]\npage_size=A5\n",
        encoding="utf-8",
    )
    prefs = Preferences.load(ini(path))
    assert prefs.checker == "Bea"
    assert prefs == Preferences(checker="Bea")


def test_user_edits_with_keyboard_and_applies(
    qtbot: QtBot, dialog: PreferencesDialog, settings: QSettings
) -> None:
    assert dialog.isVisible() and dialog.isModal(), "open() shows it window-modal without blocking"
    dialog.checker_edit.setFocus()
    dialog.checker_edit.selectAll()
    qtbot.keyClicks(dialog.checker_edit, "Ana Lima")
    qtbot.keyClick(dialog.checker_edit, Qt.Key.Key_Tab)
    assert dialog.organisation_edit.hasFocus(), "Tab goes down the form in reading order"
    qtbot.keyClicks(dialog.organisation_edit, "Full Fact")
    # Theme by keyboard: the combo follows the arrow keys.
    dialog.theme_combo.setFocus()
    qtbot.keyClick(dialog.theme_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.theme_combo, Qt.Key.Key_Down)
    assert dialog.theme_combo.currentData() == "dark"
    dialog.font_size_spin.setFocus()
    dialog.font_size_spin.selectAll()
    qtbot.keyClicks(dialog.font_size_spin, "15")
    dialog.threshold_spin.setFocus()
    qtbot.keyClick(dialog.threshold_spin, Qt.Key.Key_Up)  # one step of 0.05

    with qtbot.waitSignal(dialog.preferences_changed, timeout=1000):
        qtbot.mouseClick(button(dialog, QDialogButtonBox.StandardButton.Apply), Qt.MouseButton.LeftButton)
    assert dialog.isVisible(), "Apply keeps the dialog open"
    saved = Preferences.load(settings)
    assert saved.checker == "Ana Lima" and saved.organisation == "Full Fact"
    assert saved.theme == "dark" and saved.article_font_size == 15
    assert saved.threshold == pytest.approx(round(DEFAULT_THRESHOLD + 0.05, 2))


def test_cancel_drops_the_edits(qtbot: QtBot, dialog: PreferencesDialog, settings: QSettings) -> None:
    qtbot.keyClicks(dialog.organisation_edit, "Unsaved Org")
    with qtbot.assertNotEmitted(dialog.preferences_changed), qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert Preferences.load(settings).organisation == ""


def test_ok_saves_and_closes(qtbot: QtBot, dialog: PreferencesDialog, settings: QSettings) -> None:
    qtbot.keyClicks(dialog.organisation_edit, "Les Surligneurs")
    dialog.page_size_combo.setCurrentIndex(dialog.page_size_combo.findData("Letter"))
    with qtbot.waitSignal(dialog.preferences_changed), qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    prefs = Preferences.load(settings)
    assert (prefs.organisation, prefs.page_size) == ("Les Surligneurs", "Letter")


def test_a_bad_workspace_address_is_explained_and_never_saved(
    qtbot: QtBot, dialog: PreferencesDialog, settings: QSettings
) -> None:
    ok = button(dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.workspace_edit, "mysql://desk@db/team")
    assert dialog.workspace_problem.isVisible()
    assert "unsupported workspace database 'mysql'" in dialog.workspace_problem.text()
    assert dialog.workspace_problem.text().startswith("⚠"), "a sign, not colour alone"
    assert not ok.isEnabled()
    with qtbot.assertNotEmitted(dialog.preferences_changed):
        qtbot.keyClick(dialog.workspace_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert Preferences.load(settings).workspace_db == ""

    dialog.workspace_edit.clear()
    qtbot.keyClicks(dialog.workspace_edit, "postgresql://desk@db/team")
    assert not dialog.workspace_problem.isVisible() and ok.isEnabled()
    with qtbot.waitSignal(dialog.preferences_changed):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert Preferences.load(settings).workspace_db == "postgresql://desk@db/team"


def test_restore_defaults_refills_the_form_but_saves_only_on_apply(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    Preferences(checker="Ana", theme="dark", article_font_size=20).save(settings)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.theme_combo.currentData() == "dark" and dialog.font_size_spin.value() == 20
    qtbot.mouseClick(
        button(dialog, QDialogButtonBox.StandardButton.RestoreDefaults), Qt.MouseButton.LeftButton
    )
    assert dialog.theme_combo.currentData() == "system"
    assert dialog.checker_edit.text() == "Test Checker"
    assert Preferences.load(settings).theme == "dark"


def test_every_control_has_an_accessible_name(
    dialog: PreferencesDialog, unnamed_controls: Callable[[QWidget], list[str]]
) -> None:
    assert unnamed_controls(dialog) == []


def test_the_workspace_problem_is_never_clipped(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    dialog.resize(dialog.minimumWidth(), dialog.minimumSizeHint().height())
    qtbot.keyClicks(dialog.workspace_edit, "oracle://a-long-host-name.example.org/some_team_database")
    label = dialog.workspace_problem
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.visibleRegion().boundingRect().height() >= label.heightForWidth(label.width())
