"""The verification report as plain data: which claims go where, the counts, the provenance.

Every output format (PDF, CSV, JSON, ClaimReview) is written from one :class:`VerificationReport`, so
they agree on what was checked, in which order, and when.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from workbench.store.records import ArticleRecord, ClaimRecord, HistoryEntry, Status

from .options import DEFAULT_OPTIONS, PAGE_SIZES, ReportOptions


@dataclass(frozen=True)
class VerdictCounts:
    """How many claims ended in each state; dismissed claims are counted apart from the rest."""

    verified: int = 0
    disputed: int = 0
    unchecked: int = 0
    dismissed: int = 0

    @property
    def to_check(self) -> int:
        """Claims that are not dismissed: the ones an editor must see."""
        return self.verified + self.disputed + self.unchecked

    @property
    def total(self) -> int:
        return self.to_check + self.dismissed


@dataclass(frozen=True)
class VerificationReport:
    """One article's check, ready to be written in any format.

    ``claims`` holds the claims to check (not dismissed) in article order; ``dismissed`` the ones the
    checker set aside. ``history`` maps a claim id to its changes, oldest first.
    """

    article: ArticleRecord
    claims: tuple[ClaimRecord, ...]
    dismissed: tuple[ClaimRecord, ...]
    options: ReportOptions
    generated_at: datetime
    history: Mapping[int, tuple[HistoryEntry, ...]] = field(default_factory=dict)

    @property
    def counts(self) -> VerdictCounts:
        return VerdictCounts(
            verified=sum(1 for c in self.claims if c.status is Status.VERIFIED),
            disputed=sum(1 for c in self.claims if c.status is Status.DISPUTED),
            unchecked=sum(1 for c in self.claims if c.status is Status.UNCHECKED),
            dismissed=len(self.dismissed),
        )

    def with_status(self, status: Status) -> tuple[ClaimRecord, ...]:
        return tuple(c for c in self.claims if c.status is status)

    @property
    def checkers(self) -> tuple[str, ...]:
        """The checker from Preferences first, then everyone else who set a status, in order seen."""
        names: list[str] = []
        for name in (self.options.checker, *(c.changed_by for c in self.claims)):
            name = name.strip()
            if name and name not in names:
                names.append(name)
        return tuple(names)


def _status(value: object) -> Status:
    """Accept a :class:`Status` or its string value; anything else is a clear error."""
    try:
        return Status(str(value))
    except ValueError:
        raise ValueError(f"unknown claim status {value!r}") from None


def build_report(
    article: ArticleRecord,
    claims: Sequence[ClaimRecord],
    options: ReportOptions = DEFAULT_OPTIONS,
    history: Mapping[int, Sequence[HistoryEntry]] | None = None,
) -> VerificationReport:
    """Sort and split the claims, fix the report's moment, and check the options make sense."""
    if options.page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {options.page_size!r}")
    for claim in claims:
        _status(claim.status)
    ordered = sorted(claims, key=lambda c: (c.start, c.number, c.id))
    generated = options.generated_at or datetime.now(UTC)
    if generated.tzinfo is None:
        generated = generated.astimezone()  # a naive time is local time; say so by giving it an offset
    def by_time(entries: Sequence[HistoryEntry]) -> tuple[HistoryEntry, ...]:
        return tuple(sorted(entries, key=lambda e: e.at.timestamp())) if len(entries) > 1 else tuple(entries)

    return VerificationReport(
        article=article,
        claims=tuple(c for c in ordered if not c.dismissed),
        dismissed=tuple(c for c in ordered if c.dismissed),
        options=options,
        generated_at=generated,
        history={
            claim_id: by_time(entries) for claim_id, entries in (history or {}).items()
        },
    )
