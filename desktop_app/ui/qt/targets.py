"""Pointer targets of at least 24 by 24 pixels (WCAG 2.2, 2.5.8); clear borders and focus.

Fusion draws list rows about 20 px high and scroll bars 14 px wide; both are made
24 px here. Kiosk mode has its own, larger sizes for fingers (`touch.py`).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleFactory,
    QStyleOption,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QWidget,
)

MIN_POINTER_TARGET_PX = 24
"""WCAG 2.2 success criterion 2.5.8 (Target Size, Minimum)."""

_Index = QModelIndex | QPersistentModelIndex


FOCUS_RING_PX = 2
"""WCAG 2.4.13 asks for a focus indicator at least as thick as a 2 px outline."""

_BORDERED = {
    QStyle.PrimitiveElement.PE_PanelButtonCommand: "button",
    QStyle.PrimitiveElement.PE_FrameLineEdit: "field",
    QStyle.PrimitiveElement.PE_Frame: "frame",
    QStyle.PrimitiveElement.PE_IndicatorCheckBox: "box",
    QStyle.PrimitiveElement.PE_IndicatorRadioButton: "round",
}
_RINGED = {"button", "field", "frame"}  # focus shows as a ring on the control itself
FOCUS_FRAME_ONLY = "focus_frame_only"
"""A widget property: a frame drawn only while the widget has focus (a page that scrolls)."""


class MetricStyle(QProxyStyle):
    """Fusion with some pixel metrics replaced by the sizes in `_METRICS`, clear borders
    on buttons, text fields and tick boxes, and a 2 px focus ring.

    Fusion draws those borders a little darker than the window (about 2:1, and tick
    boxes vanish in high contrast) and its focus ring 1 px wide. Here the border is the
    palette's Dark colour (the theme's `control_border`, 3:1 or more against what is
    beside it) and the focus ring is 2 px of the palette's Highlight (the theme's focus
    colour), on the selected colour's own text colour where the background is that.
    """

    _METRICS: ClassVar[dict[QStyle.PixelMetric, int]] = {}
    # Frames wide enough for the border and the focus ring inside it, so a scroll
    # area's ring is not hidden under its viewport.
    _COMMON_METRICS: ClassVar[dict[QStyle.PixelMetric, int]] = {
        QStyle.PixelMetric.PM_DefaultFrameWidth: FOCUS_RING_PX + 1,
    }

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        size = self._METRICS.get(metric, self._COMMON_METRICS.get(metric))
        return size if size is not None else super().pixelMetric(metric, option, widget)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """A tick box's focus ring goes round the box and its words, not the words alone."""
        super().drawControl(element, option, painter, widget)
        if (
            element
            in (
                QStyle.ControlElement.CE_CheckBox,
                QStyle.ControlElement.CE_RadioButton,
            )
            and option.state & QStyle.StateFlag.State_HasFocus
        ):
            _focus_ring(option, painter, QRectF(option.rect))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            _focus_ring(option, painter, QRectF(option.rect))
            return
        kind = _BORDERED.get(element)
        if kind == "frame" and widget is not None and widget.property(FOCUS_FRAME_ONLY):
            if option.state & QStyle.StateFlag.State_HasFocus:
                _focus_ring(option, painter, QRectF(option.rect))
            return
        super().drawPrimitive(element, option, painter, widget)
        if kind is not None:
            _border(kind, option, painter)


def _focus_ring(option: QStyleOption, painter: QPainter, rect: QRectF) -> None:
    colour = option.palette.color(QPalette.ColorRole.Highlight)
    if isinstance(option, QStyleOptionFocusRect) and option.backgroundColor == colour:
        colour = option.palette.color(QPalette.ColorRole.HighlightedText)
    draw_focus_ring(painter, rect, colour)


def draw_focus_ring(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """A FOCUS_RING_PX wide ring just inside `rect`."""
    half = FOCUS_RING_PX / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(colour, FOCUS_RING_PX))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(half, half, -half, -half))
    painter.restore()


def _border(kind: str, option: QStyleOption, painter: QPainter) -> None:
    """A 1 px border in the palette's Dark colour; with focus, a 2 px ring just inside it."""
    rect = QRectF(option.rect)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, kind == "round")
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Dark), 1))
    outline = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    if kind == "round":
        painter.drawEllipse(outline)
    elif kind == "frame":
        painter.drawRect(outline)
    else:
        painter.drawRoundedRect(outline, 2, 2)
    if kind in _RINGED and option.state & QStyle.StateFlag.State_HasFocus:
        half = FOCUS_RING_PX / 2
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), FOCUS_RING_PX))
        painter.drawRect(rect.adjusted(1 + half, 1 + half, -1 - half, -1 - half))
    painter.restore()


class PointerStyle(MetricStyle):
    """Fusion with scroll bars MIN_POINTER_TARGET_PX wide."""

    _METRICS: ClassVar[dict[QStyle.PixelMetric, int]] = {
        QStyle.PixelMetric.PM_ScrollBarExtent: MIN_POINTER_TARGET_PX,
    }


class RowDelegate(QStyledItemDelegate):
    """List rows at least MIN_POINTER_TARGET_PX high."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), MIN_POINTER_TARGET_PX))


def make_pointer_friendly(root: QWidget) -> None:
    """Give every list under `root` rows at least MIN_POINTER_TARGET_PX high."""
    for view in root.findChildren(QAbstractItemView):
        if inside_a_popup_control(view):
            continue  # a combo box's or calendar's own list keeps its own delegate
        if type(view.itemDelegate()) is QStyledItemDelegate:
            view.setItemDelegate(RowDelegate(view))


def inside_a_popup_control(widget: QWidget) -> bool:
    """Whether `widget` belongs to a combo box or calendar (which keep their own lists)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QCalendarWidget)):
            return True
        parent = parent.parentWidget()
    return False
