"""Bytes to text for the text-like formats: BOMs, UTF-8, then charset-normalizer for legacy encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from workbench.importers.base import ArticleImportError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters that never appear in real prose; a text with many of them is binary data misnamed.
_BINARY_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v\x1b"} | {"\ufffd"}
_MAX_BINARY_SHARE = 0.01
_TOLERATED_BAD_CHARS = 8


def looks_binary(text: str) -> bool:
    """True when the decoded text is garbage: more than a handful, and over 1 %, of control
    characters or replacement marks (a few damaged bytes in real text are tolerated)."""
    sample = text[:200_000]
    bad = sum(1 for ch in sample if ch in _BINARY_CONTROL)
    return bad > max(_TOLERATED_BAD_CHARS, _MAX_BINARY_SHARE * len(sample))


def decode_bytes(data: bytes, path: Path | str) -> tuple[str, str]:
    """Decode a text file; return the text (without BOM) and the encoding used.

    Raises ArticleImportError when the bytes are not text in any encoding we can recognise.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # The BOM settles the encoding; a few damaged bytes become U+FFFD, and too many of them
            # make the text binary garbage.
            text = data[len(bom) :].decode(encoding, errors="replace")
            if looks_binary(text):
                raise ArticleImportError(path, f"the text is damaged ({encoding} with many invalid bytes)")
            return text, encoding
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data[:1_000_000]).best() if b"\x00" not in data[:4096] else None
        if best is None or best.encoding is None:
            raise ArticleImportError(
                path, "does not look like text (binary data, or an unknown encoding)"
            ) from None
        encoding = best.encoding
        text = data.decode(encoding, errors="replace")
    if looks_binary(text):
        raise ArticleImportError(path, "does not look like text (binary data, or an unknown encoding)")
    return text, encoding
