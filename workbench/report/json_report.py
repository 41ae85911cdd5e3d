"""The whole check as JSON, for other tools and for the newsroom's archive.

Schema ``fact-check-workbench/report``, version 1 (stable: fields are only ever added); the JSON
Schema beside this module, ``report.schema.json``, says the same in a form tools can check::

    {
      "schema": "fact-check-workbench/report", "schema_version": 1,
      "generator": "Fact-Check Workbench 0.1.0",
      "generated_at": ISO 8601 timestamp with offset,
      "checkers": [str, ...],            # Preferences' checker first, then whoever set a status
      "organisation": str,
      "article": {"title", "byline", "date", "url", "language", "source_path", "format",
                  "sha256", "imported_at", "text"},
      "summary": {"verified", "disputed", "unchecked", "dismissed", "to_check", "total"},  # ints
      "claims": [                        # every claim, dismissed ones too, in article order
        {"id", "number", "text", "start", "end", "score", "kind", "status", "dismissed", "by_hand",
         "note", "version", "changed_by", "changed_at" (ISO or null),
         "text_changed" (the article's text changed and the claim's words were not found in it),
         "previous_text" (the wording before the claim was re-anchored to a reworded text, or ""),
         "checkable_parts": [{"start", "end", "label", "text"}],
         "reasons": [{"text", "weight"}],
         "sources": [{"id", "url", "title", "accessed", "comment"}],
         "history": [{"at", "who", "field", "old", "new"}]}
      ]
    }

``status`` is "verified", "disputed" or "unchecked"; ``start``/``end`` are offsets into
``article.text``. Text is written as UTF-8, not escaped.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, BinaryIO

from workbench import APP_NAME, __version__
from workbench.store.records import ClaimRecord

from .model import VerificationReport

SCHEMA = "fact-check-workbench/report"
SCHEMA_VERSION = 1


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _claim(claim: ClaimRecord, report: VerificationReport) -> dict[str, Any]:
    text = report.article.text
    return {
        "id": claim.id,
        "number": claim.number,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "score": claim.score,
        "kind": str(claim.kind),
        "status": str(claim.status),
        "dismissed": claim.dismissed,
        "by_hand": claim.by_hand,
        "note": claim.note,
        "version": claim.version,
        "changed_by": claim.changed_by,
        "changed_at": _iso(claim.changed_at),
        "text_changed": claim.text_changed,
        "previous_text": claim.previous_text,
        "checkable_parts": [
            {"start": p.start, "end": p.end, "label": p.label, "text": text[p.start : p.end]}
            for p in claim.spans
        ],
        "reasons": [{"text": r.text, "weight": r.weight} for r in claim.reasons],
        "sources": [
            {"id": s.id, "url": s.url, "title": s.title, "accessed": s.accessed, "comment": s.comment}
            for s in claim.sources
        ],
        "history": [
            {"at": _iso(h.at), "who": h.who, "field": h.field, "old": h.old, "new": h.new}
            for h in report.history.get(claim.id, ())
        ],
    }


def report_document(report: VerificationReport) -> dict[str, Any]:
    """The report as a JSON-ready dictionary (see the module docstring for the schema)."""
    a = report.article
    counts = report.counts
    everything = sorted((*report.claims, *report.dismissed), key=lambda c: (c.start, c.number, c.id))
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "generator": f"{APP_NAME} {__version__}",
        "generated_at": _iso(report.generated_at),
        "checkers": list(report.checkers),
        "organisation": report.options.organisation,
        "article": {
            "title": a.title,
            "byline": a.byline,
            "date": a.date,
            "url": a.url,
            "language": a.language,
            "source_path": a.source_path,
            "format": a.format,
            "sha256": a.sha256,
            "imported_at": _iso(a.imported_at),
            "text": a.text,
        },
        "summary": {
            "verified": counts.verified,
            "disputed": counts.disputed,
            "unchecked": counts.unchecked,
            "dismissed": counts.dismissed,
            "to_check": counts.to_check,
            "total": counts.total,
        },
        "claims": [_claim(c, report) for c in everything],
    }


def write_json(report: VerificationReport, stream: BinaryIO) -> None:
    text = json.dumps(report_document(report), ensure_ascii=False, indent=2)
    stream.write(text.encode("utf-8", "replace") + b"\n")  # a lone surrogate becomes "?"
