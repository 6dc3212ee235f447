"""What a person can read on screen: the text of every visible widget, as Qt draws it."""

from __future__ import annotations

import re

from PySide6 import QtGui
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

MARKUP = re.compile(
    r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>"  # a tag
    r"|\bstyle\s*="  # an inline style
    r"|&(?:[a-zA-Z]{2,8}|#[0-9]{1,6}|#x[0-9a-fA-F]{1,6});"  # an escaped entity
)


def _shown_label_text(label: QLabel) -> str:
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _item_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts: list[str] = []
    root = view.rootIndex()
    # a list model's columnCount is private in PySide6: it has one column
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for row in range(model.rowCount(root)):
        for column in range(columns):
            value = model.index(row, column, root).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    """The texts one widget shows (not those of its children)."""
    if isinstance(widget, QLabel):
        return [_shown_label_text(widget)]
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QTextEdit):
        return [widget.toPlainText()]
    if isinstance(widget, QPlainTextEdit):
        return [widget.toPlainText(), widget.placeholderText()]
    if isinstance(widget, QLineEdit):
        return [widget.text(), widget.placeholderText()]
    if isinstance(widget, QComboBox):
        return [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView):
        return _item_texts(widget)
    return []


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible widget under `top`, itself included."""
    found: list[tuple[str, str]] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = widget.objectName() or widget.accessibleName() or type(widget).__name__
        found += [(where, text) for text in widget_texts(widget) if text]
    return found


def markup_found(top: QWidget) -> list[str]:
    """One line per visible text that shows raw HTML, a style or an escaped entity."""
    problems = []
    for where, text in visible_texts(top):
        match = MARKUP.search(text)
        if match:
            start = max(0, match.start() - 30)
            problems.append(f"{where}: ...{text[start : match.end() + 30]!r}...")
    return problems
