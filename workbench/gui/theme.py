"""Light, dark or the system's look, applied to the whole application with a palette.

Light and dark use the Fusion style (it draws every control from the palette, on every platform) with
palettes whose text/background pairs all reach WCAG AA contrast (4.5:1). Fusion shows a checked push
button (the desk's Unchecked / Verified / Disputed) only 10% darker, invisible on a dark palette, so a
thin proxy fills it instead. No stylesheet: an application stylesheet would reset the fonts widgets set
for themselves (the article title, the article's own size). "system" puts back the style and palette
the application started with and lets Qt follow the desktop's colour scheme.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

THEMES = ("system", "light", "dark")

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# (role, active/inactive colour, disabled colour)
_LIGHT: tuple[tuple[QPalette.ColorRole, str, str], ...] = (
    (Role.Window, "#f2f2f2", "#f2f2f2"),
    (Role.WindowText, "#1a1a1a", "#767676"),
    (Role.Base, "#ffffff", "#f2f2f2"),
    (Role.AlternateBase, "#f5f6f8", "#f2f2f2"),
    (Role.Text, "#1a1a1a", "#767676"),
    (Role.PlaceholderText, "#6b6b6b", "#8a8a8a"),
    (Role.Button, "#e6e6e6", "#ececec"),
    (Role.ButtonText, "#1a1a1a", "#767676"),
    (Role.BrightText, "#ffffff", "#ffffff"),
    (Role.Highlight, "#1d5fbf", "#b8b8b8"),
    (Role.HighlightedText, "#ffffff", "#ffffff"),
    (Role.Link, "#0b57d0", "#767676"),
    (Role.LinkVisited, "#6a1b9a", "#767676"),
    (Role.ToolTipBase, "#ffffe1", "#ffffe1"),
    (Role.ToolTipText, "#1a1a1a", "#1a1a1a"),
    (Role.Light, "#ffffff", "#ffffff"),
    (Role.Midlight, "#eeeeee", "#eeeeee"),
    (Role.Mid, "#b4b4b4", "#c8c8c8"),
    (Role.Dark, "#8c8c8c", "#a0a0a0"),
    (Role.Shadow, "#4a4a4a", "#4a4a4a"),
    (Role.Accent, "#1d5fbf", "#b8b8b8"),
)

_DARK: tuple[tuple[QPalette.ColorRole, str, str], ...] = (
    (Role.Window, "#2b2b2b", "#2b2b2b"),
    (Role.WindowText, "#e8e8e8", "#8c8c8c"),
    (Role.Base, "#1e1e1e", "#262626"),
    (Role.AlternateBase, "#262729", "#262626"),
    (Role.Text, "#e8e8e8", "#8c8c8c"),
    (Role.PlaceholderText, "#a0a0a0", "#7a7a7a"),
    (Role.Button, "#3a3a3a", "#313131"),
    (Role.ButtonText, "#e8e8e8", "#8c8c8c"),
    (Role.BrightText, "#ffffff", "#ffffff"),
    (Role.Highlight, "#2f65b0", "#4a4a4a"),
    (Role.HighlightedText, "#ffffff", "#c8c8c8"),
    (Role.Link, "#8ab4f8", "#8c8c8c"),
    (Role.LinkVisited, "#c58af9", "#8c8c8c"),
    (Role.ToolTipBase, "#3c3c3c", "#3c3c3c"),
    (Role.ToolTipText, "#f0f0f0", "#f0f0f0"),
    (Role.Light, "#505050", "#505050"),
    (Role.Midlight, "#424242", "#424242"),
    (Role.Mid, "#2f2f2f", "#2f2f2f"),
    (Role.Dark, "#1a1a1a", "#1a1a1a"),
    (Role.Shadow, "#000000", "#000000"),
    (Role.Accent, "#2f65b0", "#4a4a4a"),
)

# Fill and text of a checked button: it differs from an unchecked one in lightness, not hue alone.
_CHECKED = {
    "light": (QColor("#1d5fbf"), QColor("#ffffff")),
    "dark": (QColor("#b7d0f5"), QColor("#10243f")),
}

_started_with: tuple[str, QPalette] | None = None  # the style name and palette before any theme


class CheckedButtonStyle(QProxyStyle):
    """Fusion, with a checked push button filled so the chosen one is plain to see."""

    def __init__(self, theme: str) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.theme = theme
        self._fill, self._text = _CHECKED[theme]

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        checked = option.state & QStyle.StateFlag.State_On and option.state & QStyle.StateFlag.State_Enabled
        if element == QStyle.PrimitiveElement.PE_PanelButtonCommand and checked:
            rect = option.rect.adjusted(0, 0, -1, -1)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(option.palette.color(Role.Shadow))
            painter.setBrush(self._fill)
            painter.drawRoundedRect(rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5), 2.0, 2.0)
            painter.restore()
            return
        super().drawPrimitive(element, option, painter, widget)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        checked = option.state & QStyle.StateFlag.State_On and option.state & QStyle.StateFlag.State_Enabled
        if element == QStyle.ControlElement.CE_PushButtonLabel and checked:
            palette = QPalette(option.palette)
            palette.setColor(Role.ButtonText, self._text)
            option.palette = palette
        super().drawControl(element, option, painter, widget)


def palette_for(theme: str) -> QPalette:
    """The palette of the "light" or "dark" theme."""
    table = {"light": _LIGHT, "dark": _DARK}.get(theme)
    if table is None:
        raise ValueError(f"no palette for theme {theme!r}: use 'light' or 'dark'")
    palette = QPalette()
    for role, colour, disabled in table:
        for group in (Group.Active, Group.Inactive):
            palette.setColor(group, role, QColor(colour))
        palette.setColor(Group.Disabled, role, QColor(disabled))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """Give the whole application the ``theme`` look: "system", "light" or "dark".

    Raises:
        ValueError: ``theme`` is none of those (the message lists them).
    """
    global _started_with
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}: choose one of {', '.join(THEMES)}")
    if _started_with is None:
        _started_with = (app.style().name(), QPalette(app.palette()))
    hints = QGuiApplication.styleHints()
    if theme == "system":
        hints.unsetColorScheme()
        style_name, palette = _started_with
        app.setStyle(style_name)
        app.setPalette(palette)
        return
    # Telling Qt the scheme first keeps native dialogs (file chooser) in step; the palette then wins.
    hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
    app.setStyle(CheckedButtonStyle(theme))  # the application owns and deletes the style
    app.setPalette(palette_for(theme))


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark window (to pick legible highlight colours)."""
    return palette.color(Role.Window).lightnessF() < palette.color(Role.WindowText).lightnessF()


def contrast_ratio(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)
