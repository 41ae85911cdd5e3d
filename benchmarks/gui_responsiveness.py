"""Does the window stay responsive while a 100,000-word article is opened and its claims extracted?

    .venv/bin/python benchmarks/gui_responsiveness.py [--words 100000] [--runs 5] [--offscreen]

A QTimer ticks every 10 ms on the GUI thread and records the time between its ticks, from just before
``MainWindow.open_path`` until ``article_loaded`` (text shown, every claim stored and listed). A gap far
above 10 ms is a stall: the event loop was busy and the window could not react. A watcher thread
samples the GUI thread's Python stack every 2 ms, so each long stall is reported with the functions
the GUI thread was in (file:function), or ``(Qt event loop)`` when it was inside Qt's own C++ work
(layout, painting) rather than in a Python slot.

Each tick also reads the GUI thread's and the process's CPU clocks, so every stall says what held the
window: the GUI thread itself working (its CPU time ≈ the stall), the GUI thread waiting for the
interpreter while the extraction thread ran (process CPU ≈ the stall, GUI thread's small), or the
whole process waiting for a core (both small: other programs had the machine; on a shared 2-core
machine this happens, and is not the window's doing). Each run is a fresh process; ``--runs`` repeats.

The article is the bundled sample's paragraphs repeated until it holds ``--words`` words.
Target (issue 5): no stall longer than 100 ms.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from gui_session import start_gui_session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "resources" / "samples" / "sky-news-2019-05-30-putin-may.txt"
TICK_MS = 10
STALL_MS = 100


def long_article(words: int) -> str:
    """The sample's paragraphs, repeated and numbered into sections, until ``words`` words."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    title, body = lines[0], [p for p in lines[1:] if p.strip()]
    out = [f"{title}: the long report", ""]
    count, section = 0, 0
    while count < words:
        section += 1
        out += [f"Section {section}", ""]
        for paragraph in body:
            out += [paragraph, ""]
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n".join(out)


