"""Headings grow and shrink with the program's text size, including those built before."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop_app.app import Controller
from desktop_app.ui.qt.theme import DEFAULT_TEXT_STEP, TEXT_SIZES_PT
from desktop_app.ui.widgets.headings import HeadingLabel


def _headings(controller: Controller) -> list[HeadingLabel]:
    return controller.window.findChildren(HeadingLabel)


def _wrong_size(controller: Controller, body_pt: float) -> list[str]:
    return [
        f"{label.text()}: {label.font().pointSizeF()} pt"
        for label in _headings(controller)
        if label.font().pointSizeF() != body_pt * label.scale or not label.font().bold()
    ]


def test_headings_follow_every_text_size_change(controller: Controller) -> None:
    controller.window.show_site("spine")  # builds a site page's headings too
    assert _headings(controller)
    for step in (1, 1, 1, -1, -1, -1, -1):
        controller.step_text_size(step)
        body_pt = QApplication.font().pointSizeF()
        assert body_pt == TEXT_SIZES_PT[controller.text_step]
        assert _wrong_size(controller, body_pt) == []


def test_consultation_text_goes_from_13_to_26_pt(controller: Controller) -> None:
    controller.step_text_size(-len(TEXT_SIZES_PT))
    assert QApplication.font().pointSizeF() == 11
    controller.step_text_size(len(TEXT_SIZES_PT))
    assert QApplication.font().pointSizeF() == 26 == 2 * TEXT_SIZES_PT[DEFAULT_TEXT_STEP]


def test_kiosk_text_doubles_nav_bar_breadcrumb_disclaimer_and_headings_too(
    make_kiosk: Callable[[str], Controller],
) -> None:
    controller = make_kiosk("")
    window = controller.window
    start_pt = QApplication.font().pointSizeF()
    assert start_pt == 18
    window.show_site("spine")
    for step in (1, 1, 1, 1, 1):  # one more than there is: it stays at the largest
        controller.step_text_size(step)
        body_pt = QApplication.font().pointSizeF()
        fixed: list[QLabel | QPushButton] = [
            window.breadcrumb,
            window.disclaimer,
            *window.findChildren(QPushButton),
        ]
        wrong = [
            f"{w.accessibleName() or w.text()}: {w.font().pointSizeF()} pt"
            for w in fixed
            if w.isVisibleTo(window) and w.font().pointSizeF() < body_pt
        ]
        assert wrong == []
        assert _wrong_size(controller, body_pt) == []
    assert QApplication.font().pointSizeF() == 36 == 2 * start_pt
