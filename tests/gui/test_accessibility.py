"""Accessible names, contrast, and the item models checked by pytest-qt's model tester."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QScrollBar, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.consultation import Consultation
from desktop_app.ui.models.session import PatientSession
from desktop_app.ui.models.site_model import SiteSelectionModel
from desktop_app.ui.pages.compare import CompareTableModel
from desktop_app.ui.pages.glossary_page import GlossaryListModel
from desktop_app.ui.pages.questions_page import QuestionListModel
from desktop_app.ui.qt.theme import (
    THEMES,
    contrast_pairs,
    contrast_ratio,
    make_palette,
    non_text_pairs,
)


def _focusable(root: QWidget) -> list[QWidget]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QScrollBar):
            continue  # scroll bars are reached with the view they belong to
        if (
            isinstance(widget.parent(), QAbstractScrollArea)
            and widget is getattr(widget.parent(), "viewport", lambda: None)()
        ):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(root):
            found.append(widget)
    return found


def test_every_focusable_widget_has_an_accessible_name(controller: Controller) -> None:
    window = controller.window
    controller.selection.set_selected("spine", True)
    for option_id in ("spine-radiotherapy", "spine-sbrt"):
        controller.session.set_compared(option_id, True)
    missing: list[str] = []
    for show in (
        window.show_map,
        lambda: window.show_site("spine"),
        window.show_compare,
        window.show_questions,
        window.show_glossary,
        lambda: window.show_option("spine-sbrt"),
    ):
        show()
        for widget in _focusable(window):
            if not widget.accessibleName().strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert missing == []


@pytest.mark.parametrize("theme_name", sorted(THEMES))
def test_every_text_and_control_colour_pair_meets_4_5_to_1(theme_name: str) -> None:
    theme = THEMES[theme_name]
    failing = [
        (what, round(contrast_ratio(fg, bg), 2))
        for what, fg, bg in contrast_pairs(theme)
        if contrast_ratio(fg, bg) < 4.5
    ]
    assert failing == []


@pytest.mark.parametrize("theme_name", sorted(THEMES))
def test_text_meets_7_to_1_in_high_contrast_and_on_the_kiosk(theme_name: str) -> None:
    """The kiosk uses the normal theme: both are held to 7:1 (WCAG 1.4.6), except the
    text of a control that cannot be used, which 1.4.3 and 1.4.6 leave out."""
    theme = THEMES[theme_name]
    failing = [
        (what, round(contrast_ratio(fg, bg), 2))
        for what, fg, bg in contrast_pairs(theme)
        if contrast_ratio(fg, bg) < 7.0 and what != "disabled text"
    ]
    assert failing == []


@pytest.mark.parametrize("theme_name", sorted(THEMES))
def test_drawn_parts_that_carry_meaning_stand_out_three_to_one(theme_name: str) -> None:
    theme = THEMES[theme_name]
    failing = [
        (what, round(contrast_ratio(colour, beside), 2))
        for what, colour, beside in non_text_pairs(theme)
        if contrast_ratio(colour, beside) < 3.0
    ]
    assert failing == []


def test_the_palette_uses_the_theme_colours(controller: Controller) -> None:
    for theme in THEMES.values():
        palette = make_palette(theme)
        assert palette.color(palette.ColorRole.WindowText).name() == theme.window_text
        assert palette.color(palette.ColorRole.Base).name() == theme.base
        assert palette.color(palette.ColorRole.Highlight).name() == theme.highlight


def test_high_contrast_switches_the_whole_program(qtbot: QtBot, controller: Controller) -> None:
    controller.window.contrast_button.click()
    assert controller.theme.name == "high-contrast"
    window = controller.window
    qtbot.waitUntil(lambda: window.palette().color(window.backgroundRole()).name() == "#000000")
    controller.window.show_site("brain")
    assert controller.window.site_page.warning_box.colours == ("#3a0000", "#ff6b6b")


def test_contrast_ratio_matches_known_values() -> None:
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#777777", "#ffffff"), 2) == 4.48


def test_item_models_pass_the_model_tester(
    qtmodeltester: ModelTester, controller: Controller
) -> None:
    library = controller.library
    consultation = Consultation(library)
    selection = SiteSelectionModel(library.sites, consultation)
    qtmodeltester.check(selection)
    selection.set_selected("bone", True)
    qtmodeltester.check(selection)
    compare = CompareTableModel(library)
    compare.set_option_ids(["bone-radiotherapy", "bone-sbrt", "bone-surgery"])
    qtmodeltester.check(compare)
    qtmodeltester.check(GlossaryListModel(library.glossary))
    session = PatientSession(consultation)
    questions = QuestionListModel(library, selection, session)
    qtmodeltester.check(questions)


@pytest.mark.parametrize("theme_name", ["high-contrast", "normal"])
def test_a_kiosk_switches_every_widget_to_the_theme(
    make_kiosk: Callable[[str], Controller], theme_name: str
) -> None:
    """The touch style sheet kept the colours widgets had when it was applied: in high
    contrast the pages stayed white and the breadcrumb and disclaimer dark on black."""
    controller = make_kiosk("")
    controller.set_high_contrast(True)
    if theme_name == "normal":
        controller.set_high_contrast(False)
    theme = THEMES[theme_name]
    window = controller.window
    labels = [w for w in window.findChildren(QLabel) if w.isVisibleTo(window)]
    wrong = [
        f"{label.text()[:30]}: {label.palette().color(QPalette.ColorRole.WindowText).name()}"
        for label in labels
        if label.palette().color(QPalette.ColorRole.WindowText).name() != theme.window_text
    ]
    assert wrong == []
    image = window.grab().toImage()
    page = window.map_page
    corner = page.mapTo(window, QPoint(3, 3))
    assert image.pixelColor(corner).name() == theme.window
    assert image.pixelColor(window.disclaimer.mapTo(window, QPoint(1, 1))).name() == theme.window
