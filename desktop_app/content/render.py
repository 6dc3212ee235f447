"""Turn the content model into HTML panels for the screen (jinja2 templates, Qt-free)."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from desktop_app.content.colours import PanelColours
from desktop_app.content.glossary import GlossaryMatcher
from desktop_app.content.model import (
    AVAILABILITY_LABELS,
    EVIDENCE_LEVELS,
    ContentLibrary,
    Option,
    Row,
    RowKey,
    Site,
)

if TYPE_CHECKING:
    import jinja2


def markdown_to_html(text: str) -> str:
    """Markdown to HTML with raw HTML switched off: content files cannot inject markup."""
    import markdown  # imported on first use: it is not needed to paint the first window

    converter = markdown.Markdown(extensions=[], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter.convert(text)


@dataclass(frozen=True)
class SitePanels:
    """A site page's HTML: its summary, its red-flag box, and what follows."""

    intro: str
    warning: str
    more: str


class PanelRenderer:
    """Renders sites, options and rows to HTML with glossary words linked."""

    def __init__(
        self, library: ContentLibrary, environment: Callable[[], jinja2.Environment]
    ) -> None:
        self.library = library
        self.matcher = GlossaryMatcher(library.glossary)
        # A factory, called on first render: the templates are not needed at start-up.
        self._environment = environment

    def _render(self, template: str, colours: PanelColours, **values: object) -> str:
        return self._environment().get_template(template).render(c=colours, **values)

    def marked(self, text: str, seen: set[str] | None = None) -> Markup:
        """A plain text, escaped, with the first use of each glossary word linked."""
        return Markup(self.matcher.mark_plain(text, seen))

    def marked_markdown(self, text: str, seen: set[str] | None = None) -> Markup:
        """A Markdown text as HTML, with glossary words linked."""
        return Markup(self.matcher.mark_html(markdown_to_html(text), seen))

    def site_page(self, site: Site, colours: PanelColours) -> SitePanels:
        """The site overview in three parts: the summary, the red flags, and the rest."""
        seen: set[str] = set()
        intro = self._render(
            "screen/site.html.j2", colours, site=site, summary=self.marked(site.summary, seen)
        )
        warning = self._render(
            "screen/red_flags.html.j2",
            colours,
            urgent=[html.escape(s) for s in site.red_flags.urgent],
            within=[html.escape(s) for s in site.red_flags.within_24_hours],
        )
        more = self._render(
            "screen/site_more.html.j2",
            colours,
            site=site,
            symptoms=[self.marked(s, seen) for s in site.symptoms],
            body=self.marked_markdown(site.body_markdown, seen),
            sources=self.source_refs(site.source_ids),
        )
        return SitePanels(intro, warning, more)

    def option_summary(self, option: Option, colours: PanelColours) -> str:
        """The short text on an option card."""
        seen: set[str] = set()
        return self._render(
            "screen/option_card.html.j2",
            colours,
            option=option,
            availability=AVAILABILITY_LABELS[option.availability],
            evidence=EVIDENCE_LEVELS[option.evidence_level],
            what=self.marked(option.row(RowKey.WHAT).text, seen),
            aim=self.marked(option.row(RowKey.AIM).text, seen),
        )

    def option_details(self, option: Option, colours: PanelColours) -> str:
        """Every row of one option and its longer text, for the option's own view."""
        seen: set[str] = set()
        rows = [(row, self.row_cell(row, colours, seen)) for row in option.rows]
        return self._render(
            "screen/option_details.html.j2",
            colours,
            option=option,
            availability=AVAILABILITY_LABELS[option.availability],
            rows=rows,
            body=self.marked_markdown(option.body_markdown, seen),
        )

    def row_cell(self, row: Row, colours: PanelColours, seen: set[str] | None = None) -> Markup:
        """One compare-table cell: the text, the evidence level, the source references.

        Markup, not str: the cell is finished HTML, and the option page's template puts
        it in as it is (a plain str would be escaped and shown as tags).
        """
        return Markup(
            self._render(
                "screen/row_cell.html.j2",
                colours,
                row=row,
                text=self.marked(row.text, seen),
                level=EVIDENCE_LEVELS.get(row.level or "", ""),
                sources=self.source_refs(row.sources),
            )
        )

    def source_refs(self, source_ids: tuple[str, ...]) -> list[tuple[str, str]]:
        """(id, citation) pairs for source reference links."""
        return [(sid, self.library.sources[sid].citation) for sid in source_ids]

    def glossary_entry(self, term_id: str, colours: PanelColours) -> str:
        """One glossary term with its meaning."""
        term = next(t for t in self.library.glossary if t.id == term_id)
        return self._render("screen/glossary_entry.html.j2", colours, term=term)

    def source_entry(self, source_id: str, colours: PanelColours) -> str:
        """One full citation."""
        return self._render(
            "screen/source_entry.html.j2", colours, source=self.library.sources[source_id]
        )

    def about(self, colours: PanelColours, facts: Mapping[str, str], attribution: str) -> str:
        """The About text: versions, review dates, sources, attributions, disclaimer."""
        return self._render(
            "screen/about.html.j2",
            colours,
            facts=facts,
            meta=self.library.meta,
            sources=sorted(self.library.sources.values(), key=lambda s: s.id),
            attribution=attribution,
        )
