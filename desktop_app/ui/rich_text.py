"""Rich-text widgets whose glossary and source links explain themselves on hover or tap."""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QCursor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QMessageBox, QTextBrowser, QToolTip, QWidget

from desktop_app.content.model import ContentLibrary
from desktop_app.ui.targets import FOCUS_RING_PX, draw_focus_ring

_TAGS = re.compile(r"<[^>]*>")


class LinkExplainer:
    """Turns `term:<id>` and `source:<id>` links into plain explanations."""

    def __init__(self, library: ContentLibrary) -> None:
        self._terms = {term.id: term for term in library.glossary}
        self._sources = library.sources
        # Replaced in tests and in kiosk mode; shows (title, text) to the person.
        self.show_box: Callable[[QWidget, str, str], None] = _message_box
        # Off in kiosk mode: a touch screen has no hover, so a tap shows the meaning instead.
        self.hover_tips = True

    def explain(self, link: str) -> tuple[str, str] | None:
        """(title, text) for a link, or None when it is not one of ours."""
        kind, _, key = link.partition(":")
        if kind == "term" and key in self._terms:
            term = self._terms[key]
            return term.term, term.meaning
        if kind == "source" and key in self._sources:
            source = self._sources[key]
            where = f"\n{source.url}" if source.url else ""
            return (
                f"Source [{source.id}]",
                f"{source.citation} ({source.kind}, {source.year}){where}",
            )
        return None

    def hover(self, widget: QWidget, link: str) -> None:
        """Show the meaning near the pointer while it rests on a link."""
        explained = self.explain(link) if link and self.hover_tips else None
        if explained is None:
            QToolTip.hideText()
            return
        title, text = explained
        QToolTip.showText(QCursor.pos(), f"{title}: {text}", widget)

    def activate(self, widget: QWidget, link: str) -> None:
        """A click or tap on a link: show the meaning in a box."""
        explained = self.explain(link)
        if explained is not None:
            self.show_box(widget, *explained)


def _message_box(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def plain_text(html: str) -> str:
    """The words a piece of rich text shows, without markup, on one line."""
    return " ".join(html_module.unescape(_TAGS.sub(" ", html)).split())


class RichLabel(QLabel):
    """A word-wrapped rich-text label whose links are explained, never opened."""

    def __init__(self, html: str, explainer: LinkExplainer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        ring = FOCUS_RING_PX + 1  # room for the focus ring around the text
        self.setContentsMargins(ring, ring, ring, ring)
        self._explainer = explainer
        self.linkActivated.connect(self._on_link_activated)
        self.linkHovered.connect(self._on_link_hovered)
        self.set_html(html)

    def set_html(self, html: str) -> None:
        """Show new rich text; the accessible name is all of its plain text.

        A label offers a screen reader no text interface, so its name is the only way
        the text reaches it: never cut (a site page's "Get help now" box comes after
        several hundred characters of overview).
        """
        self.setText(html)
        self.setAccessibleName(plain_text(html) or "text")
        # Only text with links is a Tab stop: Tab then moves from link to link.
        has_links = "<a " in html
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            if has_links
            else Qt.TextInteractionFlag.NoTextInteraction
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if has_links else Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # the focused link is highlighted too, once Tab reaches one
            painter = QPainter(self)
            draw_focus_ring(
                painter, QRectF(self.rect()), self.palette().color(QPalette.ColorRole.Highlight)
            )
            painter.end()

    def _on_link_activated(self, link: str) -> None:
        self._explainer.activate(self, link)

    def _on_link_hovered(self, link: str) -> None:
        self._explainer.hover(self, link)


class RichBrowser(QTextBrowser):
    """A read-only rich-text pane whose links are explained, never followed."""

    def __init__(self, explainer: LinkExplainer, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(name)
        self.setTabChangesFocus(True)
        self._explainer = explainer
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.highlighted.connect(self._on_highlighted)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        self._explainer.activate(self, url.toString())

    def _on_highlighted(self, url: QUrl) -> None:
        self._explainer.hover(self, url.toString())
