"""Saved web pages: the article body and its metadata, never loading or running anything.

trafilatura (with ``favor_precision``) finds the body and the metadata; readability-lxml takes over
when trafilatura finds nothing. Both work on the parsed tree only: no script runs and no image,
stylesheet or frame is fetched, so importing a saved page never touches the network.
"""

from __future__ import annotations

import contextlib
import copy
import email
import email.policy
import json
import re
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlparse

from lxml import html as lxml_html
from lxml.etree import ParserError

from workbench.importers.base import ArticleImportError, ImportedArticle
from workbench.importers.dates import parse_date
from workbench.importers.paragraphs import join_paragraphs
from workbench.importers.registry import ArticleImporter, looks_like_html, register

_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_MIN_BODY_CHARS = 200  # a trafilatura result shorter than this is usually a teaser: try readability
_RECHECK_BELOW_CHARS = 3000  # precision results longer than this are articles; no need for a second pass
_PRECISION_FAILED_RATIO = 0.2
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "table", "ul", "ol", "dl",
    "figure", "figcaption", "address", "br", "hr", "center", "body", "html",
}  # fmt: skip
_SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "svg",
    "math",
    "iframe",
    "object",
    "form",
}


def saved_from_url(data: bytes) -> str:
    """The address browsers write into a saved page (``<!-- saved from url=(0047)https://… -->``)."""
    match = _SAVED_FROM.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else ""


