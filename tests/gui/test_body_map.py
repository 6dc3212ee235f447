"""The site picker: clicks, keys, and one selection shared by the drawing and the list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.ui.kiosk.touch import MIN_TARGET_PX
from desktop_app.ui.qt.targets import MIN_POINTER_TARGET_PX
from desktop_app.ui.qt.theme import TEXT_SIZES_PT
from desktop_app.ui.widgets.body_map import BodyMapWidget
from tools.tour import settle


def test_a_click_at_each_region_centre_selects_that_site(
    qtbot: QtBot, controller: Controller
) -> None:
    body_map = controller.window.map_page.body_map
    selection = controller.selection
    for site in selection.sites:
        point = body_map.anchor_point(site.id)
        with qtbot.waitSignal(selection.selectionChanged):
            qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=point)
        assert selection.selected_ids() == [site.id], site.id
        with qtbot.waitSignal(selection.selectionChanged):
            qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=point)
        assert selection.selected_ids() == []


def test_clicks_outside_the_body_select_nothing(qtbot: QtBot, controller: Controller) -> None:
    body_map = controller.window.map_page.body_map
    corner = body_map.rect().bottomRight() - body_map.rect().topLeft()
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=corner * 0.98)
    assert controller.selection.selected_ids() == []


def test_the_list_and_the_drawing_stay_in_sync(qtbot: QtBot, controller: Controller) -> None:
    page = controller.window.map_page
    selection = controller.selection
    # Choose on the drawing: the list row is ticked.
    qtbot.mouseClick(
        page.body_map, Qt.MouseButton.LeftButton, pos=page.body_map.anchor_point("liver")
    )
    liver_index = selection.index(selection.row_of("liver"))
    assert page.site_list.model().data(liver_index, Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    # Tick in the list with the keyboard: the drawing shows it as chosen.
    page.site_list.setFocus()
    page.site_list.setCurrentIndex(selection.index(selection.row_of("brain")))
    with qtbot.waitSignal(selection.selectionChanged):
        qtbot.keyClick(page.site_list, Qt.Key.Key_Space)
    assert selection.selected_ids() == ["brain", "liver"]
    assert "Chosen: Brain, Liver." in page.body_map.accessibleDescription()
    assert set(page.open_buttons) == {"brain", "liver"}


def test_keys_move_between_regions_and_space_chooses(qtbot: QtBot, controller: Controller) -> None:
    body_map = controller.window.map_page.body_map
    body_map.setFocus()
    qtbot.waitUntil(body_map.hasFocus)
    first = controller.selection.sites[0].id
    assert body_map.focused_site == first
    qtbot.keyClick(body_map, Qt.Key.Key_Down)
    second = controller.selection.sites[1].id
    assert body_map.focused_site == second
    qtbot.keyClick(body_map, Qt.Key.Key_Space)
    qtbot.keyClick(body_map, Qt.Key.Key_Up)
    qtbot.keyClick(body_map, Qt.Key.Key_Return)
    assert controller.selection.selected_ids() == [first, second]


def test_hovering_a_region_names_it(qtbot: QtBot, controller: Controller) -> None:
    body_map = controller.window.map_page.body_map
    with qtbot.waitSignal(body_map.hoveredSiteChanged) as blocker:
        qtbot.mouseMove(body_map, body_map.anchor_point("brain"))
    assert blocker.args == ["brain"]


def test_selected_sites_are_marked_by_shape_not_only_colour(
    qtbot: QtBot, controller: Controller
) -> None:
    body_map = controller.window.map_page.body_map
    inside_ring = body_map.anchor_point("lung") + QPoint(0, -6)
    before = body_map.grab().toImage()
    controller.selection.set_selected("lung", True)
    after = body_map.grab().toImage()
    # A white ring with a tick is drawn at the site's anchor.
    assert before.pixelColor(inside_ring).name() != "#ffffff"
    assert after.pixelColor(inside_ring).name() == "#ffffff"


def _target_problems(body_map: BodyMapWidget, least: int) -> list[str]:
    """Parts whose target square is too small, overlaps another, or does not choose them."""
    problems = []
    squares = {site_id: body_map.target_rect(site_id) for site_id in body_map.part_boxes}
    for site_id, square in squares.items():
        if min(square.width(), square.height()) < least:
            problems.append(f"{site_id}: {square.width()}x{square.height()} px")
        for other, other_square in squares.items():
            if other < site_id and square.intersects(other_square):
                problems.append(f"{site_id} and {other} overlap")
        for x in range(square.left(), square.right() + 1, 3):
            for y in range(square.top(), square.bottom() + 1, 3):
                if body_map.site_at(QPoint(x, y)) != site_id:
                    problems.append(f"{site_id}: ({x}, {y}) chooses another part")
                    break
    return problems


def test_every_body_part_has_a_target_of_at_least_24_px(controller: Controller) -> None:
    assert _target_problems(controller.window.map_page.body_map, MIN_POINTER_TARGET_PX) == []


def test_kiosk_body_parts_have_finger_sized_targets_at_1280x800(
    qtbot: QtBot, make_kiosk: Callable[[str], Controller]
) -> None:
    controller = make_kiosk("")
    controller.window.resize(1280, 800)
    body_map = controller.window.map_page.body_map
    qtbot.waitUntil(lambda: body_map.height() < 700)
    assert _target_problems(body_map, MIN_TARGET_PX) == []
    for site_id, box in body_map.part_boxes.items():
        assert box.geometry() == body_map.target_rect(site_id)
        assert min(box.width(), box.height()) >= MIN_TARGET_PX


def test_no_two_targets_overlap_however_little_room_the_page_has(
    qtbot: QtBot, controller: Controller, make_kiosk: Callable[[str], Controller]
) -> None:
    """Large text on a small screen leaves the map little room: it keeps a size at which
    its squares stay whole and apart, and the page scrolls (a kiosk 800 px wide at 36 pt
    squeezed it to 200 px wide, where part of the bones' square chose another part)."""
    kiosk = make_kiosk("")
    for each, least in ((controller, MIN_POINTER_TARGET_PX), (kiosk, MIN_TARGET_PX)):
        each.step_text_size(len(TEXT_SIZES_PT))  # the largest the mode allows
        each.window.resize(800, 600)
        body_map = each.window.map_page.body_map
        qtbot.waitUntil(body_map.isVisible)
        settle()
        assert body_map.width() >= body_map.minimumSizeHint().width()
        assert body_map.height() >= body_map.minimumSizeHint().height()
        assert _target_problems(body_map, least) == []


def test_each_body_part_is_a_tick_box_that_chooses_it(qtbot: QtBot, controller: Controller) -> None:
    body_map = controller.window.map_page.body_map
    selection = controller.selection
    drawn = [site.id for site in selection.sites]
    assert list(body_map.part_boxes) == drawn
    box = body_map.part_boxes["spine"]
    assert box.accessibleName() == "Spine"
    assert box.focusPolicy() == Qt.FocusPolicy.NoFocus  # the map stays one Tab stop
    with qtbot.waitSignal(selection.selectionChanged):
        box.toggle()  # what the accessibility bus's Toggle action calls
    assert selection.selected_ids() == ["spine"]
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=body_map.anchor_point("brain"))
    assert body_map.part_boxes["brain"].isChecked()
    selection.clear()
    assert not any(b.isChecked() for b in body_map.part_boxes.values())


