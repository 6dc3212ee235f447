"""Site page, compare panel, glossary, questions, navigation and New patient, driven as a user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.content.model import RowKey
from desktop_app.ui.qt.theme import NORMAL
from desktop_app.ui.widgets.icon_array import COLUMNS, ROWS, IconArrayWidget
from desktop_app.ui.widgets.rich_text import plain_text


def _tab_until(qtbot: QtBot, target: QWidget, limit: int = 80) -> None:
    """Press Tab, as a keyboard user would, until `target` has the focus."""
    visited = []
    for _ in range(limit):
        if target.hasFocus():
            return
        focus = QApplication.focusWidget()
        assert focus is not None
        visited.append(focus.accessibleName() or type(focus).__name__)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}; went {visited[:30]}")


def test_keyboard_alone_goes_from_start_to_a_comparison_of_two_options(
    qtbot: QtBot, controller: Controller
) -> None:
    window = controller.window
    window.activateWindow()
    window.map_button.setFocus()
    qtbot.waitUntil(window.map_button.hasFocus)
    body_map = window.map_page.body_map
    _tab_until(qtbot, body_map)
    while body_map.focused_site != "spine":
        qtbot.keyClick(body_map, Qt.Key.Key_Down)
    qtbot.keyClick(body_map, Qt.Key.Key_Space)
    open_spine = window.map_page.open_buttons["spine"]
    qtbot.waitUntil(open_spine.isVisible)  # Qt shows new children from the event loop
    _tab_until(qtbot, open_spine)
    qtbot.keyClick(open_spine, Qt.Key.Key_Space)
    assert window.history.current.page == "site"
    cards = window.site_page.cards
    for card in cards[:2]:
        _tab_until(qtbot, card.compare_button)
        qtbot.keyClick(card.compare_button, Qt.Key.Key_Space)
    compare = window.site_page.compare_button
    _tab_until(qtbot, compare)
    qtbot.keyClick(compare, Qt.Key.Key_Space)
    assert window.history.current.page == "compare"
    assert [o.id for o in window.compare_page.model.options] == [c.option.id for c in cards[:2]]
    assert window.crumbs() == ["Body map", "Spine", "Compare"]


def test_compare_panel_shows_the_same_rows_for_every_option(controller: Controller) -> None:
    window = controller.window
    for option_id in ("bone-radiotherapy", "bone-denosumab", "bone-surgery", "bone-sbrt"):
        assert controller.session.set_compared(option_id, True)
    assert not controller.session.set_compared("bone-ablation", True)  # four at most
    window.show_compare()
    panel = window.compare_page
    questions = [label.accessibleName() for label in panel.row_headers]
    assert questions == [key.question for key in RowKey]
    for column in range(4):
        for row in range(len(RowKey)):
            cell = panel.cells[(row, column)]
            expected = panel.model.options[column].row(tuple(RowKey)[row])
            assert expected.text.split(".")[0] in cell.text_label.text().replace("\n", " ") or (
                cell.text_label.accessibleName()
            )


def _painted_filled_figures(widget: IconArrayWidget) -> int:
    image = widget.grab().toImage()
    filled = QColor(NORMAL.icon_filled)
    count = 0
    cell_w = image.width() / COLUMNS
    cell_h = image.height() / ROWS
    for index in range(COLUMNS * ROWS):
        row, column = divmod(index, COLUMNS)
        # The middle of the figure's body.
        x = int(column * cell_w + cell_w / 2)
        y = int(row * cell_h + cell_h * 0.7)
        colour = image.pixelColor(x, y)
        if abs(colour.red() - filled.red()) + abs(colour.blue() - filled.blue()) < 40:
            count += 1
    return count


def test_icon_arrays_paint_exactly_their_number(qtbot: QtBot, controller: Controller) -> None:
    window = controller.window
    for option_id in ("spine-radiotherapy", "spine-sbrt", "spine-surgery"):
        controller.session.set_compared(option_id, True)
    window.show_compare()
    arrays = window.compare_page.findChildren(IconArrayWidget)
    assert len(arrays) >= 3
    for array in arrays:
        qtbot.waitExposed(array)
        assert array.filled_count == array.figure.value
        assert _painted_filled_figures(array) == array.figure.value
        assert f"{array.figure.value} are coloured in" in array.accessibleName()
        assert array.accessibleDescription().startswith(f"About {array.figure.value} in 100")


def test_site_page_shows_red_flags_with_icon_and_heading(controller: Controller) -> None:
    controller.window.show_site("brain")
    box = controller.window.site_page.warning_box
    text = box.text_label.text()
    assert "&#9888; Get help now if" in text
    assert "Call your cancer team within 24 hours if" in text
    site = controller.library.site("brain")
    assert box.accessibleName() == "Get help now"
    assert all(
        plain_text(sign) in box.text_label.accessibleName() for sign in site.red_flags.urgent
    )
    plain = controller.window.site_page.overview.accessibleName()
    assert plain.startswith(site.title)
    # Summary, then the box, then the rest of the page.
    page = controller.window.site_page
    assert page.overview.y() < box.y() < page.more.y()
    assert len(controller.window.site_page.cards) == len(site.option_ids)


def test_glossary_words_explain_themselves(qtbot: QtBot, controller: Controller) -> None:
    shown: list[tuple[str, str]] = []
    controller.explainer.show_box = lambda _w, title, text: shown.append((title, text))
    controller.window.show_site("spine")
    overview = controller.window.site_page.overview
    assert 'href="term:metastasis"' in overview.text()
    overview.linkActivated.emit("term:metastasis")
    term = next(t for t in controller.library.glossary if t.id == "metastasis")
    assert shown == [(term.term, term.meaning)]
    overview.linkActivated.emit("source:nice-ng234")
    assert shown[-1][0] == "Source [nice-ng234]"


def test_glossary_search_filters_literally(qtbot: QtBot, controller: Controller) -> None:
    controller.window.show_glossary()
    page = controller.window.glossary_page
    total = page.proxy.rowCount()
    assert total == len(controller.library.glossary)
    qtbot.keyClicks(page.search, "pleur")
    assert 0 < page.proxy.rowCount() < total
    page.search.clear()
    qtbot.keyClicks(page.search, "([*+?\\")
    assert page.proxy.rowCount() == 0
    assert page.count_label.text() == "0 words found"


def test_questions_can_be_ticked_and_added(qtbot: QtBot, controller: Controller) -> None:
    controller.selection.set_selected("bone", True)
    controller.window.show_questions()
    page = controller.window.questions_page
    first = page.model.index(0)
    assert page.model.data(first, Qt.ItemDataRole.DisplayRole).endswith(
        "(Bones (outside the spine))"
    )
    page.list.setFocus()
    page.list.setCurrentIndex(first)
    qtbot.keyClick(page.list, Qt.Key.Key_Space)
    assert controller.session.question_ids == [controller.library.site("bone").questions[0].id]
    qtbot.keyClicks(page.own_entry, "Can I still <b>swim</b> & travel?")
    qtbot.keyClick(page.own_entry, Qt.Key.Key_Return)
    assert controller.session.own_questions == ["Can I still <b>swim</b> & travel?"]
    assert page.own_list.item(0).text() == "Can I still <b>swim</b> & travel?"


def test_new_patient_clears_every_selection_and_entry(qtbot: QtBot, controller: Controller) -> None:
    window = controller.window
    asked: list[str] = []

    def answer_yes(_parent: QWidget, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    window.ask = answer_yes
    controller.selection.set_selected("spine", True)
    controller.session.set_compared("spine-sbrt", True)
    controller.session.set_discussed("spine-sbrt", True)
    controller.session.add_own_question("Will I walk?")
    window.show_site("spine")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert asked, "New patient must ask first when there is input"
    assert controller.selection.selected_ids() == []
    assert not controller.session.has_input()
    assert window.history.current.page == "map"
    assert not window.back_button.isEnabled()


def test_back_and_forward_follow_the_path(controller: Controller) -> None:
    window = controller.window
    window.show_site("liver")
    window.show_glossary()
    assert window.breadcrumb.text() == "Body map > Glossary"
    window.go_back()
    assert window.breadcrumb.text() == "Body map > Liver"
    window.go_forward()
    assert window.history.current.page == "glossary"


def test_text_size_steps_reflow_every_page(qtbot: QtBot, controller: Controller) -> None:
    window = controller.window
    window.show_site("spine")
    sizes = []
    for _ in range(6):
        sizes.append(QApplication.font().pointSize())
        window.larger_button.click()
    assert len(set(sizes)) >= 5
    page = window.site_page
    content = page.widget()
    assert content is not None
    qtbot.waitUntil(lambda: content.width() <= page.viewport().width())
    assert not page.horizontalScrollBar().isVisible()
    window.show_compare()
    window.smaller_button.click()
    assert QApplication.font().pointSize() < sizes[-1]


def test_about_lists_versions_dates_sources_and_attribution(controller: Controller) -> None:
    controller.window.show_about()
    text = controller.window.about_dialog.text.toPlainText()
    library = controller.library
    assert library.meta.version in text
    assert library.earliest_next_review.isoformat() in text
    assert "Expression Atlas anatomogram, EMBL-EBI, CC BY 4.0" in text
    assert library.meta.disclaimer.split(".")[0] in text
    for source_id in library.sources:
        assert f"[{source_id}]" in text
    controller.window.about_dialog.close()


def test_no_text_is_cut_off_at_the_largest_text_size(qtbot: QtBot, controller: Controller) -> None:
    window = controller.window
    controller.step_text_size(10)
    for option_id in ("spine-radiotherapy", "spine-sbrt", "spine-surgery"):
        controller.session.set_compared(option_id, True)
    window.show_site("spine")
    window.show_compare()
    panel = window.compare_page
    page = panel.widget()
    layout = page.layout() if page is not None else None
    assert page is not None and layout is not None
    qtbot.waitUntil(lambda: page.height() >= layout.heightForWidth(panel.viewport().width()))
    labels = [cell.text_label for cell in panel.cells.values()]
    window.show_site("spine")
    labels += [window.site_page.overview]
    for label in labels:

        def tall_enough(lb: QWidget = label) -> bool:
            return lb.height() >= lb.heightForWidth(lb.width())

        qtbot.waitUntil(tall_enough)
