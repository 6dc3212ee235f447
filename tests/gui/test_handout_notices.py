"""The handout page says when typed text had to change to be printed (never the text)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.handout.user_text import MAX_NOTES_LENGTH


def test_a_name_with_an_emoji_prints_a_mark_and_the_screen_says_so(
    qtbot: QtBot, controller: Controller
) -> None:
    controller.selection.set_selected("spine", True)
    controller.window.show_handout()
    page = controller.window.handout_page
    page.name_edit.setFocus()
    page.name_edit.insert("Zoë \U0001f600 Smith")  # as an input method types it
    with qtbot.waitSignal(page.pdfReady, timeout=20_000):
        page.preview_button.click()
    status = page.status.text()
    assert status.startswith("Preview: ")
    assert "Patient name" in status and "\ufffd" in status
    assert "Smith" not in status  # what was typed is never repeated in a message


def test_the_notes_box_holds_no_more_than_the_handout_prints(controller: Controller) -> None:
    page = controller.window.handout_page
    page.notes_edit.setPlainText("x" * (MAX_NOTES_LENGTH + 50))
    assert len(page.notes_edit.toPlainText()) == MAX_NOTES_LENGTH
