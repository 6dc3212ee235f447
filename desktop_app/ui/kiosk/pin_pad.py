"""The staff way out of kiosk mode: hold the top-left corner, then type the PIN on a pad."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QMainWindow, QPushButton, QWidget

from desktop_app.staff_pin import MAX_TRIES, PinGate, Verdict
from desktop_app.ui.kiosk.overlay import Overlay, big_button

HOLD_MS = 5000
CORNER_PX = 64
MAX_PIN_DIGITS = 8
NO_PIN_MESSAGE = "No staff PIN is set. Use mbc-guide admin set-pin"


class StaffCorner(QWidget):
    """An invisible square in the window's top-left corner; holding it signals `held`."""

    held = Signal()

    def __init__(self, window: QMainWindow, hold_ms: int = HOLD_MS) -> None:
        super().__init__(window)
        self.setAccessibleName("Staff corner")
        self.setGeometry(0, 0, CORNER_PX, CORNER_PX)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._on_held)
        self.raise_()

    @property
    def hold_ms(self) -> int:
        """How long the corner must be held."""
        return self._timer.interval()

    @hold_ms.setter
    def hold_ms(self, value: int) -> None:
        self._timer.setInterval(value)

    def is_holding(self) -> bool:
        """Whether a hold is being timed."""
        return self._timer.isActive()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # touch arrives as a mouse press
        self._timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._timer.stop()
        event.accept()

    def _on_held(self) -> None:
        self.held.emit()


class PinPad(Overlay):
    """Large digit buttons; the right PIN signals `unlocked`, and wrong ones count."""

    unlocked = Signal()

    def __init__(self, window: QMainWindow, gate: PinGate) -> None:
        super().__init__(window, "Staff PIN pad")
        self._gate = gate
        self._digits = ""
        self.title = self.label("Staff only: enter the PIN", scale=1.5, bold=True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.entered = self.label(scale=2.0, bold=True)
        self.entered.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.entered.setAccessibleName("No digits entered")
        self.message = self.label(scale=1.0)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message.setAccessibleDescription("PIN pad message")
        self.body.addWidget(self.title)
        self.body.addWidget(self.entered)
        self.body.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.digit_buttons: dict[str, QPushButton] = {}
        for position, digit in enumerate("123456789"):
            self._add_digit(grid, digit, position // 3, position % 3)
        self.delete_button = big_button(
            "Delete", "Delete the last digit", scale=1.1, min_height=80, min_width=150
        )
        self.delete_button.clicked.connect(self._on_delete)
        grid.addWidget(self.delete_button, 3, 0)
        self._add_digit(grid, "0", 3, 1)
        self.ok_button = big_button("OK", "Check the PIN", scale=1.3, min_height=80, min_width=150)
        self.ok_button.clicked.connect(self.submit)
        grid.addWidget(self.ok_button, 3, 2)
        pad_row = QHBoxLayout()
        pad_row.addStretch(1)
        pad_row.addLayout(grid)
        pad_row.addStretch(1)
        self.body.addLayout(pad_row)
        self.cancel_button = big_button("Cancel", "Cancel and go back", scale=1.1, min_width=240)
        self.cancel_button.clicked.connect(self.close_panel)
        self.body.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self.refresh)

    def _add_digit(self, grid: QGridLayout, digit: str, row: int, column: int) -> None:
        button = big_button(digit, f"Digit {digit}", scale=1.6, min_height=80, min_width=150)
        button.clicked.connect(partial(self.press, digit))
        grid.addWidget(button, row, column)
        self.digit_buttons[digit] = button

    # -- the program's side --------------------------------------------------
    def open(self) -> None:
        """Show an empty pad (with the reason when it cannot be used)."""
        self._digits = ""
        self.message.setText("")
        super().open()
        self.refresh()
        self.cancel_button.setFocus()

    def close_panel(self) -> None:
        """Hide the pad and forget the digits typed."""
        self._digits = ""
        self._lock_timer.stop()
        super().close_panel()

    def refresh(self) -> None:
        """Show the digits and whether the pad is locked, no PIN is set, or ready."""
        self.entered.setText("\u25cf " * len(self._digits) if self._digits else "\u2013")
        count = len(self._digits)
        # The dots mean nothing when spoken; the number of digits does.
        self.entered.setAccessibleName(
            f"{count} digit{'s' if count != 1 else ''} entered" if count else "No digits entered"
        )
        locked_for = self._gate.seconds_locked()
        usable = self._gate.has_pin and not locked_for
        for button in (*self.digit_buttons.values(), self.delete_button, self.ok_button):
            button.setEnabled(usable)
        if not self._gate.has_pin:
            self.message.setText(NO_PIN_MESSAGE)
        elif locked_for:
            self.message.setText(
                f"Too many wrong PINs. Try again in {locked_for} "
                f"second{'s' if locked_for != 1 else ''}."
            )
            if not self._lock_timer.isActive():
                self._lock_timer.start()
        else:
            self._lock_timer.stop()
            if self.message.text().startswith("Too many"):
                self.message.setText("You can try again now.")

    # -- the person's side ---------------------------------------------------
    def press(self, digit: str) -> None:
        """One digit typed."""
        if len(self._digits) < MAX_PIN_DIGITS:
            self._digits += digit
        self.refresh()

    def _on_delete(self) -> None:
        self._digits = self._digits[:-1]
        self.refresh()

    def submit(self) -> None:
        """Check the digits typed."""
        digits, self._digits = self._digits, ""
        verdict = self._gate.try_pin(digits)
        if verdict is Verdict.RIGHT:
            self.close_panel()
            self.unlocked.emit()
            return
        if verdict is Verdict.WRONG:
            left = self._gate.tries_left
            self.message.setText(
                f"That PIN is not right. {left} more tr{'y' if left == 1 else 'ies'} "
                f"before the pad locks for a minute (after {MAX_TRIES} wrong PINs)."
            )
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and text.isascii():
            self.press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Backspace:
            self._on_delete()
        else:
            super().keyPressEvent(event)
