"""Claim detection: find the check-worthy sentences of an article, explain each, point at its checkable parts.

The pipeline is spaCy's English model plus a trained sentence classifier and the ``claim_evidence``
component; ``ClaimExtractor`` runs it paragraph by paragraph and returns plain ``ExtractedClaim`` records.
"""

from workbench.claims.blocks import dateline_date, find_dateline
from workbench.claims.extractor import ClaimExtractor, ExtractionCancelled
from workbench.claims.language import language_note
from workbench.claims.pipeline import DEFAULT_THRESHOLD, load_pipeline
from workbench.claims.types import CheckablePart, ClaimKind, ExtractedClaim, Reason

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
