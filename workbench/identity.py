"""Who is checking: the name recorded in the history of every change, until the user gives theirs."""

from __future__ import annotations

import getpass
import os


def default_checker() -> str:
    """$WORKBENCH_CHECKER, else the login name, else "" (the CLI and the app's Preferences agree)."""
    name = os.environ.get("WORKBENCH_CHECKER", "")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
