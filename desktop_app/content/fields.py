"""Typed field readers that report problems with file, line and field instead of failing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop_app.content.problems import Problem, Severity, first_unsafe, shown
from desktop_app.content.yamlfile import FORMAT_HINT, KeyPath, ParsedFile, field_name

__all__ = ["FORMAT_HINT", "FieldReader", "field_name"]

EMPTY = f"is empty. Fill it in ({FORMAT_HINT})."
MISSING = f"missing required field. Add it ({FORMAT_HINT})."


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, int | float):
        return f"the number {shown(value, 30)}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return type(value).__name__


class FieldReader:
    """Reads fields from one parsed file, collecting problems as it goes."""

    def __init__(self, path: Path, parsed: ParsedFile, problems: list[Problem]) -> None:
        self.path = path
        self.parsed = parsed
        self.problems = problems

    def report(
        self, path: KeyPath, message: str, severity: Severity = Severity.ERROR, line: int = 0
    ) -> None:
        """Record a problem at a field."""
        self.problems.append(
            Problem(
                path=self.path,
                line=line or self.parsed.line_of(path),
                field=field_name(path),
                message=message,
                severity=severity,
            )
        )

    def get(self, path: KeyPath) -> Any:
        """The raw value at a path, or None where any step is missing."""
        return self.lookup(path)[1]

    def lookup(self, path: KeyPath) -> tuple[bool, Any]:
        """Whether the field is written at all, and its raw value (None when empty)."""
        value: Any = self.parsed.data
        for part in path:
            if isinstance(part, int):
                if not isinstance(value, list) or part >= len(value):
                    return False, None
                value = value[part]
            else:
                if not isinstance(value, dict) or part not in value:
                    return False, None
                value = value[part]
        return True, value

    def _absent(self, path: KeyPath, required: bool) -> bool:
        """True when there is no value; reports a required field written but left empty.

        A field that is not written at all was reported by mapping() already.
        """
        present, value = self.lookup(path)
        if value is not None:
            return False
        if present and required:
            self.report(path, EMPTY)
        return True

    def mapping(
        self, path: KeyPath, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Any] | None:
        """A group of fields: reports unknown and missing keys."""
        present, value = self.lookup(path)
        if not isinstance(value, dict):
            if value is None and path:
                self.report(path, EMPTY if present else MISSING)
            else:
                self.report(
                    path,
                    f"should be a group of fields, found {_describe(value)}. "
                    f"Write it as 'key: value' lines ({FORMAT_HINT}).",
                )
            return None
        required = list(required)
        allowed = [*required, *optional]
        for key in value:
            if str(key) not in allowed:
                self.report(
                    (*path, str(key)),
                    f'unknown field "{shown(key)}". Remove it or correct its spelling; '
                    f"allowed fields here: {', '.join(allowed)}.",
                )
        for key in required:
            if key not in value:
                self.report((*path, key), MISSING)
        return value

    def text(self, path: KeyPath, required: bool = True, empty: str = EMPTY) -> str | None:
        """A non-empty piece of text without control characters.

        Empty text, text of only spaces and a null all count as missing: a required
        field left empty is reported (with `empty`), an optional one is just absent.
        """
        if self._absent(path, required):
            return None
        value = self.get(path)
        if not isinstance(value, str):
            self.report(path, f"should be text, found {_describe(value)}. Put the text in quotes.")
            return None
        if not value.strip():
            if required:
                self.report(path, empty)
            return None
        at = first_unsafe(value, allowed="\n\t")
        if at >= 0:
            self.report(
                path,
                f"contains the control character {repr(value[at])[1:-1]}, which cannot be shown "
                "on screen or paper. Remove it.",
            )
            return None
        return value.strip()

    def body(self) -> str:
        """The Markdown body; reports a control character in it (line ends and tabs are fine)."""
        body = self.parsed.body
        at = first_unsafe(body, allowed="\n\t\r")
        if at >= 0:
            self.problems.append(
                Problem(
                    path=self.path,
                    line=self.parsed.body_line + body.count("\n", 0, at),
                    field="(body)",
                    message=f"contains the control character {repr(body[at])[1:-1]}, which "
                    "cannot be shown. Remove it.",
                )
            )
        return body

    def integer(self, path: KeyPath, low: int, high: int) -> int | None:
        """A whole number within bounds."""
        if self._absent(path, required=True):
            return None
        value = self.get(path)
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(path, f"should be a whole number, found {_describe(value)}.")
            return None
        if not low <= value <= high:
            self.report(path, f"should be from {low} to {high}, found {shown(value, 30)}.")
            return None
        return value

    def date(self, path: KeyPath) -> dt.date | None:
        """A date written YYYY-MM-DD."""
        if self._absent(path, required=True):
            return None
        value = self.get(path)
        if isinstance(value, dt.datetime):
            return value.date()
        if not isinstance(value, dt.date):
            self.report(
                path,
                f"should be a date written YYYY-MM-DD, found {_describe(value)}. "
                "Write it like 2026-11-26, without quotes.",
            )
            return None
        return value

    def choice(self, path: KeyPath, choices: Iterable[str]) -> str | None:
        """One of a fixed set of words."""
        allowed = list(choices)
        value = self.text(path)
        if value is None:
            return None
        if value not in allowed:
            self.report(path, f'"{shown(value)}" is not allowed. Use one of: {", ".join(allowed)}.')
            return None
        return value

    def _indexed_texts(self, path: KeyPath, minimum: int) -> list[tuple[int, str]]:
        """The texts of a list with their positions; reports what is wrong with it."""
        if self._absent(path, required=minimum > 0):
            return []
        value = self.get(path)
        if not isinstance(value, list):
            self.report(
                path,
                f"should be a list, found {_describe(value)}. Start each item with '- '.",
            )
            return []
        items = []
        for index in range(len(value)):
            text = self.text((*path, index))
            if text is not None:
                items.append((index, text))
        if len(value) < minimum:
            self.report(path, f"needs at least {minimum} item(s), found {len(value)}.")
        return items

    def text_list(self, path: KeyPath, minimum: int = 1) -> tuple[str, ...]:
        """A list of non-empty texts."""
        return tuple(text for _index, text in self._indexed_texts(path, minimum))

    def id_list(self, path: KeyPath, minimum: int = 1) -> tuple[str, ...]:
        """A list of ids, written [a, b] or one '- id' a line; an id has no spaces."""
        ids = []
        for index, item in self._indexed_texts(path, minimum):
            if any(c.isspace() for c in item):
                self.report(
                    (*path, index),
                    f'"{shown(item)}" is not an id: ids have no spaces. Write it as the file '
                    "or list entry names it, with dashes, like spine-sbrt.",
                )
            else:
                ids.append(item)
        return tuple(ids)
