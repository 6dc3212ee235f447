"""GUI fixtures: the real program window on the offscreen platform."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller, choose_content, make_application
from desktop_app.config import load
from desktop_app.content.model import ContentLibrary
from desktop_app.ui.qt.theme import DEFAULT_TEXT_STEP, apply_text_size


@pytest.fixture(scope="session")
def bundled_library() -> ContentLibrary:
    library = choose_content(None).library
    assert library is not None
    return library


@pytest.fixture
def controller(qtbot: QtBot, bundled_library: ContentLibrary) -> Iterator[Controller]:
    app = make_application()
    ctrl = Controller(app, bundled_library)
    window = ctrl.window
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    yield ctrl
    # Undo program-wide settings, then delete the window before the models it shows.
    ctrl.set_high_contrast(False)
    ctrl.step_text_size(-10)
    ctrl.step_text_size(1)
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ctrl.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, bundled_library: ContentLibrary, tmp_path: Path
) -> Iterator[Callable[[str], Controller]]:
    """Builds kiosk windows from config text, as `mbc-guide` would with `kiosk = true`."""
    made: list[Controller] = []
    app = make_application()

    def build(settings: str = "") -> Controller:
        path = tmp_path / f"kiosk-{len(made)}.toml"
        path.write_text("kiosk = true\n" + settings, encoding="utf-8")
        config, problems = load(path)
        assert problems == [], [str(p) for p in problems]
        ctrl = Controller(
            app,
            bundled_library,
            consultation=not config.kiosk,
            config=config,
            config_source=str(path),
        )
        made.append(ctrl)
        ctrl.show()
        qtbot.waitExposed(ctrl.window)
        return ctrl

    yield build
    for ctrl in made:
        if ctrl.kiosk is not None:
            ctrl.kiosk.shut_down()
        ctrl.set_high_contrast(False)
        ctrl.window.close()
        ctrl.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        ctrl.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    apply_text_size(app, DEFAULT_TEXT_STEP)
