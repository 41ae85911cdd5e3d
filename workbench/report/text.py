"""Turning arbitrary user text into safe reportlab paragraph markup.

Notes, names and article text may hold anything: ``<b>``, ``&``, ``</para>``, control characters,
emoji, right-to-left quotes. Paragraph markup is built from escaped text plus our own tags only, so
whatever a user typed prints literally.

Right-to-left text: reportlab lays words out left to right and only reorders with the optional
``rlbidi`` package (not on PyPI), so Arabic and Hebrew are put into visual order here, after Arabic
letters are given their joined forms with arabic-reshaper. :func:`bidi_layout` does it properly: it
resolves the Unicode bidi levels of the whole paragraph (python-bidi), breaks the logical text into
lines itself, then reorders each line (rules L1, L2, L4), so a quote or a note that wraps keeps its
lines in reading order. :func:`visual` is the single-line version, for running headers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import algorithm as uba
from bidi import get_display
from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import coverage

# Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, and their presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# C0/C1 control characters other than tab and newline would be printed as boxes or upset the parser.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Lone UTF-16 surrogates (from badly decoded input) cannot be encoded at all: shown as U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
_ALLOWED_LINK = re.compile(r"^(https?|mailto|ftp):", re.IGNORECASE)

# Invisible format characters that only steer emoji or shaping: dropped, since the font has no glyph.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f]")

_reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def clean(text: str) -> str:
    """Drop control characters and normalise line ends; tabs become spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def drawable(text: str) -> str:
    """Characters the embedded font cannot draw shown as ``[U+1F642]`` instead of an empty box."""
    if text.isascii():
        return text
    text = _INVISIBLE.sub("", text)
    return _undrawable().sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


@cache
def _undrawable() -> re.Pattern[str]:
    """A pattern matching one character outside the font's coverage (newlines are fine)."""
    codes = sorted(coverage() | {ord("\n")})
    ranges: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        first, last = re.escape(chr(start)), re.escape(chr(prev))
        ranges.append(first if start == prev else f"{first}-{last}")
        start = prev = code
    return re.compile(f"[^{''.join(ranges)}]")


def visual(text: str) -> str:
    """Reorder right-to-left runs for display, line by line; text without them is returned as is."""
    if not has_rtl(text):
        return text
    lines = []
    for line in text.split("\n"):
        if has_rtl(line):
            if _ARABIC.search(line):
                line = _reshaper.reshape(line)
            line = get_display(line)
        lines.append(line)
    return "\n".join(lines)


def plain(text: str) -> str:
    """Paragraph markup that prints ``text`` literally, line breaks kept."""
    return escape(drawable(visual(clean(text)))).replace("\n", "<br/>")


def styled(segments: Iterable[tuple[str, str, str]]) -> str:
    """Markup for runs of text, each wrapped in its own (trusted) opening and closing tags.

    ``segments`` yields ``(text, open_tags, close_tags)``; only ``text`` is user data.
    """
    return "".join(f"{opening}{plain(text)}{closing}" for text, opening, closing in segments if text)


def link(url: str, color: str = "#1a4f9c") -> tuple[str, str, str]:
    """A segment showing ``url``, clickable for web and mail addresses; anything else is plain text."""
    url = clean(url).strip()
    if not _ALLOWED_LINK.match(url) or has_rtl(url):
        return (url, "", "")
    href = escape(url, {'"': "&quot;"})
    return (url, f'<a href="{href}" color="{color}">', "</a>")


def _levels(text: str) -> tuple[int, list[int]]:
    """The paragraph's base level and each character's resolved bidi level (UAX #9 up to rule I2)."""
    storage = uba.get_empty_storage()
    base = uba.get_base_level(text, False)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    uba.get_embedding_levels(text, storage, False, False)
    uba.explicit_embed_and_overrides(storage, False)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = [ch["level"] for ch in storage["chars"]]
    if len(levels) != len(text):  # only explicit bidi controls are dropped, and _INVISIBLE removed them
        levels = [base] * len(text)
    return base, levels


