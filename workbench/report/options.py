"""What the user chooses about a report: who checked, for whom, on which paper."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class ReportOptions:
    """Preferences that shape a report; every field has a sensible default.

    ``generated_at`` is the moment printed as the report's date (``None`` means now; tests pass a
    fixed one so output is reproducible). ``review_url`` is the address of the published fact-check
    page, used as the ClaimReview ``url``; when empty the article's own URL is used instead.
    """

    checker: str = ""  # from Preferences
    organisation: str = ""
    page_size: str = "A4"  # "A4" | "Letter"
    generated_at: datetime | None = None  # None → now
    review_url: str = ""


DEFAULT_OPTIONS = ReportOptions()
