"""Privacy: a whole kiosk session, printed and reset, leaves the patient's name in no file."""

from __future__ import annotations

import logging
import secrets
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import start_program
from desktop_app.ui.qt.theme import DEFAULT_TEXT_STEP, apply_text_size
from tests.gui.leftovers import traces, undo_left

BUILD_TIMEOUT_MS = 20_000
FOLDERS = ("home", "config", "cache", "data", "state", "tmp")
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def _files_holding(text: str, roots: list[Path]) -> list[Path]:
    wanted = [text.encode(encoding) for encoding in ENCODINGS]
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                if any(needle in data for needle in wanted):
                    found.append(path)
    return found


def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point HOME, every XDG folder and the temp folder of this process at empty folders."""
    roots = {name: tmp_path / name for name in FOLDERS}
    for root in roots.values():
        root.mkdir()
    monkeypatch.setenv("HOME", str(roots["home"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(roots["config"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(roots["cache"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(roots["data"]))
    monkeypatch.setenv("XDG_STATE_HOME", str(roots["state"]))
    for variable in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(variable, str(roots["tmp"]))
    monkeypatch.setattr(tempfile, "tempdir", None)  # Python caches the temp folder
    return roots


def test_a_whole_kiosk_session_leaves_the_name_in_no_file(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    qtlog: Any,
) -> None:
    caplog.set_level(logging.DEBUG)
    roots = _private_folders(tmp_path, monkeypatch)
    assert tempfile.gettempdir() == str(roots["tmp"])
    config_file = roots["config"] / "mbc-guide" / "config.toml"
    config_file.parent.mkdir()
    config_text = (
        'clinic_name = "Privacy Test Clinic"\n'
        'printer_name = "Kiosk test printer"\n'
        "kiosk = true\nidle_seconds = 5\nwarning_seconds = 20\n"
    )
    config_file.write_text(config_text, encoding="utf-8")
    name = f"ZZPRIVACYTEST-{secrets.token_hex(6)}"

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    startup = start_program(app)  # the default config place, as `mbc-guide` finds it
    controller = startup.controller
    assert controller is not None and startup.notices == []
    kiosk = controller.kiosk
    assert kiosk is not None, "kiosk = true in the config turns kiosk mode on"
    window = controller.window
    controller.show()
    qtbot.waitExposed(window)
    try:
        # Choose where, read, compare.
        site_list = window.map_page.site_list
        spine = controller.selection.index(controller.selection.row_of("spine"))
        qtbot.mouseClick(
            site_list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=site_list.visualRect(spine).center(),
        )
        qtbot.waitUntil(lambda: "spine" in window.map_page.open_buttons)
        qtbot.mouseClick(window.map_page.open_buttons["spine"], Qt.MouseButton.LeftButton)
        for card in window.site_page.cards[:2]:
            qtbot.mouseClick(card.compare_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.site_page.compare_button, Qt.MouseButton.LeftButton)
        # Questions, with one of the patient's own.
        qtbot.mouseClick(window.questions_button, Qt.MouseButton.LeftButton)
        questions = window.questions_page
        first = questions.list.visualRect(questions.model.index(0)).center()
        qtbot.mouseClick(questions.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
        qtbot.keyClicks(questions.own_entry, f"{name}: can I still swim?")
        qtbot.mouseClick(questions.add_button, Qt.MouseButton.LeftButton)
        # The glossary: a search, and a word tapped.
        qtbot.mouseClick(window.glossary_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.glossary_page.search, name)
        controller.explainer.activate(window, "term:metastasis")
        qtbot.mouseClick(kiosk.panel.close_button, Qt.MouseButton.LeftButton)
        # The handout: name, notes, preview and print.
        qtbot.mouseClick(window.handout_button, Qt.MouseButton.LeftButton)
        page = window.handout_page
        qtbot.keyClicks(page.name_edit, name)
        qtbot.keyClicks(page.notes_edit, f"Notes for {name}")
        page.name_edit.selectAll()
        page.name_edit.copy()  # the clipboard must be emptied too
        with qtbot.waitSignal(page.pdfReady, timeout=BUILD_TIMEOUT_MS):
            qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
        spool = roots["tmp"] / f"printer-{secrets.token_hex(4)}.pdf"

        def file_backed_printer(_parent: QWidget) -> QPrinter:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(spool))
            return printer

        page.choose_printer = file_backed_printer
        with qtbot.waitSignal(page.printed, timeout=BUILD_TIMEOUT_MS):
            qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
        assert spool.read_bytes().startswith(b"%PDF")
        spool.unlink()  # the test printer's paper: the one file the test itself made
        assert controller.session.patient_name == name
        assert traces([name]) != []  # the search below would see it now

        # Walk away: the warning, then the reset.
        qtbot.waitUntil(kiosk.warning.is_open, timeout=15_000)
        while kiosk.warning.remaining > 1:  # the countdown, without waiting for all of it
            kiosk.warning.tick()
        with qtbot.waitSignal(kiosk.resetDone, timeout=5000):
            pass
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert traces([name]) == []
        assert undo_left() == []
    finally:
        kiosk.shut_down()
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        controller.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        apply_text_size(app, DEFAULT_TEXT_STEP)

    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert _files_holding(name, list(roots.values())) == [], written
    assert config_file.read_text(encoding="utf-8") == config_text
    settings_files = [p for p in roots["config"].rglob("*") if p.suffix in (".conf", ".ini")]
    assert settings_files == []  # kiosk mode writes no QSettings
    assert name not in caplog.text
    out, err = capfd.readouterr()
    assert name not in out and name not in err
    assert all(name not in record.message for record in qtlog.records)


def test_a_failed_handout_build_logs_where_but_not_what(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    from desktop_app.ui.qt.background import BackgroundJob, start

    secret = f"ZZPRIVACYTEST-{secrets.token_hex(6)}"
    failures: list[str] = []

    def work() -> object:
        raise ValueError(f"paragraph parse error near <para>{secret}</para>")

    job = start(BackgroundJob(work, lambda _result: None, failures.append, "It failed."))
    qtbot.waitUntil(lambda: failures == ["It failed."], timeout=5000)
    assert job is not None
    assert "background job failed: builtins.ValueError" in caplog.text
    assert "in work" in caplog.text  # the traceback's frames are kept
    assert secret not in caplog.text
