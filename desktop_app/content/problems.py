"""Content problems, worded for the person who edits the files."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.content.model import ContentLibrary


class Severity(StrEnum):
    """How much a problem matters for using the content."""

    ERROR = "error"  # the content cannot be used as it is
    REVIEW = "review"  # usable, but a person must check it (overdue review, reading grade)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place of one content file."""

    path: Path
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ContentError(Exception):
    """Content could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class LoadResult:
    """What loading a folder gave: the library (when usable) and every problem."""

    root: Path
    library: ContentLibrary | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Problems that make the content unusable."""
        return [p for p in self.problems if p.severity is Severity.ERROR]
