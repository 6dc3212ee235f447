"""Kiosk idle handling with the times shortened through the config (WCAG 2.2.1)."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import KIOSK_TEXT_STEP, Controller
from desktop_app.ui.models.navigation import START
from desktop_app.ui.qt.theme import NORMAL, TEXT_SIZES_PT
from tests.gui.leftovers import pages_enabled, traces, undo_left

MakeKiosk = Callable[[str], Controller]


def test_the_warning_appears_and_i_am_still_here_cancels_it(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    controller = make_kiosk("idle_seconds = 1\nwarning_seconds = 30\n")
    kiosk = controller.kiosk
    assert kiosk is not None
    assert kiosk.idle.interval_ms == 1000
    controller.selection.set_selected("liver", True)
    controller.window.show_site("liver")
    warning = kiosk.warning
    qtbot.waitUntil(warning.is_open, timeout=5000)
    assert warning.countdown.text() == "Clearing in 30 seconds"
    assert warning.geometry() == controller.window.rect()  # the whole screen
    assert not pages_enabled(controller.window)
    assert warning.still_here_button.height() >= 96
    assert not kiosk.idle.is_running()  # no second warning while this one shows
    with qtbot.waitSignal(warning.stillHere, timeout=2000):
        qtbot.mouseClick(warning.still_here_button, Qt.MouseButton.LeftButton)
    assert not warning.is_open()
    assert pages_enabled(controller.window)
    assert controller.selection.selected_ids() == ["liver"]  # nothing was lost
    assert controller.window.history.current.page == "site"
    assert kiosk.idle.is_running()  # counting again from the tap
    qtbot.waitUntil(warning.is_open, timeout=5000)  # and asks again after another idle spell


def test_the_countdown_is_visible_and_counts_down(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    controller = make_kiosk("idle_seconds = 1\nwarning_seconds = 20\n")  # 20: WCAG 2.2.1
    kiosk = controller.kiosk
    assert kiosk is not None
    controller.session.add_own_question("Can I travel?")
    qtbot.waitUntil(kiosk.warning.is_open, timeout=5000)
    assert kiosk.warning.countdown.text() == "Clearing in 20 seconds"
    qtbot.waitUntil(
        lambda: kiosk.warning.countdown.text() == "Clearing in 19 seconds", timeout=3000
    )
    while kiosk.warning.remaining > 2:  # the next 17 seconds, without waiting for them
        kiosk.warning.tick()
    qtbot.waitUntil(lambda: kiosk.warning.countdown.text() == "Clearing in 1 second", timeout=3000)
    with qtbot.waitSignal(kiosk.resetDone, timeout=3000):
        pass
    assert controller.session.own_questions == []


def test_an_untouched_start_screen_is_never_interrupted(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    controller = make_kiosk("idle_seconds = 1\nwarning_seconds = 20\n")
    kiosk = controller.kiosk
    assert kiosk is not None
    assert kiosk.is_pristine()
    with qtbot.waitSignal(kiosk.resetDone, timeout=5000):
        pass  # a quiet tidy-up, with no question to anyone
    assert not kiosk.warning.is_open()


def test_when_the_countdown_runs_out_no_widget_or_model_keeps_the_session(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    controller = make_kiosk("idle_seconds = 2\nwarning_seconds = 20\n")
    kiosk = controller.kiosk
    assert kiosk is not None
    window = controller.window
    tag = secrets.token_hex(4).upper()
    name, question, notes, search = (
        f"Zo\u00eb ZZNAME{tag}",
        f"ZZQUESTION{tag} can I swim?",
        f"ZZNOTES{tag}",
        f"ZZSEARCH{tag}",
    )
    # A whole visit, as a patient would make it.
    controller.selection.set_selected("spine", True)
    controller.selection.set_selected("liver", True)
    window.show_site("spine")
    cards = window.site_page.cards
    qtbot.mouseClick(cards[0].compare_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cards[1].compare_button, Qt.MouseButton.LeftButton)
    window.site_page.verticalScrollBar().setValue(200)
    window.show_compare()
    window.show_questions()
    questions = window.questions_page
    questions.model.setData(
        questions.model.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.keyClicks(questions.own_entry, question)
    qtbot.keyClick(questions.own_entry, Qt.Key.Key_Return)
    qtbot.keyClicks(questions.own_entry, "half-typed")
    window.show_glossary()
    qtbot.keyClicks(window.glossary_page.search, search)
    window.show_handout()
    handout = window.handout_page
    handout.name_edit.setFocus()
    handout.name_edit.insert(name)  # as the on-screen keyboard's input method commits it
    qtbot.keyClicks(handout.notes_edit, notes)
    handout.large_print.setChecked(True)
    window.larger_button.click()
    window.contrast_button.click()
    QApplication.clipboard().setText(name)
    controller.explainer.activate(window, "term:metastasis")
    assert kiosk.panel.is_open()
    assert controller.session.has_input()
    secrets_typed = [f"ZZNAME{tag}", f"ZZQUESTION{tag}", f"ZZNOTES{tag}", f"ZZSEARCH{tag}"]
    before = traces(secrets_typed)
    for secret in secrets_typed:  # the search below would find each one now
        assert any(secret in hit for hit in before), secret

    qtbot.waitUntil(kiosk.warning.is_open, timeout=6000)
    while kiosk.warning.remaining > 1:  # the countdown, without waiting for all of it
        kiosk.warning.tick()
    with qtbot.waitSignal(kiosk.resetDone, timeout=5000):
        pass  # the countdown runs out
    QApplication.processEvents()

    assert traces(secrets_typed, [controller.selection, window.compare_page.model]) == []
    assert undo_left() == []
    assert questions.own_entry.text() == ""
    assert controller.selection.selected_ids() == []
    assert not controller.session.has_input()
    assert window.compare_page.model.columnCount() == 0
    checked = [
        row
        for row in range(questions.model.rowCount())
        if questions.model.index(row).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    ]
    assert checked == []
    assert window.history.current == START
    assert window.stack.currentWidget() is window.map_page
    assert not window.back_button.isEnabled()
    assert not kiosk.panel.is_open() and not kiosk.warning.is_open()
    assert not handout.large_print.isChecked()
    assert handout.preview_pages == []
    assert window.site_pages.page("spine").verticalScrollBar().value() == 0
    assert controller.text_step == KIOSK_TEXT_STEP
    assert QApplication.font().pointSize() == TEXT_SIZES_PT[KIOSK_TEXT_STEP]
    assert controller.theme is NORMAL
    assert not window.contrast_button.isChecked()
    assert kiosk.idle.is_running()
