"""Markdown articles rendered to plain text, headings and list items kept as their own paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from workbench.importers.base import ImportedArticle
from workbench.importers.dates import parse_date
from workbench.importers.decoding import decode_bytes
from workbench.importers.paragraphs import join_paragraphs
from workbench.importers.registry import ArticleImporter, register

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)  # the alt text
    return "".join(parts)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end() :]


def markdown_blocks(text: str) -> tuple[list[str], str]:
    """The paragraphs of a Markdown text and its first level-1 heading (or "")."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[str] = []
    title = ""
    lists: list[list[int]] = []  # per open list: [is_ordered, next number]
    pending_marker = ""
    row: list[str] = []
    heading_level = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0
            lists.append([kind == "ordered_list_open", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            ordered, number = lists[-1]
            pending_marker = f"{number}. " if ordered else "• "
            if ordered:
                lists[-1][1] += 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "inline":
            parent = tokens[index - 1].type if index else ""
            content = _inline_text(token)
            if parent in ("th_open", "td_open"):
                row.append(content.strip())
                continue
            if heading_level == 1 and not title:
                title = content.strip()
            heading_level = 0
            blocks.append(pending_marker + content)
            pending_marker = ""
        elif kind in ("fence", "code_block"):
            blocks.append(token.content)
        elif kind == "html_block":
            blocks.append(_TAG.sub(" ", token.content))
        elif kind == "tr_close":
            blocks.append(" | ".join(row))
            row = []
    return blocks, title


@register
class MarkdownImporter(ArticleImporter):
    """Markdown (CommonMark with tables), with YAML front matter for title, author and date."""

    format = "md"
    extensions = (".md", ".markdown", ".mdown", ".mkd")
    description = "a Markdown file"

    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        text, _encoding = decode_bytes(data, path)
        fields, body_source = _front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
        blocks, heading = markdown_blocks(body_source)
        body, spans = join_paragraphs(blocks)
        return ImportedArticle(
            text=body,
            title=fields.get("title", "") or heading,
            byline=fields.get("author", ""),
            date=parse_date(fields.get("date", "")) or fields.get("date", ""),
            url=fields.get("url", "") or fields.get("canonical_url", ""),
            format=self.format,
            paragraphs=spans,
        )
