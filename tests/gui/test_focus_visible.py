"""Every Tab stop on every screen shows where focus is, in both modes and both themes.

WCAG 2.4.7 asks that keyboard focus is always visible; 2.4.11 and 1.4.11 that the
indicator stands out (3:1). `focus_walk` presses Tab round each screen and counts the
pixels along the focused widget's edges that changed by 3:1 or more; a stop below a
1 px ring's worth (of a 100 by 24 px control) fails. The option pages all share one
layout: one of them stands for the rest.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from tests.gui.focus_walk import walk_tab_stops
from tools.tour import Scene, consultation_scenes, kiosk_scenes, leave_scene, settle

ONE_OPTION_PAGE = "option-spine-radiotherapy"


def _faint_stops(
    controller: Controller, scenes_for: Callable[[Controller], list[Scene]]
) -> tuple[int, list[str]]:
    count, faint = 0, []
    for scene in scenes_for(controller):
        if scene.name.startswith("option-") and scene.name != ONE_OPTION_PAGE:
            continue
        top = scene.show(controller)
        settle()
        stops = walk_tab_stops(top)
        assert stops, f"{scene.name}: no Tab stops"
        count += len(stops)
        faint += [
            f"{scene.name}: {s.name} ({s.strong_pixels} of {s.needed} px)"
            for s in stops
            if not s.visible
        ]
        leave_scene(controller)
    return count, faint


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_every_consultation_tab_stop_is_visible(
    qtbot: QtBot, controller: Controller, high_contrast: bool
) -> None:
    controller.set_high_contrast(high_contrast)
    count, faint = _faint_stops(controller, consultation_scenes)
    assert faint == []
    assert count > 300  # the walk reached the site pages' links and the compare grids


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_every_kiosk_tab_stop_is_visible(
    qtbot: QtBot, make_kiosk: Callable[[str], Controller], high_contrast: bool
) -> None:
    controller = make_kiosk("")
    controller.window.resize(1280, 800)
    controller.set_high_contrast(high_contrast)
    count, faint = _faint_stops(controller, kiosk_scenes)
    assert faint == []
    assert count > 150
