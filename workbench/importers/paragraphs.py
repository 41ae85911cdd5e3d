"""Turn an importer's blocks of text into the article text and its paragraph offsets.

Every importer ends here, so the layout rules live in one place: paragraphs are separated by exactly
one blank line, a paragraph never contains a blank line, whitespace inside a line is collapsed, and
control characters are dropped. The result depends only on the blocks, so offsets are stable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff\ufffe]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


def clean_block(block: str) -> str:
    """One paragraph's text: NFC, no control characters, single spaces, no blank lines inside."""
    block = block.replace("\r\n", "\n").replace("\r", "\n")
    block = _CONTROL.sub("", unicodedata.normalize("NFC", block))
    block = _SPACES.sub(" ", block)
    block = _BLANK_LINES.sub("\n", block)
    return "\n".join(line.strip() for line in block.split("\n")).strip()


def join_paragraphs(blocks: Iterable[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Join non-empty cleaned blocks with a blank line; return the text and each block's span."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for raw in blocks:
        block = clean_block(raw)
        if not block:
            continue
        if parts:
            offset += 2  # the "\n\n" separator
        parts.append(block)
        spans.append((offset, offset + len(block)))
        offset += len(block)
    return "\n\n".join(parts), tuple(spans)


def split_paragraphs(text: str) -> list[str]:
    """Blocks of a plain text separated by blank lines (the inverse of ``join_paragraphs``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [block for block in _BLANK_LINES.split(text) if block.strip()]
