"""One row per claim as CSV, safe to open in a spreadsheet.

The file is UTF-8 with a byte-order mark (so spreadsheet programs detect the encoding; read it in
Python with ``encoding="utf-8-sig"``) and CRLF row ends, as RFC 4180 says. Text cells that begin
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a leading apostrophe, so a
spreadsheet shows them as text instead of running them as formulas. Lists (sources, checkable
parts, reasons, history) hold one item per line inside their cell.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

from workbench.store.records import ClaimRecord

from .model import VerificationReport

COLUMNS = (
    "number", "claim_id", "status", "dismissed", "kind", "score", "text", "checkable_parts", "note",
    "source_titles", "source_urls", "source_accessed", "source_comments", "changed_by", "changed_at",
    "by_hand", "reasons", "history", "start", "end", "version", "text_changed", "previous_text",
    "article_title", "article_url", "article_source_path", "article_sha256", "report_generated_at",
    "checkers", "organisation",
)  # fmt: skip

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """``value`` with an apostrophe in front if a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _row(claim: ClaimRecord, report: VerificationReport) -> dict[str, object]:
    text = report.article.text
    a = report.article
    return {
        "number": claim.number,
        "claim_id": claim.id,
        "status": "dismissed" if claim.dismissed else str(claim.status),
        "dismissed": "yes" if claim.dismissed else "no",
        "kind": str(claim.kind),
        "score": f"{claim.score:.3f}",
        "text": claim.text,
        "checkable_parts": "\n".join(f"{p.label}: {_one_line(text[p.start:p.end])}" for p in claim.spans),
        "note": claim.note,
        "source_titles": "\n".join(_one_line(s.title) for s in claim.sources),
        "source_urls": "\n".join(_one_line(s.url) for s in claim.sources),
        "source_accessed": "\n".join(_one_line(s.accessed) for s in claim.sources),
        "source_comments": "\n".join(_one_line(s.comment) for s in claim.sources),
        "changed_by": claim.changed_by,
        "changed_at": claim.changed_at.isoformat() if claim.changed_at else "",
        "by_hand": "yes" if claim.by_hand else "no",
        "reasons": "\n".join(f"{_one_line(r.text)} ({r.weight:+.2f})" for r in claim.reasons),
        "history": "\n".join(
            f"{h.at.isoformat()} {_one_line(h.who)} {h.field}: {_one_line(h.old)} → {_one_line(h.new)}"
            for h in report.history.get(claim.id, ())
        ),
        "start": claim.start,
        "end": claim.end,
        "version": claim.version,
        "text_changed": "yes" if claim.text_changed else "no",
        "previous_text": claim.previous_text,
        "article_title": a.title,
        "article_url": a.url,
        "article_source_path": a.source_path,
        "article_sha256": a.sha256,
        "report_generated_at": report.generated_at.isoformat(),
        "checkers": ", ".join(report.checkers),
        "organisation": report.options.organisation,
    }


def write_csv(report: VerificationReport, stream: BinaryIO) -> None:
    """All claims, dismissed ones too (``status`` says "dismissed"), in article order."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    everything = sorted((*report.claims, *report.dismissed), key=lambda c: (c.start, c.number, c.id))
    for claim in everything:
        row = _row(claim, report)
        writer.writerow({k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in row.items()})
    stream.write(buffer.getvalue().encode("utf-8-sig", "replace"))  # a lone surrogate becomes "?"
