"""Report writing speed and memory: run on demand, not in tests.

    .venv/bin/python benchmarks/report_speed.py [--sizes 30,100,300,1000] [--repeat 3]

Each size runs in a fresh process (so peak memory is that report's, not the largest one's so far)
on a synthetic article with one claim per paragraph, every third claim with a note, two sources and a
history entry. Prints, per size and format, the best wall time of ``--repeat`` runs, the process's
peak resident memory, and the time per claim, so the scaling can be read off. Targets: a 30-claim PDF
in at most 0.5 s; a 1,000-claim PDF in at most 5 s and 300 MB. Wall time suffers when other work
shares the cores; the CPU time column shows what the report itself cost. "after imports" is the
resident memory once the report code (and what the shared record modules import with it) is loaded
and the fonts registered.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.claims.types import CheckablePart, ClaimKind, Reason  # noqa: E402
from workbench.report import FORMATS, ReportOptions, write_report  # noqa: E402
from workbench.store.records import (  # noqa: E402
    ArticleRecord,
    ClaimRecord,
    HistoryEntry,
    SourceRecord,
    Status,
)

SENTENCE = (
    "In {year} the council spent £{money} million on {thing}, {pct}% more than the year before, "
    "according to figures published by the Office for National Statistics on Łódź and Ελλάδα."
)
FILLER = "Residents said the change had been noticed across the district and beyond it."
THINGS = ["roads", "schools", "libraries", "parks", "housing", "buses", "bridges"]
STATUSES = [Status.VERIFIED, Status.DISPUTED, Status.UNCHECKED]
WHEN = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def synthetic(claims: int) -> tuple[ArticleRecord, list[ClaimRecord], dict[int, list[HistoryEntry]]]:
    parts: list[str] = []
    records: list[ClaimRecord] = []
    history: dict[int, list[HistoryEntry]] = {}
    offset = 0
    for n in range(1, claims + 1):
        sentence = SENTENCE.format(year=1990 + n % 30, money=n * 3, thing=THINGS[n % 7], pct=n % 40)
        start = offset
        money = sentence.index("£")
        records.append(
            ClaimRecord(
                id=n, article_id=1, number=n, text=sentence, start=start, end=start + len(sentence),
                score=0.4 + (n % 60) / 100, kind=ClaimKind.STATISTIC, status=STATUSES[n % 3],
                note=("Checked against the council's published accounts <p>&amp; the ONS series.</p> " * 2)
                if n % 3 == 0 else "",
                version=1,
                dismissed=n % 17 == 0,
                reasons=(Reason("has a money amount", 0.3), Reason("attributed", 0.1)),
                spans=(CheckablePart(start + money, start + money + 10, "MONEY"),),
                sources=(
                    SourceRecord(2 * n, f"https://example.org/accounts/{n}/" + "x" * 60, "Council accounts",
                                 "2026-11-20"),
                    SourceRecord(2 * n + 1, "https://www.ons.gov.uk/economy", "ONS series", "2026-11-21"),
                ),
                changed_by="Łukasz" if n % 2 else "Zoë",
                changed_at=WHEN,
            )
        )  # fmt: skip
        history[n] = [HistoryEntry(n, WHEN, "Łukasz", "status", "unchecked", str(STATUSES[n % 3]))]
        parts.append(sentence + " " + FILLER)
        offset += len(parts[-1]) + 2
    text = "\n\n".join(parts)
    article = ArticleRecord(
        id=1, title=f"A synthetic article with {claims} claims", byline="By A. Reporter", date="2026-11-01",
        url="https://news.example.com/story", language="en", source_path="synthetic.txt", format="txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, imported_at=WHEN,
    )  # fmt: skip
    return article, records, history


def measure(claims: int, repeat: int) -> dict[str, object]:
    """One size, in this process: best time per format, peak memory, PDF size and pages."""
    article, records, history = synthetic(claims)
    options = ReportOptions(checker="Bench", organisation="Bench Org", generated_at=WHEN)
    suffix = {"pdf": ".pdf", "csv": ".csv", "json": ".json", "claimreview": ".jsonld"}
    times: dict[str, float] = {}
    cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        write_report(article, records[:3], Path(folder) / "warm.pdf", options=options)  # fonts loaded once
        base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        for fmt in FORMATS:
            best, best_cpu = float("inf"), float("inf")
            for _ in range(repeat):
                started, started_cpu = time.perf_counter(), time.process_time()
                write_report(article, records, Path(folder) / f"r{suffix[fmt]}", options=options,
                             history=history)  # fmt: skip
                best = min(best, time.perf_counter() - started)
                best_cpu = min(best_cpu, time.process_time() - started_cpu)
            times[fmt], cpu[fmt] = best, best_cpu
        pdf = Path(folder) / "r.pdf"
        write_report(article, records, pdf, options=options, history=history)
        size_kb = pdf.stat().st_size / 1024
        from pypdf import PdfReader

        pages = len(PdfReader(pdf).pages)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "claims": claims, "times": times, "cpu": cpu, "peak_mb": peak, "base_mb": base_rss,
        "pdf_kb": size_kb, "pages": pages,
    }  # fmt: skip


HEADER = ("claims", "pages", "pdf s", "pdf cpu s", "per claim", "csv s", "json s", "jsonld s", "peak MB",
          "after imports MB", "PDF KB")  # fmt: skip


def _row(r: dict[str, Any]) -> tuple[str, ...]:
    t = r["times"]
    return (
        str(r["claims"]), str(r["pages"]), f"{t['pdf']:.3f}", f"{r['cpu']['pdf']:.3f}",
        f"{t['pdf'] / r['claims'] * 1000:.2f} ms", f"{t['csv']:.3f}", f"{t['json']:.3f}",
        f"{t['claimreview']:.3f}", f"{r['peak_mb']:.0f}", f"{r['base_mb']:.0f}", f"{r['pdf_kb']:.0f}",
    )  # fmt: skip


def _missed(r: dict[str, Any]) -> bool:
    pdf, claims = r["times"]["pdf"], r["claims"]
    if claims <= 30:
        return bool(pdf > 0.5)
    if claims >= 1000:
        return bool(pdf > 5 or r["peak_mb"] > 300)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="30,100,300,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: measure one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.repeat)))
        return 0
    print(" | ".join(HEADER))
    failed = False
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--repeat", str(args.repeat)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        result = json.loads(out)
        print(" | ".join(_row(result)))
        failed = failed or _missed(result)
    print("targets: 30 claims ≤ 0.5 s; 1,000 claims ≤ 5 s and ≤ 300 MB —", "MISSED" if failed else "met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
