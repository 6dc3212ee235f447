"""The one site selection model: a checkable list shared by the body map and the site list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_app.consultation import Change, Consultation
from desktop_app.content.model import Site

_Index = QModelIndex | QPersistentModelIndex

SITE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SiteSelectionModel(QAbstractListModel):
    """Every site, in display order, with a check state that means "selected"."""

    selectionChanged = Signal(list)  # the selected site ids, in display order

    def __init__(
        self, sites: tuple[Site, ...], consultation: Consultation, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._sites = sites
        self._consultation = consultation
        self._shown = set(consultation.site_ids)  # what the views were last told
        # The consultation and its views are made together and go together.
        consultation.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change != Change.SITES:
            return
        now = set(self._consultation.site_ids)
        for site_id in sorted(now ^ self._shown, key=self.row_of):
            index = self.index(self.row_of(site_id))
            self.dataChanged.emit(
                index,
                index,
                [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.ToolTipRole],
            )
        self._shown = now
        self.selectionChanged.emit(self.selected_ids())

    # -- Qt model API ------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sites)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sites):
            return None
        site = self._sites[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return site.title
        if role == Qt.ItemDataRole.CheckStateRole:
            chosen = self._consultation.is_chosen(site.id)
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "selected" if self._consultation.is_chosen(site.id) else "not selected"
            return f"{site.title}: {state}"
        if role == SITE_ID_ROLE:
            return site.id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_selected(self._sites[index.row()].id, checked)
        return True

    # -- program API -------------------------------------------------------
    @property
    def sites(self) -> tuple[Site, ...]:
        """All sites in display order."""
        return self._sites

    def row_of(self, site_id: str) -> int:
        """The row of a site id."""
        for row, site in enumerate(self._sites):
            if site.id == site_id:
                return row
        raise KeyError(site_id)

    def is_selected(self, site_id: str) -> bool:
        """Whether a site is selected."""
        return self._consultation.is_chosen(site_id)

    def selected_ids(self) -> list[str]:
        """Selected site ids in display order."""
        return self._consultation.site_ids

    def set_selected(self, site_id: str, selected: bool) -> None:
        """Select or unselect one site (unselecting takes its questions and options along)."""
        self._consultation.set_site(site_id, selected)

    def toggle(self, site_id: str) -> None:
        """Select a site when it is not, unselect it when it is."""
        self.set_selected(site_id, not self.is_selected(site_id))

    def clear(self) -> None:
        """Unselect every site."""
        for site_id in self._consultation.site_ids:
            self.set_selected(site_id, False)