def test_a_list_row_is_selected_exactly_when_it_is_ticked(
    qtbot: QtBot, controller: Controller
) -> None:
    view = controller.window.map_page.site_list
    selection = controller.selection
    chooser = view.selectionModel()
    liver = selection.index(selection.row_of("liver"))
    lung = selection.index(selection.row_of("lung"))
    # A click on the row's tick box ticks it, and the row is selected with it.
    box = view.visualRect(liver)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(box.left() + 10, box.center().y())
    )
    assert selection.selected_ids() == ["liver"]
    assert chooser.isSelected(liver)
    # Moving with the arrow keys selects nothing; Space ticks.
    view.setFocus()
    view.setCurrentIndex(liver)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex() == lung and not chooser.isSelected(lung)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert selection.selected_ids() == ["liver", "lung"] and chooser.isSelected(lung)
    # Selecting a row the way the accessibility bus's Toggle does ticks it.
    brain = selection.index(selection.row_of("brain"))
    chooser.select(brain, QItemSelectionModel.SelectionFlag.Select)
    assert selection.is_selected("brain")
    chooser.select(liver, QItemSelectionModel.SelectionFlag.Deselect)
    assert selection.selected_ids() == ["brain", "lung"]
    # Ticks made elsewhere select their rows.
    selection.clear()
    assert chooser.selectedIndexes() == []
