"""PDF articles from their text layer (pypdfium2), cleaned of the artefacts of print layout.

Clean-up, in order: soft hyphens and end-of-line hyphenation joined, spacing accents and ligatures
normalised (NFKC), running headers, footers and page numbers that repeat on most pages dropped,
transcript line numbers stripped, and lines rejoined into paragraphs. pdfium returns each page's text
in content order, which keeps columns in their reading order for the PDFs publishers make.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from workbench.importers.base import ArticleImportError, ImportedArticle
from workbench.importers.dates import parse_date
from workbench.importers.paragraphs import join_paragraphs
from workbench.importers.registry import ArticleImporter, register

MAX_PDF_PAGES = 2000  # a book-length PDF is not an article; beyond this the import would take minutes
_SPACING_ACCENTS = {"´": "\u0301", "`": "\u0300", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "¸": "\u0327",
                    "ˇ": "\u030c", "˚": "\u030a"}  # fmt: skip
_ACCENT_AFTER_LETTER = re.compile(r"(?<=[A-Za-zıİ])([´`¨ˆ˜¸ˇ˚])")
_ACCENT_BEFORE_LETTER = re.compile(r"([´¨ˆ˜ˇ˚])(?=[A-Za-z])")
_HYPHEN_BREAK = re.compile(r"(\w+)[-\u00ad\u2010]\n(?=[a-zß-öø-ÿ])")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|/)\s*\d{1,4})?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")
_BULLET = re.compile(r"^([•●▪◦■□\-–*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
_HEADER_ZONE = 3  # lines at the top and bottom of a page that can be running heads or feet


def _fix_accents(text: str) -> str:
    """Turn "prote´ge´" (a letter then a spacing accent, as TeX PDFs store it) into "protégé"."""
    text = _ACCENT_AFTER_LETTER.sub(lambda m: _SPACING_ACCENTS[m.group(1)], text)
    return unicodedata.normalize("NFC", text)


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufffe\n", "").replace("\ufffe", "").replace("\x02\n", "").replace("\x02", "")
    text = _fix_accents(text)
    return unicodedata.normalize("NFKC", text)


def _line_key(line: str) -> str:
    """A line with its numbers blanked, so "Page 3 of 9" on every page counts as the same line."""
    return _DIGITS.sub("#", line.strip().lower())


def _repeated_lines(pages: list[list[str]]) -> set[str]:
    """Keys of lines at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        zone = lines[:_HEADER_ZONE] + lines[-_HEADER_ZONE:]
        counts.update({_line_key(line) for line in zone if line.strip()})
    threshold = max(2, int(len(pages) * 0.5 + 0.5))
    return {key for key, count in counts.items() if count >= threshold}


def _strip_line_numbers(lines: list[str]) -> list[str]:
    """Remove the 1, 2, 3 … margin numbers of transcripts and legal pleadings."""
    numbered = [re.match(r"^\s*(\d{1,2})(\s+|$)", line) for line in lines]
    values = [int(m.group(1)) if m else None for m in numbered]
    run = best = 0
    previous: int | None = None
    for value in values:
        if value is not None and previous is not None and value == previous + 1:
            run += 1
            best = max(best, run)
        elif value is not None:
            run = 1
        previous = value if value is not None else previous
    if best < 8:
        return lines
    return [line[m.end() :] if m else line for line, m in zip(lines, numbered, strict=True)]


def _page_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n")]


def _paragraphs(lines: list[str]) -> list[str]:
    """Rejoin a page's lines into paragraphs: a short line ending a sentence, or a gap, ends one."""
    lengths = [len(line) for line in lines if len(line) > 20]
    typical = statistics.median(lengths) if lengths else 60
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append("\n".join(current))
                current = []
            continue
        if current and _BULLET.match(line):
            paragraphs.append("\n".join(current))
            current = []
        current.append(line)
        if len(line) < 0.75 * typical and _SENTENCE_END.search(line):
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def _join_lines(paragraph: str, vocabulary: set[str]) -> str:
    """Join a paragraph's lines, undoing end-of-line hyphenation unless the hyphen is real."""

    def dehyphenate(match: re.Match[str]) -> str:
        head = match.group(1)
        tail_start = paragraph[match.end() :].split(None, 1)[0] if paragraph[match.end() :].split() else ""
        tail = re.match(r"\w+", tail_start)
        if tail and f"{head}-{tail.group(0)}".lower() in vocabulary:
            return f"{head}-"
        return head

    joined = _HYPHEN_BREAK.sub(dehyphenate, paragraph)
    return re.sub(r"\s*\n\s*", " ", joined)


