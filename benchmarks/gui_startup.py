"""Launch time of the checking desk: from starting the program to the sample's text, then its claims.

    .venv/bin/python benchmarks/gui_startup.py [--runs 5] [--offscreen] [--no-real]

Two measurements, each in a fresh process (warm disk: one discarded warm-up run first):

* **instrumented launch** — this script starts itself as a child (``--child``) that builds the window
  exactly as ``workbench open`` does and records, with timers inside the process, when the window is
  first painted, when the article's text is first painted, and when ``article_loaded`` fires and the
  checklist is painted. Times are from just before the parent started the child, so they include the
  interpreter's start and every import. Run on a new workspace (the claims must be extracted) and again
  on the same workspace (the article resumes; nothing is extracted).
* **real program** — ``python -m workbench open SAMPLE --db …`` under Xvfb, watched from outside with
  xdotool: time until its window is mapped, and until the window title names the article (set when
  the text and claims are shown).

Targets (issue 5): text ≤ 1.0 s, claims ≤ 2.5 s on a 2-core machine with a warm disk.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "sky-news-2019-05-30-putin-may.txt"
SAMPLE_TITLE = "Putin approach to May"
EVENTS = ("imports", "window_painted", "workspace_ready", "text_painted", "article_loaded", "claims_painted")


# -- the child: one launch, timed from inside ----------------------------------------------------------
def child(db: str, article: str) -> None:
    """Build the window as ``workbench open`` does, print the wall-clock time of each event as JSON."""
    seen: dict[str, float] = {}

    def mark(name: str) -> None:
        seen.setdefault(name, time.time())

    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer

    from workbench.gui import collector
    from workbench.gui.app import _application, resume_collector_after_first_article
    from workbench.gui.warm_up import start_warm_up

    collector.pause()  # as run_app does: no garbage collection until the first article is shown
    start_warm_up()  # as run_app does, before the window's modules
    from workbench.gui.main_window import MainWindow

    mark("imports")
    app = _application(sys.argv[:1])  # the same QApplication set-up as run_app
    window = MainWindow(db=db)
    resume_collector_after_first_article(window)

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                if watched is window:
                    mark("window_painted")
                elif watched is window.article_view.viewport() and window.article_view.toPlainText():
                    mark("text_painted")
                elif watched is window.claims_view.viewport() and "article_loaded" in seen:
                    mark("claims_painted")
                    QTimer.singleShot(0, window.close)
            return False

    watch = PaintWatch()
    for widget in (window, window.article_view.viewport(), window.claims_view.viewport()):
        widget.installEventFilter(watch)
    window.workspace_ready.connect(lambda: mark("workspace_ready"))
    window.article_loaded.connect(lambda _id: mark("article_loaded"))
    window.failed.connect(lambda message: (print(f"failed: {message}", file=sys.stderr), app.exit(2)))
    window.show()
    window.open_path(article)
    QTimer.singleShot(120_000, lambda: app.exit(3))  # never hang a benchmark run
    code = app.exec()
    print(json.dumps({"seen": seen, "exit": code}))


# -- the parent: fresh processes, numbers -----------------------------------------------------------------
def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return None
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        number = pipe.readline().strip().decode()
    return server, f":{number}"


def user_env(home: Path, display: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "WORKBENCH_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    if display:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    else:
        env.update(QT_QPA_PLATFORM="offscreen")
    return env


def instrumented_launch(env: dict[str, str], db: str) -> dict[str, float]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, __file__, "--child", db, str(SAMPLE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["exit"] != 0:
        raise SystemExit(f"child window failed ({result['exit']}):\n{done.stderr[-3000:]}")
    return {name: result["seen"][name] - started for name in EVENTS if name in result["seen"]}


def real_program(env: dict[str, str], db: str) -> dict[str, float]:
    """Launch ``python -m workbench open`` and watch its window from outside with xdotool."""
    xdotool = shutil.which("xdotool")
    assert xdotool is not None
    started = time.time()
    app = subprocess.Popen(
        [sys.executable, "-m", "workbench", "open", str(SAMPLE), "--db", db],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen: dict[str, float] = {}
    try:
        while time.time() - started < 120 and len(seen) < 2:
            for name, pattern in (("window_mapped", "Fact-Check Workbench"), ("article_shown", SAMPLE_TITLE)):
                if name in seen:
                    continue
                found = subprocess.run(
                    [xdotool, "search", "--onlyvisible", "--name", pattern],
                    env=env,
                    capture_output=True,
                    text=True,
                )
                if found.stdout.strip():
                    seen[name] = time.time() - started
            time.sleep(0.01)
    finally:
        if app.poll() is None:
            app.terminate()  # without a window manager nothing gives the window keyboard focus
            try:
                app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
    return seen


def summarise(label: str, runs: list[dict[str, float]], names: tuple[str, ...]) -> None:
    print(f"\n{label} ({len(runs)} runs; seconds from launch; median [min–max])")
    for name in names:
        values = [run[name] for run in runs if name in run]
        if values:
            print(
                f"  {name:16s} {statistics.median(values):6.3f}  [{min(values):.3f}–{max(values):.3f}]"
                f"{'' if len(values) == len(runs) else f'  (in {len(values)} runs)'}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--offscreen", action="store_true", help="no Xvfb: Qt's offscreen platform")
    parser.add_argument("--no-real", action="store_true", help="skip the real-program measurement")
    parser.add_argument("--child", nargs=2, metavar=("DB", "ARTICLE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    xserver = None if args.offscreen else start_xvfb()
    display = xserver[1] if xserver else None
    print(f"platform: {'xcb on Xvfb ' + display if display else 'offscreen'}; load average {os.getloadavg()}")
    try:
        with tempfile.TemporaryDirectory(prefix="gui-startup-") as tmp:
            first: list[dict[str, float]] = []
            resumed: list[dict[str, float]] = []
            for run in range(args.runs + 1):  # run 0 warms the disk cache and is not counted
                home = Path(tmp) / f"run{run}"
                env = user_env(home, display)
                db = f"sqlite:///{home / 'workspace.sqlite'}"
                new = instrumented_launch(env, db)
                again = instrumented_launch(env, db)
                if run:
                    first.append(new)
                    resumed.append(again)
            summarise("instrumented launch, new workspace (claims extracted)", first, EVENTS)
            summarise("instrumented launch, same workspace again (article resumed)", resumed, EVENTS)
            if display and not args.no_real and shutil.which("xdotool"):
                real: list[dict[str, float]] = []
                for run in range(args.runs + 1):
                    home = Path(tmp) / f"real{run}"
                    measured = real_program(user_env(home, display), f"sqlite:///{home / 'ws.sqlite'}")
                    if run:
                        real.append(measured)
                summarise(
                    "real program watched with xdotool, new workspace",
                    real,
                    ("window_mapped", "article_shown"),
                )
    finally:
        if xserver:
            xserver[0].terminate()
            xserver[0].wait()


if __name__ == "__main__":
    main()
