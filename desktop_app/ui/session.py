"""What one consultation has chosen and typed: held in memory only, never written to disk."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.handout.user_text import MAX_OWN_QUESTIONS

MAX_COMPARED = 4


class PatientSession(QObject):
    """Compared and discussed options, chosen questions, own questions and typed fields."""

    comparedChanged = Signal(list)
    discussedChanged = Signal(list)
    questionsChanged = Signal()
    fieldsChanged = Signal()
    cleared = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._compared: list[str] = []
        self._discussed: list[str] = []
        self._questions: list[str] = []
        self._own_questions: list[str] = []
        self.patient_name = ""
        self.prepared_by = ""
        self.notes = ""

    # -- compare -----------------------------------------------------------
    @property
    def compared(self) -> list[str]:
        """Option ids to compare, in the order they were added (at most four)."""
        return list(self._compared)

    def set_compared(self, option_id: str, on: bool) -> bool:
        """Add or remove an option from the comparison; False when four are already there."""
        if on and option_id not in self._compared:
            if len(self._compared) >= MAX_COMPARED:
                return False
            self._compared.append(option_id)
        elif not on and option_id in self._compared:
            self._compared.remove(option_id)
        else:
            return True
        self.comparedChanged.emit(self.compared)
        return True

    # -- discussed ---------------------------------------------------------
    @property
    def discussed(self) -> list[str]:
        """Option ids ticked as discussed today."""
        return list(self._discussed)

    def set_discussed(self, option_id: str, on: bool) -> None:
        """Tick or untick an option as discussed."""
        if on and option_id not in self._discussed:
            self._discussed.append(option_id)
        elif not on and option_id in self._discussed:
            self._discussed.remove(option_id)
        else:
            return
        self.discussedChanged.emit(self.discussed)

    # -- questions ---------------------------------------------------------
    @property
    def question_ids(self) -> list[str]:
        """Suggested questions ticked for the handout."""
        return list(self._questions)

    def set_question(self, question_id: str, on: bool) -> None:
        """Tick or untick a suggested question."""
        if on and question_id not in self._questions:
            self._questions.append(question_id)
        elif not on and question_id in self._questions:
            self._questions.remove(question_id)
        else:
            return
        self.questionsChanged.emit()

    @property
    def own_questions(self) -> list[str]:
        """Questions the person typed themselves."""
        return list(self._own_questions)

    def add_own_question(self, text: str) -> bool:
        """Add a typed question; blank or repeated text is ignored."""
        text = " ".join(text.split())
        if not text or text in self._own_questions or self.own_questions_full():
            return False
        self._own_questions.append(text)
        self.questionsChanged.emit()
        return True

    def own_questions_full(self) -> bool:
        """Whether the handout's limit of own questions is reached."""
        return len(self._own_questions) >= MAX_OWN_QUESTIONS

    def remove_own_question(self, index: int) -> None:
        """Remove a typed question by position."""
        if 0 <= index < len(self._own_questions):
            del self._own_questions[index]
            self.questionsChanged.emit()

    # -- typed fields ------------------------------------------------------
    def set_fields(self, patient_name: str, prepared_by: str, notes: str) -> None:
        """Store the handout's typed fields."""
        self.patient_name, self.prepared_by, self.notes = patient_name, prepared_by, notes
        self.fieldsChanged.emit()

    def has_input(self) -> bool:
        """Whether anything was chosen or typed that a reset would lose."""
        return bool(
            self._compared
            or self._discussed
            or self._questions
            or self._own_questions
            or self.patient_name
            or self.prepared_by
            or self.notes
        )

    def clear(self) -> None:
        """Forget everything about this consultation."""
        self._compared.clear()
        self._discussed.clear()
        self._questions.clear()
        self._own_questions.clear()
        self.patient_name = self.prepared_by = self.notes = ""
        self.comparedChanged.emit([])
        self.discussedChanged.emit([])
        self.questionsChanged.emit()
        self.fieldsChanged.emit()
        self.cleared.emit()
