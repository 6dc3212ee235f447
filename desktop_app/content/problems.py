"""Content problems, worded for the person who edits the files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.content.model import ContentLibrary

# Characters a terminal or a text field would act on instead of showing: C0 and C1
# controls (escape sequences begin with one), line and paragraph separators, the
# bidirectional embeddings, overrides and isolates, and lone surrogates (the
# undecodable bytes of a file name). This is Unicode's Cc, Zl, Zp and Cs, and nine Cf.
_UNSAFE_CLASS = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")


def is_unsafe(character: str) -> bool:
    """Whether a character must not reach a terminal or a screen as it is."""
    return UNSAFE.fullmatch(character) is not None


def first_unsafe(text: str, allowed: str = "") -> int:
    """The index of the first unsafe character not in `allowed`, or -1."""
    for match in UNSAFE.finditer(text):
        if match.group() not in allowed:
            return match.start()
    return -1


def printable(text: str) -> str:
    """The text with each unsafe character written as Python would: \\x1b, \\n, \\u202e."""
    return UNSAFE.sub(lambda match: repr(match.group())[1:-1], text)


def shown(value: object, limit: int = 60) -> str:
    """A value quoted in a message: at most `limit` characters, then an ellipsis."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


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
        """`path:line: field: message`, one line, with control characters escaped."""
        return printable(f"{self.path}:{self.line}: {self.field}: {self.message}")


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
