"""What the GUI benchmarks share: a private X server (or Qt offscreen) and throwaway user folders."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Stop our X server however the benchmark ends (also on an error or SystemExit)."""
    server.terminate()
    server.wait(timeout=10)


def start_gui_session(*, offscreen: bool, prefix: str) -> Path:
    """Point Qt at a private Xvfb (or the offscreen platform) and HOME/XDG at a new folder; return it."""
    if not offscreen and shutil.which("Xvfb"):
        read_end, write_end = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,  # never hold the caller's pipe open
            stderr=subprocess.DEVNULL,
        )
        atexit.register(_stop, server)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            os.environ["DISPLAY"] = ":" + pipe.readline().strip().decode()
        os.environ["QT_QPA_PLATFORM"] = "xcb"
    else:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(folder / name.lower())
    return folder
