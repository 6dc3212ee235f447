"""Look through every widget and item model for text a session left behind."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.UserRole,
)


def widget_texts(widget: QWidget) -> list[str]:
    """Every piece of text a widget holds or tells assistive technology."""
    texts = [
        widget.accessibleName(),
        widget.accessibleDescription(),
        widget.toolTip(),
        widget.windowTitle(),
        widget.statusTip(),
        widget.whatsThis(),
    ]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText(), widget.displayText()]
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        texts.append(widget.toPlainText())
    return texts


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Every cell's text in every role, walking the whole tree."""
    parent = parent or QModelIndex()
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
    # A list model hides columnCount (it is always one); flat models have no children.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    texts: list[str] = []
    for row in range(model.rowCount(parent)):
        for column in range(max(1, columns)):
            index = model.index(row, column, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if value is not None:
                    texts.append(str(value))
            if not flat and model.hasChildren(index):
                texts += model_texts(model, index)
    for column in range(columns):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
    return texts


def traces(secrets: list[str], extra_models: list[QAbstractItemModel] | None = None) -> list[str]:
    """Where any secret still appears: '<widget class>: <text>' for each hit."""
    found: list[str] = []
    models: list[QAbstractItemModel] = list(extra_models or [])
    clipboard = QApplication.clipboard().text()
    for secret in secrets:
        if secret in clipboard:
            found.append(f"clipboard: {clipboard}")
    for widget in QApplication.allWidgets():
        for text in widget_texts(widget):
            if any(secret in text for secret in secrets):
                found.append(f"{type(widget).__name__} {widget.objectName()!r}: {text[:80]}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            models.append(widget.model())
    for model in models:
        for text in model_texts(model):
            if any(secret in text for secret in secrets):
                found.append(f"{type(model).__name__}: {text[:80]}")
    return found


def pages_enabled(window: QMainWindow) -> bool:
    """Whether the pages under any kiosk panel can be reached."""
    central = window.centralWidget()
    assert central is not None
    return central.isEnabled()


def undo_left() -> list[str]:
    """Text boxes whose undo history could bring typed text back."""
    left = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit) and widget.isUndoAvailable():
            left.append(f"QLineEdit {widget.accessibleName()!r}")
        if isinstance(widget, QPlainTextEdit | QTextEdit) and widget.document().isUndoAvailable():
            left.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    return left
