"""A handout that is still being made when the screen is cleared belongs to nobody.

Press Preview (or Print), then New patient / Start again, or let the kiosk reset, before
the PDF is finished: the result must be dropped, so the last person's pages and name
never come back on the cleared screen, and the kiosk still counts itself as untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from tests.gui.visible_text import visible_texts

NAME = "Zoë Łukasiewicz"


def _start_a_preview(controller: Controller) -> None:
    controller.selection.set_selected("spine", True)
    controller.session.set_compared("spine-sbrt", True)
    controller.window.show_handout()
    page = controller.window.handout_page
    page.name_edit.setText(NAME)
    page.preview_button.click()
    assert not page.preview_button.isEnabled()  # the PDF is being made


def _let_the_build_finish(qtbot: QtBot) -> None:
    assert QThreadPool.globalInstance().waitForDone(20_000)
    for _ in range(5):  # deliver what the worker sent back
        QApplication.processEvents()


def test_new_patient_during_a_preview_drops_the_preview(
    qtbot: QtBot, controller: Controller
) -> None:
    page = controller.window.handout_page
    ready: list[bytes] = []
    page.pdfReady.connect(ready.append)
    _start_a_preview(controller)
    controller.window.clear_everything()
    _let_the_build_finish(qtbot)
    controller.window.show_handout()
    assert ready == []
    assert page.preview_pages == []
    assert page.status.text() == ""
    assert page.preview_button.isEnabled()
    assert not any(NAME in text for _, text in visible_texts(controller.window))
    # and the next person's preview still works
    controller.selection.set_selected("liver", True)
    with qtbot.waitSignal(page.pdfReady, timeout=20_000):
        page.preview_button.click()
    assert page.preview_pages


def test_a_kiosk_reset_during_a_preview_leaves_a_pristine_screen(
    qtbot: QtBot, make_kiosk: Callable[[str], Controller]
) -> None:
    controller = make_kiosk("")
    kiosk = controller.kiosk
    assert kiosk is not None
    _start_a_preview(controller)
    kiosk.reset()
    _let_the_build_finish(qtbot)
    assert kiosk.is_pristine()
    assert controller.window.handout_page.preview_pages == []
    assert not any(NAME in text for _, text in visible_texts(controller.window))
