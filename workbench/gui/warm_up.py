"""Loads the format parsers and the language model on a thread while the window starts.

Started before the window's own modules are imported, so the first article's text shows without
waiting for them; decompressing the language model releases the GIL and runs on another core. spaCy is
left to the extraction itself: measured, loading it here too held the interpreter while the window
painted and made both the text and the claims later.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


def _load() -> None:
    try:
        from workbench import importers

        importers.warm_up()
    except Exception:  # the real use reports the same failure in the window; here it is only a head start
        log.warning("warm-up failed", exc_info=True)


def start_warm_up() -> threading.Thread:
    """Begin loading in a daemon thread; returns the thread (tests and benchmarks may join it)."""
    thread = threading.Thread(target=_load, name="workbench-warm-up", daemon=True)
    thread.start()
    return thread
