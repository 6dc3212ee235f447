"""The compare panel: an Option-Grid-style table, options as columns, the same rows for each."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.content.model import ContentLibrary, Option, Row, RowKey
from desktop_app.content.render import PanelRenderer
from desktop_app.ui.models.session import PatientSession
from desktop_app.ui.qt.reflow import ReflowScrollArea
from desktop_app.ui.qt.theme import Theme
from desktop_app.ui.widgets.headings import heading
from desktop_app.ui.widgets.icon_array import IconArrayWidget
from desktop_app.ui.widgets.rich_text import LinkExplainer, RichLabel

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
OPTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_KEYS = tuple(RowKey)


class CompareTableModel(QAbstractTableModel):
    """Rows are the comparison questions, columns the compared options."""

    def __init__(self, library: ContentLibrary, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._options: list[Option] = []

    def set_option_ids(self, option_ids: list[str]) -> None:
        """Show these options, in this order."""
        self.beginResetModel()
        self._options = [self._library.option(oid) for oid in option_ids]
        self.endResetModel()

    @property
    def options(self) -> list[Option]:
        """The compared options, in column order."""
        return list(self._options)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ROW_KEYS)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._options)

    def row_at(self, index: _Index) -> Row:
        """The content row behind a cell."""
        return self._options[index.column()].row(ROW_KEYS[index.row()])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._options):
            return None
        row = self.row_at(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == ROW_ROLE:
            return row
        if role == OPTION_ID_ROLE:
            return self._options[index.column()].id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._options[section].title if 0 <= section < len(self._options) else None
        return ROW_KEYS[section].question if 0 <= section < len(ROW_KEYS) else None


class CompareCell(QWidget):
    """One cell: the text with source links, and an icon array where the row has a number."""

    def __init__(
        self,
        row: Row,
        html: str,
        explainer: LinkExplainer,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.text_label = RichLabel(html, explainer)
        layout.addWidget(self.text_label)
        self.icon_array: IconArrayWidget | None = None
        if row.figure is not None:
            self.icon_array = IconArrayWidget(row.figure, theme)
            layout.addWidget(self.icon_array)
            phrase = QLabel(f"<b>{row.figure.phrase.capitalize()}</b>: {row.figure.measures}.")
            phrase.setTextFormat(Qt.TextFormat.RichText)
            phrase.setWordWrap(True)
            phrase.setAccessibleName(f"{row.figure.phrase.capitalize()}: {row.figure.measures}.")
            layout.addWidget(phrase)
        layout.addStretch(1)


class CompareGrid(QWidget):
    """The grid of options and questions: a table on the accessibility bus."""

    accessible_role = QAccessible.Role.Table


class _Framed(QFrame):
    """A boxed cell of the grid; subclasses say which table role it has."""

    accessible_role = QAccessible.Role.Cell

    def __init__(self, widget: QWidget, header: bool, name: str, description: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(header)
        self.setBackgroundRole(
            QPalette.ColorRole.AlternateBase if header else QPalette.ColorRole.Base
        )
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)


class ColumnHeader(_Framed):
    """An option's name at the top of its column."""

    accessible_role = QAccessible.Role.ColumnHeader


class RowHeader(_Framed):
    """A question at the start of its row."""

    accessible_role = QAccessible.Role.RowHeader


class ComparePanel(ReflowScrollArea):
    """The comparison grid built from a CompareTableModel."""

    removeRequested = Signal(str)

    def __init__(
        self,
        model: CompareTableModel,
        renderer: PanelRenderer,
        explainer: LinkExplainer,
        session: PatientSession,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._renderer = renderer
        self._explainer = explainer
        self._theme = theme
        self.cells: dict[tuple[int, int], CompareCell] = {}
        self.row_headers: list[QLabel] = []
        self.setAccessibleName("Comparison of treatment options")
        # Four columns at the largest text are wider than the window: scroll sideways
        # (with a visible bar) rather than cut the last column off.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        model.modelReset.connect(self._rebuild)
        session.comparedChanged.connect(model.set_option_ids)
        self._session = session
        self.removeRequested.connect(self._on_remove_requested)
        model.set_option_ids(session.compared)

    def _rebuild(self) -> None:
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(16, 12, 16, 16)
        title = heading("Compare options")
        outer.addWidget(title)
        self.cells = {}
        self.row_headers = []
        columns = self.model.columnCount()
        if columns < 2:
            message = QLabel(
                "Choose \u201cCompare\u201d on at least 2 treatment options to see them here "
                "side by side. You can compare up to 4."
            )
            message.setWordWrap(True)
            outer.addWidget(message)
            outer.addStretch(1)
            self.set_page(content)
            return
        self.grid = CompareGrid()
        self.grid.setAccessibleName(
            "Table: " + ", ".join(option.title for option in self.model.options)
        )
        grid = QGridLayout(self.grid)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(0)
        for column in range(columns):
            option = self.model.options[column]
            header = QWidget()
            header_layout = QVBoxLayout(header)
            name = QLabel(f"<b>{option.title}</b>")
            name.setTextFormat(Qt.TextFormat.RichText)
            name.setWordWrap(True)
            name.setAccessibleName(option.title)
            header_layout.addWidget(name)
            remove = QPushButton("Remove")
            remove.setAccessibleName(f"Remove {option.title} from the comparison")
            remove.clicked.connect(partial(self.removeRequested.emit, option.id))
            header_layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(
                ColumnHeader(header, True, option.title, f"Option {column + 1} of {columns}"),
                0,
                column + 1,
            )
            grid.setColumnStretch(column + 1, 1)
        for row in range(self.model.rowCount()):
            question = self.model.headerData(row, Qt.Orientation.Vertical)
            label = QLabel(f"<b>{question}</b>")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAccessibleName(str(question))
            self.row_headers.append(label)
            header_frame = RowHeader(label, True, str(question), "")
            # Questions wrap in a narrow column so the options get the width.
            header_frame.setMaximumWidth(label.fontMetrics().horizontalAdvance("x" * 18) + 16)
            grid.addWidget(header_frame, row + 1, 0)
            for column in range(columns):
                content_row = self.model.row_at(self.model.index(row, column))
                cell = CompareCell(
                    content_row,
                    self._renderer.row_cell(content_row, self._theme.panel),
                    self._explainer,
                    self._theme,
                )
                self.cells[(row, column)] = cell
                option = self.model.options[column]
                framed = _Framed(cell, False, f"{question}: {option.title}", "")
                grid.addWidget(framed, row + 1, column + 1)
        grid.setColumnStretch(0, 0)
        grid.setColumnMinimumWidth(0, 160)
        outer.addWidget(self.grid)
        outer.addStretch(1)
        self.set_page(content)

    def _on_remove_requested(self, option_id: str) -> None:
        self._session.set_compared(option_id, False)

    def set_theme(self, theme: Theme) -> None:
        """Use another theme (rebuilds the grid)."""
        self._theme = theme
        self._rebuild()
