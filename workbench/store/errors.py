"""The errors the workspace raises: one line a checker can read, never a traceback."""

from __future__ import annotations

from datetime import datetime


class WorkspaceError(Exception):
    """The workspace cannot be opened or written; ``str(error)`` is one clear line."""


class StaleWriteError(WorkspaceError):
    """Someone else changed the claim after it was read: the change was not saved.

    ``who`` and ``when`` name the other change so the user can be asked to reload.
    """

    def __init__(self, claim_id: int, who: str, when: datetime | None) -> None:
        self.claim_id = claim_id
        self.who = who
        self.when = when
        by = who or "someone else"
        at = f" at {when:%Y-%m-%d %H:%M:%S} UTC" if when else ""
        super().__init__(f"this claim was changed by {by}{at} — reload?")
