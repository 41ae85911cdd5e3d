"""Start-up of the frozen bundle against ``python -m workbench``, on the same machine in the same run.

    make bundle   # or: .venv/bin/pyinstaller --noconfirm build.spec
    .venv/bin/python benchmarks/startup.py [--bundle dist/fact-check-workbench] [--runs 5]

Each launch is the real program opening the sample article, in a fresh home folder (so a new
workspace: the claims are extracted), on a private Xvfb display, watched from outside with xdotool:

* **show()** — from starting the process until the app logs that it called ``window.show()`` (every
  import done: Qt, spaCy, the store), read from the log file the app writes;
* **window** — until its window is mapped and visible;
* **article** — until the window title names the article (set once its text and claims are shown).

The two programs take turns (each going first every other round), after one discarded warm-up
launch each (warm disk cache). Also prints
the bundle's size on disk. Needs Xvfb and xdotool (``apt-get install xvfb xdotool``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "sky-news-2019-05-30-putin-may.txt"
APP_NAME = "Fact-Check Workbench"
ARTICLE_TITLE = "Putin approach to May"
TIMEOUT_S = 180.0


def folder_size(folder: Path) -> int:
    """Bytes on disk under ``folder`` (allocated blocks, as ``du`` counts them)."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*"))


def window_with(title: str, display: str, pid: int) -> bool:
    """Whether process ``pid`` has a visible window whose title contains ``title``."""
    found = subprocess.run(
        ["xdotool", "search", "--all", "--onlyvisible", "--pid", str(pid), "--name", title],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def logged_show(home: str, started_at: float) -> float:
    """Seconds from ``started_at`` (wall clock) to the app's "window shown" log line."""
    log = Path(home) / ".local" / "state" / "fact-check-workbench" / "log" / "workbench.log"
    for line in log.read_text("utf-8").splitlines():
        if line.endswith("window shown"):
            stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
            return stamp.timestamp() - started_at
    raise SystemExit(f"startup: no 'window shown' line in {log}")


def launch(command: list[str], display: str) -> tuple[float, float, float]:
    """Seconds from starting ``command`` to its ``show()`` call, its visible window and the article."""
    with tempfile.TemporaryDirectory(prefix="workbench-startup-") as home:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("XDG_", "QT_", "WORKBENCH_")) and key != "PYTHONPATH"
        }
        env.update(HOME=home, DISPLAY=display, LANG="C.UTF-8")
        started_at = time.time()
        start = time.perf_counter()
        errors = open(Path(home) / "stderr.txt", "w+b")  # noqa: SIM115  (closed in finally)
        process = subprocess.Popen(
            [*command, "open", str(SAMPLE)], cwd=home, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        try:
            window: float | None = None
            article: float | None = None
            while window is None or article is None:
                now = time.perf_counter() - start
                if process.poll() is not None:
                    errors.seek(0)
                    tail = errors.read().decode("utf-8", "replace")[-3000:]
                    raise SystemExit(f"startup: {command[0]} quit with status {process.returncode}:\n{tail}")
                if now > TIMEOUT_S:
                    raise SystemExit(f"startup: {command[0]} showed nothing in {TIMEOUT_S:.0f} s")
                if window is None and window_with(APP_NAME, display, process.pid):
                    window = now
                if window is not None and window_with(ARTICLE_TITLE, display, process.pid):
                    article = now
                time.sleep(0.02)
        finally:
            process.terminate()
            process.wait(timeout=30)
            errors.close()
        return logged_show(home, started_at), window, article


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb server on a free display (Xvfb picks the number), and that display's name.

    ``-noreset``: by default Xvfb resets whenever its last client leaves, and a launch connecting
    during a reset (between two xdotool polls) fails with "could not connect to display".
    """
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()
    if not number:
        raise SystemExit("startup: Xvfb did not start")
    return server, f":{number}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "fact-check-workbench")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    frozen = args.bundle / "fact-check-workbench"
    if not frozen.is_file():
        raise SystemExit(f"startup: no bundle at {args.bundle}; build it first (make bundle)")
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            raise SystemExit(f"startup: {tool} is needed (apt-get install xvfb xdotool)")
    programs = {
        "frozen bundle": [str(frozen)],
        "python -m workbench": [sys.executable, "-m", "workbench"],
    }
    server, display = start_xvfb()
    try:
        for command in programs.values():
            launch(command, display)  # warm-up, discarded
        times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in programs}
        for round_number in range(args.runs):
            # Each goes first every other round, so neither always follows the other's disk and CPU use.
            order = list(programs.items())
            for name, command in order[:: -1 if round_number % 2 else 1]:
                times[name].append(launch(command, display))
    finally:
        server.terminate()
        server.wait(timeout=10)

    def cell(values: list[float]) -> str:
        return f"{statistics.median(values):5.2f} s ({min(values):.2f}–{max(values):.2f})"

    print(f"bundle: {args.bundle} — {folder_size(args.bundle) / 2**20:.0f} MiB on disk (as du -sh counts)")
    print(f"{'program':<22} {'show() called':<24} {'window visible':<24} article shown   (median, min–max)")
    for name, runs in times.items():
        columns = [cell([run[i] for run in runs]) for i in range(3)]
        print(f"{name:<22} {columns[0]:<24} {columns[1]:<24} {columns[2]}")
    print(f"({args.runs} launches each, alternating, after one warm-up each; {os.cpu_count()} CPUs)")
    for name, runs in times.items():
        print(
            f"  {name}: "
            + "  ".join(f"{s:.2f}/{w:.2f}/{a:.2f}" for s, w, a in runs)
            + "  (show/window/article)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
