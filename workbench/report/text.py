"""Turning arbitrary user text into safe reportlab paragraph markup.

Notes, names and article text may hold anything: ``<b>``, ``&``, ``</para>``, control characters,
emoji, right-to-left quotes. Paragraph markup is built from escaped text plus our own tags only, so
whatever a user typed prints literally.

Right-to-left text: reportlab lays words out left to right and only reorders with the optional
``rlbidi`` package (not on PyPI), so runs of Arabic or Hebrew are put into visual order here with
python-bidi (Unicode bidi algorithm), after Arabic letters are given their joined forms with
arabic-reshaper. Each run of same-formatted text is reordered on its own, so a quote inside a
left-to-right sentence reads correctly as long as it fits on one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display

from .fonts import coverage

# Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, and their presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# C0/C1 control characters other than tab and newline would be printed as boxes or upset the parser.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ALLOWED_LINK = re.compile(r"^(https?|mailto|ftp):", re.IGNORECASE)

# Invisible format characters that only steer emoji or shaping: dropped, since the font has no glyph.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f]")

_reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def clean(text: str) -> str:
    """Drop control characters and normalise line ends; tabs become spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("", text)


def drawable(text: str) -> str:
    """Characters the embedded font cannot draw shown as ``[U+1F642]`` instead of an empty box."""
    if text.isascii():
        return text
    text = _INVISIBLE.sub("", text)
    covered = coverage()
    if all(ord(ch) in covered or ch == "\n" for ch in text):
        return text
    return "".join(ch if ord(ch) in covered or ch == "\n" else f"[U+{ord(ch):04X}]" for ch in text)


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


def link(url: str, label: str | None = None, color: str = "#1a4f9c") -> str:
    """A clickable link for web and mail addresses; anything else prints as plain text."""
    url = clean(url).strip()
    shown = plain(label if label is not None else url)
    if not _ALLOWED_LINK.match(url) or has_rtl(url):
        return shown
    href = escape(url, {'"': "&quot;"})
    return f'<a href="{href}" color="{color}">{shown}</a>'