def tree_blocks(root: Any) -> list[str]:
    """Plain-text blocks of an HTML tree: one per paragraph, heading, list item or table row."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append("".join(current))
            current.clear()

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if tag in _SKIP_TAGS or not isinstance(element.tag, str):
            if element.tail:
                current.append(element.tail)
            return
        is_block = tag in _BLOCK_TAGS
        if is_block:
            flush()
        if tag == "li":
            current.append("• ")
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
        if tag in ("td", "th"):
            current.append(" | ")
        if is_block:
            flush()
        if element.tail:
            current.append(element.tail)

    walk(root)
    flush()
    return [block.strip(" |") for block in blocks if block.strip(" |•")]


def _parse_tree(markup: bytes | str) -> Any:
    try:
        return lxml_html.document_fromstring(markup)
    except (ParserError, ValueError):
        return None


def _meta(tree: Any, *names: str) -> str:
    for name in names:
        for found in tree.xpath(
            f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]/@content'
        ):
            if str(found).strip():
                return str(found).strip()
    return ""


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _title(found: str, tree: Any) -> str:
    """trafilatura's title, unless it shares nothing with the page's declared title (a stray heading)."""
    declared = _meta(tree, "og:title", "twitter:title")
    page_title = " ".join((tree.findtext(".//title") or "").split())
    if not found:
        return declared or page_title
    reference = declared or page_title
    if reference and len(_words(found) & _words(reference)) < 0.2 * max(1, len(_words(found))):
        # "Foreword - The Rust Programming Language": the page name comes before the site name.
        return declared or re.split(r"\s+[|–—-]\s+|\s+::\s+", page_title)[0]
    return found


def _oembed_url(href: str) -> str:
    values = parse_qs(urlparse(href).query).get("url", [])
    return values[0] if values else ""


def _json_ld_url(tree: Any) -> str:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict) or "Article" not in str(item.get("@type", "")):
                continue
            entity = item.get("mainEntityOfPage")
            candidate = entity.get("@id", "") if isinstance(entity, dict) else entity or item.get("url", "")
            if isinstance(candidate, str) and candidate:
                return candidate
    return ""


def page_url(tree: Any, base: str = "") -> str:
    """The page's own address: canonical link, Open Graph, Twitter card, oEmbed link, JSON-LD.

    A relative address is resolved against ``base`` (where the page was saved from), else dropped.
    """
    candidates = [
        *tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href'),
        _meta(tree, "og:url"),
        _meta(tree, "twitter:url"),
        *(_oembed_url(str(h)) for h in tree.xpath('//link[contains(@type, "oembed")]/@href')),
        _json_ld_url(tree),
    ]
    for candidate in candidates:
        candidate = str(candidate).strip()
        if candidate and base and "://" not in candidate:
            candidate = urljoin(base, candidate)
        parsed = urlparse(candidate)
        if parsed.scheme in ("http", "https") and parsed.hostname and "." in parsed.hostname:
            return candidate
    return ""


def _readability_blocks(markup: str) -> list[str]:
    from readability import Document

    try:
        summary = Document(markup).summary(html_partial=True)
    except Exception:  # readability raises bare Exceptions on odd pages; it is only a fallback
        return []
    tree = _parse_tree(summary)
    return tree_blocks(tree) if tree is not None else []


def _extract(tree: Any, url: str, *, favor_precision: bool, with_metadata: bool) -> Any:
    """One trafilatura pass over a copy of the tree (trafilatura prunes the tree it is given)."""
    import trafilatura  # 0.25 s to import: loaded with the first web page, not with the app
    import trafilatura.settings

    document = trafilatura.bare_extraction(
        copy.deepcopy(tree),
        url=url or None,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=True,
        with_metadata=with_metadata,
        deduplicate=False,
        # The publication date, and only from the page's markup: the extensive search guesses from
        # any date-like string (a copyright line, an edition year), and a wrong date misleads a checker.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return document if isinstance(document, trafilatura.settings.Document) else None


def extract_html(data: bytes, path: Path | str, *, url: str = "", format: str = "html") -> ImportedArticle:
    """Body text and metadata of one HTML page (bytes in any encoding the page declares)."""
    import trafilatura

    tree = trafilatura.load_html(data)
    if tree is None:
        raise ArticleImportError(path, "is not a readable web page (the HTML could not be parsed)")
    saved_url = url or saved_from_url(data)
    document = _extract(tree, saved_url, favor_precision=True, with_metadata=True)
    body = (document.text or "") if document is not None else ""
    if len(body) < _RECHECK_BELOW_CHARS:
        # Precision mode sometimes settles on a boilerplate box (a reprint notice, a teaser) and
        # drops the article. When the default mode finds five times as much, precision failed.
        default = _extract(tree, saved_url, favor_precision=False, with_metadata=False)
        default_body = (default.text or "") if default is not None else ""
        if len(body) < _PRECISION_FAILED_RATIO * len(default_body):
            body = default_body
    blocks = body.split("\n")
    warnings: list[str] = []
    if len(body.strip()) < _MIN_BODY_CHARS:
        markup = lxml_html.tostring(tree, encoding="unicode")
        fallback = [b for b in _readability_blocks(markup) if b.strip()]
        if sum(len(b) for b in fallback) > len(body.strip()):
            blocks = fallback
            warnings.append("the article body was found by the readability fallback; check it is complete")
    title = _title((document.title or "") if document is not None else "", tree)
    # The page's own declaration first: trafilatura echoes the address it was given, which for a
    # saved page is where it was saved from (tracking parameters and all).
    found = (document.url or "") if document is not None else ""
    canonical = page_url(tree, saved_url) or (found if found.startswith(("http://", "https://")) else "")
    canonical = canonical or saved_url
    site = ""
    if document is not None:
        site = document.sitename or document.hostname or ""
    if not site and canonical:
        site = urlparse(canonical).hostname or ""
    date = ""
    if document is not None and document.date:
        date = parse_date(document.date) or document.date
    language = (tree.get("lang") or "").split("-")[0].lower()
    text, spans = join_paragraphs(blocks)
    return ImportedArticle(
        text=text,
        title=title.strip(),
        byline=((document.author or "") if document is not None else "").strip(),
        date=date,
        url=canonical,
        language=language if re.fullmatch(r"[a-z]{2}", language) else "",
        format=format,
        paragraphs=spans,
        warnings=tuple(warnings),
        site=site,
    )


@register
class HtmlImporter(ArticleImporter):
    """Saved web pages (.html, .htm, "Save as… complete" pages)."""

    format = "html"
    extensions = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
    description = "a web page"

    @classmethod
    def sniff(cls, head: bytes, data: bytes) -> bool:
        return looks_like_html(head)

    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        return extract_html(data, path)


def _html_part(message: Message) -> tuple[bytes, str]:
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset and b"charset" not in payload[:2048].lower():
                    # the page's own declaration is missing: re-encode to UTF-8 for the parser
                    with contextlib.suppress(LookupError):
                        payload = payload.decode(charset, errors="replace").encode("utf-8")
                return payload, str(part.get("Content-Location", "") or "")
    return b"", ""


@register
class MhtmlImporter(ArticleImporter):
    """Single-file web archives (.mht/.mhtml) as Chrome and Edge save them."""

    format = "mhtml"
    extensions = (".mht", ".mhtml")
    description = "a web archive (MHTML)"

    @classmethod
    def sniff(cls, head: bytes, data: bytes) -> bool:
        lowered = head[:2048].lower()
        return b"mime-version:" in lowered and b"multipart/related" in lowered

    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        markup, location = _html_part(message)
        if not markup:
            raise ArticleImportError(path, "is a web archive without an HTML page in it")
        url = str(message.get("Snapshot-Content-Location", "") or "") or location
        return extract_html(markup, path, url=url if url.startswith("http") else "", format=self.format)
