"""Plain records the workspace hands out: no live ORM objects ever leave the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from workbench.claims.types import CheckablePart, ClaimKind, Reason


class Status(StrEnum):
    UNCHECKED = "unchecked"
    VERIFIED = "verified"
    DISPUTED = "disputed"


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source_path: str
    imported_at: datetime
    claims: int
    checked: int
    disputed: int


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    title: str
    byline: str
    date: str
    url: str
    language: str
    source_path: str
    format: str
    sha256: str
    text: str
    imported_at: datetime


@dataclass(frozen=True)
class SourceRecord:
    id: int
    url: str
    title: str = ""
    accessed: str = ""  # ISO date
    comment: str = ""


@dataclass(frozen=True)
class ClaimRecord:
    id: int
    article_id: int
    number: int  # 1-based position in article order, as shown in the checklist
    text: str
    start: int
    end: int
    score: float
    kind: ClaimKind
    status: Status
    note: str
    version: int  # optimistic-concurrency counter, bumped on every change
    dismissed: bool = False
    by_hand: bool = False
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    spans: tuple[CheckablePart, ...] = field(default_factory=tuple)
    sources: tuple[SourceRecord, ...] = field(default_factory=tuple)
    changed_by: str = ""
    changed_at: datetime | None = None


@dataclass(frozen=True)
class HistoryEntry:
    claim_id: int
    at: datetime
    who: str
    field: str
    old: str
    new: str
