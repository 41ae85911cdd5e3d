"""JSON records the command line prints. Field names are a contract: add fields, never rename them."""

from __future__ import annotations

from typing import Any

from workbench.claims.types import CheckablePart, ExtractedClaim, Reason
from workbench.importers import ImportedArticle
from workbench.store import ArticleRecord, ArticleSummary, ClaimRecord


def _reasons(reasons: tuple[Reason, ...]) -> list[dict[str, Any]]:
    return [{"text": r.text, "weight": round(r.weight, 3)} for r in reasons]


def _spans(spans: tuple[CheckablePart, ...], text: str, offset: int) -> list[dict[str, Any]]:
    return [
        {"start": s.start, "end": s.end, "label": s.label, "text": text[s.start - offset : s.end - offset]}
        for s in spans
    ]


def extracted_claim(source: str, claim: ExtractedClaim) -> dict[str, Any]:
    return {
        "source": source,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "score": round(claim.score, 4),
        "kind": claim.kind.value,
        "reasons": _reasons(claim.reasons),
        "spans": _spans(claim.spans, claim.text, claim.start),
    }


def imported_article(article: ImportedArticle) -> dict[str, Any]:
    return {
        "source": article.source_path,
        "format": article.format,
        "title": article.title,
        "byline": article.byline,
        "date": article.date,
        "url": article.url,
        "language": article.language,
        "text": article.text,
        "paragraphs": [list(p) for p in article.paragraphs],
        "warnings": list(article.warnings),
    }


def stored_claim(article: ArticleRecord, claim: ClaimRecord) -> dict[str, Any]:
    return {
        "article": article.id,
        "source": article.source_path,
        "number": claim.number,
        "id": claim.id,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "score": round(claim.score, 4),
        "kind": claim.kind.value,
        "status": claim.status.value,
        "note": claim.note,
        "dismissed": claim.dismissed,
        "by_hand": claim.by_hand,
        "reasons": _reasons(claim.reasons),
        "spans": _spans(claim.spans, claim.text, claim.start),
        "sources": [
            {"url": s.url, "title": s.title, "accessed": s.accessed, "comment": s.comment}
            for s in claim.sources
        ],
        "changed_by": claim.changed_by,
        "changed_at": claim.changed_at.isoformat() if claim.changed_at else None,
    }


def article_summary(article: ArticleRecord, claims: list[ClaimRecord]) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source_path,
        "sha256": article.sha256,
        "claims": len(claims),
    }


def summary(s: ArticleSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "source": s.source_path,
        "imported_at": s.imported_at.isoformat(),
        "claims": s.claims,
        "checked": s.checked,
        "disputed": s.disputed,
    }
