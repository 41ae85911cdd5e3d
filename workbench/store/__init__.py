"""The workspace store: articles, claims, verdicts, sources and their history, in SQLite or PostgreSQL.

How the CLI and the GUI use it::

    ws = Workspace(db)                       # None: $WORKBENCH_DB, else the user's data folder;
                                             # a file path, sqlite:///…, or postgresql://… (a team)
    article = ws.find_article(sha256=content_sha256(imported.text))   # same text: resume as it was
    report = ws.reimport(old.id, imported, claims, who=me)             # changed file: re-anchor
    print(report.summary())                                            # ...and tell the user
    ws.set_status(claim.id, Status.VERIFIED, who=me, expected_version=claim.version)
    # StaleWriteError: someone else changed it first ("changed by X at T — reload?")
    token = ws.change_token()                # poll; a new value means reload (another window wrote)
    ws.export_workspace(path) / ws.import_workspace(path, who=me)      # File ▸ Export / Import

Every error a user can cause is a ``WorkspaceError`` (one line) or a ``LookupError``/``ValueError``.
"""

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from workbench.store.workspace import Workspace, content_sha256

# SQLAlchemy and Alembic take a while to import; the window's first paint and the report writer need
# only the plain records above, so the workspace module loads on first use.
_LAZY = {"Workspace": "workbench.store.workspace", "content_sha256": "workbench.store.workspace"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
