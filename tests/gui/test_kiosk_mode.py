"""Kiosk mode: no way out, built for touch, no file dialogs, and printing straight to paper."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QContextMenuEvent,
    QHelpEvent,
    QInputMethodEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTextBrowser,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.handout.request import Section
from desktop_app.ui.kiosk.touch import MIN_TARGET_PX
from desktop_app.ui.pages import handout_page as handout_module
from tests.gui.leftovers import pages_enabled

MakeKiosk = Callable[[str], Controller]
BUILD_TIMEOUT_MS = 20_000
LEAVING_KEYS = (
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
)


def test_close_minimise_and_leaving_keys_do_nothing(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    controller = make_kiosk("")
    window = controller.window
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.isFullScreen()
    assert window.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(window, event)  # what the window manager sends for Alt+F4
    assert not event.isAccepted()
    assert window.isVisible()
    fired: list[str] = []
    shortcuts = []
    for sequence in ("Ctrl+Q", "Ctrl+W", "Alt+F4", "Esc"):
        shortcut = QShortcut(QKeySequence(sequence), window)
        shortcut.activated.connect(partial(fired.append, sequence))
        shortcuts.append(shortcut)
    window.show_about()
    about = controller.kiosk.about  # type: ignore[union-attr]
    assert about.is_open()
    for key, modifiers in LEAVING_KEYS:
        qtbot.keyClick(about.text, key, modifiers)  # Escape closes any other panel or dialog
        qtbot.keyClick(window, key, modifiers)
    assert fired == []
    assert about.is_open()
    assert window.isVisible()
    qtbot.waitUntil(window.isFullScreen)  # the offscreen platform reports its state late
    window.showMinimized()
    qtbot.waitUntil(lambda: window.isFullScreen() and not window.isMinimized())
    window.showNormal()  # e.g. a window manager's "restore" shortcut
    qtbot.waitUntil(window.isFullScreen)
    qtbot.mouseClick(about.close_button, Qt.MouseButton.LeftButton)
    assert not about.is_open()
    # Ordinary typing still works.
    window.show_handout()
    qtbot.keyClicks(window.handout_page.name_edit, "Ada")
    assert controller.session.patient_name == "Ada"


class _Recorder(QObject):
    """Counts (and stops) one kind of event reaching a widget."""

    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self.kind = kind
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.seen += 1
            return True
        return False


def test_no_right_click_menus_and_no_tooltips(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    controller = make_kiosk("")
    window = controller.window
    window.show_handout()
    name = window.handout_page.name_edit
    reached = _Recorder(QEvent.Type.ContextMenu)
    name.installEventFilter(reached)  # runs after the kiosk's filter, and never shows a menu
    menu = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), name.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(name, menu)
    assert reached.seen == 0
    assert QApplication.activePopupWidget() is None
    button = window.map_button
    button.setToolTip("hover-only text")
    tip = QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), button.mapToGlobal(QPoint(2, 2)))
    QApplication.sendEvent(button, tip)
    assert not QToolTip.isVisible()
    window.show_site("spine")
    window.site_page.overview.linkHovered.emit("term:metastasis")
    assert not QToolTip.isVisible()


def _too_small(window: QWidget) -> tuple[list[str], int]:
    """Visible controls smaller than a fingertip, and how many controls were looked at."""
    small = []
    checked = 0
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        checked += 1
        name = f"{type(widget).__name__} {widget.accessibleName()!r}"
        # Scroll bars only need to be finger-wide; their length follows the view.
        shortest = min(widget.width(), widget.height())
        if isinstance(
            widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox | QScrollBar
        ):
            if shortest < MIN_TARGET_PX:
                small.append(f"{name} {widget.width()}x{widget.height()}")
        elif isinstance(widget, QAbstractItemView) and widget.model().rowCount() > 0:
            row = widget.sizeHintForRow(0)
            if row < MIN_TARGET_PX:
                small.append(f"{name} rows {row} px")
        if isinstance(widget, QLabel) and widget.text() and widget.font().pointSizeF() < 18:
            small.append(f"{name} text {widget.font().pointSizeF()} pt")
    return small, checked


def _search_glossary(controller: Controller, text: str) -> None:
    controller.window.show_glossary()
    controller.window.glossary_page.search.setText(text)  # shows any clear button


def test_every_control_is_finger_sized_and_text_is_at_least_18_pt(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    controller = make_kiosk("")
    window = controller.window
    kiosk = controller.kiosk
    assert kiosk is not None
    controller.selection.set_selected("spine", True)
    for option_id in ("spine-radiotherapy", "spine-sbrt"):
        controller.session.set_compared(option_id, True)
    assert QApplication.font().pointSizeF() >= 18
    window.smaller_button.click()  # never below 18 pt in kiosk mode
    assert QApplication.font().pointSizeF() >= 18
    problems: dict[str, list[str]] = {}
    screens: list[tuple[str, Callable[[], None]]] = [
        ("map", window.show_map),
        ("site", partial(window.show_site, "spine")),
        ("compare", window.show_compare),
        ("questions", window.show_questions),
        ("glossary", partial(_search_glossary, controller, "bone")),
        ("handout", window.show_handout),
        ("about", window.show_about),
        ("message", partial(kiosk.panel.show_message, "Title", "Text")),
        ("idle warning", partial(kiosk.warning.start, 30)),
        ("PIN pad", kiosk.pin_pad.open),
        ("staff screen", kiosk.admin.open),
    ]
    checked = 0
    for name, show in screens:
        show()
        QApplication.processEvents()
        found, count = _too_small(window)
        checked += count
        if found:
            problems[name] = found
        for panel in (kiosk.panel, kiosk.about, kiosk.warning, kiosk.pin_pad, kiosk.admin):
            panel.close_panel()
    assert problems == {}
    assert checked > 100  # the check really looked at the screens


def test_nothing_leads_out_to_files_browsers_or_clinician_ticks(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    controller = make_kiosk("")
    window = controller.window
    window.show_site("spine")
    assert all(card.discussed_box is None for card in window.site_page.cards)
    window.show_handout()
    page = window.handout_page
    assert not page.save_button.isVisible()
    asked: list[str] = []

    def record(_parent: QWidget, suggested: str) -> None:
        asked.append(suggested)

    page.choose_save_path = record
    page.save()
    assert asked == []
    for hidden in (page.prepared_edit, page.date_edit, page.page_size):
        assert not hidden.isVisible()
    assert Section.DISCUSSED not in page.request().sections
    assert page.print_button.text() == "Print my handout"
    for label in window.findChildren(QLabel):
        assert not label.openExternalLinks()
    for browser in window.findChildren(QTextBrowser):
        assert not browser.openLinks() and not browser.openExternalLinks()


def test_a_glossary_word_opens_a_large_panel_that_closes_with_a_tap(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    controller = make_kiosk("")
    kiosk = controller.kiosk
    assert kiosk is not None
    window = controller.window
    window.show_site("spine")
    window.site_page.overview.linkActivated.emit("term:metastasis")
    term = next(t for t in controller.library.glossary if t.id == "metastasis")
    panel = kiosk.panel
    assert panel.is_open()
    assert (panel.title.text(), panel.text.text()) == (term.term, term.meaning)
    assert panel.text.font().pointSizeF() >= 18
    assert panel.geometry() == window.rect()
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not panel.is_open()
    window.site_page.overview.linkActivated.emit("term:metastasis")
    qtbot.mouseClick(panel, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))  # beside the card
    assert not panel.is_open()
    assert pages_enabled(window)


def test_a_tap_anywhere_on_a_list_row_ticks_it(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    controller = make_kiosk("")
    view = controller.window.map_page.site_list
    index = controller.selection.index(controller.selection.row_of("brain"))
    view.scrollTo(index)
    centre = view.visualRect(index).center()  # on the name, well away from the tick box
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert controller.selection.selected_ids() == ["brain"]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert controller.selection.selected_ids() == []


def test_the_name_box_takes_text_from_an_on_screen_keyboard(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    controller = make_kiosk("")
    controller.window.show_handout()
    name = controller.window.handout_page.name_edit
    hints = name.inputMethodHints()
    assert hints & Qt.InputMethodHint.ImhNoPredictiveText
    assert hints & Qt.InputMethodHint.ImhSensitiveData  # kept out of keyboard dictionaries
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    assert name.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    commit = QInputMethodEvent("", [])
    commit.setCommitString("Zo\u00eb \u0141ukasiewicz")
    QApplication.sendEvent(name, commit)
    assert name.text() == "Zo\u00eb \u0141ukasiewicz"
    assert controller.session.patient_name == "Zo\u00eb \u0141ukasiewicz"


def _kiosk_with_choices(make_kiosk: MakeKiosk, settings: str) -> Controller:
    controller = make_kiosk(settings)
    controller.selection.set_selected("spine", True)
    controller.session.set_compared("spine-radiotherapy", True)
    controller.session.set_compared("spine-sbrt", True)
    controller.window.show_handout()
    controller.window.handout_page.name_edit.insert("Ada Lovelace")
    return controller


def test_print_goes_to_the_configured_printer_without_a_dialog(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = _kiosk_with_choices(make_kiosk, 'printer_name = "Reception"\n')
    page = controller.window.handout_page
    printed = tmp_path / "printed.pdf"
    asked: list[str] = []

    def no_dialog(*_args: object) -> None:
        raise AssertionError("kiosk mode must never open a print dialog")

    monkeypatch.setattr(handout_module, "QPrintDialog", no_dialog)

    def configured_printer(_parent: QWidget) -> QPrinter:
        asked.append("printer")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    page.choose_printer = configured_printer
    with qtbot.waitSignal(page.printed, timeout=BUILD_TIMEOUT_MS):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert asked == ["printer"]
    assert page.status.text() == "Your handout is printing. Please collect it from the printer."
    assert len(PdfReader(io.BytesIO(printed.read_bytes())).pages) >= 2
    printed.unlink()


def test_the_default_kiosk_printer_is_the_configured_one(make_kiosk: MakeKiosk) -> None:
    controller = make_kiosk('printer_name = "No Such Printer 42"\n')
    controller.window.show_handout()
    assert controller.window.handout_page.choose_printer(controller.window) is None


@pytest.mark.parametrize(
    ("settings", "broken", "expected"),
    [
        ("", False, "Printing is not available here right now. Please ask at the reception desk."),
        pytest.param(
            'printer_name = "Reception"\n',
            True,
            "Your handout could not be printed. Please ask at the reception desk.",
            marks=pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false"),
        ),
    ],
)
def test_without_a_working_printer_the_patient_is_sent_to_reception(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    settings: str,
    broken: bool,
    expected: str,
) -> None:
    controller = _kiosk_with_choices(make_kiosk, settings)
    kiosk = controller.kiosk
    assert kiosk is not None
    page = controller.window.handout_page
    if broken:  # a printer that cannot start: its output folder does not exist

        def failing_printer(_parent: QWidget) -> QPrinter:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "no-such-folder" / "out.pdf"))
            return printer

        page.choose_printer = failing_printer
    with qtbot.waitSignal(page.failed, timeout=BUILD_TIMEOUT_MS) as failure:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert failure.args == [expected]
    assert kiosk.panel.is_open() and kiosk.panel.text.text() == expected
    qtbot.mouseClick(kiosk.panel.close_button, Qt.MouseButton.LeftButton)
    # Nothing is lost on screen.
    assert page.name_edit.text() == "Ada Lovelace"
    assert controller.selection.selected_ids() == ["spine"]
    assert controller.session.compared == ["spine-radiotherapy", "spine-sbrt"]
    assert controller.window.stack.currentWidget() is page
