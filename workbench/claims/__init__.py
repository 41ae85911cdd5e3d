"""Claim detection: find the check-worthy sentences of an article, explain each, point at its checkable parts.

The pipeline is spaCy's English model plus a trained sentence classifier and the ``claim_evidence``
component; ``ClaimExtractor`` runs it paragraph by paragraph and returns plain ``ExtractedClaim`` records.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from workbench.claims.blocks import dateline_date, find_dateline
from workbench.claims.language import language_note
from workbench.claims.types import DEFAULT_THRESHOLD, CheckablePart, ClaimKind, ExtractedClaim, Reason

if TYPE_CHECKING:
    from workbench.claims.extractor import ClaimExtractor, ExtractionCancelled
    from workbench.claims.pipeline import load_pipeline

# spaCy takes a second to import: the store, the CLI's list/mark/report and the window's first paint
# need only the plain records above, so the pipeline's modules load on first use.
_LAZY = {
    "ClaimExtractor": "workbench.claims.extractor",
    "ExtractionCancelled": "workbench.claims.extractor",
    "load_pipeline": "workbench.claims.pipeline",
}


# spaCy's own modules import each other in a circle; two threads importing it at once can meet a
# half-initialised module (seen: a warm-up thread and an extraction). One lock makes the first load whole.
_loading = threading.RLock()


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        with _loading:
            return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_THRESHOLD",
    "CheckablePart",
    "ClaimExtractor",
    "ClaimKind",
    "ExtractedClaim",
    "ExtractionCancelled",
    "Reason",
    "dateline_date",
    "find_dateline",
    "language_note",
    "load_pipeline",
]
