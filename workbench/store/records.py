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
    # The article's text changed and this claim's words were not found in it: ``text`` is the old
    # wording and ``start == end`` marks roughly where it was. Setting new bounds clears the flag.
    text_changed: bool = False
    previous_text: str = ""  # the wording before re-anchoring reworded the claim, else ""


@dataclass(frozen=True)
class HistoryEntry:
    claim_id: int
    at: datetime
    who: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class EarlierText:
    """A text the article had before a re-import replaced it; verdicts given before then were on it."""

    sha256: str
    text: str
    imported_at: datetime
    replaced_at: datetime
    replaced_by: str


@dataclass(frozen=True)
class ClaimChange:
    """One claim that re-anchoring could not keep as it was."""

    claim_id: int
    number: int
    old_text: str
    new_text: str  # "" when the claim was not found at all


@dataclass(frozen=True)
class ReanchorReport:
    """What happened to an article's claims when its file's text changed since it was checked."""

    article: ArticleRecord
    text_changed: bool  # False: same text, nothing was touched
    kept: int = 0  # claims found word for word (perhaps elsewhere in the text)
    reworded: tuple[ClaimChange, ...] = ()  # found by a fuzzy match: anchored to the new wording
    lost: tuple[ClaimChange, ...] = ()  # not found: flagged "text changed", old wording kept
    added: int = 0  # new claims the extractor found in the new text

    def summary(self) -> str:
        """One or two sentences telling the user what changed."""
        if not self.text_changed:
            return "The article's text is unchanged; your checks are as you left them."
        parts = [f"{self.kept} {_claims(self.kept)} found as before"]
        if self.reworded:
            numbers = ", ".join(str(c.number) for c in self.reworded)
            parts.append(f"{len(self.reworded)} reworded (claim {numbers}: verdicts kept, check them again)")
        if self.lost:
            numbers = ", ".join(str(c.number) for c in self.lost)
            parts.append(
                f"{len(self.lost)} no longer found (claim {numbers}: flagged “text changed”, "
                "old wording kept)"
            )
        if self.added:
            parts.append(f"{self.added} new {_claims(self.added)}")
        return "The article's text changed since it was checked: " + "; ".join(parts) + "."


@dataclass(frozen=True)
class ImportReport:
    """What File ▸ Import workspace brought in."""

    source: str  # the imported file's name
    added: tuple[ArticleRecord, ...] = ()
    skipped: tuple[str, ...] = ()  # titles of articles whose text this workspace already held

    def summary(self) -> str:
        parts = [f"Imported {len(self.added)} {_articles(len(self.added))} from {self.source}"]
        if self.skipped:
            titles = ", ".join(f"“{t}”" if t else "(untitled)" for t in self.skipped)
            parts.append(
                f"skipped {len(self.skipped)} already in this workspace (remove yours first to take "
                f"theirs): {titles}"
            )
        return "; ".join(parts) + "."


def _articles(count: int) -> str:
    return "article" if count == 1 else "articles"


def _claims(count: int) -> str:
    return "claim" if count == 1 else "claims"
