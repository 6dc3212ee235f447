"""Kiosk idle handling: notice when nobody has touched the screen, then ask before clearing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QMainWindow

from desktop_app.ui.kiosk.overlay import Overlay, big_button

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.InputMethod,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)
"""What counts as someone using the program (touch, mouse, keys, on-screen keyboard).

Focus moving and any button being pressed count too: that is all a screen reader's
actions over the accessibility bus produce."""


class IdleWatcher(QObject):
    """An application-wide event filter that signals after `idle_ms` without any input."""

    idle = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self._on_timeout)

    @property
    def interval_ms(self) -> int:
        """How long without input counts as idle."""
        return self._timer.interval()

    def is_running(self) -> bool:
        """Whether the watcher is counting."""
        return self._timer.isActive()

    def start(self) -> None:
        """Start (or restart) counting from now."""
        self._timer.start()

    def stop(self) -> None:
        """Stop counting (while the warning is shown, or when the kiosk is left)."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS or kind == QEvent.Type.FocusIn:
            self._on_activity()
        elif kind == QEvent.Type.Polish and isinstance(watched, QAbstractButton):
            # A screen reader presses a button or toggles a tick box through the
            # accessibility bus, and no input event is sent: the button's pressed and
            # toggled signals are what tell of it.
            watched.pressed.connect(self._on_activity, Qt.ConnectionType.UniqueConnection)
            watched.toggled.connect(self._on_activity, Qt.ConnectionType.UniqueConnection)
        return False

    def _on_activity(self) -> None:
        if self._timer.isActive():
            self._timer.start()

    def _on_timeout(self) -> None:
        self.idle.emit()


class IdleWarning(Overlay):
    """'Are you still there?' over the whole screen, counting down (WCAG 2.2.1, timing).

    It also hides whatever the last person left on the screen from anyone walking past.
    """

    stillHere = Signal()
    expired = Signal()
    accessible_role = QAccessible.Role.AlertMessage  # read out when it appears
    ANNOUNCE_EVERY_S = 10

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window, "Are you still there?")
        self.remaining = 0
        self._started_at = 0
        self.title = self.label("Are you still there?", scale=2.0, bold=True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.explanation = self.label(
            "To keep your information private, this screen will be cleared for the next "
            "person. Tap the button to carry on.",
            scale=1.1,
        )
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.countdown = self.label(scale=1.6, bold=True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.countdown.setAccessibleDescription("Time left")
        self.still_here_button = big_button(
            "I\u2019m still here", "I'm still here", scale=1.6, min_height=120, min_width=480
        )
        self.still_here_button.clicked.connect(self._on_still_here)
        self.body.addWidget(self.title)
        self.body.addWidget(self.explanation)
        self.body.addWidget(self.countdown)
        self.body.addWidget(self.still_here_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.tick)

    def start(self, seconds: int) -> None:
        """Show the question and count down from `seconds`."""
        self.remaining = max(1, seconds)
        self._started_at = self.remaining
        self._show_remaining()
        self.open()
        self.still_here_button.setFocus()
        self._tick.start()

    def stop(self) -> None:
        """Hide the question without a decision (the kiosk is being reset or left)."""
        self._tick.stop()
        self.close_panel()

    def _show_remaining(self) -> None:
        unit = "second" if self.remaining == 1 else "seconds"
        self.countdown.setText(f"Clearing in {self.remaining} {unit}")
        # The focused button carries the countdown, so a screen reader says it on
        # opening and again every ANNOUNCE_EVERY_S seconds.
        if self.remaining == self._started_at or self.remaining % self.ANNOUNCE_EVERY_S == 0:
            self.still_here_button.setAccessibleDescription(
                f"Are you still there? This screen will be cleared in {self.remaining} {unit}."
            )

    def tick(self) -> None:
        """One second of the countdown (the timer calls it); at zero the screen is cleared."""
        self.remaining -= 1
        if self.remaining > 0:
            self._show_remaining()
            return
        self.stop()
        self.expired.emit()

    def _on_still_here(self) -> None:
        self.stop()
        self.stillHere.emit()
