"""Workspace store speed: run on demand, never in tests.

    .venv/bin/python benchmarks/store_speed.py [--pg-url postgresql://…] [--skip-postgres]

1. A status change, durable (committed; SQLite in WAL with synchronous=NORMAL): median and p95.
2. A workspace of 200 articles and 20,000 claims: opening it with the library listed (in this process,
   and in a fresh process after its imports), and loading the busiest article's checklist.
3. PostgreSQL: two writer processes each marking the same 1,000 claims at the same time; lost updates
   counted from the versions and the history, and the throughput in marks per second. Without
   ``--pg-url`` a throwaway server is started (as the tests do) and stopped afterwards.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "store"))

from workbench.claims.types import CheckablePart, ClaimKind, ExtractedClaim, Reason  # noqa: E402
from workbench.importers.base import ImportedArticle  # noqa: E402
from workbench.store import Status, Workspace  # noqa: E402

SENTENCE = "The council said spending on roads rose by {n}% to £{m}m in 2018, the highest in a decade. "


def article(claims: int, number: int) -> tuple[ImportedArticle, list[ExtractedClaim]]:
    parts, extracted, at = [], [], 0
    for n in range(claims):
        sentence = SENTENCE.format(n=n % 97, m=n * 3 + number)
        end = at + len(sentence) - 1
        extracted.append(
            ExtractedClaim(
                text=sentence[:-1],
                start=at,
                end=end,
                score=0.5 + (n % 50) / 100,
                kind=ClaimKind.STATISTIC,
                reasons=(Reason("has a percentage", 0.3), Reason("names a year", 0.1)),
                spans=(CheckablePart(at + 36, at + 40, "PERCENT"), CheckablePart(end - 30, end - 26, "DATE")),
            )
        )
        parts.append(sentence)
        at += len(sentence)
    text = "".join(parts)
    return ImportedArticle(text=text, title=f"Article {number}", source_path=f"/news/{number}.txt"), extracted


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def status_change(folder: Path) -> None:
    with Workspace(str(folder / "marks.sqlite")) as ws:
        imported, claims = article(200, 0)
        stored = ws.add_article(imported, claims, who="bench")
        ids = [c.id for c in ws.claims(stored.id)]
        statuses = [Status.VERIFIED, Status.DISPUTED]
        times = [
            timed(lambda i=i: ws.set_status(ids[i % len(ids)], statuses[i % 2], who="bench"))
            for i in range(1000)
        ]
    times.sort()
    print(
        f"status change, durable (SQLite WAL, synchronous=NORMAL), 1000 marks: "
        f"median {statistics.median(times):.2f} ms, p95 {times[949]:.2f} ms, max {times[-1]:.2f} ms"
    )


def big_workspace(folder: Path) -> None:
    path = folder / "big.sqlite"
    busiest_claims = 1000
    sizes = [busiest_claims] + [95] * 199
    sizes[-1] += 20_000 - sum(sizes)
    start = time.perf_counter()
    with Workspace(str(path)) as ws:
        for number, size in enumerate(sizes):
            imported, claims = article(size, number)
            stored = ws.add_article(imported, claims, who="bench")
            if number == 0:
                busiest = stored.id
                rng = random.Random(1)
                for claim in rng.sample(ws.claims(busiest), 300):
                    ws.set_status(claim.id, rng.choice([Status.VERIFIED, Status.DISPUTED]), who="bench")
    print(
        f"built 200 articles / {sum(sizes)} claims in {time.perf_counter() - start:.1f} s "
        f"({path.stat().st_size / 1e6:.1f} MB)"
    )

    opens, lists, loads, histories = [], [], [], []
    for _ in range(7):
        t0 = time.perf_counter()
        ws = Workspace(str(path))
        library = ws.list_articles()
        opens.append((time.perf_counter() - t0) * 1000)
        assert len(library) == 200
        lists.append(timed(ws.list_articles))
        loads.append(timed(lambda ws=ws: ws.claims(busiest)))
        histories.append(timed(lambda ws=ws: ws.histories(busiest)))
        ws.close()
    print(
        f"open + library listed (in process): median {statistics.median(opens):.1f} ms "
        f"(list alone {statistics.median(lists):.1f} ms)"
    )
    print(f"busiest article's checklist ({busiest_claims} claims): median {statistics.median(loads):.1f} ms")
    print(f"its whole history (Workspace.histories): median {statistics.median(histories):.1f} ms")
    fresh = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                f"import sys, time; sys.path.insert(0, {str(ROOT)!r})\n"
                "from workbench.store import Workspace\n"
                f"t = time.perf_counter(); ws = Workspace({str(path)!r}); n = len(ws.list_articles())\n"
                "print(round((time.perf_counter() - t) * 1000, 1), n)"
            ),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    print(f"open + library listed (fresh process, after imports): {fresh[0]} ms for {fresh[1]} articles")


def reanchor_speed(folder: Path) -> None:
    with Workspace(str(folder / "reanchor.sqlite")) as ws:
        imported, claims = article(1000, 0)
        stored = ws.add_article(imported, claims, who="bench")
        sentences = imported.text.split(". ")
        for n in range(0, len(sentences), 10):  # every tenth sentence reworded
            sentences[n] = sentences[n].replace("the highest", "the very highest")
        for n in range(5, len(sentences), 50):  # every fiftieth cut
            sentences[n] = "Nothing to see"
        text = "Correction appended at the top. " + ". ".join(sentences)
        fresh = [
            ExtractedClaim(text=text[m.start() : m.end()], start=m.start(), end=m.end(), score=0.5)
            for m in re.finditer(r"The council[^.]*\.", text)
        ]
        changed = ImportedArticle(text=text, title="Article 0", source_path="/news/0.txt")
        start = time.perf_counter()
        report = ws.reimport(stored.id, changed, fresh, who="bench")
        elapsed = time.perf_counter() - start
    print(
        f"re-anchoring 1000 claims (all moved, 100 reworded, 20 cut): {elapsed * 1000:.0f} ms "
        f"({report.kept} kept, {len(report.reworded)} reworded, {len(report.lost)} lost)"
    )


def _writer(url: str, name: str, status: str, claim_ids: list[int], start_at: float, out: object) -> None:
    with Workspace(url) as ws:
        while time.time() < start_at:
            time.sleep(0.001)
        t0 = time.perf_counter()
        for claim_id in claim_ids:
            ws.set_status(claim_id, status, who=name)
        out.put((name, time.perf_counter() - t0))  # type: ignore[attr-defined]


def postgres_writers(url: str) -> None:
    with Workspace(url) as ws:
        imported, claims = article(1000, 0)
        stored = ws.add_article(imported, claims, who="bench")
        ids = [c.id for c in ws.claims(stored.id)]
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    start_at = time.time() + 3
    shuffled = ids[:]
    random.Random(2).shuffle(shuffled)
    writers = [
        context.Process(target=_writer, args=(url, "ann", "verified", ids, start_at, results)),
        context.Process(target=_writer, args=(url, "bob", "disputed", shuffled, start_at, results)),
    ]
    for writer in writers:
        writer.start()
    timings = [results.get(timeout=600) for _ in writers]
    for writer in writers:
        writer.join()
    wall = max(seconds for _, seconds in timings)
    with Workspace(url) as ws:
        lost = 0
        for claim in ws.claims(stored.id):
            marks = [h for h in ws.history(claim.id) if h.field == "status"]
            # Each writer sets its own status once: two changes, version 1 + 2, both in the history.
            if claim.version != 3 or len(marks) != 2 or {h.who for h in marks} != {"ann", "bob"}:
                lost += 1
    print(
        f"PostgreSQL, 2 writers x 1000 marks on the same claims at once: {lost} lost updates; "
        f"{2000 / wall:.0f} marks/s together ({', '.join(f'{n} {1000 / s:.0f}/s' for n, s in timings)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg-url", help="an empty PostgreSQL database to use (else a throwaway server)")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        status_change(Path(folder))
        big_workspace(Path(folder))
        reanchor_speed(Path(folder))
    if args.skip_postgres:
        return
    if args.pg_url:
        postgres_writers(args.pg_url)
        return
    import pg_throwaway
    from store_helpers import fresh_postgres_database

    server = pg_throwaway.start()
    try:
        postgres_writers(fresh_postgres_database(server))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
