"""Pointer targets of at least 24 by 24 pixels in consultation mode (WCAG 2.2, 2.5.8).

Fusion draws list rows about 20 px high and scroll bars 14 px wide; both are made
24 px here. Kiosk mode has its own, larger sizes for fingers (`touch.py`).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleFactory,
    QStyleOption,
    QStyleOptionViewItem,
    QWidget,
)

MIN_POINTER_TARGET_PX = 24
"""WCAG 2.2 success criterion 2.5.8 (Target Size, Minimum)."""

_Index = QModelIndex | QPersistentModelIndex


class MetricStyle(QProxyStyle):
    """Fusion with some pixel metrics replaced by the sizes in `_METRICS`."""

    _METRICS: ClassVar[dict[QStyle.PixelMetric, int]] = {}

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        size = self._METRICS.get(metric)
        return size if size is not None else super().pixelMetric(metric, option, widget)


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
