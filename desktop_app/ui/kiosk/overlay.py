"""Full-window panels for kiosk mode: they cover every page, so nothing else can be touched."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.qt.reflow import ReflowScrollArea

CARD_MAX_WIDTH = 1000


LARGEST_SCALED_PT = 30.0
"""Panel text is made larger than the program's only up to this size: at 36 pt body text
a PIN pad's 1.6 times larger digits no longer fit a 1280x800 screen."""


def scaled_font(scale: float, bold: bool = False) -> QFont:
    """The program's current font, `scale` times larger (never past LARGEST_SCALED_PT,
    and never smaller than the program's own text)."""
    font = QFont(QApplication.font())
    size = font.pointSizeF()
    font.setPointSizeF(max(size, min(size * scale, LARGEST_SCALED_PT)))
    font.setBold(bold)
    return font


def big_button(
    text: str, name: str, scale: float = 1.2, min_height: int = 72, min_width: int = 0
) -> QPushButton:
    """A large touch button (its font follows the program's text size when the panel opens)."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    # A style sheet of its own: the kiosk's application style sheet would otherwise set
    # every button's minimum back to 48 px.
    width = max(min_width, min_height)
    button.setStyleSheet(f"QPushButton {{ min-height: {min_height}px; min-width: {width}px; }}")
    button.setProperty("font_scale", scale)
    return button


class Overlay(QWidget):
    """Covers its window above every page; hidden until opened.

    While one is open the pages underneath are disabled, so neither a finger nor the
    Tab key can reach them.
    """

    closed = Signal()

    def __init__(self, window: QMainWindow, name: str) -> None:
        super().__init__(window)
        self._window = window
        self.setAccessibleName(name)
        self.setAutoFillBackground(True)
        self.hide()
        window.installEventFilter(self)
        # The card is centred on a page that scrolls when the card is taller than the
        # window (large text on a small screen), so nothing on it is ever cut off.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = ReflowScrollArea()
        self.scroll_area.viewport().setAutoFillBackground(False)
        page = QWidget()
        page.setAutoFillBackground(False)
        column = QVBoxLayout(page)
        column.setContentsMargins(32, 32, 32, 32)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QFrame()
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setMaximumWidth(CARD_MAX_WIDTH)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(32, 24, 32, 24)
        self.body.setSpacing(16)
        row.addWidget(self.card, 100)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.scroll_area.set_page(page)
        outer.addWidget(self.scroll_area)
        self._scaled: list[tuple[QWidget, float, bool]] = []

    def label(self, text: str = "", scale: float = 1.0, bold: bool = False) -> QLabel:
        """A word-wrapped plain-text label whose size follows the program's text size."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self._scaled.append((label, scale, bold))
        return label

    def is_open(self) -> bool:
        """Whether the panel is showing."""
        return not self.isHidden()

    def open(self) -> None:
        """Show the panel over the whole window."""
        for widget, scale, bold in self._scaled:
            widget.setFont(scaled_font(scale, bold))
        for button in self.findChildren(QPushButton):
            scale = button.property("font_scale")
            if isinstance(scale, float):
                button.setFont(scaled_font(scale, bold=True))
        self.setGeometry(self._window.rect())
        self.raise_()
        self.show()
        self._block_pages(True)

    def close_panel(self) -> None:
        """Hide the panel; the pages come back exactly as they were."""
        if self.isHidden():
            return
        self.hide()
        if not any(o.is_open() for o in self._siblings()):
            self._block_pages(False)
        self.closed.emit()

    def _siblings(self) -> list[Overlay]:
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        return [o for o in self._window.findChildren(Overlay, options=direct) if o is not self]

    def _block_pages(self, blocked: bool) -> None:
        central = self._window.centralWidget()
        if central is not None:
            central.setEnabled(not blocked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
        return False


class MessagePanel(Overlay):
    """A large message with one Close button: glossary meanings, printing news."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window, "Message")
        self.title = self.label(scale=1.5, bold=True)
        self.title.setAccessibleDescription("Message title")
        self.text = self.label(scale=1.15)
        self.text.setAccessibleDescription("Message")
        self.close_button = big_button("Close", "Close this message", min_width=200)
        self.close_button.clicked.connect(self.close_panel)
        self.body.addWidget(self.title)
        self.body.addWidget(self.text)
        self.body.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_message(self, title: str, text: str) -> None:
        """Open the panel with this title and text."""
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleName(title)  # the panel is named by what it shows
        self.open()
        self.close_button.setFocus()

    def explain(self, _source: QWidget, title: str, text: str) -> None:
        """LinkExplainer.show_box in kiosk mode: a tapped word's meaning, in large print."""
        self.show_message(title, text)

    def close_panel(self) -> None:
        """Hide the panel and forget what it said."""
        super().close_panel()
        self.title.clear()
        self.text.clear()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        card = QRect(self.card.mapTo(self, QPoint(0, 0)), self.card.size())
        if not card.contains(event.position().toPoint()):
            self.close_panel()  # a tap beside the message dismisses it too
        super().mousePressEvent(event)
