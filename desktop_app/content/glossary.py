"""Find glossary words in text: whole words, any case, the longest form wins."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.content.model import GlossaryTerm

_TAG = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"\w+")


def _joins(character: str) -> bool:
    """Whether a character next to a word makes it part of a longer word."""
    return character.isalnum() or character in "_-"


@dataclass(frozen=True)
class TermMatch:
    """One glossary word found in a text."""

    start: int
    end: int
    term: GlossaryTerm


class GlossaryMatcher:
    """Finds every form of every term by looking words up, not by one huge pattern.

    A form matches as whole words, in any case, not inside a hyphenated word; where
    several forms start at the same word, the longest wins.
    """

    def __init__(self, terms: Iterable[GlossaryTerm]) -> None:
        by_form: dict[str, GlossaryTerm] = {}
        for term in terms:
            for form in term.all_forms:
                by_form.setdefault(form.casefold(), term)
        self._by_form = by_form
        self._by_first_word: dict[str, list[str]] = {}
        for form in sorted(by_form, key=len, reverse=True):
            first = _WORD.match(form)
            if first is not None:
                self._by_first_word.setdefault(first.group(), []).append(form)

    def find(self, text: str) -> list[TermMatch]:
        """Every glossary word in a plain text, left to right."""
        matches: list[TermMatch] = []
        covered = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < covered or (start and _joins(text[start - 1])):
                continue
            for form in self._by_first_word.get(word.group().casefold(), ()):
                end = start + len(form)
                if text[start:end].casefold() == form and (
                    end == len(text) or not _joins(text[end])
                ):
                    matches.append(TermMatch(start, end, self._by_form[form]))
                    covered = end
                    break
        return matches

    def terms_in(self, texts: Iterable[str]) -> list[GlossaryTerm]:
        """The terms found in some texts, once each, sorted alphabetically."""
        found: dict[str, GlossaryTerm] = {}
        for text in texts:
            for match in self.find(text):
                found.setdefault(match.term.id, match.term)
        return sorted(found.values(), key=lambda t: t.term.casefold())

    def mark_plain(self, text: str, seen: set[str] | None = None) -> str:
        """Escape a plain text to HTML and link the first use of each term."""
        return self._mark(text, seen, escape=True)

    def mark_html(self, markup: str, seen: set[str] | None = None) -> str:
        """Link the first use of each term inside the text parts of trusted HTML."""
        parts = _TAG.split(markup)
        out = []
        inside_link = 0
        for part in parts:
            if part.startswith("<"):
                lowered = part.lower()
                if lowered.startswith("<a"):
                    inside_link += 1
                elif lowered.startswith("</a"):
                    inside_link = max(0, inside_link - 1)
                out.append(part)
            elif inside_link:
                out.append(part)
            else:
                out.append(self._mark(part, seen, escape=False))
        return "".join(out)

    def _mark(self, text: str, seen: set[str] | None, escape: bool) -> str:
        seen = seen if seen is not None else set()
        out = []
        position = 0
        for match in self.find(text):
            if match.term.id in seen:
                continue
            seen.add(match.term.id)
            before = text[position : match.start]
            word = text[match.start : match.end]
            out.append(html.escape(before) if escape else before)
            out.append(term_link(match.term, html.escape(word) if escape else word))
            position = match.end
        rest = text[position:]
        out.append(html.escape(rest) if escape else rest)
        return "".join(out)


def term_link(term: GlossaryTerm, inner_html: str) -> str:
    """The link that marks a glossary word: `term:<id>` with its meaning as title."""
    return (
        f'<a class="term" href="term:{html.escape(term.id)}" '
        f'title="{html.escape(term.meaning)}">{inner_html}</a>'
    )
