"""Loads the language model and the format parsers on two threads while the window starts.

Started before the window's own modules are imported, so the first article's text shows without
waiting for them. The language model comes first, on a thread of its own: importing the file needs it
and decompressing it (~0.45 s) releases the GIL, so it runs on the other core while the parsers and
the window's modules import; after the parsers it would hold the text back. spaCy is left to the
extraction itself: measured, loading it here or beside the first paint held the interpreter while the
window painted and made the text later (1.4 -> 1.8-2.7 s under load) without making the claims sooner.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


def _load_language_model() -> None:
    from workbench.importers.language import detect_language

    detect_language("warm " * 20)


def _load_parsers() -> None:
    import workbench.importers.api  # noqa: F401  (imports and registers every format)


def _run(load: Callable[[], None]) -> None:
    try:
        load()
    except Exception:  # the real use reports the same failure in the window; here it is only a head start
        log.warning("warm-up failed", exc_info=True)


def start_warm_up() -> list[threading.Thread]:
    """Begin loading in daemon threads; returns them (tests and benchmarks may join them)."""
    threads = [
        threading.Thread(target=_run, args=(load,), name=f"workbench-warm-up-{name}", daemon=True)
        for name, load in (("language", _load_language_model), ("parsers", _load_parsers))
    ]
    for thread in threads:
        thread.start()
    return threads
