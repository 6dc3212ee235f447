"""A site's red flags in a box of their own, announced as an alert named "Get help now"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from desktop_app.content.colours import PanelColours
from desktop_app.ui.widgets.rich_text import LinkExplainer, RichLabel

BORDER_PX = 3


class WarningBox(QFrame):
    """The warning signs: the alert role on the accessibility bus, their whole text inside.

    A screen reader finds the box by its role and name, and reads the label in it in
    full; on screen it is a coloured box with a thick border and a warning sign, so it
    is told apart by shape and words as well as colour.
    """

    accessible_role = QAccessible.Role.AlertMessage

    def __init__(
        self,
        html: str,
        explainer: LinkExplainer,
        colours: PanelColours,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("red-flags")
        self.setAccessibleName("Get help now")
        self._background = QColor(colours.alert_background)
        self._border = QColor(colours.alert_border)
        layout = QVBoxLayout(self)
        inset = BORDER_PX + 10
        layout.setContentsMargins(inset, inset, inset, inset)
        self.text_label = RichLabel(html, explainer)
        self.text_label.setObjectName("red-flags-text")
        layout.addWidget(self.text_label)

    @property
    def colours(self) -> tuple[str, str]:
        """The box's (background, border) colours."""
        return self._background.name(), self._border.name()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        pen = QPen(self._border, BORDER_PX)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = BORDER_PX // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))
        painter.end()
