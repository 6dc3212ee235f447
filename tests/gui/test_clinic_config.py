"""Start-up with a clinic config: kiosk from the file, problems told, clinic details on the
handout, and the window and text size remembered (consultation mode only)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QSettings, QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import DEFAULT_WINDOW_SIZE, Controller, make_application, start_program
from desktop_app.config import load
from desktop_app.content.model import ContentLibrary
from desktop_app.handout.request import PageSize
from desktop_app.ui.qt.theme import DEFAULT_TEXT_STEP, apply_text_size

BUILD_TIMEOUT_MS = 20_000


@pytest.fixture
def started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Controller]]:
    """Controllers made by start_program, with the config and cache folders kept private."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    monkeypatch.setattr(sys, "platform", "linux")
    made: list[Controller] = []
    yield made
    for controller in made:
        if controller.kiosk is not None:
            controller.kiosk.shut_down()
        controller.window.close()
        controller.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        controller.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    apply_text_size(make_application(), DEFAULT_TEXT_STEP)


def _start(made: list[Controller], **kwargs: object) -> Controller:
    startup = start_program(make_application(), remember_view=False, **kwargs)  # type: ignore[arg-type]
    assert startup.controller is not None
    made.append(startup.controller)
    return startup.controller


def test_kiosk_true_in_the_config_or_the_flag_turns_kiosk_mode_on(
    tmp_path: Path, started: list[Controller]
) -> None:
    default = tmp_path / "config-home" / "mbc-guide" / "config.toml"
    default.parent.mkdir(parents=True)
    default.write_text("kiosk = true\n")
    assert _start(started).kiosk is not None
    default.write_text("kiosk = false\n")
    assert _start(started).kiosk is None
    assert _start(started, kiosk=True).kiosk is not None


def test_a_broken_config_is_told_once_and_the_program_starts_on_defaults(
    tmp_path: Path, started: list[Controller]
) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text('clinic_name = "City Clinic"\nidle_seconds = "ninety"\nkiosk = yes\n')
    startup = start_program(make_application(), config_path=path, remember_view=False)
    assert startup.controller is not None
    started.append(startup.controller)
    assert len(startup.notices) == 1
    notice = startup.notices[0]
    assert notice.startswith(f"The clinic settings in {path} need attention:\n")
    assert f"{path}:2: idle_seconds: must be a whole number" in notice
    assert f"{path}:3: kiosk: this line is not valid TOML" in notice
    assert startup.controller.config.clinic_name == "City Clinic"
    assert startup.controller.config.idle_seconds == 90
    assert startup.controller.kiosk is None


def test_clinic_details_page_size_reach_the_handout(
    qtbot: QtBot, tmp_path: Path, started: list[Controller]
) -> None:
    path = tmp_path / "clinic.toml"
    path.write_text(
        'clinic_name = "City Hospital Breast Unit"\nphone = "020 7946 0000"\n'
        'handout_footer = "Questions? Call the breast care nurses"\npage_size = "letter"\n'
    )
    controller = _start(started, config_path=path)
    controller.selection.set_selected("liver", True)
    controller.window.show_handout()
    page = controller.window.handout_page
    request = page.request()
    assert request.page_size is PageSize.LETTER
    assert request.clinic.name == "City Hospital Breast Unit"
    with qtbot.waitSignal(page.pdfReady, timeout=BUILD_TIMEOUT_MS) as ready:
        page.preview_button.click()
    reader = PdfReader(io.BytesIO(ready.args[0]))
    first = " ".join(reader.pages[0].extract_text().split())
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "City Hospital Breast Unit" in first
    assert "020 7946 0000" in first
    assert "Questions? Call the breast care nurses" in last
    assert round(float(reader.pages[0].mediabox.width)) == 612  # US Letter
    controller.window.clear_everything()
    assert page.page_size.currentData() is PageSize.LETTER  # a new patient keeps the default


def test_consultation_mode_remembers_window_size_and_text_size(
    qtbot: QtBot, bundled_library: ContentLibrary, tmp_path: Path
) -> None:
    app = make_application()
    ini = str(tmp_path / "view.ini")
    first = Controller(app, bundled_library, settings=QSettings(ini, QSettings.Format.IniFormat))
    first.show()
    qtbot.waitExposed(first.window)
    screen = first.window.screen().availableGeometry().size()
    # Never larger than the screen (the offscreen test screen is small).
    assert first.window.width() == min(DEFAULT_WINDOW_SIZE.width(), screen.width())
    first.step_text_size(2)
    first.window.resize(700, 900)
    saved = first.window.size()
    first.window.close()
    stored = QSettings(ini, QSettings.Format.IniFormat)
    assert (int(stored.value("window/width")), int(stored.value("window/height"))) == (
        saved.width(),
        saved.height(),
    )
    assert int(stored.value("view/text_step")) == DEFAULT_TEXT_STEP + 2
    first.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    second = Controller(app, bundled_library, settings=QSettings(ini, QSettings.Format.IniFormat))
    second.show()
    qtbot.waitExposed(second.window)
    try:
        assert second.text_step == DEFAULT_TEXT_STEP + 2
        assert second.window.width() == QSize(700, 900).boundedTo(screen).width()
    finally:
        second.window.close()
        second.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        apply_text_size(app, DEFAULT_TEXT_STEP)


def test_kiosk_mode_never_writes_settings(
    qtbot: QtBot, bundled_library: ContentLibrary, tmp_path: Path
) -> None:
    app = make_application()
    ini = tmp_path / "view.ini"
    path = tmp_path / "kiosk.toml"
    path.write_text("kiosk = true\n")
    config, _ = load(path)
    controller = Controller(
        app,
        bundled_library,
        consultation=False,
        config=config,
        settings=QSettings(str(ini), QSettings.Format.IniFormat),
    )
    assert controller.view_settings is None
    controller.show()
    qtbot.waitExposed(controller.window)
    controller.step_text_size(1)
    assert controller.kiosk is not None
    controller.kiosk.leave()
    assert not ini.exists()
    controller.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    apply_text_size(app, DEFAULT_TEXT_STEP)
