"""The glossary page: every medical word, searchable, with its plain meaning."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from desktop_app.content.model import GlossaryTerm
from desktop_app.content.render import PanelRenderer
from desktop_app.ui.qt.theme import Theme
from desktop_app.ui.widgets.headings import heading
from desktop_app.ui.widgets.rich_text import LinkExplainer, RichBrowser

_Index = QModelIndex | QPersistentModelIndex
TERM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class GlossaryListModel(QAbstractListModel):
    """Glossary terms in alphabetical order."""

    def __init__(self, terms: tuple[GlossaryTerm, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms = sorted(terms, key=lambda t: t.term.casefold())

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._terms)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._terms):
            return None
        term = self._terms[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return term.term
        if role == Qt.ItemDataRole.ToolTipRole:
            return term.meaning
        if role == TERM_ID_ROLE:
            return term.id
        if role == SEARCH_ROLE:
            return " ".join((*term.all_forms, term.meaning))
        return None

    def row_of(self, term_id: str) -> int:
        """The row of a term id."""
        return next(i for i, term in enumerate(self._terms) if term.id == term_id)


class GlossaryPage(QWidget):
    """A search box, the list of terms, and the chosen term's meaning."""

    def __init__(
        self,
        terms: tuple[GlossaryTerm, ...],
        renderer: PanelRenderer,
        explainer: LinkExplainer,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._theme = theme
        self.model = GlossaryListModel(terms, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        title = heading("Glossary: medical words in plain language")
        layout.addWidget(title)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search for a word")
        self.search.setAccessibleName("Search the glossary")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.textChanged.connect(self._on_search)
        layout.addWidget(self.search)
        row = QHBoxLayout()
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName("Glossary words")
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        row.addWidget(self.list, 1)
        self.meaning = RichBrowser(explainer, "Meaning of the chosen word")
        row.addWidget(self.meaning, 2)
        layout.addLayout(row, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self._on_search("")
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _on_search(self, text: str) -> None:
        # Search text is matched literally: typing never builds a pattern.
        self.proxy.setFilterFixedString(text.strip())
        shown = self.proxy.rowCount()
        self.count_label.setText(
            f"{shown} word{'s' if shown != 1 else ''} found" if text.strip() else f"{shown} words"
        )
        if shown and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.meaning.clear()
            return
        term_id = current.data(TERM_ID_ROLE)
        self.meaning.setHtml(self._renderer.glossary_entry(term_id, self._theme.panel))

    def show_term(self, term_id: str) -> None:
        """Jump to one term (clears the search)."""
        self.search.clear()
        self.list.setCurrentIndex(
            self.proxy.mapFromSource(self.model.index(self.model.row_of(term_id)))
        )

    def reset(self) -> None:
        """Empty the search (and its undo history) and show the first word again."""
        self.search.setText("")
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self.list.scrollToTop()

    def set_theme(self, theme: Theme) -> None:
        """Use another theme."""
        self._theme = theme
        self._on_current_changed(self.list.currentIndex(), QModelIndex())