class StackSampler(threading.Thread):
    """Samples one thread's Python stack every ``interval`` seconds into (time, frames) pairs."""

    def __init__(self, thread_id: int, interval: float = 0.002) -> None:
        super().__init__(daemon=True, name="stack-sampler")
        self.thread_id = thread_id
        self.interval = interval
        self.samples: list[tuple[float, tuple[str, ...]]] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            frame = sys._current_frames().get(self.thread_id)
            stack: list[str] = []
            while frame is not None and len(stack) < 40:
                code = frame.f_code
                stack.append(f"{_short(code.co_filename)}:{code.co_name}:{frame.f_lineno}")
                frame = frame.f_back
            self.samples.append((time.perf_counter(), tuple(stack)))
            time.sleep(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _short(filename: str) -> str:
    path = Path(filename)
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return path.name


def blame(stack: tuple[str, ...]) -> str:
    """Where a GUI-thread stack is busy: the slot Qt called (outermost project frame, with its line, as
    slots are often lambdas) and the innermost project function, e.g.
    ``main_window.py:<lambda>:530 > article_view.py:_repaint``; the event loop itself when no project
    code is running."""
    ours = [frame.removeprefix("workbench/gui/") for frame in stack if "workbench/" in frame]
    if not ours:
        return "(Qt event loop: layout, painting or signal dispatch in C++)"
    inner = ours[0].rsplit(":", 1)[0]
    return inner if len(ours) == 1 else f"{ours[-1]} > {inner}"


def held_by(gui_cpu: float, process_cpu: float, gap: float) -> str:
    """What kept the event loop away during a gap, from the CPU time spent in it (all in seconds)."""
    if gui_cpu >= 0.5 * gap:
        return "GUI thread busy"
    if process_cpu >= 0.5 * gap:
        return "GUI thread waiting for the GIL"
    return "process waiting for a core"


def measure(words: int, offscreen: bool) -> dict[str, float]:
    """One run in this process: print its report, return its figures."""
    tmp = start_gui_session(offscreen=offscreen, prefix="gui-responsiveness-")
    article = tmp / "long-report.txt"
    text = long_article(words)
    article.write_text(text, encoding="utf-8")

    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from workbench.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db=f"sqlite:///{tmp / 'workspace.sqlite'}", settings=settings)
    window.show()
    ticks: list[float] = []
    clocks: list[tuple[float, float]] = []  # (GUI thread CPU, process CPU) at each tick
    events: dict[str, float] = {}
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(
        lambda: (ticks.append(time.perf_counter()), clocks.append((time.thread_time(), time.process_time())))
    )
    sampler = StackSampler(threading.get_ident())

    def begin() -> None:
        sampler.start()
        timer.start()
        events["open"] = time.perf_counter()
        window.open_path(article)

    def first_text() -> None:
        if "text" not in events and window.article_view.toPlainText():
            events["text"] = time.perf_counter()
        if "claims" not in events and window.claims_model.rowCount():
            events["claims"] = time.perf_counter()

    def loaded(_article_id: int) -> None:
        events["loaded"] = time.perf_counter()
        QTimer.singleShot(500, app.quit)  # keep ticking a moment: the last repaint counts too

    watch = QTimer()
    watch.setInterval(5)
    watch.timeout.connect(first_text)
    watch.start()
    window.workspace_ready.connect(lambda: QTimer.singleShot(300, begin))
    window.article_loaded.connect(loaded)
    window.failed.connect(lambda message: (print("failed:", message), app.exit(2)))
    QTimer.singleShot(20 * 60 * 1000, lambda: app.exit(3))
    code = app.exec()
    timer.stop()
    sampler.stop()
    window.close()
    if code != 0 or "loaded" not in events:
        raise SystemExit(f"the article did not load (exit {code})")

    gaps = [(b - a, a, b) for a, b in itertools.pairwise(ticks)]
    gap_ms = sorted(g * 1000 for g, _, _ in gaps)
    stalls = sorted(((g, a, b) for g, a, b in gaps if g * 1000 > STALL_MS), reverse=True)
    cpu_at = dict(zip(ticks, clocks, strict=True))

    def holder(begin_at: float, end_at: float) -> str:
        (gui_0, process_0), (gui_1, process_1) = cpu_at[begin_at], cpu_at[end_at]
        return held_by(gui_1 - gui_0, process_1 - process_0, end_at - begin_at)

    start = events["open"]
    print(f"platform {os.environ['QT_QPA_PLATFORM']}; load average {os.getloadavg()}")
    print(
        f"article: {len(text.split()):,} words, {len(text):,} characters; "
        f"{window.claims_model.rowCount():,} claims"
    )
    for name, label in (
        ("text", "text shown"),
        ("claims", "first claims listed"),
        ("loaded", "article_loaded"),
    ):
        if name in events:
            print(f"  {label:22s} {events[name] - start:7.2f} s after open_path")
    print(
        f"ticks: {len(ticks):,}; gap median {statistics.median(gap_ms):.1f} ms, "
        f"p99 {gap_ms[int(len(gap_ms) * 0.99)]:.1f} ms, longest {gap_ms[-1]:.1f} ms; "
        f"{len(stalls)} stalls over {STALL_MS} ms (total {sum(g for g, _, _ in stalls):.2f} s)"
    )
    during = [stack for at, stack in sampler.samples if any(a <= at <= b for _, a, b in stalls)]
    print("where the GUI thread was during all stalls (share of samples):")
    for name, count in Counter(blame(stack) for stack in during).most_common(6):
        print(f"  {count / max(1, len(during)):5.1%}  {name}")
    print("longest stalls:")
    for gap, begin_at, end_at in stalls[:8]:
        inside = [stack for at, stack in sampler.samples if begin_at <= at <= end_at]
        culprits = Counter(blame(stack) for stack in inside).most_common(3)
        where = "; ".join(f"{name} ×{count}" for name, count in culprits) or "no sample (GIL held elsewhere)"
        when = f"+{begin_at - start:6.2f} s, {holder(begin_at, end_at)}"
        print(f"  stall {gap * 1000:7.1f} ms at {when}: {where}")
    held = Counter(holder(a, b) for _, a, b in stalls)
    if held:
        print("stalls by what held the window: " + ", ".join(f"{name} {n}" for name, n in held.most_common()))
    return {
        "longest_ms": gap_ms[-1],
        "p99_ms": gap_ms[int(len(gap_ms) * 0.99)],
        "stalls": len(stalls),
        "busy_stalls": held["GUI thread busy"],
        "text_s": events.get("text", start) - start,
        "loaded_s": events["loaded"] - start,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1, help="fresh processes; median and range")
    parser.add_argument("--offscreen", action="store_true", help="Qt's offscreen platform instead of Xvfb")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.runs == 1 or args.child:
        figures = measure(args.words, args.offscreen)
        if args.child:
            print(json.dumps(figures))
        return
    runs: list[dict[str, float]] = []
    for run in range(1, args.runs + 1):
        print(f"\n=== run {run} of {args.runs}", flush=True)
        command = [sys.executable, __file__, "--child", "--words", str(args.words)]
        command += ["--offscreen"] if args.offscreen else []
        done = subprocess.run(command, capture_output=True, text=True)
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            raise SystemExit(f"run {run} failed ({done.returncode}):\n{done.stderr[-3000:]}")
        print("\n".join(lines[:-1]), flush=True)
        runs.append(json.loads(lines[-1]))
    print(f"\n{len(runs)} runs, median [min–max]; load average now {os.getloadavg()}")
    for name, label in (
        ("longest_ms", "longest stall, ms"),
        ("stalls", f"stalls over {STALL_MS} ms"),
        ("busy_stalls", "  of them GUI thread busy"),
        ("p99_ms", "gap p99, ms"),
        ("text_s", "text shown, s"),
        ("loaded_s", "article_loaded, s"),
    ):
        values = [run[name] for run in runs]
        print(f"  {label:26s} {statistics.median(values):8.2f}  [{min(values):.2f}–{max(values):.2f}]")


if __name__ == "__main__":
    main()
