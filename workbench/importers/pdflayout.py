"""Rebuild lines and paragraphs from a PDF page's characters and their positions.

pdfium gives each character with its box and font size, in content order (which keeps columns in
reading order in the PDFs publishers make). From the boxes we restore word spaces that the PDF only
expresses as gaps, mark hyphenated line ends, and group lines into paragraphs by vertical gaps,
indents, short last lines and font changes.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c

_WORD_GAP = 0.1  # a gap this wide (in line heights) between two glyphs is a word space the PDF left out
_SOFT_HYPHEN_MARKS = {0xFFFE, 0x02}  # pdfium's mark for a hyphen it found at a line end
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")
_BULLET = re.compile(r"^([•●▪◦■□➢►✓\-–*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")


@dataclass
class Line:
    """One printed line: its text and bounding box (PDF points, origin at the bottom left)."""

    text: str = ""
    left: float = float("inf")
    right: float = float("-inf")
    bottom: float = float("inf")
    top: float = float("-inf")
    sizes: list[float] = field(default_factory=list)
    soft_hyphen: bool = False  # the line ends in a hyphen that splits a word
    xs: list[float] = field(default_factory=list)  # left edge of each character of ``text``

    def finish(self, chars: list[str], xs: list[float]) -> None:
        """Set the text from its characters, trimming outer spaces (and their positions)."""
        start, end = 0, len(chars)
        while start < end and chars[start].isspace():
            start += 1
        while end > start and chars[end - 1].isspace():
            end -= 1
        self.text, self.xs = "".join(chars[start:end]), xs[start:end]

    def insert_mark(self, mark: str, at_x: float) -> None:
        """Put a raised footnote mark into the text where it stands on the line."""
        index = bisect.bisect_left(self.xs, at_x)
        self.text = self.text[:index] + mark + self.text[index:]
        self.xs[index:index] = [at_x] * len(mark)

    @property
    def size(self) -> float:
        return statistics.median(self.sizes) if self.sizes else 10.0

    def add_box(self, left: float, bottom: float, right: float, top: float) -> None:
        self.left, self.right = min(self.left, left), max(self.right, right)
        self.bottom, self.top = min(self.bottom, bottom), max(self.top, top)


def page_lines(textpage: Any) -> list[Line]:
    """The lines of a page with word spaces restored from glyph gaps."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    lines: list[Line] = []
    line = Line()
    chars: list[str] = []
    xs: list[float] = []
    previous_right: float | None = None
    previous_bottom = 0.0
    for index in range(count):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code in (0x0D, 0x0A):
            if chars:
                line.finish(chars, xs)
                lines.append(line)
                line, chars, xs, previous_right = Line(), [], [], None
            continue
        if code in _SOFT_HYPHEN_MARKS:
            line.soft_hyphen = True
            line.finish(chars, xs)
            lines.append(line)
            line, chars, xs, previous_right = Line(), [], [], None
            continue
        char = chr(code) if 0 < code < 0x110000 else ""
        if not char:
            continue
        if pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
            if char.isspace() and chars and not chars[-1].isspace():
                chars.append(" ")
                xs.append(previous_right if previous_right is not None else line.right)
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        # The loose box spans the font's ascent to descent: a steady measure of the type size, unlike
        # FPDFText_GetFontSize, which ignores the text matrix and often reports 1.
        # Its sides follow the glyph's advance width, so within a word the gaps between loose boxes
        # are nil while a word space the PDF drew as a gap stays visible.
        loose_left, loose_bottom, loose_right, loose_top = textpage.get_charbox(index, loose=True)
        size = (loose_top - loose_bottom) or (top - bottom) or 10.0
        if char.isspace():
            if chars and not chars[-1].isspace():
                chars.append(" ")
                xs.append(loose_left)
            previous_right = loose_right if right > left else previous_right
            continue
        if (
            previous_right is not None
            and chars
            and not chars[-1].isspace()
            and loose_left - previous_right > _WORD_GAP * size
            and abs(bottom - previous_bottom) < size
        ):
            chars.append(" ")
            xs.append(previous_right)
        chars.append(char)
        xs.append(loose_left)
        line.add_box(left, bottom, right, top)
        line.sizes.append(size)
        previous_right, previous_bottom = loose_right, bottom
    if chars:
        line.finish(chars, xs)
        lines.append(line)
    return _merge_same_baseline([item for item in lines if item.text or item.soft_hyphen])


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Rejoin a line pdfium broke at a superscript or a font change: same baseline, just to the right."""
    merged: list[Line] = []
    for line in lines:
        if merged and line.sizes:
            last = merged[-1]
            size = max(last.size, line.size, 1.0)
            if (
                not last.soft_hyphen
                and last.sizes
                and abs(last.bottom - line.bottom) < 0.35 * size
                and -1.0 <= line.left - last.right < 1.5 * size
            ):
                gap = line.left - last.right
                joint = " " if gap > _WORD_GAP * size else ""
                last.text = last.text + joint + line.text
                last.xs.extend([line.left] * len(joint) + line.xs)
                last.add_box(line.left, line.bottom, line.right, line.top)
                last.sizes.extend(line.sizes)
                last.soft_hyphen = line.soft_hyphen
                continue
            host = _mark_host(line, merged) if len(line.text) <= 6 else None
            if host is not None:
                # A footnote mark raised above its line, which pdfium reported as a line of its own.
                host.insert_mark(line.text, line.left)
                continue
        merged.append(line)
    return merged


def _mark_host(mark: Line, lines: list[Line]) -> Line | None:
    """The line a small raised mark belongs to: larger type, overlapping it, around its position."""
    for host in reversed(lines):
        if (
            host.sizes
            and mark.size < 0.8 * host.size
            and mark.bottom < host.top
            and mark.top > host.bottom
            and host.left - 1.0 <= mark.left <= host.right + 1.5 * host.size
        ):
            return host
    return None


def footnotes_last(lines: list[Line]) -> list[Line]:
    """Move footnotes that content order puts first (small type below all body text) to the page's end."""
    sized = [line for line in lines if line.sizes and len(line.text) > 20]
    if len(sized) < 5:
        return lines
    body = statistics.median(line.size for line in sized)
    body_lines = [line for line in sized if line.size >= 0.95 * body]
    if not body_lines:
        return lines
    lowest_body = min(line.bottom for line in body_lines)
    notes = [line for line in lines if line.sizes and line.size < 0.95 * body and line.top <= lowest_body]
    if not notes:
        return lines
    return [line for line in lines if line not in notes] + notes


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def group_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group a page's lines (already cleaned of headers and footers) into paragraphs."""
    if not lines:
        return []
    gaps = [
        previous.bottom - current.top
        for previous, current in itertools.pairwise(lines)
        if 0 <= previous.bottom - current.top < 2 * previous.size
        and abs(previous.left - current.left) < 2 * previous.size
    ]
    normal_gap = statistics.median(gaps) if gaps else 2.0
    paragraphs: list[list[Line]] = [[lines[0]]]
    for previous, current in itertools.pairwise(lines):
        size = max(previous.size, 1.0)
        gap = previous.bottom - current.top
        same_column = abs(previous.left - current.left) < 3 * size or (
            previous.left - size <= current.left <= previous.right
        )
        new_block = False
        if previous.soft_hyphen:
            new_block = False
        elif abs(current.size - previous.size) > 0.15 * size:
            new_block = True  # a heading, a caption or a footnote starts or ends
        elif _BULLET.match(current.text):
            new_block = True
        elif gap >= 0 and same_column:
            if gap > normal_gap + 0.6 * size:
                new_block = True
            elif current.left > previous.left + 0.8 * size and _ends_sentence(previous.text):
                new_block = True  # first-line indent
            elif (
                _ends_sentence(previous.text) and previous.right < _column_right(previous, lines) - 2.5 * size
            ):
                new_block = True  # a short last line
        else:
            # Moved to another column or region: continue only a sentence that is clearly unfinished.
            new_block = _ends_sentence(previous.text) or not current.text[:1].islower()
        if new_block:
            paragraphs.append([current])
        else:
            paragraphs[-1].append(current)
    return paragraphs


def _column_right(line: Line, lines: list[Line]) -> float:
    """Right edge of the column a line sits in: the usual end of lines of its size starting near it."""
    tolerance = 2 * line.size
    rights = [
        other.right
        for other in lines
        if abs(other.left - line.left) < tolerance and abs(other.size - line.size) < 0.15 * line.size
    ]
    return statistics.median(rights) if len(rights) >= 3 else max(rights, default=line.right)
