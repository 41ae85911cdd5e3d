"""schema.org ClaimReview JSON-LD: one review per checked claim, ready to paste into a fact-check page.

The file holds a JSON array of ClaimReview objects (put it inside
``<script type="application/ld+json">``). Unchecked and dismissed claims get no review: there is no
verdict to publish. Ratings use a 1–5 scale: verified = 5 ("Verified"), disputed = 1 ("Disputed");
the note is the ``ratingExplanation``. Each review's ``url`` is the fact-check page
(``ReportOptions.review_url``, else the article's URL) with ``#claim-N`` so each review has its own
address; without either, a ``urn:sha256:`` name of the article stands in.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from workbench.store.records import ClaimRecord, Status

from .model import VerificationReport

BEST_RATING = 5
WORST_RATING = 1
RATINGS = {
    Status.VERIFIED: (5, "Verified"),
    Status.DISPUTED: (1, "Disputed"),
}


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _review_author(report: VerificationReport) -> dict[str, str]:
    organisation = _one_line(report.options.organisation)
    if organisation:
        return {"@type": "Organization", "name": organisation}
    if report.checkers:
        return {"@type": "Person", "name": _one_line(report.checkers[0])}
    return {"@type": "Organization", "name": "Unnamed fact-checker"}


def _claim_author(report: VerificationReport) -> dict[str, str]:
    byline = _one_line(report.article.byline)
    if byline:
        for prefix in ("by ", "By ", "BY "):
            byline = byline.removeprefix(prefix)
        return {"@type": "Person", "name": byline}
    host = urlsplit(report.article.url).hostname or ""
    return {"@type": "Organization", "name": host.removeprefix("www.") or "Unknown"}


def _page_url(report: VerificationReport, claim: ClaimRecord) -> str:
    base = report.options.review_url.strip() or report.article.url.strip()
    if not base:
        base = f"urn:sha256:{report.article.sha256}"
    return f"{base.split('#', 1)[0]}#claim-{claim.number}"


def claim_reviews(report: VerificationReport) -> list[dict[str, Any]]:
    """The ClaimReview objects for every verified or disputed claim, in article order."""
    a = report.article
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if a.url.strip():
        appearance["url"] = a.url.strip()
    if a.title.strip():
        appearance["headline"] = _one_line(a.title)
    if a.date.strip():
        appearance["datePublished"] = a.date.strip()
    reviews: list[dict[str, Any]] = []
    for claim in report.claims:
        if claim.status not in RATINGS:
            continue
        value, word = RATINGS[claim.status]
        rating: dict[str, Any] = {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": word,
        }
        if claim.note.strip():
            rating["ratingExplanation"] = claim.note.strip()
        item: dict[str, Any] = {"@type": "Claim", "author": _claim_author(report), "appearance": appearance}
        if a.date.strip():
            item["datePublished"] = a.date.strip()
        reviewed_on = claim.changed_at or report.generated_at
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": _page_url(report, claim),
            "claimReviewed": _one_line(claim.text),
            "itemReviewed": item,
            "author": _review_author(report),
            "datePublished": reviewed_on.date().isoformat(),
            "reviewRating": rating,
        }
        if claim.sources:
            review["citation"] = [
                {"@type": "CreativeWork", "url": s.url, **({"name": s.title} if s.title.strip() else {})}
                for s in claim.sources
                if s.url.strip()
            ]
        reviews.append(review)
    return reviews


def write_claimreview(report: VerificationReport, stream: BinaryIO) -> None:
    text = json.dumps(claim_reviews(report), ensure_ascii=False, indent=2)
    stream.write(text.encode("utf-8", "replace") + b"\n")  # a lone surrogate becomes "?"
