"""What Qt's own accessibility does not say: which labels are headings, which panel is an alert.

A screen reader lets a person jump from heading to heading; Qt gives every QLabel the
role "label". A widget whose class has an `accessible_role` gets that role from the
factory installed here: HeadingLabel (made by `headings.heading()`) is a heading, the
kiosk's idle warning an alert, which a screen reader reads out when it appears, and a
link in text (`text_links.TextLink`) a link whose press action follows it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QWidget

# Interfaces made here. Qt's accessibility cache holds them only by pointer and deletes
# each one when its label goes; until then Python must keep it, or it would be freed
# under Qt. Entries Qt has deleted are dropped on the next call (dropping a wrapper
# whose object Qt deleted frees nothing twice).
_made: dict[int, QAccessibleInterface] = {}


def _forget_deleted() -> None:
    for key in [key for key, made in _made.items() if not shiboken6.isValid(made)]:
        del _made[key]


class _RoleAccessible(QAccessibleWidget):
    """A widget with the role its class asks for; a label is named by its text."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._widget = widget

    def text(self, kind: QAccessible.Text) -> str:
        widget = self._widget
        if kind == QAccessible.Text.Name:
            if widget.accessibleName():
                return widget.accessibleName()
            return widget.text() if isinstance(widget, QLabel) else ""
        if kind == QAccessible.Text.Description:
            return widget.accessibleDescription()
        return super().text(kind)


class _PressableAccessible(_RoleAccessible):
    """A button in another role (a link in text): its press action clicks it."""

    def __init__(self, widget: QAbstractButton, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._button = widget

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction()]

    def localizedActionDescription(self, name: str) -> str:
        return "Open" if name == QAccessibleActionInterface.pressAction() else ""

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.pressAction():
            self._button.click()

    def keyBindingsForAction(self, _name: str) -> list[str]:
        return []


def _factory(_class_name: str, thing: QObject) -> QAccessibleInterface | None:
    role = getattr(thing, "accessible_role", None)
    if role is None or not isinstance(thing, QWidget):
        return None
    _forget_deleted()
    made: _RoleAccessible
    if isinstance(thing, QAbstractButton):
        made = _PressableAccessible(thing, role)
    else:
        made = _RoleAccessible(thing, role)
    _made[id(made)] = made
    return made


def install() -> None:
    """Give heading labels the heading role on the accessibility bus."""
    QAccessible.installFactory(_factory)
