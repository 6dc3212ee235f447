"""What one handout is being built from, and what it has printed so far."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from desktop_app.content.model import ContentLibrary, Option, Site
from desktop_app.handout.comparison import small_references
from desktop_app.handout.layout import OutlineMark, Para
from desktop_app.handout.request import HandoutRequest
from desktop_app.handout.styles import HandoutStyles
from desktop_app.handout.text import safe_markup

_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(\s|$)", re.DOTALL)


def long_date(date: dt.date) -> str:
    """A date nobody misreads, in any country: 26 November 2026."""
    return f"{date.day} {date:%B %Y}"


def first_sentence(text: str) -> str:
    """The first sentence of a text (all of it when there is no full stop)."""
    match = _FIRST_SENTENCE.match(text.strip())
    return match.group(1) if match else text.strip()


@dataclass
class HandoutStory:
    """The request and its content, plus what was printed (for glossary and sources)."""

    library: ContentLibrary
    request: HandoutRequest
    styles: HandoutStyles
    width: float
    printed: list[str] = field(default_factory=list)
    cited: dict[str, None] = field(default_factory=dict)
    diagram_printed: bool = False

    def heading(self, key: str, title: str, level: int = 0) -> list[Flowable]:
        """A section (level 0) or sub-section heading with its outline entry."""
        style = self.styles.section if level == 0 else self.styles.subsection
        return [
            Para(safe_markup(title), style),
            OutlineMark(key, title, level, lift=style.leading + 2),
        ]

    def cite(self, source_ids: Iterable[str]) -> str:
        """Note sources as cited; their references in small print, as markup."""
        ids = list(source_ids)
        for source_id in ids:
            self.cited.setdefault(source_id, None)
        return small_references(ids, self.styles)

    @property
    def sites(self) -> list[Site]:
        """The chosen sites in body-map order."""
        wanted = set(self.request.site_ids)
        return [site for site in self.library.sites if site.id in wanted]

    def options(self, ids: Iterable[str]) -> list[Option]:
        """Known options by id, once each, in the order asked."""
        return [self.library.options[i] for i in dict.fromkeys(ids) if i in self.library.options]
