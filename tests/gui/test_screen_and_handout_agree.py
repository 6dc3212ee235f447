"""Nothing a person does makes the screen and the handout disagree.

Random sequences of choosing and unchoosing sites (in the body-part list), comparing
and ticking options as discussed (on the site pages) and ticking questions (on the
questions page) are clicked through the real window; after each, what the screens
show is read back from the widgets and compared with the handout request.
"""

from __future__ import annotations

import datetime as dt
import random

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.handout.request import PageSize
from desktop_app.ui.models.site_model import SITE_ID_ROLE
from desktop_app.ui.pages.compare import ColumnHeader
from desktop_app.ui.pages.questions_page import QUESTION_ID_ROLE
from desktop_app.ui.widgets.tick_list import TickList
from tools.tour import settle


def _click_row(qtbot: QtBot, view: TickList, row: int) -> None:
    """Click a row's tick box, where the style draws it."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    before = index.data(Qt.ItemDataRole.CheckStateRole)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert index.data(Qt.ItemDataRole.CheckStateRole) != before, "the click missed the box"


def _ticked(view: TickList) -> list[str]:
    model = view.model()
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    return [_id(i) for i in rows if i.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked]


def _id(index: QModelIndex) -> str:
    # the site list's and the question list's id roles are the same role
    assert SITE_ID_ROLE == QUESTION_ID_ROLE
    return str(index.data(SITE_ID_ROLE))


def _what_the_screens_show(controller: Controller) -> dict[str, list[str]]:
    window = controller.window
    sites = _ticked(window.map_page.site_list)
    window.show_questions()
    settle()
    questions = _ticked(window.questions_page.list)
    window.show_compare()
    settle()
    titles = [h.accessibleName() for h in window.compare_page.findChildren(ColumnHeader)]
    by_title = {option.title: option.id for option in controller.library.options.values()}
    in_grid = [by_title[title] for title in titles if title in by_title]
    compared: list[str] = []
    discussed: list[str] = []
    for site_id in sites:
        for card in window.site_pages.page(site_id).cards:
            if card.compare_button.isChecked():
                compared.append(card.option.id)
            if card.discussed_box is not None and card.discussed_box.isChecked():
                discussed.append(card.option.id)
    compared = list(dict.fromkeys(compared))  # an option on two sites' pages
    if len(compared) >= 2:  # the grid shows them; with one it asks for another
        assert sorted(in_grid) == sorted(compared), (in_grid, compared)
    else:
        assert in_grid == []
    return {
        "sites": sites,
        "compared": compared,
        "discussed": list(dict.fromkeys(discussed)),
        "questions": questions,
    }


def _what_the_handout_prints(controller: Controller) -> dict[str, list[str]]:
    request = controller.window.handout_page.request()
    return {
        "sites": list(request.site_ids),
        "compared": list(request.compared_option_ids),
        "discussed": list(request.discussed_option_ids),
        "questions": list(request.question_ids),
    }


def _one_random_action(qtbot: QtBot, controller: Controller, rng: random.Random) -> None:
    window = controller.window
    library = controller.library
    action = rng.choice(("site", "site", "compare", "discussed", "question"))
    if action == "site":
        window.show_map()
        settle()
        _click_row(qtbot, window.map_page.site_list, rng.randrange(len(library.sites)))
        return
    chosen = controller.selection.selected_ids()
    if action == "question":
        window.show_questions()
        settle()
        view = window.questions_page.list
        _click_row(qtbot, view, rng.randrange(view.model().rowCount()))
        return
    if not chosen:
        return
    site_id = rng.choice(chosen)
    window.show_site(site_id)
    settle()
    card = rng.choice(window.site_pages.page(site_id).cards)
    button = card.compare_button if action == "compare" else card.discussed_box
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())


def test_random_sessions_keep_the_screen_and_the_handout_in_agreement(
    qtbot: QtBot, controller: Controller
) -> None:
    rng = random.Random(20261202)
    for step in range(150):
        _one_random_action(qtbot, controller, rng)
        settle()
        shown = _what_the_screens_show(controller)
        printed = _what_the_handout_prints(controller)
        assert printed["sites"] == shown["sites"], step
        assert sorted(printed["compared"]) == sorted(shown["compared"]), step
        assert sorted(printed["discussed"]) == sorted(shown["discussed"]), step
        assert sorted(printed["questions"]) == sorted(shown["questions"]), step


def test_a_question_of_a_site_unchosen_leaves_the_handout(
    qtbot: QtBot, controller: Controller
) -> None:
    """Before, it left the questions screen but stayed on the handout, where the person
    could no longer untick it."""
    window = controller.window
    spine_question = controller.library.site("spine").questions[0].id
    controller.selection.set_selected("spine", True)
    window.show_questions()
    settle()
    view = window.questions_page.list
    row = [_id(view.model().index(r, 0)) for r in range(view.model().rowCount())]
    _click_row(qtbot, view, row.index(spine_question))
    assert spine_question in window.handout_page.request().question_ids
    window.show_map()
    settle()
    _click_row(qtbot, window.map_page.site_list, controller.selection.row_of("spine"))
    assert controller.selection.selected_ids() == []
    assert spine_question not in window.handout_page.request().question_ids


def _fill_everything(qtbot: QtBot, controller: Controller) -> None:
    """A value in every part of a consultation, put there through the window."""
    window = controller.window
    window.show_map()
    settle()
    _click_row(qtbot, window.map_page.site_list, controller.selection.row_of("spine"))
    window.show_site("spine")
    settle()
    cards = window.site_pages.page("spine").cards
    for card in cards[:2]:
        qtbot.mouseClick(card.compare_button, Qt.MouseButton.LeftButton)
        if card.discussed_box is not None:
            qtbot.mouseClick(card.discussed_box, Qt.MouseButton.LeftButton)
    window.show_questions()
    settle()
    _click_row(qtbot, window.questions_page.list, 0)
    qtbot.keyClicks(window.questions_page.own_entry, "Can I swim?")
    qtbot.mouseClick(window.questions_page.add_button, Qt.MouseButton.LeftButton)
    window.show_handout()
    settle()
    page = window.handout_page
    qtbot.keyClicks(page.name_edit, "Ana")
    qtbot.keyClicks(page.prepared_edit, "Dr Weber")
    qtbot.keyClicks(page.notes_edit, "Rest.")
    page.date_edit.setDate(page.date_edit.date().addDays(3))
    page.page_size.setCurrentIndex(1 - page.page_size.currentIndex())
    page.large_print.click()
    next(iter(page.section_boxes.values())).click()


def test_new_patient_leaves_a_fresh_consultation_and_a_fresh_form(
    qtbot: QtBot, controller: Controller
) -> None:
    fresh = controller.consultation.state()
    _fill_everything(qtbot, controller)
    filled = controller.consultation.state()
    changed = [name for name in vars(fresh) if getattr(fresh, name) != getattr(filled, name)]
    assert changed == list(vars(fresh)), "every part was filled through the window"
    assert controller.window.handout_page.request().large_print
    controller.window.ask = lambda *_: True
    controller.window.new_patient()
    settle()
    assert controller.consultation.state() == fresh
    page = controller.window.handout_page
    assert not page.large_print.isChecked() and page.name_edit.text() == ""
    assert page.date_edit.date() == QDate.currentDate()
    assert page.request().date == dt.date.today()
    assert page.page_size.currentData() == page.request().page_size == PageSize.A4
