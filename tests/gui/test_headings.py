"""Headings grow and shrink with the program's text size, including those built before."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop_app.app import Controller
from desktop_app.ui.headings import HeadingLabel
from desktop_app.ui.theme import TEXT_SIZES_PT


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
