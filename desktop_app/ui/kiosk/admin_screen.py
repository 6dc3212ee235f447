"""The small staff screen behind the PIN: leave the kiosk, print a test page, see versions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMainWindow

from desktop_app import __version__
from desktop_app.content.model import ContentLibrary
from desktop_app.ui.kiosk.overlay import Overlay, big_button
from desktop_app.ui.qt.reflow import FlowLayout


def admin_facts(library: ContentLibrary, printer_name: str, config_source: str) -> list[str]:
    """The lines the staff screen shows."""
    return [
        f"Program version: {__version__}",
        f"Content version: {library.meta.version}",
        f"Content last reviewed: {library.latest_reviewed.isoformat()}",
        f"Next content review due: {library.earliest_next_review.isoformat()}",
        f"Printer: {printer_name or 'none set (printer_name in the config)'}",
        f"Settings file: {config_source}",
    ]


class AdminScreen(Overlay):
    """Staff only: exit the program, print a test page, check versions and problems."""

    exitRequested = Signal()
    testPrintRequested = Signal()

    def __init__(
        self,
        window: QMainWindow,
        library: ContentLibrary,
        printer_name: str,
        config_source: str,
        notices: list[str],
    ) -> None:
        super().__init__(window, "Staff screen")
        self.title = self.label("Staff screen", scale=1.5, bold=True)
        self.body.addWidget(self.title)
        self.facts = self.label("\n".join(admin_facts(library, printer_name, config_source)))
        self.facts.setAccessibleDescription("Versions and settings")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.body.addWidget(self.facts)
        self.notices = self.label(scale=0.8)
        self.notices.setAccessibleDescription("Problems found at start-up")
        if notices:
            self.notices.setText("Problems found at start-up:\n" + "\n".join(notices)[:2000])
        self.notices.setVisible(bool(notices))
        self.body.addWidget(self.notices)
        self.status = self.label()
        self.status.setAccessibleDescription("Staff screen status")
        self.body.addWidget(self.status)
        buttons = FlowLayout(spacing=16)  # wraps at large text instead of cutting words
        self.test_print_button = big_button("Test print", "Print a test page")
        self.test_print_button.clicked.connect(self._on_test_print)
        self.exit_button = big_button("Exit the program", "Exit the program")
        self.exit_button.clicked.connect(self._on_exit)
        self.back_button = big_button("Back to the kiosk", "Back to the kiosk")
        self.back_button.clicked.connect(self.close_panel)
        for button in (self.test_print_button, self.exit_button, self.back_button):
            buttons.addWidget(button)
        self.body.addLayout(buttons)

    def open(self) -> None:
        """Show the staff screen."""
        self.status.clear()
        super().open()
        self.back_button.setFocus()

    def _on_test_print(self) -> None:
        self.testPrintRequested.emit()

    def _on_exit(self) -> None:
        self.exitRequested.emit()
