"""The fields people type: their length limits, their cleaning, and what to tell people.

Every handout goes through `prepare_request` before it is laid out, whoever made the
request (program window, command line, tests): text over its limit is cut, characters
the font cannot print become one visible mark, and each change is a `Notice` naming the
field (never quoting its text), so the screen or the command line can say what happened.
Limits are counted in characters (code points), trailing whitespace not included.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum

from desktop_app.handout.request import HandoutRequest
from desktop_app.handout.text import clean_text, substitute

MAX_NAME_LENGTH = 200
"""The patient's name and "prepared by", in characters."""
MAX_NOTES_LENGTH = 10_000
"""The clinician's notes, in characters (line breaks included)."""
MAX_OWN_QUESTION_LENGTH = 300
"""One question of the patient's own, in characters."""
MAX_OWN_QUESTIONS = 30
"""How many questions of their own a handout prints."""


class TextField(Enum):
    """A field of the request that people type into."""

    PATIENT_NAME = "patient_name"
    PREPARED_BY = "prepared_by"
    NOTES = "notes"
    OWN_QUESTIONS = "own_questions"

    @property
    def label(self) -> str:
        """The field's name as the screens show it."""
        return _LABELS[self]

    @property
    def limit(self) -> int:
        """The most characters the field may hold (per question for own questions)."""
        return _LIMITS[self]


_LABELS = {
    TextField.PATIENT_NAME: "Patient name",
    TextField.PREPARED_BY: "Prepared by",
    TextField.NOTES: "Notes",
    TextField.OWN_QUESTIONS: "Own questions",
}
_LIMITS = {
    TextField.PATIENT_NAME: MAX_NAME_LENGTH,
    TextField.PREPARED_BY: MAX_NAME_LENGTH,
    TextField.NOTES: MAX_NOTES_LENGTH,
    TextField.OWN_QUESTIONS: MAX_OWN_QUESTION_LENGTH,
}


class NoticeKind(Enum):
    """What was changed in a field so that it prints."""

    REPLACED = "replaced"  # characters the font cannot print are shown as the substitute
    SHORTENED = "shortened"  # text over the limit was cut there
    DROPPED = "dropped"  # own questions over MAX_OWN_QUESTIONS were left out


@dataclass(frozen=True)
class Notice:
    """One change to one field: `count` characters replaced or cut, or questions left out."""

    field: TextField
    kind: NoticeKind
    count: int

    @property
    def message(self) -> str:
        """One sentence for the person who typed it (it never quotes the text)."""
        label, limit, count = self.field.label, self.field.limit, self.count
        if self.kind is NoticeKind.REPLACED:
            verb = "shows" if count == 1 else "show"
            return (
                f"{label}: {_characters(count)} cannot be printed with the handout font "
                f"(emoji, for example) and {verb} as {substitute()}."
            )
        if self.kind is NoticeKind.SHORTENED:
            each = " per question" if self.field is TextField.OWN_QUESTIONS else ""
            return (
                f"{label}: longer than {limit:,} characters{each}; "
                f"the last {_characters(count)} are not printed."
            )
        return (
            f"{label}: only the first {MAX_OWN_QUESTIONS} questions are printed ({count} left out)."
        )


def _characters(count: int) -> str:
    return "1 character" if count == 1 else f"{count:,} characters"


@dataclass(frozen=True)
class _Prepared:
    text: str
    replaced: int
    cut: int


def _prepare(text: str, limit: int, one_line: bool) -> _Prepared:
    """Cut at the limit first (so huge input costs nothing more), then clean."""
    if len(text) > limit:
        text = text.rstrip()
    cut = max(0, len(text) - limit)
    cleaned = clean_text(text[:limit])
    result = " ".join(cleaned.text.split()) if one_line else cleaned.text
    return _Prepared(result[:limit], cleaned.replaced, cut)


def _notices(field: TextField, parts: list[_Prepared]) -> list[Notice]:
    notices = []
    replaced = sum(part.replaced for part in parts)
    cut = sum(part.cut for part in parts)
    if replaced:
        notices.append(Notice(field, NoticeKind.REPLACED, replaced))
    if cut:
        notices.append(Notice(field, NoticeKind.SHORTENED, cut))
    return notices


def prepare_request(request: HandoutRequest) -> tuple[HandoutRequest, tuple[Notice, ...]]:
    """The request with every typed field within its limit and printable, and the changes."""
    name = _prepare(request.patient_name, MAX_NAME_LENGTH, one_line=True)
    prepared_by = _prepare(request.prepared_by, MAX_NAME_LENGTH, one_line=True)
    notes = _prepare(request.notes, MAX_NOTES_LENGTH, one_line=False)
    asked = [text for text in request.own_questions if text.strip()]
    questions = [
        _prepare(text, MAX_OWN_QUESTION_LENGTH, one_line=False)
        for text in asked[:MAX_OWN_QUESTIONS]
    ]
    notices = [
        *_notices(TextField.PATIENT_NAME, [name]),
        *_notices(TextField.PREPARED_BY, [prepared_by]),
        *_notices(TextField.NOTES, [notes]),
        *_notices(TextField.OWN_QUESTIONS, questions),
    ]
    if len(asked) > MAX_OWN_QUESTIONS:
        notices.append(
            Notice(TextField.OWN_QUESTIONS, NoticeKind.DROPPED, len(asked) - MAX_OWN_QUESTIONS)
        )
    prepared = dataclasses.replace(
        request,
        patient_name=name.text,
        prepared_by=prepared_by.text,
        notes=notes.text,
        own_questions=tuple(q.text for q in questions if q.text.strip()),
    )
    return prepared, tuple(notices)
