"""Typed field readers that report problems with file, line and field instead of failing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop_app.content.problems import Problem, Severity
from desktop_app.content.yamlfile import KeyPath, ParsedFile

FORMAT_HINT = "see docs/content-format.md"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return type(value).__name__


def field_name(path: KeyPath) -> str:
    """A field path as people write it: rows.what.sources[0]."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(file)"


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
        value: Any = self.parsed.data
        for part in path:
            if isinstance(part, int):
                if not isinstance(value, list) or part >= len(value):
                    return None
                value = value[part]
            else:
                if not isinstance(value, dict):
                    return None
                value = value.get(part)
        return value

    def mapping(
        self, path: KeyPath, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Any] | None:
        """A group of fields: reports unknown and missing keys."""
        value = self.get(path)
        if not isinstance(value, dict):
            if value is None and path:
                self.report(path, f"missing required field. Add it ({FORMAT_HINT}).")
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
                    f'unknown field "{key}". Remove it or correct its spelling; '
                    f"allowed fields here: {', '.join(allowed)}.",
                )
        for key in required:
            if key not in value:
                self.report((*path, key), f"missing required field. Add it ({FORMAT_HINT}).")
        return value

    def text(self, path: KeyPath, required: bool = True) -> str | None:
        """A non-empty piece of text."""
        value = self.get(path)
        if value is None:
            if required and self._parent_present(path):
                pass  # the missing key was already reported by mapping()
            return None
        if not isinstance(value, str):
            self.report(path, f"should be text, found {_describe(value)}. Put the text in quotes.")
            return None
        if not value.strip():
            self.report(path, "is empty. Write the text, or say plainly that nothing is known.")
            return None
        return value.strip()

    def _parent_present(self, path: KeyPath) -> bool:
        return isinstance(self.get(path[:-1]), dict)

    def integer(self, path: KeyPath, low: int, high: int) -> int | None:
        """A whole number within bounds."""
        value = self.get(path)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(path, f"should be a whole number, found {_describe(value)}.")
            return None
        if not low <= value <= high:
            self.report(path, f"should be from {low} to {high}, found {value}.")
            return None
        return value

    def date(self, path: KeyPath) -> dt.date | None:
        """A date written YYYY-MM-DD."""
        value = self.get(path)
        if value is None:
            return None
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
            self.report(path, f'"{value}" is not allowed. Use one of: {", ".join(allowed)}.')
            return None
        return value

    def text_list(self, path: KeyPath, minimum: int = 1) -> tuple[str, ...]:
        """A list of non-empty texts."""
        value = self.get(path)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.report(
                path,
                f"should be a list, found {_describe(value)}. Start each item with '- '.",
            )
            return ()
        items = []
        for index, _item in enumerate(value):
            text = self.text((*path, index))
            if text is not None:
                items.append(text)
        if len(value) < minimum:
            self.report(path, f"needs at least {minimum} item(s), found {len(value)}.")
        return tuple(items)

    def id_list(self, path: KeyPath, minimum: int = 1) -> tuple[str, ...]:
        """A list of ids, written [a, b] or one '- id' a line."""
        items = self.text_list(path, minimum=minimum)
        return tuple(item for item in items if " " not in item)
