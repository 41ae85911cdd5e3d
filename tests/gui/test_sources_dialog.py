"""The source dialog: a checker types a source's address, title, date and quote; bad ones are explained."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workbench.gui.sources_dialog import MAX_COMMENT, SourcesDialog, url_problem
from workbench.store import SourceRecord


def opened(qtbot: QtBot, source: SourceRecord | None = None) -> SourcesDialog:
    dialog = SourcesDialog(None, source)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def ok_button(dialog: SourcesDialog) -> QWidget:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def test_checker_adds_a_source_by_keyboard(qtbot: QtBot) -> None:
    dialog = opened(qtbot)
    assert dialog.windowTitle() == "Add source" and dialog.isModal()
    assert dialog.url_edit.hasFocus(), "typing starts in the address"
    assert dialog.accessed_edit.date() == QDate.currentDate(), "date accessed defaults to today"
    assert not ok_button(dialog).isEnabled(), "nothing to save yet"
    assert not dialog.problem_label.isVisible(), "no scolding before the user typed anything"

    qtbot.keyClicks(dialog.url_edit, "https://www.gov.uk/government/news/uk-expels-23-russian-diplomats")
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.title_edit, "UK expels 23 Russian diplomats")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Tab)
    assert dialog.accessed_edit.hasFocus()
    qtbot.keyClicks(dialog.accessed_edit, "20240326")  # year, month, day: each section moves on when full
    qtbot.keyClick(dialog.accessed_edit, Qt.Key.Key_Tab)
    assert dialog.comment_edit.hasFocus()
    quote = "'23 Russian diplomats have just one week to leave'"
    qtbot.keyClicks(dialog.comment_edit, quote)
    dialog.comment_edit.insertPlainText(" — “verbatim”")  # pasted typography, too
    assert dialog.comment_count.text().startswith(f"{len(quote) + 13} of 500")

    with qtbot.waitSignal(dialog.source_accepted) as accepted, qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # Enter in a line edit presses OK
    assert accepted.args == [
        {
            "url": "https://www.gov.uk/government/news/uk-expels-23-russian-diplomats",
            "title": "UK expels 23 Russian diplomats",
            "accessed": "2024-03-26",
            "comment": quote + " — “verbatim”",
        }
    ]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_an_address_without_scheme_gets_https(qtbot: QtBot) -> None:
    dialog = opened(qtbot)
    qtbot.keyClicks(dialog.url_edit, "news.sky.com/story/putin-may")
    with qtbot.waitSignal(dialog.source_accepted) as accepted:
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert accepted.args[0]["url"] == "https://news.sky.com/story/putin-may"


@pytest.mark.parametrize(
    ("typed", "explained"),
    [
        ("ftp://files.example.org/report.pdf", "Only web pages (http:// or https://)"),
        ("javascript:alert(1)", "not javascript: addresses"),
        ("https://exa mple.org", "no spaces"),
        ("https:///path-only", "no site name"),
        ("intranet", "'intranet' is not a site name"),
        ("https://example.org:port/", "is not a web address"),
    ],
)
def test_a_bad_address_is_explained_and_ok_stays_off(qtbot: QtBot, typed: str, explained: str) -> None:
    dialog = opened(qtbot)
    qtbot.keyClicks(dialog.url_edit, typed)
    assert dialog.problem_label.isVisible()
    assert explained in dialog.problem_label.text()
    assert dialog.problem_label.text().startswith("⚠"), "a sign and words, not colour alone"
    assert not ok_button(dialog).isEnabled()
    with qtbot.assertNotEmitted(dialog.source_accepted):
        qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_the_address_rules_accept_real_web_addresses() -> None:
    for good in ("http://localhost:8000/x", "https://bbc.co.uk/news?id=1#top", "WWW.EXAMPLE.ORG"):
        assert url_problem(good) == "", good


def test_a_long_quote_is_refused_with_its_excess(qtbot: QtBot) -> None:
    dialog = opened(qtbot)
    qtbot.keyClicks(dialog.url_edit, "https://example.org")
    dialog.comment_edit.setPlainText("x" * (MAX_COMMENT + 7))
    assert "7 characters too long" in dialog.problem_label.text()
    assert not ok_button(dialog).isEnabled()
    dialog.comment_edit.setPlainText("x" * MAX_COMMENT)
    assert ok_button(dialog).isEnabled()


def test_editing_shows_the_source_and_cancel_emits_nothing(qtbot: QtBot) -> None:
    source = SourceRecord(
        id=4, url="https://example.org/a", title="A", accessed="2024-02-29", comment="quoted"
    )
    dialog = opened(qtbot, source)
    assert dialog.windowTitle() == "Edit source"
    assert dialog.url_edit.text() == "https://example.org/a"
    assert dialog.accessed_edit.date() == QDate(2024, 2, 29)
    assert dialog.comment_edit.toPlainText() == "quoted"
    assert ok_button(dialog).isEnabled()
    with qtbot.assertNotEmitted(dialog.source_accepted), qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_date_cannot_be_in_the_future(qtbot: QtBot) -> None:
    dialog = opened(qtbot)
    dialog.accessed_edit.setFocus()
    dialog.accessed_edit.setDate(QDate.currentDate())
    dialog.accessed_edit.setCurrentSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(dialog.accessed_edit, Qt.Key.Key_Up)
    assert dialog.accessed_edit.date() == QDate.currentDate()
    qtbot.keyClick(dialog.accessed_edit, Qt.Key.Key_Down)
    assert dialog.accessed_edit.date() == QDate.currentDate().addDays(-1)


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, unnamed_controls: Callable[[QWidget], list[str]]
) -> None:
    assert unnamed_controls(opened(qtbot)) == []
