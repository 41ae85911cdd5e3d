"""Two checkers writing at the same time: every change lands, none is silently overwritten."""

from __future__ import annotations

import threading

from store_helpers import make_article

from workbench.claims.types import ExtractedClaim
from workbench.store import StaleWriteError, Workspace

TEXT = " ".join(f"Fact {n} is {n * 3}." for n in range(30))
ROUNDS = 3


def _claims() -> list[ExtractedClaim]:
    found, start = [], 0
    for part in TEXT.split(". "):
        part = part.rstrip(".") + "."
        start = TEXT.index(part, start)
        found.append(ExtractedClaim(text=part, start=start, end=start + len(part), score=0.5))
        start += len(part)
    return found


def _append_notes(
    url: str, name: str, claim_ids: list[int], retries: list[int], errors: list[BaseException]
) -> None:
    """Read, change, write back with the version read: on a stale write, reload and try again."""
    try:
        with Workspace(url) as ws:
            for round_number in range(ROUNDS):
                for claim_id in claim_ids:
                    while True:
                        seen = ws.claim(claim_id)
                        try:
                            ws.set_note(
                                claim_id,
                                f"{seen.note}[{name}{round_number}]",
                                who=name,
                                expected_version=seen.version,
                            )
                            break
                        except StaleWriteError as stale:
                            assert stale.who in ("ann", "bob")
                            retries.append(1)
    except BaseException as error:  # handed to the test thread
        errors.append(error)


def test_two_writers_at_once_lose_no_update(workspace_url: str) -> None:
    with Workspace(workspace_url) as ws:
        article = ws.add_article(make_article(TEXT), _claims(), who="setup")
        claim_ids = [c.id for c in ws.claims(article.id)]
    retries: list[int] = []
    errors: list[BaseException] = []
    writers = [
        threading.Thread(target=_append_notes, args=(workspace_url, name, claim_ids, retries, errors))
        for name in ("ann", "bob")
    ]

    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=300)

    assert errors == []
    with Workspace(workspace_url) as ws:
        for claim in ws.claims(article.id):
            tags = sorted(claim.note.strip("[]").split("]["))
            assert tags == sorted(f"{name}{r}" for name in ("ann", "bob") for r in range(ROUNDS)), claim.note
            assert claim.version == 1 + 2 * ROUNDS
            assert len([h for h in ws.history(claim.id) if h.field == "note"]) == 2 * ROUNDS
