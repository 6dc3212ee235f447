"""At the largest text (26 pt) in a 1024x768 window, nothing on any screen is cut off.

WCAG 1.4.10 (Reflow) and 1.4.4 (Resize text): text wraps, pages scroll down, and what
cannot wrap (four compared options) scrolls sideways with a visible scroll bar; the
window itself keeps its size. A widget is cut off when part of its width is hidden
with no sideways scroll bar to reach it, or when a wrapped label is shorter than its
text needs.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.ui.qt.theme import CONSULTATION_MAX_TEXT_STEP, TEXT_SIZES_PT
from tools.tour import consultation_scenes, leave_scene, settle

SHOWN = (QLabel, QAbstractButton, QLineEdit, QComboBox)
ONE_OPTION_PAGE = "option-spine-radiotherapy"


def _scrolls_sideways(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.horizontalScrollBar().isVisible():
            return True
        parent = parent.parentWidget()
    return False


def _describe(widget: QWidget) -> str:
    text = widget.accessibleName() or getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__} {str(text)[:40]!r}"


def test_nothing_is_cut_off_at_26_pt_in_a_1024x768_window(
    qtbot: QtBot, controller: Controller
) -> None:
    controller.step_text_size(len(TEXT_SIZES_PT))
    assert controller.text_step == CONSULTATION_MAX_TEXT_STEP
    window = controller.window
    window.resize(1024, 768)
    cut: list[str] = []
    for scene in consultation_scenes(controller):
        if scene.name.startswith("option-") and scene.name != ONE_OPTION_PAGE:
            continue
        top = scene.show(controller)
        settle()
        assert (window.width(), window.height()) == (1024, 768), scene.name
        for widget in top.findChildren(QWidget):
            if not isinstance(widget, SHOWN) or not widget.isVisible():
                continue
            shown = widget.visibleRegion().boundingRect()
            if shown.isEmpty():
                continue  # scrolled out of view, reached by scrolling down
            if shown.width() < widget.width() and not _scrolls_sideways(widget):
                cut.append(
                    f"{scene.name}: {_describe(widget)} shows {shown.width()} of {widget.width()} px"
                )
            if (
                isinstance(widget, QLabel)
                and widget.wordWrap()
                and widget.height() < widget.heightForWidth(widget.width())
            ):
                cut.append(f"{scene.name}: {_describe(widget)} is too short for its text")
        leave_scene(controller)
    assert cut == []
