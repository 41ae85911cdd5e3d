"""Opening an article into the workspace: import the file, find its claims, store both.

The one path the CLI and the GUI share. An article whose text is already in the workspace resumes as it
was (no re-extraction); a file whose text changed since it was checked is re-extracted and its claims
re-anchored by the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import importers, store
from workbench.claims import find_dateline, language_note
from workbench.claims.types import ExtractedClaim
from workbench.importers import ImportedArticle
from workbench.importers.dates import parse_date
from workbench.store import ArticleRecord

if TYPE_CHECKING:
    from workbench.claims import ClaimExtractor
    from workbench.store import Workspace

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class OpenedArticle:
    """The stored article, and what the user should be told about how it was opened."""

    article: ArticleRecord
    resumed: bool  # the same text was already in the workspace: statuses and notes as they were
    messages: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreparedArticle:
    """An imported article, either found in the workspace already or with freshly extracted claims."""

    imported: ImportedArticle
    existing: ArticleRecord | None
    claims: tuple[ExtractedClaim, ...] = ()
    messages: tuple[str, ...] = ()


def prepare_article(
    workspace: Workspace,
    imported: ImportedArticle,
    extractor: ClaimExtractor | Callable[[], ClaimExtractor],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    found: Callable[[ExtractedClaim], None] | None = None,
) -> PreparedArticle:
    """The slow, read-only half of opening: look the text up, and extract claims when it is new.

    ``found`` is called with each claim as the extractor finds it, so a long article can show its
    claims before extraction ends. ``extractor`` may be a function that makes one: it is called only
    when the text is new, so resuming an article never waits for the spaCy pipeline to load.
    """
    messages: list[str] = list(imported.warnings)
    imported = _with_dateline_date(imported)
    existing = workspace.find_article(sha256=store.content_sha256(imported.text))
    if existing is not None:
        return PreparedArticle(imported, existing, messages=tuple(messages))
    note = language_note(imported.text)
    if note:
        messages.append(note)
    claims: list[ExtractedClaim] = []
    if callable(extractor):
        extractor = extractor()
    for claim in extractor.extract_iter(imported.text, progress=progress, cancelled=cancelled):
        claims.append(claim)
        if found is not None:
            found(claim)
    return PreparedArticle(imported, None, tuple(claims), tuple(messages))


def store_prepared(workspace: Workspace, prepared: PreparedArticle, *, who: str = "") -> OpenedArticle:
    """The quick, writing half of opening: store a new article, or re-anchor a changed file's claims."""
    if prepared.existing is not None:
        return OpenedArticle(prepared.existing, resumed=True, messages=prepared.messages)
    imported = prepared.imported
    messages = list(prepared.messages)
    previous = workspace.find_article(source_path=imported.source_path) if imported.source_path else None
    if previous is not None:
        report = workspace.reimport(previous.id, imported, prepared.claims, who=who)
        messages.append(report.summary())
        return OpenedArticle(workspace.article(previous.id), resumed=False, messages=tuple(messages))
    article = workspace.add_article(imported, prepared.claims, who=who)
    return OpenedArticle(article, resumed=False, messages=tuple(messages))


def _with_dateline_date(imported: ImportedArticle) -> ImportedArticle:
    """Take the publication date from a news dateline ("30 May 2019, 18:23 | Updated: …") if none is known."""
    if imported.date:
        return imported
    dateline = find_dateline(imported.text)
    date = parse_date(dateline) if dateline else ""
    return replace(imported, date=date) if date else imported


def open_imported(
    workspace: Workspace,
    imported: ImportedArticle,
    extractor: ClaimExtractor,
    *,
    who: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> OpenedArticle:
    """Store ``imported`` with its claims, or resume it when the workspace already holds this text."""
    prepared = prepare_article(workspace, imported, extractor, progress=progress, cancelled=cancelled)
    return store_prepared(workspace, prepared, who=who)


def open_file(
    workspace: Workspace,
    path: str | Path,
    extractor: ClaimExtractor,
    *,
    who: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> OpenedArticle:
    """Import ``path`` and store it (see :func:`open_imported`). Raises ``ArticleImportError``."""
    imported = importers.import_file(path)
    return open_imported(workspace, imported, extractor, who=who, progress=progress, cancelled=cancelled)
