"""Run by the crash test as a separate process: marks claims one by one, printing each acknowledged mark.

    python marking_worker.py WORKSPACE_URL ARTICLE_ID

Mark number n (from 0) sets claim ``n % len(claims)`` (in article order) to status ``CYCLE[n % 3]``; the
line ``marked <claim id> <status>`` is printed and flushed only after ``set_status`` returned, i.e. after
the change was committed. The parent kills this process at a moment of its choosing.
"""

from __future__ import annotations

import itertools
import sys

from workbench.store import Status, Workspace

CYCLE = (Status.VERIFIED, Status.DISPUTED, Status.UNCHECKED)


def main() -> None:
    url, article_id = sys.argv[1], int(sys.argv[2])
    with Workspace(url) as ws:
        claims = ws.claims(article_id)
        print("ready", flush=True)
        for n in itertools.count():
            claim, status = claims[n % len(claims)], CYCLE[n % len(CYCLE)]
            ws.set_status(claim.id, status, who="worker")
            print(f"marked {claim.id} {status.value}", flush=True)


if __name__ == "__main__":
    main()
