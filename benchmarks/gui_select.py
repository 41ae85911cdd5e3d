"""Selecting a claim in a 1,000-claim checklist: how long until the highlight is painted?

    .venv/bin/python benchmarks/gui_select.py [--claims 1000] [--picks 60] [--offscreen]

A workspace gets an article of ``--claims`` sentences (the sample's, repeated), each stored as a claim;
the window opens it (resumed from the workspace, as a checker continuing their work). Then, timed
from the moment the selection changes until both the checklist row and the article's highlight have
been painted (their viewports' next Paint events):

* **next claim (J)**: the J key pressed in the checklist, as a checker works down the list;
* **jump**: the current index set to a random row far away (a click in the list, a search hit),
  with ``scrollTo`` as the window does.

Target (issue 5): scrolls and highlights in ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import re
import statistics
import sys
import time
from pathlib import Path

from gui_session import start_gui_session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "resources" / "samples" / "sky-news-2019-05-30-putin-may.txt"


def _short(filename: str) -> str:
    return filename.split("/workbench/", 1)[-1] if "/workbench/" in filename else filename


def sentences(count: int) -> list[str]:
    """``count`` sentences of five words or more from the sample, repeated in order as needed."""
    body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    found = [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s.split()) >= 5]
    return [found[i % len(found)] for i in range(count)]


def article_text(count: int) -> str:
    """A title line, then the sentences three to a paragraph."""
    chosen = sentences(count)
    paragraphs = [" ".join(chosen[i : i + 3]) for i in range(0, len(chosen), 3)]
    return "A thousand claims\n\n" + "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--picks", type=int, default=60, help="selections timed in each mode")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="system")
    parser.add_argument("--profile", action="store_true", help="also show where the jumps spend their time")
    parser.add_argument("--offscreen", action="store_true", help="Qt's offscreen platform instead of Xvfb")
    args = parser.parse_args()

    tmp = start_gui_session(offscreen=args.offscreen, prefix="gui-select-")

    from PySide6.QtCore import QElapsedTimer, QEvent, QItemSelectionModel, QObject, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from workbench.claims import ExtractedClaim
    from workbench.gui.main_window import MainWindow
    from workbench.importers import import_file
    from workbench.store import Workspace

    # The workspace holds the article and its claims already: opening resumes, nothing is extracted.
    path = tmp / "thousand-claims.txt"
    path.write_text(article_text(args.claims), encoding="utf-8")
    imported = import_file(path)
    text, claims, cursor = imported.text, [], 0
    for sentence in sentences(args.claims):
        at = text.index(sentence, cursor)
        claims.append(ExtractedClaim(text=sentence, start=at, end=at + len(sentence), score=0.9))
        cursor = at + len(sentence)
    db = f"sqlite:///{tmp / 'workspace.sqlite'}"
    with Workspace(db) as workspace:
        workspace.add_article(imported, claims, who="benchmark")

    app = QApplication(sys.argv[:1])
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("claims/threshold", 0.0)
    settings.setValue("appearance/theme", args.theme)
    window = MainWindow(db=db, settings=settings)
    window.show()
    loaded: list[int] = []
    window.article_loaded.connect(loaded.append)
    window.open_path(path)
    deadline = time.monotonic() + 300
    while not loaded and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    if not loaded:
        raise SystemExit("the article did not load")
    shown = window.claims_filter.rowCount()

    painted: set[str] = set()

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.add("list" if watched is window.claims_view.viewport() else "article")
            return False

    watch = PaintWatch()
    window.claims_view.viewport().installEventFilter(watch)
    window.article_view.viewport().installEventFilter(watch)
    window.activateWindow()  # shortcuts (J) need the active window; Xvfb has no window manager to do it
    window.claims_view.setFocus()
    for _ in range(50):
        app.processEvents()
        if window.isActiveWindow():
            break
        time.sleep(0.01)

    clock = QElapsedTimer()

    def timed(change: object) -> float:
        before = window.claims_view.currentIndex().row()
        painted.clear()
        clock.start()
        change()  # type: ignore[operator]
        while painted != {"list", "article"} and clock.elapsed() < 3000:
            app.processEvents()
        elapsed = clock.nsecsElapsed() / 1e6
        if window.claims_view.currentIndex().row() == before or painted != {"list", "article"}:
            raise SystemExit(f"the selection did not change and paint (row {before}, painted {painted})")
        return elapsed

    def jump(row: int) -> None:
        index = window.claims_filter.index(row, 0)
        window.claims_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        window.claims_view.scrollTo(index)

    rng = random.Random(5)
    jump(0)
    results: dict[str, list[float]] = {"next claim (J)": [], "jump to a random row": []}
    for _ in range(args.picks):
        results["next claim (J)"].append(
            timed(lambda: QTest.keyClick(window.claims_view, Qt.Key.Key_J))  # type: ignore[attr-defined]
        )
    profile = cProfile.Profile() if args.profile else None
    for _ in range(args.picks):
        row = rng.randrange(shown)
        if row == window.claims_view.currentIndex().row():  # no change, nothing to time
            row = (row + shown // 2) % shown
        if profile is not None:
            profile.enable()
        results["jump to a random row"].append(timed(lambda row=row: jump(row)))
        if profile is not None:
            profile.disable()
    window.close()

    print(f"platform {os.environ['QT_QPA_PLATFORM']}; load average {os.getloadavg()}")
    print(f"theme {args.theme}; checklist: {shown:,} claims shown of {window.claims_model.rowCount():,}")
    for label, times in results.items():
        times.sort()
        p95 = times[int(len(times) * 0.95)]
        print(
            f"  {label:22s} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms"
            f"  max {times[-1]:6.1f} ms  ({len(times)} selections)"
        )
    if profile is not None:
        print("where the jumps spent their time (cProfile, cumulative, project functions):")
        stats = pstats.Stats(profile)
        rows = [
            (cumulative, calls, f"{_short(file)}:{name}")
            for (file, _line, name), (_cc, calls, _tt, cumulative, _callers) in stats.stats.items()  # type: ignore[attr-defined]
            if "workbench/" in file
        ]
        for cumulative, calls, name in sorted(rows, reverse=True)[:8]:
            print(f"  {cumulative / args.picks * 1000:6.1f} ms per jump  {name}  ({calls} calls)")


if __name__ == "__main__":
    main()
