"""Kiosk mode's About: the same text as the About dialog, in a full-screen panel.

A panel inside the window, not a window of its own: nothing to drag or lose behind the
kiosk, and a tapped source or word opens its meaning above it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from desktop_app.body_diagram import DIAGRAM_ATTRIBUTION
from desktop_app.content.model import ContentLibrary
from desktop_app.ui.dialogs.about_dialog import about_facts
from desktop_app.ui.kiosk.overlay import CARD_MAX_WIDTH, Overlay, big_button
from desktop_app.ui.qt.services import PanelServices
from desktop_app.ui.qt.theme import Theme
from desktop_app.ui.widgets.rich_text import RichBrowser


class AboutPanel(Overlay):
    """Versions, review dates, sources, attributions and the disclaimer."""

    def __init__(
        self, window: QMainWindow, library: ContentLibrary, services: PanelServices
    ) -> None:
        super().__init__(window, "About mbc-guide")
        self._library = library
        self._services = services
        self.text = RichBrowser(services.explainer, "About this program")
        self.close_button = big_button("Close", "Close About", min_width=200)
        self.close_button.clicked.connect(self.close_panel)
        self.body.addWidget(self.text, 1)
        self.body.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_about(self, theme: Theme) -> None:
        """Open the panel, rendered in the theme on show."""
        self.text.setHtml(
            self._services.renderer.about(
                theme.panel, about_facts(self._library), DIAGRAM_ATTRIBUTION
            )
        )
        self.text.verticalScrollBar().setValue(0)
        self.open()
        # Most of the screen: the text is long.
        self.card.setMinimumSize(
            min(CARD_MAX_WIDTH, self.width() - 64), max(200, self.height() - 64)
        )
        self.close_button.setFocus()
