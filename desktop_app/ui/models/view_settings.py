"""Consultation mode remembers the window size and text size between runs (QSettings).

Kiosk mode never creates one of these: it writes nothing to disk.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop_app.ui.qt.theme import TEXT_SIZES_PT

MIN_SIZE = QSize(640, 480)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


class ViewSettings:
    """Reads and writes the view settings; broken values fall back to the defaults."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def text_step(self, default: int) -> int:
        """The text-size step last used."""
        step = _int(self._settings.value("view/text_step", default), default)
        return max(0, min(len(TEXT_SIZES_PT) - 1, step))

    def save_text_step(self, step: int) -> None:
        """Remember the text-size step."""
        self._settings.setValue("view/text_step", step)

    def window_size(self, default: QSize) -> tuple[QSize, bool]:
        """The window size last used (never larger than the screen), and whether maximised."""
        width = _int(self._settings.value("window/width", default.width()), default.width())
        height = _int(self._settings.value("window/height", default.height()), default.height())
        size = QSize(width, height).expandedTo(MIN_SIZE)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size())
        maximized = str(self._settings.value("window/maximized", "false")).lower() == "true"
        return size, maximized

    def save_window(self, window: QWidget) -> None:
        """Remember the window's size (its normal size when it is maximised)."""
        size = window.normalGeometry().size() if window.isMaximized() else window.size()
        self._settings.setValue("window/width", size.width())
        self._settings.setValue("window/height", size.height())
        self._settings.setValue("window/maximized", window.isMaximized())
        self._settings.sync()
