"""The site picker: clicks, keys, and one selection shared by the drawing and the list."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller


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
