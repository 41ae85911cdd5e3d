"""What the checklist shows, and how its history reads: one rule for the window, the CLI and reports.

A stored claim is *on the checklist* when it was not dismissed and either scores at or above the
threshold, was added by hand, or has already been checked (a verdict never disappears because the
threshold moved). Sentences below the threshold stay in the workspace, hidden, so moving the threshold
down brings them back.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.store import ClaimRecord, HistoryEntry, Status


def on_checklist(claim: ClaimRecord, threshold: float) -> bool:
    """Whether ``claim`` is shown on the checklist at ``threshold``."""
    if claim.dismissed:
        return False
    return claim.score >= threshold or claim.by_hand or claim.status != Status.UNCHECKED


def report_claims(claims: Iterable[ClaimRecord], threshold: float) -> list[ClaimRecord]:
    """The claims a report covers: those on the checklist, and the dismissed ones (counted as such)."""
    return [c for c in claims if c.dismissed or on_checklist(c, threshold)]


def describe_change(entry: HistoryEntry, *, limit: int = 60) -> str:
    """One history entry in words, e.g. "status unchecked → disputed" or "added source https://…"."""

    def short(value: str) -> str:
        value = " ".join(value.split())
        return value if len(value) <= limit else value[: limit - 1] + "…"

    if entry.field == "created":
        return "added by hand" if entry.new == "by hand" else f"found by the {entry.new or 'extractor'}"
    if entry.field == "source":
        return f"added source {short(entry.new)}" if entry.new else f"removed source {short(entry.old)}"
    if entry.old and entry.new:
        return f"{entry.field} {short(entry.old)} → {short(entry.new)}"
    if entry.new:
        return f"{entry.field} set to {short(entry.new)}"
    return f"{entry.field} cleared (was {short(entry.old)})"
