"""One consultation: the chosen sites, options and questions, and what was typed.

Held in memory only and never written anywhere. The rules that keep the screen and
the handout in agreement live here, not in widgets:

- A site-specific question belongs to its site: when the site is unchosen, the
  question leaves the consultation too (it would otherwise print on the handout while
  the screen, which lists only the chosen sites' questions, no longer offered it).
- An option belongs to the sites that list it: when the last chosen site that lists
  it is unchosen, it leaves the comparison and the discussed options (the handout
  prints options under their sites, so it could not print it; the screen must not
  show it either). An option no site lists (none in the bundled content) is kept.
- At most MAX_COMPARED options are compared at once.

Widgets and item models are views of this object: they show its state and pass the
person's actions to it, and it tells its listeners what changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum

from desktop_app.content.model import ContentLibrary
from desktop_app.handout.request import (
    ALL_SECTIONS,
    ClinicDetails,
    HandoutRequest,
    PageSize,
    Section,
)
from desktop_app.handout.user_text import MAX_OWN_QUESTIONS

MAX_COMPARED = 4
"""Options compared side by side at most (a fifth would not fit a screen or a page)."""


class Change(Enum):
    """What part of a consultation changed (listeners get one per change)."""

    SITES = "sites"
    COMPARED = "compared"
    DISCUSSED = "discussed"
    QUESTIONS = "questions"
    FIELDS = "fields"
    FORM = "form"
    RESET = "reset"


@dataclass(frozen=True)
class HandoutForm:
    """How the handout is to be made: its date, paper, print size and parts."""

    date: dt.date | None = None
    """None: the day the handout is made (a fresh form always means today)."""
    page_size: PageSize = PageSize.A4
    large_print: bool = False
    sections: frozenset[Section] = field(default=ALL_SECTIONS)


@dataclass(frozen=True)
class ConsultationState:
    """Everything a consultation holds, as plain values (a fresh one is all empty)."""

    site_ids: tuple[str, ...] = ()
    compared_option_ids: tuple[str, ...] = ()
    discussed_option_ids: tuple[str, ...] = ()
    question_ids: tuple[str, ...] = ()
    own_questions: tuple[str, ...] = ()
    patient_name: str = ""
    prepared_by: str = ""
    notes: str = ""
    handout_form: HandoutForm = HandoutForm()


Listener = Callable[[Change], None]


class Consultation:
    """The person's choices and typed text, with the rules that tie them together."""

    def __init__(self, library: ContentLibrary, fresh_form: HandoutForm = HandoutForm()) -> None:
        """`fresh_form` is the handout form a new consultation starts with (the clinic's
        paper size; in kiosk mode, no "discussed today" part)."""
        self._library = library
        self._fresh_form = fresh_form
        self._form = fresh_form
        self._site_order = [site.id for site in library.sites]
        self._sites: set[str] = set()
        self._compared: list[str] = []
        self._discussed: list[str] = []
        self._questions: list[str] = []
        self._own_questions: list[str] = []
        self._patient_name = ""
        self._prepared_by = ""
        self._notes = ""
        self._listeners: list[Listener] = []

    # -- listening -----------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` after every change; returns the call that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _changed(self, *changes: Change) -> None:
        for change in changes:
            for listener in list(self._listeners):
                listener(change)

    # -- the whole -----------------------------------------------------------
    def state(self) -> ConsultationState:
        """Everything held now, as plain values."""
        return ConsultationState(
            site_ids=tuple(self.site_ids),
            compared_option_ids=tuple(self._compared),
            discussed_option_ids=tuple(self._discussed),
            question_ids=tuple(self._questions),
            own_questions=tuple(self._own_questions),
            patient_name=self._patient_name,
            prepared_by=self._prepared_by,
            notes=self._notes,
            handout_form=self._form,
        )

    def is_pristine(self) -> bool:
        """Whether this consultation equals a fresh one (nothing chosen or typed)."""
        return self.state() == ConsultationState(handout_form=self._fresh_form)

    def reset(self) -> None:
        """Forget everything: afterwards this equals a fresh consultation."""
        self._sites.clear()
        self._compared.clear()
        self._discussed.clear()
        self._questions.clear()
        self._own_questions.clear()
        self._patient_name = self._prepared_by = self._notes = ""
        self._form = self._fresh_form
        self._changed(
            Change.SITES,
            Change.COMPARED,
            Change.DISCUSSED,
            Change.QUESTIONS,
            Change.FIELDS,
            Change.FORM,
            Change.RESET,
        )

    # -- sites ---------------------------------------------------------------
    @property
    def site_ids(self) -> list[str]:
        """The chosen sites, in the content's order."""
        return [site_id for site_id in self._site_order if site_id in self._sites]

    def is_chosen(self, site_id: str) -> bool:
        """Whether a site is chosen."""
        return site_id in self._sites

    def set_site(self, site_id: str, chosen: bool) -> None:
        """Choose or unchoose a site; unchoosing takes its questions and options along."""
        if site_id not in self._site_order:
            raise KeyError(site_id)
        if (site_id in self._sites) == chosen:
            return
        if chosen:
            self._sites.add(site_id)
            self._changed(Change.SITES)
            return
        self._sites.discard(site_id)
        changes = [Change.SITES]
        site = self._library.site(site_id)
        leaving = {question.id for question in site.questions}
        if leaving & set(self._questions):
            self._questions = [q for q in self._questions if q not in leaving]
            changes.append(Change.QUESTIONS)
        orphans = {o for o in site.option_ids if not self._listed_by_a_chosen_site(o)}
        if orphans & set(self._compared):
            self._compared = [o for o in self._compared if o not in orphans]
            changes.append(Change.COMPARED)
        if orphans & set(self._discussed):
            self._discussed = [o for o in self._discussed if o not in orphans]
            changes.append(Change.DISCUSSED)
        self._changed(*changes)

    def _listed_by_a_chosen_site(self, option_id: str) -> bool:
        return any(option_id in self._library.site(s).option_ids for s in self._sites)

    # -- options -------------------------------------------------------------
    @property
    def compared(self) -> list[str]:
        """Options to compare, in the order they were added (at most MAX_COMPARED)."""
        return list(self._compared)

    def set_compared(self, option_id: str, on: bool) -> bool:
        """Add or remove an option from the comparison; False when the comparison is full."""
        if on and option_id not in self._compared:
            if len(self._compared) >= MAX_COMPARED:
                return False
            self._compared.append(option_id)
        elif not on and option_id in self._compared:
            self._compared.remove(option_id)
        else:
            return True
        self._changed(Change.COMPARED)
        return True

    @property
    def discussed(self) -> list[str]:
        """Options ticked as discussed today."""
        return list(self._discussed)

    def set_discussed(self, option_id: str, on: bool) -> None:
        """Tick or untick an option as discussed."""
        if on == (option_id in self._discussed):
            return
        if on:
            self._discussed.append(option_id)
        else:
            self._discussed.remove(option_id)
        self._changed(Change.DISCUSSED)

    # -- questions -----------------------------------------------------------
    def offered_questions(self) -> list[str]:
        """The suggested questions on offer: the chosen sites', then the general ones."""
        offered = [q.id for site_id in self.site_ids for q in self._library.site(site_id).questions]
        return offered + [q.id for q in self._library.general_questions]

    @property
    def question_ids(self) -> list[str]:
        """Suggested questions ticked for the handout (only ever ones on offer)."""
        return list(self._questions)

    def set_question(self, question_id: str, on: bool) -> bool:
        """Tick or untick a suggested question; False for one not on offer (not ticked)."""
        if on == (question_id in self._questions):
            return True
        if on:
            if question_id not in self.offered_questions():
                return False
            self._questions.append(question_id)
        else:
            self._questions.remove(question_id)
        self._changed(Change.QUESTIONS)
        return True

    @property
    def own_questions(self) -> list[str]:
        """Questions the person typed themselves."""
        return list(self._own_questions)

    def own_questions_full(self) -> bool:
        """Whether the handout's limit of own questions is reached."""
        return len(self._own_questions) >= MAX_OWN_QUESTIONS

    def add_own_question(self, text: str) -> bool:
        """Add a typed question; blank or repeated text, or one too many, is refused."""
        text = " ".join(text.split())
        if not text or text in self._own_questions or self.own_questions_full():
            return False
        self._own_questions.append(text)
        self._changed(Change.QUESTIONS)
        return True

    def remove_own_question(self, index: int) -> None:
        """Remove a typed question by its position."""
        if 0 <= index < len(self._own_questions):
            del self._own_questions[index]
            self._changed(Change.QUESTIONS)

    # -- typed fields --------------------------------------------------------
    @property
    def patient_name(self) -> str:
        """The name typed for the handout (may be empty)."""
        return self._patient_name

    @property
    def prepared_by(self) -> str:
        """Who prepared the handout (may be empty)."""
        return self._prepared_by

    @property
    def notes(self) -> str:
        """The clinician's notes for the handout (may be empty)."""
        return self._notes

    def set_fields(self, patient_name: str, prepared_by: str, notes: str) -> None:
        """Store the handout's typed fields."""
        fields = (patient_name, prepared_by, notes)
        if fields == (self._patient_name, self._prepared_by, self._notes):
            return
        self._patient_name, self._prepared_by, self._notes = fields
        self._changed(Change.FIELDS)

    # -- the handout -----------------------------------------------------------
    @property
    def handout_form(self) -> HandoutForm:
        """How the handout is to be made."""
        return self._form

    def set_handout_form(self, form: HandoutForm) -> None:
        """Change how the handout is to be made."""
        if form != self._form:
            self._form = form
            self._changed(Change.FORM)

    def change_handout_form(
        self,
        *,
        date: dt.date | None = None,
        page_size: PageSize | None = None,
        large_print: bool | None = None,
        sections: frozenset[Section] | None = None,
    ) -> None:
        """Change some of the handout form (what is not given stays)."""
        form = self._form
        self.set_handout_form(
            replace(
                form,
                date=form.date if date is None else date,
                page_size=form.page_size if page_size is None else page_size,
                large_print=form.large_print if large_print is None else large_print,
                sections=form.sections if sections is None else sections,
            )
        )

    def to_handout_request(
        self, clinic: ClinicDetails, today: dt.date | None = None
    ) -> HandoutRequest:
        """The handout this consultation describes, for this clinic, made `today`."""
        state, form = self.state(), self._form
        return HandoutRequest(
            site_ids=state.site_ids,
            compared_option_ids=state.compared_option_ids,
            discussed_option_ids=state.discussed_option_ids,
            question_ids=state.question_ids,
            own_questions=state.own_questions,
            patient_name=state.patient_name,
            prepared_by=state.prepared_by,
            date=form.date or today or dt.date.today(),
            notes=state.notes,
            page_size=form.page_size,
            large_print=form.large_print,
            sections=form.sections,
            clinic=clinic,
        )