def _metadata(document: Any) -> dict[str, str]:
    try:
        return {str(k): str(v) for k, v in document.get_metadata_dict().items()}
    except pdfium.PdfiumError:
        return {}


def _open(data: bytes, path: Path) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise ArticleImportError(
                path, "is protected by a password; remove the protection (print to PDF) and open it again"
            ) from error
        raise ArticleImportError(path, "is a damaged or truncated PDF that cannot be read") from error


@register
class PdfImporter(ArticleImporter):
    """PDF documents with a text layer."""

    format = "pdf"
    extensions = (".pdf",)
    binary = True
    description = "a PDF document"

    @classmethod
    def sniff(cls, head: bytes, data: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        document = _open(data, path)
        try:
            page_count = len(document)
            if page_count == 0:
                raise ArticleImportError(path, "is a PDF without any pages")
            if page_count > MAX_PDF_PAGES:
                raise ArticleImportError(
                    path, f"has {page_count} pages; the limit is {MAX_PDF_PAGES} (split it into articles)"
                )
            raw_pages: list[str] = []
            for index in range(page_count):
                page = document[index]
                textpage = page.get_textpage()
                try:
                    raw_pages.append(textpage.get_text_range())
                finally:
                    textpage.close()
                    page.close()
            metadata = _metadata(document)
        finally:
            document.close()
        return self._article(raw_pages, metadata, path)

    def _article(self, raw_pages: list[str], metadata: dict[str, str], path: Path) -> ImportedArticle:
        if not any(re.search(r"\w", text) for text in raw_pages):
            raise ArticleImportError(path, "has no text layer — OCR it first (it is a scan or an image)")
        pages = [_strip_line_numbers(_page_lines(_normalise(text))) for text in raw_pages]
        repeated = _repeated_lines(pages)
        dropped: list[str] = []
        cleaned_pages: list[list[str]] = []
        for lines in pages:
            keep: list[str] = []
            last = len(lines) - 1
            for index, line in enumerate(lines):
                in_zone = index < _HEADER_ZONE or index > last - _HEADER_ZONE
                if in_zone and line and (_line_key(line) in repeated or _PAGE_NUMBER.match(line)):
                    if line not in dropped:
                        dropped.append(line)
                    continue
                keep.append(line)
            cleaned_pages.append(keep)
        all_text = "\n".join("\n".join(lines) for lines in cleaned_pages)
        vocabulary = {w.lower() for w in re.findall(r"\w+-\w+", all_text)}
        blocks: list[str] = []
        for lines in cleaned_pages:
            blocks.extend(_join_lines(p, vocabulary) for p in _paragraphs(lines))
        blocks = _merge_across_pages(blocks)
        text, spans = join_paragraphs(blocks)
        warnings: list[str] = []
        empty_pages = sum(1 for t in raw_pages if not re.search(r"\w", t))
        if empty_pages:
            warnings.append(
                f"{empty_pages} of {len(raw_pages)} pages have no text layer (scanned?) and were skipped"
            )
        return ImportedArticle(
            text=text,
            title=metadata.get("Title", "").strip(),
            byline=metadata.get("Author", "").strip(),
            date=parse_date(metadata.get("CreationDate", "")),
            format=self.format,
            paragraphs=spans,
            warnings=tuple(warnings),
            margins=tuple(dropped),
        )


def _merge_across_pages(blocks: list[str]) -> list[str]:
    """Keep a sentence that runs over a page break in one paragraph."""
    merged: list[str] = []
    for block in blocks:
        if merged and not _SENTENCE_END.search(merged[-1]) and block[:1].islower():
            previous = merged.pop()
            if re.search(r"\w[-\u00ad]$", previous):
                merged.append(previous[:-1] + block)
            else:
                merged.append(previous + " " + block)
        else:
            merged.append(block)
    return merged
