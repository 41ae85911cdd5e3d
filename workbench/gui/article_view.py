"""Shows the article with every claim highlighted by status and the selected one picked out.

Wraps the form's read-only ``QTextEdit``; claim offsets (Python code points) are translated to Qt's
UTF-16 positions, so articles with emoji or other astral characters still highlight the right words.
Only the claims in and around the visible part of the article are painted, and painted again as the
view scrolls: a 100,000-word report with thousands of claims costs the same per repaint as a short one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QTimer
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
_MARGIN_CHARS = 3000  # painted beyond each edge of the view, so a short scroll shows no bare text
_SCROLL_REPAINT_MS = 15
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # characters Qt stores as two UTF-16 units


class ArticleHighlighter:
    """Paints claims onto an article ``QTextEdit`` and scrolls to the selected one."""

    def __init__(self, view: QTextEdit) -> None:
        self._view = view
        self._text = ""
        self._astral: list[int] = []  # code-point offsets of characters outside the BMP
        self._claims: list[ClaimRecord] = []  # in article order
        self._starts: list[int] = []
        self._longest = 0  # the longest claim, so a claim starting before the view is still found
        self._selected: int | None = None
        self._painted: tuple[int, int] | None = None  # the text range the current selections cover
        self._scroll_timer = QTimer(view)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(_SCROLL_REPAINT_MS)
        self._scroll_timer.timeout.connect(self._repaint_if_scrolled_out)
        view.verticalScrollBar().valueChanged.connect(lambda _value: self._scroll_timer.start())

    def set_article(self, text: str) -> None:
        self._text = text
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._claims, self._starts, self._longest = [], [], 0
        self._selected = None
        self._view.setPlainText(text)
        self._repaint()

    def set_claims(self, claims: Sequence[ClaimRecord]) -> None:
        self._claims = sorted((c for c in claims if not c.dismissed), key=lambda c: (c.start, c.end))
        self._starts = [c.start for c in self._claims]
        self._longest = max((c.end - c.start for c in self._claims), default=0)
        self._repaint()

    def select(self, claim: ClaimRecord | None, *, scroll: bool = True) -> None:
        self._selected = claim.id if claim is not None else None
        if claim is not None and scroll:
            self._scroll_to(claim.start)
        self._repaint()

    def claim_at(self, offset: int) -> ClaimRecord | None:
        """The highlighted claim covering the code-point ``offset``, if any."""
        index = bisect.bisect_right(self._starts, offset) - 1
        while index >= 0 and self._starts[index] >= offset - self._longest:
            claim = self._claims[index]
            if claim.start <= offset < claim.end:
                return claim
            index -= 1
        return None

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

    def painted_claims(self) -> list[ClaimRecord]:
        """The claims the current highlighting covers (those in and around the view)."""
        if self._painted is None:
            return []
        return self._claims_between(*self._painted)

    def _visible_range(self) -> tuple[int, int]:
        """The text on screen, widened by a margin. Qt lays a long document out lazily, and until it
        has, hit-testing the view's corners can answer anywhere; the scroll bar's position gives a
        second estimate, and the union of the two always covers what is shown."""
        length = len(self._text)
        viewport = self._view.viewport()
        corners = [
            self.text_offset(self._view.cursorForPosition(QPoint(0, 0)).position()),
            self.text_offset(
                self._view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
            ),
        ]
        bar = self._view.verticalScrollBar()
        span = bar.maximum() - bar.minimum() + bar.pageStep()
        if span > 0:
            corners.append(length * (bar.value() - bar.minimum()) // span)
            corners.append(length * (bar.value() - bar.minimum() + bar.pageStep()) // span)
        return max(0, min(corners) - _MARGIN_CHARS), min(length, max(corners) + _MARGIN_CHARS)

    def _claims_between(self, start: int, end: int) -> list[ClaimRecord]:
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_right(self._starts, end)
        return [c for c in self._claims[first:last] if c.end > start]

    def _repaint_if_scrolled_out(self) -> None:
        if self._painted is None:
            return
        start, end = self._visible_range()
        painted_start, painted_end = self._painted
        margin = _MARGIN_CHARS // 3
        if start + _MARGIN_CHARS - margin < painted_start or end - _MARGIN_CHARS + margin > painted_end:
            self._repaint()

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
        self._painted = self._visible_range()
        shown = self._claims_between(*self._painted)
        selected = [c for c in self._claims if c.id == self._selected] if self._selected is not None else []
        for claim in shown + [c for c in selected if c not in shown]:
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

    def _scroll_to(self, start: int) -> None:
        cursor = self._cursor(start, start)
        blocker = self._view.blockSignals(True)  # moving the caret is not the user clicking a claim
        try:
            self._view.setTextCursor(cursor)
        finally:
            self._view.blockSignals(blocker)
        rect = self._view.cursorRect(cursor)
        bar = self._view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self._view.viewport().height() // 3)
