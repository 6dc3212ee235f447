"""The consultation's choices and typed text as Qt signals, for the widgets that show them.

The state and its rules live in `desktop_app.consultation.Consultation` (Qt-free); this
is a thin adapter: it passes calls through and turns the consultation's change
notices into the signals the pages connect to. Held in memory only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.consultation import MAX_COMPARED, Change, Consultation

__all__ = ["MAX_COMPARED", "PatientSession"]


class PatientSession(QObject):
    """Compared and discussed options, chosen questions, own questions and typed fields."""

    comparedChanged = Signal(list)
    discussedChanged = Signal(list)
    questionsChanged = Signal()
    fieldsChanged = Signal()
    cleared = Signal()

    def __init__(self, consultation: Consultation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.consultation = consultation
        # The consultation and its views are made together and go together.
        consultation.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change == Change.COMPARED:
            self.comparedChanged.emit(self.compared)
        elif change == Change.DISCUSSED:
            self.discussedChanged.emit(self.discussed)
        elif change == Change.QUESTIONS:
            self.questionsChanged.emit()
        elif change == Change.FIELDS:
            self.fieldsChanged.emit()
        elif change == Change.RESET:
            self.cleared.emit()

    # -- passed through ------------------------------------------------------
    @property
    def compared(self) -> list[str]:
        """Option ids to compare, in the order they were added (at most four)."""
        return self.consultation.compared

    def set_compared(self, option_id: str, on: bool) -> bool:
        """Add or remove an option from the comparison; False when four are already there."""
        return self.consultation.set_compared(option_id, on)

    @property
    def discussed(self) -> list[str]:
        """Option ids ticked as discussed today."""
        return self.consultation.discussed

    def set_discussed(self, option_id: str, on: bool) -> None:
        """Tick or untick an option as discussed."""
        self.consultation.set_discussed(option_id, on)

    @property
    def question_ids(self) -> list[str]:
        """Suggested questions ticked for the handout."""
        return self.consultation.question_ids

    def set_question(self, question_id: str, on: bool) -> None:
        """Tick or untick a suggested question (only ones on offer can be ticked)."""
        self.consultation.set_question(question_id, on)

    @property
    def own_questions(self) -> list[str]:
        """Questions the person typed themselves."""
        return self.consultation.own_questions

    def add_own_question(self, text: str) -> bool:
        """Add a typed question; blank or repeated text is ignored."""
        return self.consultation.add_own_question(text)

    def own_questions_full(self) -> bool:
        """Whether the handout's limit of own questions is reached."""
        return self.consultation.own_questions_full()

    def remove_own_question(self, index: int) -> None:
        """Remove a typed question by position."""
        self.consultation.remove_own_question(index)

    @property
    def patient_name(self) -> str:
        """The name typed for the handout."""
        return self.consultation.patient_name

    @property
    def prepared_by(self) -> str:
        """Who prepared the handout."""
        return self.consultation.prepared_by

    @property
    def notes(self) -> str:
        """The clinician's notes."""
        return self.consultation.notes

    def set_fields(self, patient_name: str, prepared_by: str, notes: str) -> None:
        """Store the handout's typed fields."""
        self.consultation.set_fields(patient_name, prepared_by, notes)

    def has_input(self) -> bool:
        """Whether anything was chosen or typed that a reset would lose."""
        return not self.consultation.is_pristine()

    def clear(self) -> None:
        """Forget everything about this consultation, the chosen sites included."""
        self.consultation.reset()
