"""PDF articles from their text layer (pypdfium2), cleaned of the artefacts of print layout.

``pdflayout`` rebuilds each page's lines from pdfium's glyph boxes (in content order, which keeps
columns in reading order in the PDFs publishers make). Here, in order: spacing accents and ligatures
normalised (NFKC), transcript line numbers stripped, running headers, footers and page numbers that
repeat on most pages dropped (kept in ``margins``), footnotes moved after their page's body, lines
grouped into paragraphs, end-of-line hyphenation joined unless the compound is real, and sentences
running over a page break rejoined.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from workbench.importers.base import ArticleImportError, ImportedArticle
from workbench.importers.dates import parse_date
from workbench.importers.paragraphs import join_paragraphs
from workbench.importers.pdflayout import Line, footnotes_last, group_paragraphs, page_lines
from workbench.importers.registry import ArticleImporter, register

# A 1,000-page PDF is a book, not an article: at about 20 pages a second it would take close to a
# minute to read, and claim detection on it far longer.
MAX_PDF_PAGES = 1000
_SPACING_ACCENTS = {"´": "\u0301", "`": "\u0300", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "¸": "\u0327",
                    "ˇ": "\u030c", "˚": "\u030a"}  # fmt: skip
_ACCENT_AFTER_LETTER = re.compile(r"(?<=[A-Za-zıİ])([´`¨ˆ˜¸ˇ˚])")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|/)\s*\d{1,4})?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")


def _fix_accents(text: str) -> str:
    """Turn "prote´ge´" (a letter then a spacing accent, as TeX PDFs store it) into "protégé"."""
    text = _ACCENT_AFTER_LETTER.sub(lambda m: _SPACING_ACCENTS[m.group(1)], text)
    return unicodedata.normalize("NFC", text)


def _normalise(text: str) -> str:
    """Accents rejoined, then NFKC: ligatures (ﬁ, ﬂ) and presentation forms become plain letters."""
    return unicodedata.normalize("NFKC", _fix_accents(text))


def _line_key(line: str) -> str:
    """A line with its numbers blanked, so "Page 3 of 9" on every page counts as the same line."""
    return _DIGITS.sub("#", line.strip().lower())


def _longest_run(values: set[int]) -> int:
    ordered = sorted(values)
    run = best = 1 if ordered else 0
    for a, b in itertools.pairwise(ordered):
        run = run + 1 if b == a + 1 else 1
        best = max(best, run)
    return best


def _strip_line_numbers(lines: list[Line]) -> list[Line]:
    """Remove the 1, 2, 3 … margin numbers of transcripts and legal pleadings.

    Numbers alone on their line count when 8 or more run in sequence; numbers in front of text when
    10 or more consecutive lines count up 1, 2, 3 … (numbered lists carry a dot and are kept).
    """
    alone = {int(line.text) for line in lines if re.fullmatch(r"\d{1,2}", line.text)}
    prefixed = [re.match(r"^(\d{1,2})\s+(?=\S)", line.text) for line in lines]
    run = best = 0
    previous = None
    for match in prefixed:
        value = int(match.group(1)) if match else None
        run = (
            run + 1
            if value is not None and previous is not None and value == previous + 1
            else int(bool(match))
        )
        best = max(best, run)
        previous = value
    strip_alone = _longest_run(alone) >= 8
    strip_prefix = best >= 10
    if not strip_alone and not strip_prefix:
        return lines
    kept: list[Line] = []
    for line, match in zip(lines, prefixed, strict=True):
        if strip_alone and re.fullmatch(r"\d{1,2}", line.text):
            continue
        if strip_prefix and match:
            line.text = line.text[match.end() :].strip()
        if line.text or line.soft_hyphen:
            kept.append(line)
    return kept


def _join_lines(block: list[Line], vocabulary: set[str]) -> str:
    """Join a paragraph's lines, undoing end-of-line hyphenation unless the hyphen is real."""
    parts: list[str] = []
    for index, line in enumerate(block):
        text = line.text
        following = block[index + 1].text if index + 1 < len(block) else ""
        if index + 1 == len(block):
            parts.append(text)
        elif line.soft_hyphen:  # pdfium marks every hyphen at a line end this way
            text = text.rstrip("-\u00ad\u2010")
            head, tail = re.search(r"(\w*)$", text), re.match(r"\w*", following)
            compound = f"{head.group(1) if head else ''}-{tail.group(0) if tail else ''}".lower()
            parts.append(text + "-" if compound in vocabulary else text)
        elif re.search(r"[–/@]$|\d-$", text) and following[:1].isalnum():
            parts.append(text)  # "737–\n9", "https://\nwww…": a break after a dash or slash joins tight
        elif re.search(r"\w[-\u00ad\u2010]$", text) and following[:1].islower():
            head = re.search(r"(\w+)[-\u00ad\u2010]$", text)
            tail = re.match(r"\w+", following)
            compound = f"{head.group(1)}-{tail.group(0)}".lower() if head and tail else ""
            parts.append(text if compound in vocabulary else text[:-1])
        else:
            parts.append(text + " ")
    return "".join(parts)


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
            pages: list[tuple[list[Line], float]] = []
            unreadable: list[int] = []
            for index in range(page_count):
                try:
                    page = document[index]
                    textpage = page.get_textpage()
                except pdfium.PdfiumError:
                    unreadable.append(index + 1)
                    continue
                try:
                    pages.append((page_lines(textpage), page.get_height()))
                finally:
                    textpage.close()
                    page.close()
            metadata = _metadata(document)
        finally:
            document.close()
        if not pages:
            raise ArticleImportError(path, "is a damaged PDF: none of its pages can be read")
        article = self._article(pages, metadata, path)
        if unreadable:
            listed = ", ".join(str(n) for n in unreadable[:10]) + ("…" if len(unreadable) > 10 else "")
            note = f"damaged pages skipped: {listed}"
            article = replace(article, warnings=(*article.warnings, note))
        return article

    def _article(
        self, pages: list[tuple[list[Line], float]], metadata: dict[str, str], path: Path
    ) -> ImportedArticle:
        if not any(line.text for lines, _height in pages for line in lines):
            raise ArticleImportError(path, "has no text layer — OCR it first (it is a scan or an image)")
        for lines, _height in pages:
            for line in lines:
                line.text = _normalise(line.text)
        pages = [(_strip_line_numbers(lines), height) for lines, height in pages]
        candidates = [_margin_candidates(lines, height) for lines, height in pages]
        repeated = _repeated_keys(pages, candidates)
        dropped: list[str] = []
        cleaned: list[list[Line]] = []
        for (lines, _height), zone in zip(pages, candidates, strict=True):
            keep: list[Line] = []
            for index, line in enumerate(lines):
                if index in zone and (_line_key(line.text) in repeated or _PAGE_NUMBER.match(line.text)):
                    if line.text not in dropped:
                        dropped.append(line.text)
                    continue
                keep.append(line)
            cleaned.append(footnotes_last(keep))
        all_text = "\n".join(line.text for lines in cleaned for line in lines)
        vocabulary = {w.lower() for w in re.findall(r"\w+-\w+", all_text)}
        blocks: list[str] = []
        for lines in cleaned:
            blocks.extend(_join_lines(block, vocabulary) for block in group_paragraphs(lines))
        text, spans = join_paragraphs(_merge_across_pages(blocks, vocabulary))
        warnings: list[str] = []
        empty_pages = sum(1 for lines, _height in pages if not any(line.text for line in lines))
        if empty_pages:
            warnings.append(f"pages without a text layer (scanned?) skipped: {empty_pages} of {len(pages)}")
        return ImportedArticle(
            text=text,
            title=_title(metadata.get("Title", "")) or _headline(cleaned[0] if cleaned else []),
            byline=metadata.get("Author", "").strip(),
            date=parse_date(metadata.get("CreationDate", "")),
            format=self.format,
            paragraphs=spans,
            warnings=tuple(warnings),
            margins=tuple(dropped),
        )


