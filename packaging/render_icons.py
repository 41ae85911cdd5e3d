"""Render the application icon's PNG sizes from its SVG source (``resources/icons/workbench.svg``).

Run after editing the SVG: ``QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py``.
The PNGs are committed, so neither the app nor the bundle needs an SVG renderer to show its icon,
and desktops that want a fixed size (the 16 px task-bar entry, the 256 px launcher) get a crisp one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "workbench.svg"
# The sizes of the freedesktop hicolor theme that launchers, task bars and file managers ask for.
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    """Where the ``size``-pixel rendering of the icon lives."""
    return ICONS / f"workbench-{size}.png"


def render(size: int) -> QImage:
    """The icon drawn at ``size``×``size`` pixels on a transparent background."""
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        target = png_path(size)
        if not render(size).save(str(target)):  # PNG, from the suffix
            raise SystemExit(f"render_icons: cannot write {target}")
        print(target.relative_to(ICONS.parent.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
