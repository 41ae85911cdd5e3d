"""The real program, as a user starts it: a window on a real X server, a click, a key, a saved verdict.

Starts ``python -m workbench open ARTICLE --db …`` under its own Xvfb, finds the window with xdotool,
clicks into the claims list, presses V, quits with Ctrl+Q and asks the command line whether a claim
is now verified.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench import APP_ID

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "sky-news-2019-05-30-putin-may.txt"
WINDOW_TITLE = "Putin approach to May"  # the sample's title: in the window title once its claims show

pytestmark = pytest.mark.slow


def _need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(
            f"SKIPPED END-TO-END TEST: {tool} is not installed (apt-get install {package}; "
            "`bash scripts/system-deps.sh test` installs what the tests need)"
        )
    return path


def _start_xvfb(xvfb: str, log_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    read_end, write_end = os.pipe()
    with log_path.open("ab") as log:
        server = subprocess.Popen(
            [xvfb, "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        number = pipe.readline().strip().decode()
    return server, number


def _answers(display: str) -> bool:
    xdotool = shutil.which("xdotool")
    if xdotool is None:
        return True  # the test skips on its own without xdotool
    probe = subprocess.run(
        [xdotool, "getdisplaygeometry"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        timeout=10,
    )
    return probe.returncode == 0


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A private X server; Xvfb picks a free display number itself and writes it to a pipe.

    On a machine where other X servers start and stop at the same moment, a display number can be
    announced and then lost; the server is only used once a client has reached it (three tries).
    """
    xvfb = _need("Xvfb", "xvfb")
    log_path = tmp_path / "xvfb.log"
    for _attempt in range(3):
        server, number = _start_xvfb(xvfb, log_path)
        if number.isdigit() and _answers(f":{number}"):
            break
        server.terminate()
        server.wait(timeout=10)
    else:
        pytest.fail(f"Xvfb did not start: {log_path.read_text(errors='replace')}")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _user_env(tmp_path: Path, display: str) -> dict[str, str]:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "WORKBENCH_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
    )
    (tmp_path / "runtime").mkdir(mode=0o700)
    # The checker's name as Preferences saves it (QSettings: <config>/<organisation>/<application>.conf).
    settings = home / ".config" / APP_ID / f"{APP_ID}.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nchecker=End To End\n", encoding="utf-8")
    return env


def _xdotool(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [_need("xdotool", "xdotool"), *args], env=env, capture_output=True, text=True, timeout=30
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def _wait_for_window(env: dict[str, str], app: subprocess.Popen[bytes], log: Path) -> str:
    deadline = time.monotonic() + 120  # cold start loads spaCy and extracts the article
    while time.monotonic() < deadline:
        if app.poll() is not None:
            pytest.fail(
                f"the app exited with {app.returncode} before showing the article:\n{log.read_text()}"
            )
        found = _xdotool(env, "search", "--onlyvisible", "--name", WINDOW_TITLE)
        if found:
            return found.splitlines()[0]
        time.sleep(0.25)
    pytest.fail(f"no window titled {WINDOW_TITLE!r} within 120 s:\n{log.read_text()}")


def test_click_the_checklist_press_v_and_the_verdict_is_saved(tmp_path: Path, display: str) -> None:
    env = _user_env(tmp_path, display)
    _need("xdotool", "xdotool")
    article = tmp_path / "articles" / SAMPLE.name
    article.parent.mkdir()
    shutil.copyfile(SAMPLE, article)
    db = f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    log = tmp_path / "app.log"

    with log.open("wb") as out:
        app = subprocess.Popen(
            [sys.executable, "-m", "workbench", "open", str(article), "--db", db],
            env=env,
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            window = _wait_for_window(env, app, log)
            shell = dict(
                line.split("=", 1)
                for line in _xdotool(env, "getwindowgeometry", "--shell", window).splitlines()
            )
            width, height = int(shell["WIDTH"]), int(shell["HEIGHT"])
            # The checklist is the middle pane (article | checklist | detail): click into its rows.
            _xdotool(env, "mousemove", "--window", window, str(width * 56 // 100), str(height // 2))
            _xdotool(env, "click", "1")
            time.sleep(0.5)
            _xdotool(env, "key", "v")
            time.sleep(1.0)  # the verdict is written by the database worker; quitting waits for it
            _xdotool(env, "key", "ctrl+q")
            app.wait(timeout=60)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
    assert app.returncode == 0, log.read_text()

    listed = subprocess.run(
        [sys.executable, "-m", "workbench", "claims", str(article), "--db", db, "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    claims = json.loads(listed.stdout)
    assert len(claims) >= 5, "the sample's claims were found and stored"
    verified = [c for c in claims if c["status"] == "verified"]
    assert len(verified) == 1, f"one claim verified by the V key; app log:\n{log.read_text()}"
    assert verified[0]["changed_by"] == "End To End"
    assert all(c["status"] == "unchecked" for c in claims if c is not verified[0])
