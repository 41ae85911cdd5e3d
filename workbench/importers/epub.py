"""EPUB books and long reads: each chapter of the spine through the HTML block reader, in order."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from lxml.etree import ParserError

from workbench.importers.archive import check_inflated, open_archive, parse_xml, read_xml_member
from workbench.importers.base import ArticleImportError, ImportedArticle
from workbench.importers.dates import parse_date
from workbench.importers.html import tree_blocks
from workbench.importers.paragraphs import join_paragraphs
from workbench.importers.registry import ArticleImporter, register, zip_members, zip_mimetype

_KIND = "EPUB book"
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html")


def _chapter_blocks(data: bytes) -> list[str]:
    try:
        tree = lxml_html.document_fromstring(data)
    except (ParserError, ValueError):
        return []
    body = tree.find(".//body")
    return tree_blocks(body if body is not None else tree)


def _spine(opf: Any, opf_path: str) -> list[str]:
    base = posixpath.dirname(opf_path)
    items: dict[str, tuple[str, str, str]] = {}
    for item in opf.iterfind("opf:manifest/opf:item", _NS):
        href = posixpath.normpath(posixpath.join(base, item.get("href", "")))
        items[item.get("id", "")] = (href, item.get("media-type", ""), item.get("properties", ""))
    chapters: list[str] = []
    for ref in opf.iterfind("opf:spine/opf:itemref", _NS):
        href, media_type, properties = items.get(ref.get("idref", ""), ("", "", ""))
        if href and media_type in _CHAPTER_TYPES and "nav" not in properties.split():
            chapters.append(href)
    return chapters


@register
class EpubImporter(ArticleImporter):
    """EPUB 2 and 3 (no DRM)."""

    format = "epub"
    extensions = (".epub",)
    binary = True
    description = "an EPUB book"

    @classmethod
    def sniff(cls, head: bytes, data: bytes) -> bool:
        if not head.startswith(b"PK"):
            return False
        return zip_mimetype(head) == "application/epub+zip" or "META-INF/container.xml" in zip_members(data)

    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        with open_archive(data, path, _KIND) as archive:
            check_inflated(archive, path, _KIND)
            names = set(archive.namelist())
            if "META-INF/encryption.xml" in names:
                raise ArticleImportError(path, "is a DRM-protected EPUB; only unprotected books can be read")
            container = parse_xml(
                read_xml_member(archive, "META-INF/container.xml", path, _KIND), path, _KIND
            )
            opf_path = container.xpath("//c:rootfile/@full-path", namespaces=_NS)
            if not opf_path:
                raise ArticleImportError(path, "is not a complete EPUB (no package document)")
            opf = parse_xml(
                read_xml_member(archive, str(opf_path[0]), path, _KIND, allow_doctype=True), path, _KIND
            )
            blocks: list[str] = []
            for chapter in _spine(opf, str(opf_path[0])):
                if chapter in names:
                    blocks.extend(
                        _chapter_blocks(read_xml_member(archive, chapter, path, _KIND, allow_doctype=True))
                    )
        text, spans = join_paragraphs(blocks)
        metadata = opf.find("opf:metadata", _NS)

        def field(name: str) -> str:
            return (metadata.findtext(f"dc:{name}", "", _NS) or "").strip() if metadata is not None else ""

        language = field("language").split("-")[0].lower()
        return ImportedArticle(
            text=text,
            title=field("title"),
            byline=field("creator"),
            date=parse_date(field("date")) or field("date"),
            language=language if len(language) == 2 else "",
            site=field("publisher"),
            format=self.format,
            paragraphs=spans,
        )
