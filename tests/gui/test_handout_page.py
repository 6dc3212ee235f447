"""The handout page: preview of the real pages, saving off the GUI thread, printing."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.ui.pages import handout_page as handout_module
from desktop_app.ui.pages.handout_page import HandoutPage

BUILD_TIMEOUT_MS = 20_000


def _page_with_choices(controller: Controller) -> HandoutPage:
    controller.selection.set_selected("spine", True)
    controller.session.set_compared("spine-radiotherapy", True)
    controller.session.set_compared("spine-sbrt", True)
    controller.session.set_discussed("spine-sbrt", True)
    controller.window.show_handout()
    return controller.window.handout_page


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_preview_shows_every_real_page_without_freezing(
    qtbot: QtBot, controller: Controller
) -> None:
    page = _page_with_choices(controller)
    page.name_edit.setFocus()
    page.name_edit.insert("<b>Zoë</b> & Ольга")  # as an input method types it; QTest is ASCII-only
    with qtbot.waitSignal(page.pdfReady, timeout=BUILD_TIMEOUT_MS) as ready:
        started = time.perf_counter()
        page.preview_button.click()
        returned_after = time.perf_counter() - started
        assert not page.preview_button.isEnabled()  # busy, but the window is not blocked
    pdf = ready.args[0]
    assert returned_after < 0.1
    assert len(page.preview_pages) == len(PdfReader(io.BytesIO(pdf)).pages)
    assert page.preview_button.isEnabled()
    text = _text(pdf)
    assert "<b>Zoë</b> & Ольга" in text
    assert "Stereotactic radiotherapy" in text


def test_save_writes_the_pdf_where_asked(
    qtbot: QtBot, controller: Controller, tmp_path: Path
) -> None:
    page = _page_with_choices(controller)
    target = tmp_path / "handout.pdf"
    page.choose_save_path = lambda _parent, _suggested: target
    with qtbot.waitSignal(page.saved, timeout=BUILD_TIMEOUT_MS):
        page.save_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]
    assert "Saved:" in page.status.text()


def test_a_missing_folder_gives_a_clear_message_and_no_file(
    qtbot: QtBot, controller: Controller, tmp_path: Path
) -> None:
    page = _page_with_choices(controller)
    told: list[str] = []
    page.inform = lambda _parent, _title, text: told.append(text)
    target = tmp_path / "no-such-folder" / "handout.pdf"
    page.choose_save_path = lambda _parent, _suggested: target
    with qtbot.waitSignal(page.failed, timeout=BUILD_TIMEOUT_MS) as failure:
        page.save_button.click()
    assert str(target.parent) in failure.args[0]
    assert told == [failure.args[0]]
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_printing_without_a_printer_says_so(
    controller: Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page_with_choices(controller)
    monkeypatch.setattr(handout_module, "printer_names", lambda: [])
    told: list[str] = []
    page.inform = lambda _parent, _title, text: told.append(text)
    page.print_button.click()
    assert told and "No printer is set up" in told[0]


def test_printing_sends_the_same_pages_to_the_printer(
    qtbot: QtBot, controller: Controller, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = _page_with_choices(controller)
    monkeypatch.setattr(handout_module, "printer_names", lambda: ["file-backed test printer"])
    printed = tmp_path / "printed.pdf"

    def file_printer(_parent: QWidget) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    page.choose_printer = file_printer
    with qtbot.waitSignal(page.pdfReady, timeout=BUILD_TIMEOUT_MS) as ready:
        page.preview_button.click()
    expected_pages = len(PdfReader(io.BytesIO(ready.args[0])).pages)
    page.print_button.click()
    qtbot.waitUntil(lambda: page.status.text().startswith("Sent"), timeout=BUILD_TIMEOUT_MS)
    assert len(PdfReader(str(printed)).pages) == expected_pages


def test_new_patient_clears_the_handout_form(qtbot: QtBot, controller: Controller) -> None:
    page = _page_with_choices(controller)
    qtbot.keyClicks(page.name_edit, "Ada")
    qtbot.keyClicks(page.notes_edit, "Come back in two weeks.")
    assert controller.session.patient_name == "Ada"
    controller.window.clear_everything()
    assert page.name_edit.text() == ""
    assert page.notes_edit.toPlainText() == ""
    assert page.request().patient_name == ""
    assert not controller.session.has_input()
