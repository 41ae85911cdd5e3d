"""Word documents (.docx): the body in document order, tables included, headers and footers apart."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from workbench.importers.archive import check_inflated, open_archive, read_xml_member
from workbench.importers.base import ArticleImportError, ImportedArticle
from workbench.importers.nexis import parse_nexis
from workbench.importers.paragraphs import join_paragraphs
from workbench.importers.plaintext import find_byline, looks_like_headline
from workbench.importers.registry import ArticleImporter, register, zip_members

_KIND = "Word document"


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Not part of the visible text: deleted (tracked) text, field codes, properties, the second copy of
# a drawing kept for old readers, text boxes (pull quotes repeat the body), note and comment marks.
_SKIPPED = {
    qn("w:del"), qn("w:instrText"), qn("w:delText"), qn("w:rPr"), qn("w:pPr"), qn("w:txbxContent"),
    qn("w:footnoteReference"), qn("w:endnoteReference"), qn("w:commentReference"), _MC_FALLBACK,
}  # fmt: skip
_TEXT, _TAB, _BREAKS = qn("w:t"), qn("w:tab"), (qn("w:br"), qn("w:cr"))
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")


def _run_text(element: Any) -> Iterator[str]:
    """Visible text of a paragraph, including runs python-docx skips (tracked insertions, content
    controls, simple fields, smart tags)."""
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == _TEXT:
            yield child.text or ""
        elif tag == _TAB:
            yield "\t"
        elif tag in _BREAKS:
            yield "\n"
        elif tag == _NO_BREAK_HYPHEN:
            yield "-"
        else:
            yield from _run_text(child)


def _paragraph_text(element: Any, parent: Any) -> tuple[str, str]:
    paragraph = Paragraph(element, parent)
    style = ""
    try:
        style = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):  # a style id the styles part does not define
        style = ""
    text = "".join(_run_text(element))
    numbered = element.pPr is not None and element.pPr.numPr is not None
    if text.strip() and (numbered or style.startswith("List")):
        text = "• " + text
    return text, style or ""


def _table_rows(table: Any, parent: Any) -> Iterator[str]:
    for row in table.iterchildren(qn("w:tr")):
        cells: list[str] = []
        for cell in row.iterchildren(qn("w:tc")):
            parts = [text for text, _style in _walk(cell, parent)]
            content = " ".join(p.strip() for p in parts if p.strip())
            if content and (not cells or cells[-1] != content):  # merged cells repeat their text
                cells.append(content)
        if cells:
            yield " | ".join(cells)


def _walk(container: Any, parent: Any) -> Iterator[tuple[str, str]]:
    """(text, style) for every paragraph and table row of a body, cell or content control, in order."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield _paragraph_text(child, parent)
        elif child.tag == qn("w:tbl"):
            for row in _table_rows(child, parent):
                yield row, "Table"
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _walk(content, parent)
        elif child.tag in (qn("w:ins"), qn("w:customXml"), qn("w:smartTag")):
            yield from _walk(child, parent)


def _margins(document: Any) -> tuple[str, ...]:
    seen: list[str] = []
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            try:
                if part.is_linked_to_previous:  # no header of its own (reading it would add one)
                    continue
                for text, _style in _walk(part._element, part):
                    if text.strip() and text.strip() not in seen:
                        seen.append(text.strip())
            except (KeyError, ValueError, AttributeError):
                continue
    return tuple(seen)


def _iso(value: datetime | None) -> str:
    return value.date().isoformat() if value is not None else ""


@register
class WordImporter(ArticleImporter):
    """Word 2007+ documents, including Nexis exports."""

    format = "docx"
    extensions = (".docx", ".docm", ".dotx")
    binary = True
    description = "a Word document"

    @classmethod
    def sniff(cls, head: bytes, data: bytes) -> bool:
        return head.startswith(b"PK") and "word/document.xml" in zip_members(data)

    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        archive = open_archive(data, path, _KIND)
        with archive:
            check_inflated(archive, path, _KIND)
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    read_xml_member(archive, name, path, _KIND)
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors…
            raise ArticleImportError(path, f"is a damaged Word document ({type(error).__name__})") from error
        items = list(_walk(document.element.body, document))
        blocks = [text for text, _style in items]
        nexis = parse_nexis(blocks)
        core = document.core_properties
        warnings: tuple[str, ...] = ()
        if nexis is not None:
            blocks = nexis.blocks
            title, byline, date, site = nexis.title, nexis.byline, nexis.date, nexis.source
            warnings = nexis.warnings
        else:
            styled = next((t for t, s in items if t.strip() and s in ("Title", "Heading 1")), "")
            first = next((t.strip() for t in blocks if t.strip()), "")
            title = (
                (core.title or "").strip() or styled.strip() or (first if looks_like_headline(first) else "")
            )
            byline = find_byline(blocks) or (core.author or "").strip()
            date = _iso(core.created)
            site = ""
        text, spans = join_paragraphs(blocks)
        return ImportedArticle(
            text=text,
            title=title,
            byline=byline,
            date=date,
            site=site,
            format=self.format,
            paragraphs=spans,
            warnings=warnings,
            margins=_margins(document),
        )
