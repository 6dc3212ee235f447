"""Tab through a screen and measure what each Tab stop changes on screen (WCAG 2.4.7).

A focus indicator is what changes when focus arrives: the window is grabbed before and
after each Tab, and the pixels that changed around (and inside) the focused widget are
counted, keeping only those whose colour changed by 3:1 or more. A 2 px ring around
even a small control changes several hundred such pixels; no change at all, or a faint
one, is a Tab stop a keyboard user cannot see.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui.qt.theme import contrast_ratio
from tools.tour import settle

BAND_PX = 4  # how far outside a widget its focus ring may be drawn
MAX_STOPS = 150


@dataclass(frozen=True)
class TabStop:
    """One Tab stop: which widget, and how many pixels changed by 3:1 or more."""

    name: str
    strong_pixels: int
    needed: int

    @property
    def visible(self) -> bool:
        """Whether the change is enough to see."""
        return self.strong_pixels >= self.needed


def _describe(widget: QWidget) -> str:
    text = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} {str(text)[:40]!r}"


def _area(widget: QWidget, top: QWidget) -> QRect:
    """The part of `widget` on screen, in `top`'s pixels, with room for a ring around it."""
    shown = widget.visibleRegion().boundingRect()
    if shown.isEmpty():
        return QRect()
    corner = widget.mapTo(top, shown.topLeft())
    area = QRect(corner, shown.size()).adjusted(-BAND_PX, -BAND_PX, BAND_PX, BAND_PX)
    return area.intersected(top.rect())


def strong_changes(before: QImage, after: QImage, area: QRect) -> int:
    """How many pixels in the band along `area`'s edges changed colour by 3:1 or more.

    Every focus indicator here is a ring along the focused widget's edges (inside or
    just outside them), so only that band is read.
    """
    if before.size() != after.size():
        return area.width() * area.height()  # the window changed size: plainly visible
    band = 2 * BAND_PX
    inner = area.adjusted(band, band, -band, -band)
    count = 0
    for y in range(area.top(), area.bottom() + 1):
        spans: tuple[tuple[int, int], ...] = ((area.left(), area.right() + 1),)
        if inner.top() <= y <= inner.bottom():
            spans = ((area.left(), inner.left()), (inner.right() + 1, area.right() + 1))
        for start, end in spans:
            for x in range(start, end):
                a = before.pixel(x, y)
                b = after.pixel(x, y)
                if a != b and contrast_ratio(QColor(a).name(), QColor(b).name()) >= 3.0:
                    count += 1
    return count


def needed_pixels(widget: QWidget) -> int:
    """A 1 px ring around a control of up to 100 by 24 px: less than that is too faint."""
    shown = widget.visibleRegion().boundingRect()
    return 2 * (min(shown.width(), 100) + min(shown.height(), 24))


def walk_tab_stops(top: QWidget) -> list[TabStop]:
    """Press Tab until focus comes back round; measure each stop.

    Tab inside text with links moves from link to link without leaving the label:
    the label is one stop, measured when focus first arrives.
    """
    stops: list[TabStop] = []
    top.activateWindow()
    seen: set[int] = set()
    # Start from nothing focused, so the first stop is measured against no ring at all.
    already = QApplication.focusWidget()
    if already is not None:
        already.clearFocus()
        settle()
    previous: QWidget | None = None
    image = top.grab().toImage()
    for _ in range(MAX_STOPS):
        QTest.keyClick(QApplication.focusWidget() or top, Qt.Key.Key_Tab)
        settle()
        widget = QApplication.focusWidget()
        if widget is None:
            break
        after = top.grab().toImage()
        if widget is not previous:
            if id(widget) in seen:
                break  # round again
            seen.add(id(widget))
            area = _area(widget, top)
            if not area.isEmpty():
                strong = strong_changes(image, after, area)
                stops.append(TabStop(_describe(widget), strong, needed_pixels(widget)))
        previous = widget
        image = after
    return stops
