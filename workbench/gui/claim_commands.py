"""Undoable changes to claims: every status, note, source, boundary and dismissal goes through here.

Each command holds two plain functions, one that makes the change and one that reverses it; the window
runs them against the workspace on its database worker, passing the version of the claim it last saw.
Qt's undo stack calls ``redo()`` on push (the change is saved at once) and ``undo()``/``redo()`` again on
Ctrl+Z / Ctrl+Shift+Z. Because the expected version is checked by the store, undoing over somebody
else's newer change is refused with a clear message instead of silently overwriting it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from workbench.store import ClaimRecord

if TYPE_CHECKING:
    from workbench.store import Workspace

# (workspace, expected version or None) -> the claim as saved
Change = Callable[["Workspace", int | None], ClaimRecord]
# The window's writer: runs a change for a claim in the background and shows the result.
Apply = Callable[[int, Change], None]

NOTE_MERGE_ID = 1001


class ClaimCommand(QUndoCommand):
    """One undoable change to one claim."""

    def __init__(self, text: str, claim_id: int, apply: Apply, do: Change, undo: Change) -> None:
        super().__init__(text)
        self.claim_id = claim_id
        self._apply = apply
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._apply(self.claim_id, self._do)

    def undo(self) -> None:
        self._apply(self.claim_id, self._undo)


class NoteCommand(ClaimCommand):
    """A note edit; consecutive edits of the same claim's note merge into one undo step."""

    def __init__(self, claim_id: int, apply: Apply, old: str, new: str, *, who: str) -> None:
        self.old, self.new = old, new
        super().__init__(
            "edit note",
            claim_id,
            apply,
            lambda ws, version: ws.set_note(claim_id, self.new, who=who, expected_version=version),
            lambda ws, version: ws.set_note(claim_id, self.old, who=who, expected_version=version),
        )

    def id(self) -> int:
        return NOTE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, NoteCommand) or other.claim_id != self.claim_id:
            return False
        self.new = other.new
        return True
