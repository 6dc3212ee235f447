"""What the content pages need to render text, made on first use (not at start-up)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from desktop_app.content.model import ContentLibrary
from desktop_app.resources import template_environment

if TYPE_CHECKING:
    from desktop_app.content.render import PanelRenderer
    from desktop_app.ui.widgets.rich_text import LinkExplainer


class PanelServices:
    """The panel renderer and the link explainer for one content library.

    The body map, which is all the first window shows, needs neither; building them
    on first use keeps templates, Markdown and the glossary out of start-up.
    """

    def __init__(self, library: ContentLibrary) -> None:
        self.library = library

    @cached_property
    def renderer(self) -> PanelRenderer:
        """Turns content into HTML panels."""
        from desktop_app.content.render import PanelRenderer

        return PanelRenderer(self.library, template_environment)

    @cached_property
    def explainer(self) -> LinkExplainer:
        """Explains glossary and source links."""
        from desktop_app.ui.widgets.rich_text import LinkExplainer

        return LinkExplainer(self.library)
