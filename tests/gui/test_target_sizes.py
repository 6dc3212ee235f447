"""Everything a person points at is big enough: 24 px in consultation, 48 px in kiosk mode.

WCAG 2.2 success criterion 2.5.8 asks for pointer targets of at least 24 by 24 CSS
pixels; a kiosk used with a finger asks for 48. Every screen is opened and every
visible button, tick box, text field, list row and scroll bar is measured, the body
map's parts among them (each has a tick box over its target square on the drawing).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from desktop_app.app import Controller
from desktop_app.ui.kiosk.touch import MIN_TARGET_PX
from desktop_app.ui.qt.targets import MIN_POINTER_TARGET_PX
from desktop_app.ui.widgets.text_links import TextLink
from tools.tour import Scene, consultation_scenes, kiosk_scenes, leave_scene, settle

TARGETS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QScrollBar)


def _too_small(
    controller: Controller, scenes_for: Callable[[Controller], list[Scene]], least: int
) -> dict[str, int]:
    """What, on which screen, is smaller than `least` pixels across (its smallest side)."""
    small: dict[str, int] = {}
    for scene in scenes_for(controller):
        top = scene.show(controller)
        settle()
        widgets: list[QWidget] = [top, *top.findChildren(QWidget)]
        for widget in widgets:
            if not widget.isVisible():
                continue
            if isinstance(widget, TextLink):
                continue  # a link's stand-in for screen readers; the pointer reaches the
                # words under it, inline in a sentence (WCAG 2.5.8's inline exception)
            if isinstance(widget, TARGETS):
                side = min(widget.width(), widget.height())
                if side < least:
                    name = widget.accessibleName() or type(widget).__name__
                    small[f"{scene.name}: {name}"] = side
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                for row in range(model.rowCount()):
                    height = widget.visualRect(model.index(row, 0)).height()
                    if 0 < height < least:
                        small[f"{scene.name}: a row of {widget.accessibleName()}"] = height
                        break
        leave_scene(controller)
    return small


def test_consultation_targets_are_at_least_24_px(controller: Controller) -> None:
    assert _too_small(controller, consultation_scenes, MIN_POINTER_TARGET_PX) == {}


def test_kiosk_targets_are_at_least_48_px(make_kiosk: Callable[[str], Controller]) -> None:
    controller = make_kiosk("")
    controller.window.resize(1280, 800)
    assert _too_small(controller, kiosk_scenes, MIN_TARGET_PX) == {}
