"""Kiosk mode: full screen with no way out, touch-sized, and cleared when left alone.

Everything kiosk-specific is wired here, on top of the same main window the consultation
uses: the guard that keeps the window open, the idle warning and reset, the staff corner,
PIN pad and staff screen, and the large panels that replace tooltips and dialogs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QScroller,
    QWidget,
)

from desktop_app.config import ClinicConfig
from desktop_app.content.model import ContentLibrary
from desktop_app.staff_pin import PinGate
from desktop_app.ui.kiosk.admin_screen import AdminScreen
from desktop_app.ui.kiosk.idle import IdleWarning, IdleWatcher
from desktop_app.ui.kiosk.overlay import MessagePanel
from desktop_app.ui.kiosk.pin_pad import PinPad, StaffCorner
from desktop_app.ui.kiosk.touch import TOUCH_STYLE, TouchStyle, make_touch_friendly
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.navigation import START
from desktop_app.ui.pages.about_panel import AboutPanel
from desktop_app.ui.pages.handout_page import HandoutPage
from desktop_app.ui.qt.targets import PointerStyle
from desktop_app.ui.widgets.pdf_pages import named_printer, print_test_page
from desktop_app.ui.widgets.rich_text import LinkExplainer

BLOCKED_KEYS: tuple[tuple[Qt.Key, Qt.KeyboardModifier | None], ...] = (
    (Qt.Key.Key_Escape, None),  # None: with any modifiers
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
)
"""Keys that close or leave a window elsewhere; in kiosk mode they do nothing."""
_SWALLOWED_EVENTS = frozenset({QEvent.Type.ContextMenu, QEvent.Type.ToolTip, QEvent.Type.WhatsThis})


def is_blocked_key(event: QKeyEvent) -> bool:
    """Whether a key press is one that kiosk mode swallows."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    for key, needed in BLOCKED_KEYS:
        if event.key() == key and (needed is None or modifiers == needed):
            return True
    return False


