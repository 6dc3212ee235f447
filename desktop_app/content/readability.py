"""Reading-grade measures of a content file's prose."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import textstat

MAX_READING_GRADE = 8.0
"""The highest Flesch-Kincaid grade a content file may read at."""

# Fields that hold ids, dates, numbers or codes rather than prose.
_NOT_PROSE = frozenset(
    {
        "id",
        "sources",
        "options",
        "sites",
        "reviewed",
        "next_review",
        "level",
        "availability",
        "order",
        "forms",
        "year",
        "kind",
        "url",
        "version",
        "language",
        "citation",
    }
)
_MARKUP = re.compile(r"[#*_`>\[\]()|]|^\s*[-+]\s", re.MULTILINE)


def _texts(value: Any, key: str | None = None) -> Iterator[str]:
    if key in _NOT_PROSE:
        return
    if isinstance(value, str):
        text = value.strip()
        if text and text[-1] not in ".!?:":
            text += "."  # a list item or title counts as its own sentence
        if text:
            yield text
    elif isinstance(value, dict):
        for child_key, child in value.items():
            yield from _texts(child, str(child_key))
    elif isinstance(value, list):
        for child in value:
            yield from _texts(child, key)


def prose_of(data: Any, body_markdown: str = "") -> str:
    """All prose in a file: its text fields, then its Markdown body without markup."""
    parts = list(_texts(data))
    if body_markdown:
        parts.append(_MARKUP.sub(" ", body_markdown))
    return "\n".join(parts)


@dataclass(frozen=True)
class ReadingScores:
    """Words and reading grades of one text."""

    words: int
    flesch_kincaid: float
    smog: float


def score(text: str) -> ReadingScores:
    """Measure a text; an empty text scores zero."""
    if not text.strip():
        return ReadingScores(words=0, flesch_kincaid=0.0, smog=0.0)
    return ReadingScores(
        words=int(textstat.lexicon_count(text)),
        flesch_kincaid=float(textstat.flesch_kincaid_grade(text)),
        smog=float(textstat.smog_index(text)),
    )