def _title(value: str) -> str:
    """The document title, unless it is a file name or a word-processor placeholder."""
    value = value.strip()
    value = re.sub(r"^Microsoft (Word|PowerPoint) - ", "", value)
    if re.search(r"\.(exe|docx?|pdf|indd|qxd|tex|dvi|rtf)$", value, re.IGNORECASE) or value.lower() in (
        "untitled",
        "title",
        "document",
        "slide 1",
    ):
        return ""
    return value


def _headline(lines: list[Line]) -> str:
    """The first page's largest type, when it stands out from the body text: the document's title."""
    sized = [line for line in lines[:40] if line.sizes and len(line.text) > 3]
    if len(sized) < 3:
        return ""
    body = statistics.median(line.size for line in sized)
    largest = max(line.size for line in sized)
    if largest < 1.25 * body:
        return ""
    first = next(i for i, line in enumerate(sized) if line.size == largest)
    parts = [sized[first].text]
    for line in sized[first + 1 : first + 4]:
        if abs(line.size - largest) > 0.05 * largest:
            break
        parts.append(line.text)
    title = " ".join(parts).strip()
    return title if len(title) <= 200 else ""


def _margin_candidates(lines: list[Line], height: float) -> set[int]:
    """Lines that may be running heads or feet: near the page edges or first/last in content order."""
    zone = 0.08 * height
    near_edge = {i for i, line in enumerate(lines) if line.top > height - zone or line.bottom < zone}
    ends = set(range(min(2, len(lines)))) | set(range(max(0, len(lines) - 2), len(lines)))
    return near_edge | ends


def _repeated_keys(pages: list[tuple[list[Line], float]], candidates: list[set[int]]) -> set[str]:
    """Keys of margin lines that recur on most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for (lines, _height), zone in zip(pages, candidates, strict=True):
        counts.update({_line_key(lines[i].text) for i in zone if lines[i].text})
    threshold = max(2, int(len(pages) * 0.5 + 0.5))
    return {key for key, count in counts.items() if count >= threshold}


def _merge_across_pages(blocks: list[str], vocabulary: set[str]) -> list[str]:
    """Keep a sentence that runs over a page or column break in one paragraph."""
    merged: list[str] = []
    for block in blocks:
        if merged and not _SENTENCE_END.search(merged[-1]) and block[:1].islower():
            previous = merged.pop()
            head = re.search(r"(\w+)[-\u00ad]$", previous)
            if head:
                tail = re.match(r"\w+", block)
                compound = f"{head.group(1)}-{tail.group(0) if tail else ''}".lower()
                merged.append((previous if compound in vocabulary else previous[:-1]) + block)
            else:
                merged.append(previous + " " + block)
        else:
            merged.append(block)
    return merged