class KioskGuard(QObject):
    """An application-wide event filter: no closing, no leaving keys, no menus, no tooltips."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.locked = True
        self.keep_full_screen = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _SWALLOWED_EVENTS:
            return True  # right-click menus and hover-only text have no place on a kiosk
        if not self.locked:
            return False
        if kind == QEvent.Type.Close and watched is self._window:
            event.ignore()
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            if is_blocked_key(event):
                event.accept()  # an accepted ShortcutOverride also stops any shortcut
                return True
        elif kind == QEvent.Type.WindowStateChange and watched is self._window:
            QTimer.singleShot(0, self, self._restore)  # dropped if the guard is gone
        elif kind == QEvent.Type.Show and isinstance(watched, QAbstractScrollArea):
            # Flick scrolling, grabbed when a scroll area is first shown, not when it is
            # made: each grabGesture() registers a new gesture type, and PySide6 6.12
            # keeps about 4.4 KB for each for good (3,000 calls: 13.9 MB). Site pages
            # are rebuilt at every text size or contrast change, and most are never shown.
            viewport = watched.viewport()
            if not QScroller.hasScroller(viewport):
                QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
        return False

    def _restore(self) -> None:
        """Back to full screen after anything minimised or shrank the window."""
        window = self._window
        if not self.locked:
            return
        # Ask the platform window: the widget can report a passing state while a window
        # manager (or the offscreen test platform) catches up.
        handle = window.windowHandle()
        states = handle.windowStates() if handle is not None else window.windowState()
        minimised = bool(states & Qt.WindowState.WindowMinimized)
        if self.keep_full_screen and (minimised or not states & Qt.WindowState.WindowFullScreen):
            window.showFullScreen()
        elif minimised:
            window.showNormal()


class KioskMode(QObject):
    """Turns the main window into a kiosk and clears it when the person walks away."""

    resetDone = Signal()
    exited = Signal()

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        explainer: LinkExplainer,
        library: ContentLibrary,
        config: ClinicConfig,
        reset_view: Callable[[], None],
        config_source: str = "",
        notices: list[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self._app = app
        self.window = window
        self._config = config
        self._reset_view = reset_view
        self.choose_printer: Callable[[], QPrinter | None] = lambda: named_printer(
            config.printer_name
        )
        self.guard = KioskGuard(window)
        self.idle = IdleWatcher(config.idle_seconds * 1000, self)
        self.panel = MessagePanel(window)
        self.warning = IdleWarning(window)
        self.gate = PinGate(config.admin_pin_hash, clock)
        self.pin_pad = PinPad(window, self.gate)
        self.admin = AdminScreen(
            window, library, config.printer_name, config_source or "(none)", notices or []
        )
        self.about = AboutPanel(window, library, window.services)
        window.about_opener = self._open_about
        self.corner = StaffCorner(window)
        self.idle.idle.connect(self._on_idle)
        self.warning.stillHere.connect(self._on_still_here)
        self.warning.expired.connect(self.reset)
        self.corner.held.connect(self._on_corner_held)
        self.pin_pad.unlocked.connect(self.admin.open)
        self.admin.exitRequested.connect(self.leave)
        self.admin.testPrintRequested.connect(self.test_print)
        explainer.show_box = self.panel.explain
        explainer.hover_tips = False
        window.pageBuilt.connect(self._on_page_built)
        make_touch_friendly(window)

    # -- start and stop --------------------------------------------------------
    def show(self, full_screen: bool = True) -> None:
        """Show the window as the kiosk (full screen and frameless) and start the idle watch."""
        self._app.setStyle(TouchStyle())
        self._app.setStyleSheet(TOUCH_STYLE)
        self._app.installEventFilter(self.guard)
        self._app.installEventFilter(self.idle)
        self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.guard.keep_full_screen = full_screen
        if full_screen:
            self.window.showFullScreen()
        else:  # screenshots at a chosen size
            self.window.show()
        self.corner.raise_()
        self.idle.start()

    def follow_view_change(self) -> None:
        """After a text size or colour theme change: widgets the touch style sheet styles
        keep the font and colours they had when it was applied (the nav bar, breadcrumb,
        disclaimer, the pages' backgrounds), so apply it again."""
        if self._app.styleSheet():
            self._app.setStyleSheet(TOUCH_STYLE)

    def shut_down(self) -> None:
        """Remove the kiosk's hold on the program (before leaving, or after a test)."""
        self.guard.locked = False
        self.idle.stop()
        self.warning.stop()
        self._app.removeEventFilter(self.guard)
        self._app.removeEventFilter(self.idle)
        self._app.setStyleSheet("")
        self._app.setStyle(PointerStyle())

    def leave(self) -> None:
        """Staff chose Exit: clear everything, then close the window (which ends the program)."""
        self.reset()
        self.shut_down()
        self.exited.emit()
        self.window.close()

    # -- idle -----------------------------------------------------------------
    def _on_idle(self) -> None:
        if self.is_pristine():
            self.reset()  # nothing to lose: no need to ask, just tidy up
            return
        _close_dialogs(self.window)  # a dialog would block the "I'm still here" button
        self.warning.start(self._config.warning_seconds)

    def _on_still_here(self) -> None:
        self.idle.start()

    def is_pristine(self) -> bool:
        """Whether the screen is as the last reset left it (nothing chosen, typed or open)."""
        window = self.window
        typed = any(edit.text() for edit in _text_fields(window))
        panels = (self.panel, self.about, self.pin_pad, self.admin)
        return not (
            window.session.has_input()  # the consultation, chosen sites included
            or window.history.current != START
            or typed
            or any(panel.is_open() for panel in panels)
        )

    def reset(self) -> None:
        """Forget the last person: every choice, word typed, panel and dialog; back to the start."""
        self.warning.stop()
        for panel in (self.panel, self.about, self.pin_pad, self.admin):
            panel.close_panel()
        _close_dialogs(self.window)
        self.window.clear_everything()
        self._reset_view()
        for edit in _text_fields(self.window):
            if edit.text() or edit.isUndoAvailable():
                edit.setText("")  # setText, unlike clear(), also empties the undo history
        for notes in self.window.findChildren(QPlainTextEdit):
            if notes.toPlainText() or notes.document().isUndoAvailable():
                notes.clear()
        clipboard = QApplication.clipboard()
        if clipboard.text():
            clipboard.clear()
        self.idle.start()
        self.resetDone.emit()

    def _open_about(self) -> None:
        self.about.show_about(self.window.theme)

    # -- staff ----------------------------------------------------------------
    def _on_corner_held(self) -> None:
        if not (self.warning.is_open() or self.admin.is_open()):
            self.pin_pad.open()

    def test_print(self) -> None:
        """Print a one-page test to the configured printer and say how it went."""
        printer = self.choose_printer()
        if printer is None:
            name = self._config.printer_name
            self.admin.status.setText(
                f"The printer {name!r} is not available on this computer."
                if name
                else "No printer is set. Add printer_name to the config."
            )
            return
        lines = [
            "mbc-guide test page",
            f"Clinic: {self._config.clinic_name or '(no clinic name set)'}",
            f"Printer: {printer.printerName() or self._config.printer_name}",
            f"Printed: {dt.datetime.now().strftime('%d %B %Y %H:%M')}",
        ]
        try:
            print_test_page(printer, lines)
        except OSError as exc:
            self.admin.status.setText(f"The test page could not be printed ({exc}).")
            return
        self.admin.status.setText("The test page was sent to the printer.")

    # -- pages ----------------------------------------------------------------
    def _on_page_built(self, name: str, page: QWidget) -> None:
        make_touch_friendly(page)
        if isinstance(page, HandoutPage):
            page.inform = self._inform

    def _inform(self, _parent: QWidget, title: str, text: str) -> None:
        self.panel.show_message(title, text)


def _text_fields(window: QWidget) -> list[QLineEdit]:
    """The window's own text boxes (not the ones inside date and combo boxes)."""
    fields = []
    for edit in window.findChildren(QLineEdit):
        parent = edit.parentWidget()
        if not isinstance(parent, (QAbstractSpinBox, QComboBox)):
            fields.append(edit)
    return fields


def _close_dialogs(window: QWidget) -> None:
    """Close every dialog and popup the program has open."""
    popup = QApplication.activePopupWidget()
    while popup is not None:
        popup.close()
        next_popup = QApplication.activePopupWidget()
        popup = None if next_popup is popup else next_popup
    dialogs = {*window.findChildren(QDialog)}
    dialogs.update(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog))
    for dialog in dialogs:
        if dialog.isVisible():
            dialog.reject()
