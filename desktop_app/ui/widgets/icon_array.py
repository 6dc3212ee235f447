"""An icon array: 100 small figures, some filled, painted with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.content.model import Figure
from desktop_app.ui.qt.theme import Theme

COLUMNS = 10
ROWS = 10


def person_path(cell: QRectF) -> QPainterPath:
    """A simple person shape (head and body) inside one grid cell."""
    path = QPainterPath()
    w, h = cell.width(), cell.height()
    head_r = min(w, h) * 0.17
    centre_x = cell.left() + w / 2
    path.addEllipse(QPointF(centre_x, cell.top() + h * 0.22), head_r, head_r)
    body = QRectF(centre_x - w * 0.28, cell.top() + h * 0.44, w * 0.56, h * 0.5)
    path.addRoundedRect(body, w * 0.22, w * 0.22)
    return path


class IconArrayWidget(QWidget):
    """Shows `value` of 100 figures filled; a screen reader reads the sentence instead."""

    def __init__(self, figure: Figure, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self._theme = theme
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"Picture of 100 people: {figure.value} are coloured in")
        self.setAccessibleDescription(f"{figure.phrase.capitalize()}: {figure.measures}.")
        self.setToolTip(f"{figure.phrase.capitalize()}: {figure.measures}.")

    @property
    def filled_count(self) -> int:
        """How many of the 100 figures are painted filled."""
        return sum(1 for index in range(COLUMNS * ROWS) if self.is_filled(index))

    def is_filled(self, index: int) -> bool:
        """Figures fill row by row from the top left."""
        return index < self.figure.value

    def sizeHint(self) -> QSize:
        cell = max(9, self.fontMetrics().height() * 2 // 3)
        return QSize(cell * COLUMNS, int(cell * 1.3) * ROWS)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell_w = self.width() / COLUMNS
        cell_h = self.height() / ROWS
        filled = QColor(self._theme.icon_filled)
        empty = QColor(self._theme.icon_empty)
        painter.setPen(Qt.PenStyle.NoPen)
        for index in range(COLUMNS * ROWS):
            row, column = divmod(index, COLUMNS)
            cell = QRectF(column * cell_w, row * cell_h, cell_w, cell_h)
            painter.setBrush(filled if self.is_filled(index) else empty)
            painter.drawPath(person_path(cell))
        painter.end()

    def set_theme(self, theme: Theme) -> None:
        """Use another colour theme."""
        self._theme = theme
        self.update()
