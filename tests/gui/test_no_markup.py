"""No screen shows raw HTML, inline styles or escaped entities: every reachable page, both modes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from tests.gui.visible_text import markup_found, visible_texts
from tools.tour import Scene, consultation_scenes, kiosk_scenes, leave_scene, settle


def _walk(
    controller: Controller, scenes_for: Callable[[Controller], list[Scene]]
) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    for scene in scenes_for(controller):
        top = scene.show(controller)
        settle()
        assert visible_texts(top), f"{scene.name}: nothing readable on screen"
        found = markup_found(top)
        if found:
            problems[scene.name] = found
        leave_scene(controller)
    return problems


def test_no_consultation_screen_shows_markup(controller: Controller) -> None:
    scenes = [scene.name for scene in consultation_scenes(controller)]
    options = [name for name in scenes if name.startswith("option-")]
    assert len(options) == len(controller.library.options)
    assert {"compare-2-options", "compare-3-options", "compare-4-options"} <= set(scenes)
    assert len([name for name in scenes if name.startswith("site-")]) == 8
    problems = _walk(controller, consultation_scenes)
    assert problems == {}


def test_no_kiosk_screen_shows_markup(make_kiosk: Callable[[str], Controller]) -> None:
    controller = make_kiosk("warning_seconds = 30\n")
    problems = _walk(controller, kiosk_scenes)
    assert problems == {}


def test_the_option_page_shows_the_cell_text_not_its_html(
    qtbot: QtBot, controller: Controller
) -> None:
    controller.window.show_option("spine-sbrt")
    page = controller.window.option_page
    assert isinstance(page, QTextBrowser)
    shown = page.toPlainText()
    assert "How is it done?" in shown or "how is it done" in shown.lower()
    assert "<p" not in shown and "style=" not in shown
    # the glossary words in the cells are real links, not text that looks like one
    assert "term:" in page.toHtml()
