"""Questions to ask: suggested ones for the chosen sites and general ones, plus your own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.content.model import ContentLibrary, Question
from desktop_app.handout.user_text import MAX_OWN_QUESTION_LENGTH, MAX_OWN_QUESTIONS
from desktop_app.ui.models.session import PatientSession
from desktop_app.ui.models.site_model import SiteSelectionModel
from desktop_app.ui.widgets.headings import heading
from desktop_app.ui.widgets.tick_list import TickList

_Index = QModelIndex | QPersistentModelIndex
QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class QuestionListModel(QAbstractListModel):
    """Questions for the selected sites, then general ones; checked = in the handout."""

    def __init__(
        self,
        library: ContentLibrary,
        selection: SiteSelectionModel,
        session: PatientSession,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._selection = selection
        self._session = session
        self._questions: list[Question] = []
        self._titles = {site.id: site.title for site in library.sites}
        selection.selectionChanged.connect(self._refresh)
        session.questionsChanged.connect(self._on_session_changed)
        self._refresh()

    def _refresh(self, *_: object) -> None:
        self.beginResetModel()
        chosen = self._selection.selected_ids()
        site_questions = [q for site_id in chosen for q in self._library.site(site_id).questions]
        self._questions = site_questions + list(self._library.general_questions)
        self.endResetModel()

    def _on_session_changed(self) -> None:
        if self._questions:
            self.dataChanged.emit(
                self.index(0),
                self.index(len(self._questions) - 1),
                [Qt.ItemDataRole.CheckStateRole],
            )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._questions)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._questions):
            return None
        question = self._questions[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if question.site_id:
                return f"{question.text} ({self._titles.get(question.site_id, question.site_id)})"
            return question.text
        if role == Qt.ItemDataRole.CheckStateRole:
            chosen = question.id in self._session.question_ids
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == QUESTION_ID_ROLE:
            return question.id
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
        self._session.set_question(self._questions[index.row()].id, checked)
        return True


class QuestionsPage(QWidget):
    """Tick suggested questions; type and add your own."""

    def __init__(
        self,
        library: ContentLibrary,
        selection: SiteSelectionModel,
        session: PatientSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.model = QuestionListModel(library, selection, session, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        title = heading("Questions to ask your care team")
        layout.addWidget(title)
        hint = QLabel("Tick the questions you want on your handout.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = TickList()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setAccessibleName("Suggested questions")
        layout.addWidget(self.list, 3)
        own_title = QLabel("Your own questions")
        own_font = own_title.font()
        own_font.setBold(True)
        own_title.setFont(own_font)
        layout.addWidget(own_title)
        entry = QHBoxLayout()
        self.own_entry = QLineEdit()
        self.own_entry.setPlaceholderText("Type a question")
        self.own_entry.setAccessibleName("Type your own question")
        self.own_entry.setMaxLength(MAX_OWN_QUESTION_LENGTH)
        self.own_entry.returnPressed.connect(self._on_add)
        entry.addWidget(self.own_entry, 1)
        self.add_button = QPushButton("Add question")
        self.add_button.setAccessibleName("Add your question")
        self.add_button.clicked.connect(self._on_add)
        entry.addWidget(self.add_button)
        layout.addLayout(entry)
        self.own_list = QListWidget()
        self.own_list.setAccessibleName("Your own questions")
        self.own_list.setWordWrap(True)
        layout.addWidget(self.own_list, 1)
        self.remove_button = QPushButton("Remove the chosen question")
        self.remove_button.setAccessibleName("Remove the chosen own question")
        self.remove_button.clicked.connect(self._on_remove)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        session.questionsChanged.connect(self._sync_own_list)
        self._sync_own_list()

    def _on_add(self) -> None:
        if self._session.add_own_question(self.own_entry.text()):
            self.own_entry.clear()

    def _on_remove(self) -> None:
        row = self.own_list.currentRow()
        if row >= 0:
            self._session.remove_own_question(row)

    def _sync_own_list(self) -> None:
        self.own_list.clear()
        self.own_list.addItems(self._session.own_questions)
        self.remove_button.setEnabled(bool(self._session.own_questions))
        full = self._session.own_questions_full()
        self.add_button.setEnabled(not full)
        self.own_entry.setPlaceholderText(
            f"The handout holds {MAX_OWN_QUESTIONS} questions of your own. Remove one first."
            if full
            else "Type a question"
        )
