"""Plain-text articles: any encoding, BOMs, Windows line endings, hard-wrapped lines."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.importers.base import ImportedArticle
from workbench.importers.decoding import decode_bytes
from workbench.importers.nexis import might_be_nexis, parse_nexis
from workbench.importers.paragraphs import join_paragraphs, split_paragraphs
from workbench.importers.registry import ArticleImporter, register

_LIST_ITEM = re.compile(r"^\s*([-*•–·]|\d{1,3}[.)]|[a-z][.)])\s+")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_MAX_HEADLINE_CHARS = 200
_WRAPPED_LINE_MIN_CHARS = 40  # lines shorter than this on average are verse, lists or addresses


def looks_like_headline(line: str) -> bool:
    """A short single line without a full stop at the end: how headlines are typed."""
    line = line.strip()
    if not line or len(line) > _MAX_HEADLINE_CHARS or "\n" in line:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    return sum(ch.isalpha() for ch in line) >= 3


_NAME = r"[^\W\d_][\w.'’-]*"
_BYLINE = re.compile(
    rf"^(?:by|von|par|por|di|door)\s+({_NAME}(?:(?:\s+(?:and|und|et|y|e)\s+|\s*[,&]\s*|\s+){_NAME}){{0,7}})\.?$",
    re.IGNORECASE,
)


def find_byline(blocks: list[str]) -> str:
    """The author named in a "By Jane Smith" line near the top, or ""."""
    for block in blocks[:6]:
        match = _BYLINE.match(block.strip()) if len(block) <= 80 else None
        if match and match.group(1)[:1].isupper():
            return match.group(1).strip()
    return ""


def unwrap(block: str) -> str:
    """Join a hard-wrapped paragraph's lines; keep line breaks in lists, verse and short lines."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) < 2 or any(_LIST_ITEM.match(line) for line in lines[1:]):
        return "\n".join(lines)
    if sum(len(line) for line in lines[:-1]) / (len(lines) - 1) < _WRAPPED_LINE_MIN_CHARS:
        return "\n".join(lines)
    return " ".join(lines)


def text_blocks(text: str) -> list[str]:
    """The paragraphs of a plain text: blank-line separated, or one per line when there are no blank lines."""
    blocks = split_paragraphs(text)
    lines = [line for line in text.splitlines() if line.strip()]
    if len(blocks) <= 2 and len(lines) > 4:
        # A text with no blank lines puts one paragraph on each line.
        return lines
    out: list[str] = []
    for block in blocks:
        lines = block.strip("\n").split("\n")
        if len(lines) >= 2 and _SETEXT_UNDERLINE.match(lines[1].strip()) and len(lines[0].strip()) > 2:
            out.append(lines[0])  # "Headline\n========" style
            rest = "\n".join(lines[2:])
            if rest.strip():
                out.append(unwrap(rest))
            continue
        out.append(unwrap(block))
    return out


def article_from_text(
    text: str, *, format: str, source: Path | str, line_paragraphs: bool = False
) -> ImportedArticle:
    """Build the article record for decoded plain text (also used for pasted text and RTF).

    ``line_paragraphs`` makes every line a paragraph, for sources whose line breaks are paragraph
    marks (RTF's ``\\par``).
    """
    blocks = [line for line in text.splitlines() if line.strip()] if line_paragraphs else text_blocks(text)
    nexis = parse_nexis(blocks) if might_be_nexis(text) else None
    if nexis is not None:
        body, spans = join_paragraphs(nexis.blocks)
        return ImportedArticle(
            text=body,
            title=nexis.title,
            byline=nexis.byline,
            date=nexis.date,
            site=nexis.source,
            format=format,
            paragraphs=spans,
            warnings=nexis.warnings,
        )
    body, spans = join_paragraphs(blocks)
    title = ""
    if len(spans) > 1:
        first = body[spans[0][0] : spans[0][1]]
        if looks_like_headline(first):
            title = first
    byline = find_byline([body[start:end] for start, end in spans])
    return ImportedArticle(text=body, title=title, byline=byline, format=format, paragraphs=spans)


@register
class PlainTextImporter(ArticleImporter):
    """Plain text in any encoding charset-normalizer recognises."""

    format = "txt"
    extensions = (".txt", ".text", "")
    description = "a plain-text file"

    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        text, _encoding = decode_bytes(data, path)
        return article_from_text(text, format=self.format, source=path)
