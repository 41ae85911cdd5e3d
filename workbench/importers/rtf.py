"""Rich Text Format (.rtf): text through striprtf, title/author/date from the info group."""

from __future__ import annotations

import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from workbench.importers.base import ArticleImportError, ImportedArticle
from workbench.importers.plaintext import article_from_text
from workbench.importers.registry import ArticleImporter, register

_ANSI_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_INFO_FIELD = re.compile(r"\{\\(title|author|subject)\s+([^{}]*)\}")
_CREATED = re.compile(r"\{\\creatim\\yr(\d{4})\\mo(\d{1,2})\\dy(\d{1,2})")
_MAX_GROUP_DEPTH = 500  # real RTF nests a few dozen groups; deeper is a parser attack
# Pictures, theme data and embedded objects are long runs of hex digits: drop them before parsing,
# or the pure-Python parser spends seconds walking megabytes that hold no text.
# The lookbehind starts a match only at the beginning of a run, so each run is scanned once.
_HEX_BLOB = re.compile(r"(?<![0-9a-fA-F\r\n])[0-9a-fA-F\r\n]{512,}")


def _codepage(data: bytes) -> str:
    match = _ANSI_CODEPAGE.search(data[:4096])
    if not match:
        return "cp1252"
    number = match.group(1).decode()
    name = {"10000": "mac_roman", "65001": "utf-8"}.get(number, f"cp{number}")
    try:
        "".encode(name)
    except LookupError:
        return "cp1252"
    return name


def _too_deep(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
            if depth > _MAX_GROUP_DEPTH:
                return True
        elif char == "}":
            depth -= 1
    return False


@register
class RtfImporter(ArticleImporter):
    """RTF from Word, WordPad, TextEdit and newsroom systems."""

    format = "rtf"
    extensions = (".rtf",)
    binary = True
    description = "an RTF document"

    @classmethod
    def sniff(cls, head: bytes, data: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf")

    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        source = data.decode("latin-1")  # RTF is 7-bit with escapes; latin-1 never fails and keeps bytes
        source = _HEX_BLOB.sub("", source)
        if _too_deep(source):
            raise ArticleImportError(path, "is not a usable RTF file (its groups nest too deeply)")
        # striprtf has no type hints; it takes and returns str.
        text = str(rtf_to_text(source, encoding=_codepage(data), errors="replace"))  # type: ignore[no-untyped-call]
        article = article_from_text(text, format=self.format, source=path, line_paragraphs=True)
        fields = {key: value.strip() for key, value in _INFO_FIELD.findall(source)}
        created = _CREATED.search(source)
        date = ""
        if created:
            year, month, day = (int(g) for g in created.groups())
            date = f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""
        return ImportedArticle(
            text=article.text,
            title=fields.get("title", "") or article.title,
            byline=fields.get("author", ""),
            date=date,
            format=self.format,
            paragraphs=article.paragraphs,
            warnings=article.warnings,
        )
