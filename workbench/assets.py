"""The one door to the project's data files (fonts, icons, models, samples, Designer forms).

The same lookup works from a clone (``resources/`` and ``ui/`` beside the package), from an installed
wheel (copied into ``workbench/_resources`` and ``workbench/_ui``) and from the PyInstaller bundle
(unpacked under ``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(folder: str) -> list[Path]:
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / folder)
    found.append(_PACKAGE_DIR / f"_{folder}")  # installed wheel
    found.append(_PACKAGE_DIR.parent / folder)  # source checkout
    return found


@cache
def _root(folder: str) -> Path:
    for candidate in _candidates(folder):
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates(folder))
    raise FileNotFoundError(f"the application's {folder!r} folder is missing (looked in {tried})")


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under ``resources/``, e.g. ``resource_path("fonts", "X.ttf")``."""
    return _root("resources").joinpath(*parts)


def form_path(name: str) -> Path:
    """Path of a Qt Designer form under ``ui/``, e.g. ``form_path("main_window.ui")``."""
    return _root("ui") / name


def sample_article() -> Path:
    """The bundled sample article the app opens on first start."""
    return resource_path("samples", "sky-news-2019-05-30-putin-may.txt")
