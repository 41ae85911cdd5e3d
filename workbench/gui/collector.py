"""Keeps Python's cyclic garbage collector from stalling the window.

A full collection walks every object the process holds and keeps the interpreter while it does; with
Qt's wrappers and spaCy's pipeline loaded that took 100-180 ms at a time (measured), on whichever
thread set it off, and the window froze for as long. So the collector pauses while the app starts and
while the pipeline loads, when almost everything made stays until the app exits, and what those phases
leave is then frozen (``gc.freeze``): kept out of later collections, which see only newer objects and
stay short. The cycles that became garbage during a pause are frozen too, once: measured at the end of
a launch, 11,000 of the 200,000 objects the collector tracks.

Pausing sets the collection threshold to 0 rather than calling ``gc.disable()``: srsly, which loads
spaCy's models, calls ``gc.enable()`` after each file, and that ended the pause in the middle of the
load (then one collection walked everything allocated so far: 100-150 ms).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_thresholds: tuple[int, int, int] = gc.get_threshold()


def pause() -> None:
    """Stop collecting until every :func:`pause` has had its :func:`resume` (any thread)."""
    global _pauses, _thresholds
    with _lock:
        if _pauses == 0:
            _thresholds = gc.get_threshold()
            gc.set_threshold(0)  # no automatic collection, whatever gc.enable() others call
        _pauses += 1


def resume() -> None:
    """End one pause; the last one freezes what exists now and turns the collector back on."""
    global _pauses
    with _lock:
        if _pauses == 0:
            return
        _pauses -= 1
        if _pauses == 0:
            gc.freeze()
            gc.set_threshold(*_thresholds)


@contextmanager
def paused() -> Iterator[None]:
    """The collector paused for the ``with`` block (e.g. loading the claims pipeline)."""
    pause()
    try:
        yield
    finally:
        resume()
