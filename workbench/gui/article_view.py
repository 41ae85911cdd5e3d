"""Shows the article with every claim highlighted by status and the selected one picked out.

Wraps the form's read-only ``QTextEdit``; claim offsets (Python code points) are translated to Qt's
UTF-16 positions, so articles with emoji or other astral characters still highlight the right words.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from workbench.store import ClaimRecord, Status

_LIGHT_TINT = {
    Status.UNCHECKED: QColor(255, 236, 153, 150),
    Status.VERIFIED: QColor(158, 219, 172, 170),
    Status.DISPUTED: QColor(245, 166, 166, 180),
}
# On a dark background light tints turn muddy behind light text: deep, saturated ones stay legible.
_DARK_TINT = {
    Status.UNCHECKED: QColor(120, 100, 20, 150),
    Status.VERIFIED: QColor(30, 110, 60, 170),
    Status.DISPUTED: QColor(140, 35, 35, 180),
}
_SELECTED = QColor(255, 200, 40, 230)


class ArticleHighlighter:
    """Paints claims onto an article ``QTextEdit`` and scrolls to the selected one."""

    def __init__(self, view: QTextEdit) -> None:
        self._view = view
        self._text = ""
        self._astral: list[int] = []  # code-point offsets of characters outside the BMP
        self._claims: list[ClaimRecord] = []
        self._selected: int | None = None

    def set_article(self, text: str) -> None:
        self._text = text
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._claims = []
        self._selected = None
        self._view.setPlainText(text)
        self._repaint()

    def set_claims(self, claims: Sequence[ClaimRecord]) -> None:
        self._claims = [c for c in claims if not c.dismissed]
        self._repaint()

    def select(self, claim: ClaimRecord | None, *, scroll: bool = True) -> None:
        self._selected = claim.id if claim is not None else None
        self._repaint()
        if claim is not None and scroll:
            self._scroll_to(claim.start, claim.end)

    def qt_position(self, offset: int) -> int:
        """Qt (UTF-16) position of a code-point offset into the article text."""
        return offset + bisect.bisect_left(self._astral, offset)

    def text_offset(self, position: int) -> int:
        """Code-point offset of a Qt (UTF-16) position; the inverse of :meth:`qt_position`."""
        offset = position
        for index, astral in enumerate(self._astral):
            if astral + index < position:
                offset -= 1
            else:
                break
        return offset

    def selected_range(self) -> tuple[int, int] | None:
        """The user's text selection as code-point offsets, or ``None`` when nothing is selected."""
        cursor = self._view.textCursor()
        if not cursor.hasSelection():
            return None
        return self.text_offset(cursor.selectionStart()), self.text_offset(cursor.selectionEnd())

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(self.qt_position(start))
        cursor.setPosition(self.qt_position(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _repaint(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        limit = len(self._text)
        dark = self._view.palette().color(QPalette.ColorRole.Base).lightness() < 128
        tints = _DARK_TINT if dark else _LIGHT_TINT
        for claim in self._claims:
            if claim.end > limit:
                continue
            chosen = claim.id == self._selected
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(claim.start, claim.end)
            fmt = QTextCharFormat()
            fmt.setBackground(_SELECTED if chosen else tints[claim.status])
            if chosen:
                fmt.setForeground(QColor(0, 0, 0))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            selection.format = fmt
            selections.append(selection)
            for part in claim.spans:
                if part.end > limit:
                    continue
                marked = QTextEdit.ExtraSelection()
                marked.cursor = self._cursor(part.start, part.end)
                part_format = QTextCharFormat()
                part_format.setFontWeight(QFont.Weight.Bold)
                part_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                if chosen:
                    part_format.setBackground(_SELECTED)
                    part_format.setForeground(QColor(0, 0, 0))
                marked.format = part_format
                selections.append(marked)
        self._view.setExtraSelections(selections)

    def _scroll_to(self, start: int, end: int) -> None:
        cursor = self._cursor(start, start)
        self._view.setTextCursor(cursor)
        rect = self._view.cursorRect(cursor)
        bar = self._view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self._view.viewport().height() // 3)
