"""GUI fixtures: the real program window on the offscreen platform."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller, choose_content, make_application
from desktop_app.content.model import ContentLibrary


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
