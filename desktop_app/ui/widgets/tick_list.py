"""A list of tick boxes whose selection is its ticks, so a screen reader's Toggle ticks a row.

Qt gives every row of a list an accessible Toggle action, and that action selects or
unselects the row; it never touches the tick. Here a row is selected exactly when it
is ticked: the view's own selection on click or key is switched off, the tick (set by
the delegate, on a click, a tap or Space) selects the row, and a row selected through
the accessibility bus is ticked. A screen reader hears "selected" and "checked" together.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

_Index = QModelIndex | QPersistentModelIndex


class TickList(QListView):
    """A QListView of checkable rows in which selected means ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self._following = False

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        model.dataChanged.connect(self._select_the_ticked)
        model.modelReset.connect(self._select_the_ticked)
        model.rowsInserted.connect(self._select_the_ticked)
        self.selectionModel().selectionChanged.connect(self._tick_the_selected)
        self._select_the_ticked()

    def selectionCommand(
        self, index: _Index, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        """Clicks and keys never select by themselves: ticking a row selects it."""
        return QItemSelectionModel.SelectionFlag.NoUpdate

    def _select_the_ticked(self, *_: object) -> None:
        model = self.model()
        chooser = self.selectionModel()
        if model is None or chooser is None:
            return
        self._following = True
        try:
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                ticked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                if chooser.isSelected(index) != ticked:
                    flag = (
                        QItemSelectionModel.SelectionFlag.Select
                        if ticked
                        else QItemSelectionModel.SelectionFlag.Deselect
                    )
                    chooser.select(index, flag)
        finally:
            self._following = False

    def _tick_the_selected(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        if self._following:
            return
        model = self.model()
        for indexes, state in (
            (selected.indexes(), Qt.CheckState.Checked),
            (deselected.indexes(), Qt.CheckState.Unchecked),
        ):
            for index in indexes:
                model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)
        self._select_the_ticked()  # a row the model would not tick is unselected again
