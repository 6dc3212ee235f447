"""The typed, read-only content model shared by the screens and the handout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class RowKey(StrEnum):
    """The comparison rows, in the order every compare table shows them."""

    WHAT = "what"
    AIM = "aim"
    HOW = "how"
    SESSIONS = "sessions"
    RECOVERY = "recovery"
    SIDE_EFFECTS = "side_effects"
    SERIOUS_RISKS = "serious_risks"
    WHO_FOR = "who_for"
    EVIDENCE = "evidence"

    @property
    def question(self) -> str:
        """The row's heading as a patient reads it."""
        return ROW_QUESTIONS[self]


ROW_QUESTIONS: dict[RowKey, str] = {
    RowKey.WHAT: "What is it?",
    RowKey.AIM: "What is the aim?",
    RowKey.HOW: "How is it done?",
    RowKey.SESSIONS: "How many sessions, how long in hospital?",
    RowKey.RECOVERY: "How soon does it help, how long to recover?",
    RowKey.SIDE_EFFECTS: "Common side effects",
    RowKey.SERIOUS_RISKS: "Rare but serious risks",
    RowKey.WHO_FOR: "Who is it usually for?",
    RowKey.EVIDENCE: "How sure are we?",
}

EVIDENCE_LEVELS: dict[str, str] = {
    "high": "Strong evidence",
    "moderate": "Moderate evidence",
    "low": "Limited evidence",
    "very-low": "Very limited evidence",
}

AVAILABILITY_LABELS: dict[str, str] = {
    "standard": "Standard treatment",
    "selected-people": "For selected people",
    "rarely-used": "Rarely used",
    "trials-only": "Only in clinical trials",
}

SOURCE_KINDS = ("guideline", "trial", "review", "patient information", "web page")


@dataclass(frozen=True)
class Source:
    """One publication or page that content cites."""

    id: str
    citation: str
    year: int
    kind: str
    url: str | None = None


@dataclass(frozen=True)
class Figure:
    """A number out of 100 people, drawn as an icon array."""

    value: int
    measures: str

    @property
    def phrase(self) -> str:
        """The number in the words every screen and the handout use."""
        return f"about {self.value} in 100 people"


@dataclass(frozen=True)
class Row:
    """One comparison row of one option."""

    key: RowKey
    text: str
    sources: tuple[str, ...]
    figure: Figure | None = None
    level: str | None = None

    @property
    def question(self) -> str:
        """The row heading."""
        return self.key.question


@dataclass(frozen=True)
class Review:
    """When a file was last checked and when it must be checked again."""

    reviewed: dt.date
    next_review: dt.date


@dataclass(frozen=True)
class Option:
    """One treatment option with every comparison row filled."""

    id: str
    title: str
    site_ids: tuple[str, ...]
    availability: str
    rows: tuple[Row, ...]
    body_markdown: str
    review: Review
    path: Path

    def row(self, key: RowKey) -> Row:
        """The row for one comparison question."""
        for row in self.rows:
            if row.key is key:
                return row
        raise KeyError(key)

    @property
    def evidence_level(self) -> str:
        """The evidence level id (high, moderate, low, very-low)."""
        return self.row(RowKey.EVIDENCE).level or "very-low"

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Every source this option cites, once each, in first-cited order."""
        seen: dict[str, None] = {}
        for row in self.rows:
            for source_id in row.sources:
                seen.setdefault(source_id, None)
        return tuple(seen)


@dataclass(frozen=True)
class Question:
    """A question a person may want to ask their care team."""

    id: str
    text: str
    site_id: str | None = None


@dataclass(frozen=True)
class RedFlags:
    """Warning signs in two tiers."""

    urgent: tuple[str, ...]
    within_24_hours: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    """A body site the cancer may have spread to."""

    id: str
    title: str
    order: int
    summary: str
    symptoms: tuple[str, ...]
    red_flags: RedFlags
    option_ids: tuple[str, ...]
    questions: tuple[Question, ...]
    source_ids: tuple[str, ...]
    body_markdown: str
    review: Review
    path: Path


@dataclass(frozen=True)
class GlossaryTerm:
    """A medical word and its plain meaning."""

    id: str
    term: str
    forms: tuple[str, ...]
    meaning: str

    @property
    def all_forms(self) -> tuple[str, ...]:
        """The term and every other spelling that marks it in text."""
        return (self.term, *self.forms)


@dataclass(frozen=True)
class ContentMeta:
    """Facts about the content set as a whole."""

    version: str
    language: str
    title: str
    disclaimer: str
    review: Review


@dataclass(frozen=True)
class ContentLibrary:
    """Everything the program shows, loaded and validated."""

    meta: ContentMeta
    root: Path
    sites: tuple[Site, ...]
    options: dict[str, Option]
    general_questions: tuple[Question, ...]
    glossary: tuple[GlossaryTerm, ...]
    sources: dict[str, Source]
    reviews: dict[str, Review] = field(default_factory=dict)

    def site(self, site_id: str) -> Site:
        """A site by id."""
        for site in self.sites:
            if site.id == site_id:
                return site
        raise KeyError(site_id)

    @property
    def site_ids(self) -> tuple[str, ...]:
        """Site ids in display order."""
        return tuple(site.id for site in self.sites)

    def option(self, option_id: str) -> Option:
        """An option by id."""
        return self.options[option_id]

    def options_for(self, site_id: str) -> tuple[Option, ...]:
        """The options a site lists, in its order."""
        return tuple(self.options[oid] for oid in self.site(site_id).option_ids)

    def question(self, question_id: str) -> Question:
        """A general or site question by id."""
        for question in self.all_questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    @property
    def all_questions(self) -> tuple[Question, ...]:
        """General questions first, then each site's questions in site order."""
        site_questions = tuple(q for site in self.sites for q in site.questions)
        return self.general_questions + site_questions

    @property
    def earliest_next_review(self) -> dt.date:
        """The soonest date on which some file must be reviewed again."""
        return min(review.next_review for review in self.reviews.values())

    @property
    def latest_reviewed(self) -> dt.date:
        """The most recent review date of any file."""
        return max(review.reviewed for review in self.reviews.values())
