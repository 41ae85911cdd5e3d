"""The garbage collector's pauses: nothing collected while paused, however often gc.enable() is called."""

from __future__ import annotations

import gc

from workbench.gui import collector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_pause_holds_through_gc_enable_and_the_last_resume_freezes() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    collector.pause()
    try:
        assert gc.get_threshold()[0] == 0
        gc.enable()  # what srsly does after each model file it reads
        with collector.paused():  # nested, as the pipeline's load inside the launch's pause
            pass
        assert gc.get_threshold()[0] == 0  # the outer pause still holds
        made = [Cycle() for _ in range(20_000)]
        assert gc.get_count()[0] >= 20_000  # allocations pile up uncollected
    finally:
        collector.resume()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() >= frozen + len(made)
    del made


def test_a_resume_without_a_pause_changes_nothing() -> None:
    before = gc.get_threshold()
    collector.resume()
    assert gc.get_threshold() == before
