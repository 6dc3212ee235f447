"""Touch-screen sizing for kiosk mode: 48 px controls, tap-anywhere list rows, keyboard hints."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QMouseEvent, QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.ui.qt.targets import MetricStyle, inside_a_popup_control

MIN_TARGET_PX = 48
"""The smallest control a finger can hit reliably (WCAG 2.5.5 asks for 44 CSS px)."""
MIN_ROW_PX = 56

TOUCH_STYLE = f"""
QPushButton, QToolButton {{ min-height: {MIN_TARGET_PX}px; min-width: {MIN_TARGET_PX}px;
    padding: 4px 16px; }}
QLineEdit, QComboBox, QAbstractSpinBox {{ min-height: {MIN_TARGET_PX}px; }}
"""
"""The application style sheet in kiosk mode: sizes only, so the theme's colours stay."""


class TouchStyle(MetricStyle):
    """Fusion with finger-sized scroll bars (48 px, square arrow buttons) and tick boxes."""

    _METRICS: ClassVar[dict[QStyle.PixelMetric, int]] = {
        QStyle.PixelMetric.PM_ScrollBarExtent: MIN_TARGET_PX,
        QStyle.PixelMetric.PM_ScrollBarSliderMin: 80,
        QStyle.PixelMetric.PM_IndicatorWidth: 32,
        QStyle.PixelMetric.PM_IndicatorHeight: 32,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth: 32,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight: 32,
        QStyle.PixelMetric.PM_CheckBoxLabelSpacing: 12,
        QStyle.PixelMetric.PM_RadioButtonLabelSpacing: 12,
    }

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control != QStyle.ComplexControl.CC_ScrollBar or not isinstance(
            option, QStyleOptionSlider
        ):
            return
        # Fusion's arrows stay tiny on 48 px buttons: draw ones a finger can find.
        vertical = option.orientation == Qt.Orientation.Vertical
        colour = option.palette.color(
            QPalette.ColorGroup.Normal
            if option.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled,
            QPalette.ColorRole.ButtonText,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for sub, forward in (
            (QStyle.SubControl.SC_ScrollBarSubLine, False),
            (QStyle.SubControl.SC_ScrollBarAddLine, True),
        ):
            rect = self.subControlRect(control, option, sub, widget)  # type: ignore[arg-type]
            if rect.isEmpty():
                continue
            painter.fillRect(rect.adjusted(2, 2, -2, -2), option.palette.button())
            painter.drawPolygon(_triangle(QRectF(rect), vertical, forward))
        painter.restore()


def _triangle(rect: QRectF, vertical: bool, forward: bool) -> QPolygonF:
    """An arrow head filling the middle third of a square button."""
    centre = rect.center()
    half = min(rect.width(), rect.height()) / 4
    sign = 1 if forward else -1
    if vertical:
        tip = QPointF(centre.x(), centre.y() + sign * half * 0.8)
        left = QPointF(centre.x() - half, centre.y() - sign * half * 0.6)
        right = QPointF(centre.x() + half, centre.y() - sign * half * 0.6)
    else:
        tip = QPointF(centre.x() + sign * half * 0.8, centre.y())
        left = QPointF(centre.x() - sign * half * 0.6, centre.y() - half)
        right = QPointF(centre.x() - sign * half * 0.6, centre.y() + half)
    return QPolygonF([tip, left, right])


TYPING_HINTS = (
    Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhSensitiveData
    | Qt.InputMethodHint.ImhPreferLatin
)
"""For on-screen keyboards: no word suggestions, and nothing typed kept in their dictionaries."""

_Index = QModelIndex | QPersistentModelIndex


class TouchDelegate(QStyledItemDelegate):
    """List rows at least MIN_ROW_PX high; a tap anywhere on a checkable row ticks it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), MIN_ROW_PX))

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        flags = model.flags(index)
        checkable = bool(flags & Qt.ItemFlag.ItemIsUserCheckable) and bool(
            flags & Qt.ItemFlag.ItemIsEnabled
        )
        if not checkable or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if event.type() == QEvent.Type.MouseButtonDblClick:
            return True  # the release after it ticks again, as a checkbox does
        if event.type() != QEvent.Type.MouseButtonRelease:
            return False
        if not option.rect.contains(event.position().toPoint()):
            return False
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new_state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return model.setData(index, new_state.value, Qt.ItemDataRole.CheckStateRole)


def make_touch_friendly(root: QWidget) -> None:
    """Give every list under `root` touch rows, and every text box keyboard hints."""
    for view in root.findChildren(QAbstractItemView):
        if inside_a_popup_control(view):
            continue  # a combo box's or calendar's own list keeps its own delegate
        if not isinstance(view.itemDelegate(), TouchDelegate):
            view.setItemDelegate(TouchDelegate(view))
    # Tick boxes are made tall enough here, not in the style sheet: a style sheet rule
    # for them would have Qt draw them itself, with a thin focus ring round the words.
    for box in [*root.findChildren(QCheckBox), *root.findChildren(QRadioButton)]:
        box.setMinimumHeight(max(box.minimumHeight(), MIN_TARGET_PX))
    for edit in [*root.findChildren(QLineEdit), *root.findChildren(QPlainTextEdit)]:
        edit.setInputMethodHints(edit.inputMethodHints() | TYPING_HINTS)
        if isinstance(edit, QLineEdit):
            edit.setClearButtonEnabled(False)  # a 16 px cross is too small for a finger
