"""LexisNexis / Nexis Uni exports: pull headline, source, date and byline out of the field blocks.

Two layouts exist. Nexis Uni (Word and text) prints each article as headline, source, date, then
``Section:``/``Length:``/``Byline:`` fields, ``Body``, the body, and ``End of Document``. The classic
LexisNexis text export starts each article with ``N of M DOCUMENTS``, then source, date, headline,
upper-case ``BYLINE:``/``SECTION:``/``LENGTH:`` fields, the body, and ``LOAD-DATE:`` fields after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from workbench.importers.dates import parse_date

_UNI_FIELD = re.compile(
    r"^(Section|Length|Byline|Dateline|Highlight|Load-Date|Language|Graphic|Correction):\s*(.*)$", re.DOTALL
)
_CLASSIC_FIELD = re.compile(r"^([A-Z][A-Z-]{2,}):\s*(.*)$", re.DOTALL)
_CLASSIC_START = re.compile(r"^\s*\d+ of \d+ DOCUMENTS\s*$")
_BODY_FIELDS_CLASSIC = {"BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "HEADLINE"}


@dataclass(frozen=True)
class NexisExport:
    """The articles of an export, flattened to blocks, with the first article's metadata."""

    blocks: list[str]
    title: str
    source: str
    date: str
    byline: str
    warnings: tuple[str, ...]


@dataclass
class _Article:
    title: str = ""
    source: str = ""
    date: str = ""
    byline: str = ""
    body: list[str] | None = None


def _clean(block: str) -> str:
    return block.replace("\xa0", " ").strip().removeprefix("• ")


def _uni_article(blocks: list[str]) -> _Article | None:
    try:
        body_at = next(i for i, b in enumerate(blocks) if _clean(b) == "Body")
    except StopIteration:
        return None
    article = _Article(body=[b for b in blocks[body_at + 1 :] if _clean(b)])
    header = [_clean(b) for b in blocks[:body_at] if _clean(b)]
    plain: list[str] = []
    for line in header:
        field = _UNI_FIELD.match(line)
        if field:
            if field.group(1) == "Byline":
                article.byline = field.group(2).strip()
        elif not line.startswith("Copyright"):
            plain.append(line)
    date_at = next((i for i in range(len(plain) - 1, -1, -1) if parse_date(plain[i])), None)
    if date_at is not None:
        article.date = parse_date(plain[date_at])
        if date_at >= 1:
            article.source = plain[date_at - 1]
        if date_at >= 2:
            article.title = plain[date_at - 2]
    elif plain:
        article.title = plain[-1]
    return article


def _classic_article(blocks: list[str]) -> _Article:
    article = _Article(body=[])
    lines = [_clean(b) for b in blocks if _clean(b)]
    first_field = next((i for i, b in enumerate(lines) if _CLASSIC_FIELD.match(b)), len(lines))
    head = lines[:first_field]
    if head:
        article.source = head[0]
    for line in head[1:]:
        if not article.date and parse_date(line):
            article.date = parse_date(line)
    if len(head) >= 2:
        article.title = head[-1]
    in_body = False
    assert article.body is not None
    for line in lines[first_field:]:
        field = _CLASSIC_FIELD.match(line)
        if field and field.group(1) in _BODY_FIELDS_CLASSIC:
            if field.group(1) == "BYLINE":
                article.byline = field.group(2).strip()
            in_body = True
            continue
        if field:  # LOAD-DATE:, LANGUAGE: and the like close the body
            in_body = False
            continue
        if in_body and not line.startswith("Copyright"):
            article.body.append(line)
    return article


def might_be_nexis(text: str) -> bool:
    """Cheap test before parsing: the markers every export carries."""
    return "End of Document" in text or " DOCUMENTS" in text


def parse_nexis(blocks: list[str]) -> NexisExport | None:
    """The export's articles when the blocks (paragraphs) are a Nexis export, else None."""
    articles: list[_Article] = []
    if any(_clean(b).endswith("End of Document") for b in blocks):
        segment: list[str] = []
        for block in blocks:
            cleaned = _clean(block)
            if cleaned.endswith("End of Document"):
                article = _uni_article(segment)
                if article is not None:
                    articles.append(article)
                segment = []
            else:
                segment.append(block)
    elif sum(bool(_CLASSIC_START.match(b)) for b in blocks) >= 1 and any(
        _clean(b).startswith(("BYLINE:", "LENGTH:")) for b in blocks
    ):
        starts = [i for i, b in enumerate(blocks) if _CLASSIC_START.match(b)] + [len(blocks)]
        articles = [_classic_article(blocks[a + 1 : b]) for a, b in pairwise(starts)]
    articles = [a for a in articles if a.body]
    if not articles:
        return None
    out: list[str] = []
    for article in articles:
        if len(articles) > 1 and article.title:
            out.append(article.title)
        out.extend(article.body or [])
    first = articles[0]
    warnings: tuple[str, ...] = ()
    if len(articles) > 1:
        warnings = (
            f"this Nexis export holds {len(articles)} articles; the details shown are the first one's",
        )
    return NexisExport(out, first.title, first.source, first.date, first.byline, warnings)
