"""Nothing lost: a process killed mid-run of marks keeps every mark it acknowledged."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from marking_worker import CYCLE
from store_helpers import fresh_postgres_database, make_article

from workbench.claims.types import ExtractedClaim
from workbench.store import Status, Workspace

WORKER = Path(__file__).resolve().parent / "marking_worker.py"
ARTICLE = " ".join(f"Claim number {n} says {n * 7} things." for n in range(40))


def _claims(text: str) -> list[ExtractedClaim]:
    found, start = [], 0
    for part in text.split("."):
        part = part.strip()
        if part:
            start = text.index(part, start)
            found.append(ExtractedClaim(text=part + ".", start=start, end=start + len(part) + 1, score=0.5))
            start += len(part)
    return found


def _kill_midway(url: str, article_id: int, marks_before_kill: int, log: Path) -> list[tuple[int, str]]:
    """Start the worker and SIGKILL it after at least ``marks_before_kill`` acknowledged marks.

    Returns every acknowledged mark, in order, as ``(claim id, status)``.
    """
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    acknowledged: list[tuple[int, str]] = []
    with (
        log.open("w") as errors,
        subprocess.Popen(
            [sys.executable, str(WORKER), url, str(article_id)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=env,
        ) as worker,
    ):
        assert worker.stdout is not None
        try:
            assert worker.stdout.readline().strip() == "ready", log.read_text()
            for _ in range(marks_before_kill):
                line = worker.stdout.readline()
                assert line, f"worker stopped early: {log.read_text()}"
                acknowledged.append(_parse(line))
            worker.send_signal(signal.SIGKILL)  # most likely in the middle of the next mark
            worker.wait(timeout=30)
            # Marks printed between our last read and the kill were acknowledged too.
            acknowledged += [_parse(line) for line in worker.stdout.read().splitlines() if line]
        finally:
            if worker.poll() is None:
                worker.kill()
    assert worker.returncode == -signal.SIGKILL
    return acknowledged


def _parse(line: str) -> tuple[int, str]:
    word, claim_id, status = line.split()
    assert word == "marked"
    return int(claim_id), status


def _assert_every_acknowledged_mark_is_there(
    ws: Workspace, article_id: int, marks: list[tuple[int, str]]
) -> None:
    claims = ws.claims(article_id)
    last: dict[int, str] = {claim.id: Status.UNCHECKED.value for claim in claims}
    changes = 0  # marks that changed a status (marking an unchecked claim unchecked changes nothing)
    for claim_id, status in marks:
        changes += last[claim_id] != status
        last[claim_id] = status
    # The one mark the kill may have caught after its commit but before its line was printed.
    in_flight = (claims[len(marks) % len(claims)].id, CYCLE[len(marks) % len(CYCLE)].value)
    for claim in claims:
        if claim.id == in_flight[0]:
            assert claim.status.value in (last[claim.id], in_flight[1])
        else:
            assert claim.status.value == last[claim.id], f"claim {claim.id} lost its acknowledged mark"
    logged = sum(1 for claim in claims for h in ws.history(claim.id) if h.field == "status")
    assert logged in (changes, changes + 1)  # each change is in the history, the in-flight one perhaps


@pytest.mark.slow
@pytest.mark.parametrize("marks_before_kill", [57, 203])
def test_every_acknowledged_mark_survives_a_kill(tmp_path: Path, marks_before_kill: int) -> None:
    path = tmp_path / "workspace.sqlite"
    with Workspace(str(path)) as ws:
        article = ws.add_article(make_article(ARTICLE), _claims(ARTICLE), who="setup")

    marks = _kill_midway(str(path), article.id, marks_before_kill, tmp_path / "worker.log")

    connection = sqlite3.connect(path)  # a plain reopen, as after a crash
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
    with Workspace(str(path)) as ws:
        _assert_every_acknowledged_mark_is_there(ws, article.id, marks)


@pytest.mark.slow
@pytest.mark.postgres
def test_every_acknowledged_mark_survives_a_kill_on_the_team_server(
    postgres_server: object, tmp_path: Path
) -> None:
    url = fresh_postgres_database(postgres_server)  # type: ignore[arg-type]
    with Workspace(url) as ws:
        article = ws.add_article(make_article(ARTICLE), _claims(ARTICLE), who="setup")

    marks = _kill_midway(url, article.id, 120, tmp_path / "worker.log")

    with Workspace(url) as ws:
        _assert_every_acknowledged_mark_is_there(ws, article.id, marks)
