"""The staff way out of the kiosk: hold the corner, the PIN pad and its lock, the staff screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.staff_pin import LOCKOUT_SECONDS, MAX_TRIES, hash_pin
from desktop_app.ui.kiosk.kiosk import KioskMode
from desktop_app.ui.kiosk.pin_pad import HOLD_MS, NO_PIN_MESSAGE
from tests.gui.leftovers import pages_enabled

MakeKiosk = Callable[[str], Controller]
PIN = "482916"


@pytest.fixture(scope="module")
def pin_setting() -> str:
    return f'admin_pin_hash = "{hash_pin(PIN)}"\n'


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def _kiosk(controller: Controller) -> KioskMode:
    assert controller.kiosk is not None
    return controller.kiosk


def _type(qtbot: QtBot, kiosk: KioskMode, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(kiosk.pin_pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.pin_pad.ok_button, Qt.MouseButton.LeftButton)


def test_holding_the_top_left_corner_opens_the_pin_pad(
    qtbot: QtBot, make_kiosk: MakeKiosk, pin_setting: str
) -> None:
    kiosk = _kiosk(make_kiosk(pin_setting))
    corner = kiosk.corner
    assert corner.hold_ms == HOLD_MS == 5000
    assert corner.mapTo(kiosk.window, QPoint(0, 0)) == QPoint(0, 0)
    assert corner.width() >= 48 and corner.height() >= 48
    assert kiosk.window.childAt(QPoint(10, 10)) is corner  # no control hides under it
    corner.hold_ms = 100  # the test holds for a tenth of the time
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))  # a tap: nothing
    assert not corner.is_holding()
    assert not kiosk.pin_pad.is_open()
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(kiosk.pin_pad.is_open, timeout=3000)
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert kiosk.pin_pad.geometry() == kiosk.window.rect()
    qtbot.mouseClick(kiosk.pin_pad.cancel_button, Qt.MouseButton.LeftButton)
    assert not kiosk.pin_pad.is_open()


def test_five_wrong_pins_lock_the_pad_for_a_minute_then_the_right_one_opens_it(
    qtbot: QtBot, make_kiosk: MakeKiosk, pin_setting: str
) -> None:
    controller = make_kiosk(pin_setting)
    kiosk = _kiosk(controller)
    clock = FakeClock()
    kiosk.gate.clock = clock
    pad = kiosk.pin_pad
    pad.open()
    for left in range(MAX_TRIES - 1, 0, -1):
        _type(qtbot, kiosk, "1111")
        assert pad.message.text().startswith(f"That PIN is not right. {left} more tr")
        assert pad.entered.text() == "\u2013"  # the digits are forgotten after each try
    _type(qtbot, kiosk, "1111")
    assert pad.message.text() == "Too many wrong PINs. Try again in 60 seconds."
    assert not any(button.isEnabled() for button in pad.digit_buttons.values())
    assert not pad.ok_button.isEnabled()
    pad.close_panel()  # closing and opening the pad does not lift the lock
    pad.open()
    assert pad.message.text() == "Too many wrong PINs. Try again in 60 seconds."
    for key in PIN:  # nor does a keyboard
        qtbot.keyClick(pad, key)
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert not kiosk.admin.is_open()
    clock.now += LOCKOUT_SECONDS - 1
    pad.refresh()  # what the pad's one-second timer does
    assert pad.message.text() == "Too many wrong PINs. Try again in 1 second."
    clock.now += 1
    pad.refresh()
    assert pad.message.text() == "You can try again now."
    assert all(button.isEnabled() for button in pad.digit_buttons.values())
    _type(qtbot, kiosk, PIN)
    assert not pad.is_open()
    assert kiosk.admin.is_open()
    facts = kiosk.admin.facts.text()
    library = controller.library
    assert f"Content version: {library.meta.version}" in facts
    assert f"Next content review due: {library.earliest_next_review.isoformat()}" in facts
    assert f"Content last reviewed: {library.latest_reviewed.isoformat()}" in facts


def test_without_a_pin_hash_the_pad_says_how_to_set_one(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    kiosk = _kiosk(make_kiosk(""))
    kiosk.pin_pad.open()
    assert kiosk.pin_pad.message.text() == NO_PIN_MESSAGE
    assert not any(b.isEnabled() for b in kiosk.pin_pad.digit_buttons.values())
    assert kiosk.pin_pad.cancel_button.isEnabled()
    kiosk.pin_pad.submit()
    assert not kiosk.admin.is_open()


def test_the_staff_screen_prints_a_test_page(
    qtbot: QtBot, make_kiosk: MakeKiosk, pin_setting: str, tmp_path: Path
) -> None:
    kiosk = _kiosk(make_kiosk(pin_setting + 'printer_name = "Reception"\n'))
    kiosk.pin_pad.open()
    _type(qtbot, kiosk, PIN)
    admin = kiosk.admin
    assert "Printer: Reception" in admin.facts.text()
    qtbot.mouseClick(admin.test_print_button, Qt.MouseButton.LeftButton)
    assert admin.status.text() == "The printer 'Reception' is not available on this computer."
    printed = tmp_path / "test-page.pdf"

    def file_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    kiosk.choose_printer = file_printer
    qtbot.mouseClick(admin.test_print_button, Qt.MouseButton.LeftButton)
    assert admin.status.text() == "The test page was sent to the printer."
    text = " ".join(PdfReader(str(printed)).pages[0].extract_text().split())
    assert text.startswith("mbc-guide test page Clinic: (no clinic name set) Printer: Reception")
    printed.unlink()
    qtbot.mouseClick(admin.back_button, Qt.MouseButton.LeftButton)
    assert not admin.is_open()
    assert pages_enabled(kiosk.window)


def test_exit_on_the_staff_screen_clears_and_closes_the_kiosk(
    qtbot: QtBot, make_kiosk: MakeKiosk, pin_setting: str
) -> None:
    controller = make_kiosk(pin_setting)
    kiosk = _kiosk(controller)
    controller.selection.set_selected("brain", True)
    kiosk.pin_pad.open()
    _type(qtbot, kiosk, PIN)
    with qtbot.waitSignal(kiosk.exited, timeout=2000):
        qtbot.mouseClick(kiosk.admin.exit_button, Qt.MouseButton.LeftButton)
    assert not controller.window.isVisible()
    assert controller.selection.selected_ids() == []
    assert not kiosk.guard.locked
    assert QApplication.instance().styleSheet() == ""  # type: ignore[union-attr]
