"""Plain records for extracted claims: what the extractor hands to the store, the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

DEFAULT_THRESHOLD = 0.5
"""Claims scoring below this are kept but hidden by default (where F1 peaks on held-out training data)."""


class ClaimKind(StrEnum):
    STATISTIC = "statistic"
    COMPARISON = "comparison"
    EVENT = "event"
    QUOTE = "quote/attribution"
    CAUSAL = "causal"
    PREDICTION = "prediction"
    OTHER = "other"


@dataclass(frozen=True)
class CheckablePart:
    """A checkable part of a claim: ``start``/``end`` are offsets into the article text."""

    start: int
    end: int
    label: str  # QUANTITY, PERCENT, MONEY, DATE, PERSON, ORG, PLACE, EVENT, QUOTE, TITLE, SOURCE, ...


@dataclass(frozen=True)
class Reason:
    """Why a claim scored as it did: a short human phrase and its signed contribution."""

    text: str
    weight: float


@dataclass(frozen=True)
class ExtractedClaim:
    """One check-worthy sentence (or sentence part) found in an article."""

    text: str
    start: int  # offsets into the article text; text == article_text[start:end]
    end: int
    score: float  # 0..1
    kind: ClaimKind = ClaimKind.OTHER
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    spans: tuple[CheckablePart, ...] = field(default_factory=tuple)