def _prepared(segments: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Segments cleaned, Arabic joined and undrawable characters replaced, empty ones dropped."""
    out = []
    for text, opening, closing in segments:
        text = drawable(clean(text))
        if _ARABIC.search(text):
            text = _reshaper.reshape(text)
        if text:
            out.append((text, opening, closing))
    return out


def bidi_layout(
    segments: Iterable[tuple[str, str, str]],
    font: str,
    bold_font: str,
    size: float,
    width: float,
    first_width: float | None = None,
) -> tuple[str, bool] | None:
    """Paragraph markup with its own line breaks, each line in visual order, or ``None`` if there is
    no right-to-left text (then :func:`styled` is all that is needed).

    ``segments`` are ``(text, open_tags, close_tags)``; a segment whose tags include ``<b>`` is
    measured in ``bold_font``. ``width`` is the room for a line (``first_width`` for the first).
    Returns the markup and whether the paragraph's base direction is right to left.
    """
    runs = _prepared(segments)
    if not any(has_rtl(text) for text, _, _ in runs):
        return None
    chars = [(ch, index) for index, (text, _, _) in enumerate(runs) for ch in text]
    fonts = [bold_font if "<b>" in opening else font for _, opening, _ in runs]
    paragraphs: list[list[tuple[str, int]]] = [[]]
    for ch, index in chars:
        if ch == "\n":
            paragraphs.append([])
        else:
            paragraphs[-1].append((ch, index))
    rtl_base = False
    lines_markup: list[str] = []
    room = first_width if first_width is not None else width
    for para in paragraphs:
        base, levels = _levels("".join(ch for ch, _ in para))
        rtl_base = rtl_base or bool(base)
        for start, end in _break_lines(para, fonts, size, room, width):
            lines_markup.append(_line_markup(para, levels, start, end, runs))
            room = width
        if not para:
            lines_markup.append("")
    return "<br/>".join(lines_markup), rtl_base


def _break_lines(
    para: list[tuple[str, int]], fonts: list[str], size: float, first: float, width: float
) -> list[tuple[int, int]]:
    """Greedy line breaks at spaces, on the logical text; a word longer than a line is cut."""

    def measure(start: int, end: int) -> float:
        return float(sum(stringWidth(ch, fonts[index], size) for ch, index in para[start:end]))

    lines: list[tuple[int, int]] = []
    room = first - 0.5  # a hair of slack so reportlab never breaks our lines again
    line_start, line_end, line_width = 0, 0, 0.0  # line_end: just after the line's last word
    i, n = 0, len(para)
    while i < n:
        if para[i][0] == " ":
            i += 1
            continue
        j = i
        while j < n and para[j][0] != " ":
            j += 1
        word = measure(i, j)
        if line_end > line_start:  # the line has words: does this one fit after the spaces?
            gap = measure(line_end, i)
            if line_width + gap + word <= room:
                line_width += gap + word
                line_end = i = j
                continue
            lines.append((line_start, line_end))
            room = width - 0.5
            line_start = line_end = i
            line_width = 0.0
        if word > room:  # a word wider than a whole line: cut it where the line is full
            cut, used = i, 0.0
            while cut < j:
                step = stringWidth(para[cut][0], fonts[para[cut][1]], size)
                if used + step > room and cut > i:
                    break
                used += step
                cut += 1
            lines.append((i, cut))
            room = width - 0.5
            line_start = line_end = i = cut
            line_width = 0.0
            continue
        line_start, line_end, line_width = i, j, word
        i = j
    if line_end > line_start:
        lines.append((line_start, line_end))
    return lines


def _line_markup(
    para: list[tuple[str, int]],
    levels: list[int],
    start: int,
    end: int,
    runs: list[tuple[str, str, str]],
) -> str:
    """One line's characters in visual order (rules L1, L2, L4), grouped back into tagged runs.

    Spaces at either end of the line are dropped, which is all rule L1 asks of a line we broke.
    """
    while end > start and para[end - 1][0] == " ":
        end -= 1
    while start < end and para[start][0] == " ":
        start += 1
    order = list(range(start, end))
    line_levels = [levels[k] for k in order]
    if line_levels:
        highest = max(line_levels)
        lowest_odd = min((lv for lv in line_levels if lv % 2), default=highest + 1)
        for level in range(highest, lowest_odd - 1, -1):
            k = 0
            while k < len(order):
                if line_levels[k] >= level:
                    m = k
                    while m < len(order) and line_levels[m] >= level:
                        m += 1
                    order[k:m] = order[k:m][::-1]
                    line_levels[k:m] = line_levels[k:m][::-1]
                    k = m
                else:
                    k += 1
    pieces: list[str] = []
    current, buffer = -1, list[str]()
    for k in order:
        ch, index = para[k]
        if levels[k] % 2:
            ch = uba.MIRRORED.get(ch, ch)
        if index != current and buffer:
            _, opening, closing = runs[current]
            pieces.append(f"{opening}{escape(''.join(buffer))}{closing}")
            buffer = []
        current = index
        buffer.append(ch)
    if buffer:
        _, opening, closing = runs[current]
        pieces.append(f"{opening}{escape(''.join(buffer))}{closing}")
    return "".join(pieces)
