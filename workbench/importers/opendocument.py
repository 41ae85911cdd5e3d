"""OpenDocument text (.odt): paragraphs, headings, lists and tables from content.xml, in order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workbench.importers.archive import check_inflated, open_archive, parse_xml, read_xml_member
from workbench.importers.base import ArticleImportError, ImportedArticle
from workbench.importers.dates import parse_date
from workbench.importers.paragraphs import join_paragraphs
from workbench.importers.plaintext import looks_like_headline
from workbench.importers.registry import ArticleImporter, register, zip_mimetype

_KIND = "OpenDocument text"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
_TEXT = f"{{{_NS['text']}}}"
_TABLE = f"{{{_NS['table']}}}"


def _inline(element: Any) -> str:
    """Text of a paragraph with ODF's space, tab and line-break elements expanded; notes left out."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _TEXT + "s":
            parts.append(" " * int(child.get(_TEXT + "c", "1")))
        elif tag == _TEXT + "tab":
            parts.append("\t")
        elif tag == _TEXT + "line-break":
            parts.append("\n")
        elif tag in (_TEXT + "note", _TEXT + "bookmark-start", _TEXT + "bookmark-end"):
            pass
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(container: Any, marker: str = "") -> Iterator[tuple[str, str]]:
    """(text, kind) for each heading, paragraph, list item and table row, in document order."""
    for child in container:
        tag = child.tag
        if tag == _TEXT + "h":
            yield _inline(child), "heading"
        elif tag == _TEXT + "p":
            yield marker + _inline(child), "paragraph"
            marker = ""
        elif tag == _TEXT + "list":
            for item in child:
                yield from _blocks(item, "• ")
        elif tag == _TABLE + "table":
            for row in child.iter(_TABLE + "table-row"):
                cells = [
                    " ".join(t for t, _ in _blocks(cell)).strip() for cell in row.iter(_TABLE + "table-cell")
                ]
                if any(cells):
                    yield " | ".join(c for c in cells if c), "table"
        elif tag in (_TEXT + "section", _TEXT + "list-item", _TEXT + "list-header"):
            yield from _blocks(child, marker)


@register
class OpenDocumentImporter(ArticleImporter):
    """LibreOffice / OpenOffice text documents."""

    format = "odt"
    extensions = (".odt", ".ott")
    binary = True
    description = "an OpenDocument text"

    @classmethod
    def sniff(cls, head: bytes, data: bytes) -> bool:
        return head.startswith(b"PK") and zip_mimetype(head).startswith(
            "application/vnd.oasis.opendocument.text"
        )

    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        with open_archive(data, path, _KIND) as archive:
            check_inflated(archive, path, _KIND)
            content = parse_xml(read_xml_member(archive, "content.xml", path, _KIND), path, _KIND)
            names = set(archive.namelist())
            meta = (
                parse_xml(read_xml_member(archive, "meta.xml", path, _KIND), path, _KIND)
                if "meta.xml" in names
                else None
            )
        body = content.find("office:body/office:text", _NS)
        if body is None:
            raise ArticleImportError(path, "is an OpenDocument file without text (a spreadsheet or drawing?)")
        items = list(_blocks(body))
        text, spans = join_paragraphs(t for t, _ in items)
        title = creator = date = ""
        if meta is not None:
            title = (meta.findtext(".//dc:title", "", _NS) or "").strip()
            creator = meta.findtext(".//dc:creator", "", _NS) or meta.findtext(
                ".//meta:initial-creator", "", _NS
            )
            date = parse_date(
                meta.findtext(".//meta:creation-date", "", _NS) or meta.findtext(".//dc:date", "", _NS)
            )
        if not title:
            heading = next((t.strip() for t, kind in items if kind == "heading" and t.strip()), "")
            first = next((t.strip() for t, _ in items if t.strip()), "")
            title = heading or (first if looks_like_headline(first) and len(spans) > 1 else "")
        return ImportedArticle(
            text=text,
            title=title,
            byline=(creator or "").strip(),
            date=date,
            format=self.format,
            paragraphs=spans,
        )
