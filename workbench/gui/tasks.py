"""One way to run work off the GUI thread.

``TaskRunner.run(fn, ...)`` calls ``fn(ctx)`` on a worker thread and delivers its result, its error or
its progress back on the GUI thread through queued signals. Workers never touch widgets. Database work
goes through one worker (``lane="db"``) so writes are serialised; CPU work (spaCy, PDF) gets its own lane
so a long extraction never holds up a status change.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

# How long a worker may keep the interpreter while the GUI thread waits for it (CPython's default is
# 5 ms). The GUI thread takes the GIL for every slot and every item-model call while it paints, and
# waited up to this long each time a worker ran spaCy. Medians of 3 runs, 100,000 words: longest stall
# 128 -> 112 ms, stalls over 100 ms 2 -> 1 (20,000 words: 13 at 5 ms, 5 at 1 ms, 2 at 0.2 ms); the
# extraction took no longer.
GIL_SWITCH_INTERVAL_S = 0.0005


class TaskCancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


@dataclass
class TaskContext:
    """Handed to the task function: report progress, see whether the user cancelled."""

    _emit_progress: Callable[[int, int, str], None]
    _emit_partial: Callable[[Any], None] = lambda _value: None
    _cancel: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int, label: str = "") -> None:
        self._emit_progress(done, total, label)

    def partial(self, value: Any) -> None:
        """Hand a first part of the result to the GUI thread (``on_partial``) before the task ends."""
        self._emit_partial(value)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()


class TaskHandle:
    def __init__(self, context: TaskContext) -> None:
        self._context = context

    def cancel(self) -> None:
        self._context._cancel.set()


class TaskRunner(QObject):
    """Runs callables in the background.

    Signals:
        busy_changed(bool): some task started (True) or the last one finished (False).
        progressed(int, int, str): done, total and a label from the running task.
    """

    busy_changed = Signal(bool)
    progressed = Signal(int, int, str)
    _delivered = Signal(object)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._running = 0
        self._delivered.connect(self._on_delivered)

    def run(
        self,
        fn: Callable[[TaskContext], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_partial: Callable[[Any], None] | None = None,
        lane: str = "db",
    ) -> TaskHandle:
        """Run ``fn(context)`` on the lane's worker; callbacks run on the GUI thread."""

        def emit_progress(done: int, total: int, label: str) -> None:
            self._delivered.emit(lambda: self._report_progress(on_progress, done, total, label))

        def emit_partial(value: Any) -> None:
            if on_partial is not None:
                self._delivered.emit(lambda: None if context.cancelled() else on_partial(value))

        context = TaskContext(emit_progress, emit_partial)
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)

        def work() -> None:
            try:
                result = fn(context)
            except BaseException as error:  # handed to on_error on the GUI thread, never lost
                if not isinstance(error, TaskCancelled):
                    log.exception("background task failed")
                self._delivered.emit(lambda failure=error: self._finish(on_error, failure))
            else:
                self._delivered.emit(lambda value=result: self._finish(on_done, value))

        if self._synchronous:
            work()
        else:
            self._lane(lane).submit(work)
        return TaskHandle(context)

    def busy(self) -> bool:
        """Whether any task is still running or queued."""
        return self._running > 0

    def shutdown(self) -> None:
        """Wait for running tasks (pending writes finish) and stop the workers."""
        for executor in self._lanes.values():
            executor.shutdown(wait=True, cancel_futures=False)
        self._lanes.clear()

    def _lane(self, name: str) -> ThreadPoolExecutor:
        if name not in self._lanes:
            sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
            self._lanes[name] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"workbench-{name}")
        return self._lanes[name]

    def _report_progress(
        self, callback: Callable[[int, int, str], None] | None, done: int, total: int, label: str
    ) -> None:
        self.progressed.emit(done, total, label)
        if callback is not None:
            callback(done, total, label)

    def _finish(self, callback: Callable[[Any], None] | None, value: Any) -> None:
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)
        if callback is not None:
            callback(value)

    @Slot(object)
    def _on_delivered(self, thunk: Callable[[], None]) -> None:
        thunk()
