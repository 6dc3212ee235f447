"""Content problems, worded for the person who edits the files."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


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
