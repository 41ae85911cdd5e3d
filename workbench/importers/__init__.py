"""Import articles from the files journalists have: one call, one plain record, one kind of error.

    import_file(path)            -> ImportedArticle   (File ▸ Open)
    import_text(text)            -> ImportedArticle   (Edit ▸ Paste as new article)
    fetch_url(url)               -> ImportedArticle   (File ▸ Open URL)

Every failure is an :class:`ArticleImportError` whose message is one line naming the file and the
reason; nothing else escapes, so the app and the workspace carry on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.importers.base import ArticleImportError, ImportedArticle

if TYPE_CHECKING:
    from workbench.importers.api import (
        MAX_FILE_BYTES,
        SUPPORTED_EXTENSIONS,
        import_bytes,
        import_file,
        import_text,
    )
    from workbench.importers.fetch import fetch_url
    from workbench.importers.registry import ArticleImporter

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ArticleImportError",
    "ArticleImporter",
    "ImportedArticle",
    "fetch_url",
    "import_bytes",
    "import_file",
    "import_text",
]

# The format modules (trafilatura, python-docx, pdfium...) take a while to import; the store and the
# CLI's list/mark/report commands need only the two records above, so the rest loads on first use.
_LAZY = {
    "MAX_FILE_BYTES": "workbench.importers.api",
    "SUPPORTED_EXTENSIONS": "workbench.importers.api",
    "import_bytes": "workbench.importers.api",
    "import_file": "workbench.importers.api",
    "import_text": "workbench.importers.api",
    "fetch_url": "workbench.importers.fetch",
    "ArticleImporter": "workbench.importers.registry",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
