"""The workspace store: articles, claims, verdicts, sources and their history, in SQLite or PostgreSQL."""

from workbench.store.errors import StaleWriteError, WorkspaceError
from workbench.store.records import (
    ArticleRecord,
    ArticleSummary,
    ClaimChange,
    ClaimRecord,
    EarlierText,
    HistoryEntry,
    ImportReport,
    ReanchorReport,
    SourceRecord,
    Status,
)
from workbench.store.workspace import Workspace, content_sha256

__all__ = [
    "ArticleRecord",
    "ArticleSummary",
    "ClaimChange",
    "ClaimRecord",
    "EarlierText",
    "HistoryEntry",
    "ImportReport",
    "ReanchorReport",
    "SourceRecord",
    "StaleWriteError",
    "Status",
    "Workspace",
    "WorkspaceError",
    "content_sha256",
]
