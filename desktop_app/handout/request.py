"""What goes into one handout: plain, frozen data that the screens and the CLI fill in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from desktop_app.content.model import ContentLibrary


class PageSize(Enum):
    """The paper the handout is laid out for."""

    A4 = "a4"
    LETTER = "letter"


class Section(Enum):
    """The optional parts of a handout; the disclaimer is always printed."""

    DIAGRAM = "diagram"
    SITES = "sites"
    COMPARISON = "comparison"
    DISCUSSED = "discussed"
    NOTES = "notes"
    QUESTIONS = "questions"
    GLOSSARY = "glossary"
    SOURCES = "sources"


ALL_SECTIONS: frozenset[Section] = frozenset(Section)
"""Every optional section: the default for a new request."""


@dataclass(frozen=True)
class ClinicDetails:
    """How the clinic names itself on the handout (from the clinic config)."""

    name: str = ""
    phone: str = ""
    address: str = ""
    website: str = ""
    footer: str = ""
    logo_path: Path | None = None


@dataclass(frozen=True)
class HandoutRequest:
    """Everything one handout shows, chosen by the clinician or the patient."""

    site_ids: tuple[str, ...] = ()
    compared_option_ids: tuple[str, ...] = ()
    discussed_option_ids: tuple[str, ...] = ()
    question_ids: tuple[str, ...] = ()
    own_questions: tuple[str, ...] = ()
    patient_name: str = ""
    prepared_by: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    notes: str = ""
    page_size: PageSize = PageSize.A4
    large_print: bool = False
    sections: frozenset[Section] = ALL_SECTIONS
    clinic: ClinicDetails = field(default_factory=ClinicDetails)

    def includes(self, section: Section) -> bool:
        """Whether the request asks for an optional section."""
        return section in self.sections


# The kinds of id a request refers to, as the CLI names them.
SITE = "site"
OPTION = "option"
QUESTION = "question"


def valid_ids(library: ContentLibrary) -> dict[str, list[str]]:
    """Every id a request may use, per kind, in display order."""
    return {
        SITE: list(library.site_ids),
        OPTION: sorted(library.options),
        QUESTION: [question.id for question in library.all_questions],
    }


def unknown_ids(library: ContentLibrary, request: HandoutRequest) -> dict[str, list[str]]:
    """The ids in a request that the content does not know, per kind (empty when all good)."""
    known = {kind: set(ids) for kind, ids in valid_ids(library).items()}
    asked = {
        SITE: request.site_ids,
        OPTION: (*request.compared_option_ids, *request.discussed_option_ids),
        QUESTION: request.question_ids,
    }
    bad: dict[str, list[str]] = {}
    for kind, ids in asked.items():
        unknown = [i for i in dict.fromkeys(ids) if i not in known[kind]]
        if unknown:
            bad[kind] = unknown
    return bad
