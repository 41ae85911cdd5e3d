"""What every importer returns, and the one error every importer raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ArticleImportError(Exception):
    """A file could not be imported; ``str(error)`` is one line naming the file and the reason.

    ``name`` overrides how the source is named in the message (a web address, "clipboard").
    """

    def __init__(self, path: Path | str, reason: str, *, name: str = "") -> None:
        self.path = Path(path)
        # Reasons may quote a library's message about a broken file: keep them one printable line.
        self.reason = _one_line(reason)
        self.name = _one_line(name or self.path.name or str(path))
        super().__init__(f"{self.name}: {self.reason}")


def _one_line(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


@dataclass(frozen=True)
class ImportedArticle:
    """An article's plain text and metadata, whatever format it came from.

    ``text`` is the text claims are anchored to: character offsets into it are stable for the same
    file. ``paragraphs`` holds the ``(start, end)`` offsets of each paragraph (or heading, list item,
    table cell block) in ``text``, in order.
    """

    text: str
    title: str = ""
    byline: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD or a full timestamp) when known, else as printed, else ""
    url: str = ""
    language: str = ""  # ISO 639-1 code when detected, else ""
    source_path: str = ""
    format: str = ""  # "txt", "md", "html", "docx", "pdf", ...
    paragraphs: tuple[tuple[int, int], ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # Added by the importers (backwards-compatible, all defaulted):
    site: str = ""  # publication or site name when known ("The Guardian", "bbc.co.uk")
    # Page furniture kept apart from the body: Word headers/footers, PDF running heads that were dropped.
    margins: tuple[str, ...] = field(default_factory=tuple)

    def paragraph_texts(self) -> list[str]:
        """Each paragraph's text, in order."""
        return [self.text[start:end] for start, end in self.paragraphs]
