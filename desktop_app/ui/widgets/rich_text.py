"""Rich-text widgets whose glossary and source links explain themselves on hover or tap."""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QCursor,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QMessageBox, QTextBrowser, QToolTip, QWidget

from desktop_app.content.model import ContentLibrary
from desktop_app.ui.qt.targets import FOCUS_RING_PX, draw_focus_ring
from desktop_app.ui.widgets.text_links import LinkSpot, TextLink, TextLinks, laid_out, link_spots

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

    def link_name(self, link: str, words: str) -> str:
        """A link's name for a screen reader: its words, or for a source, which one."""
        kind, _, key = link.partition(":")
        if kind == "source" and key in self._sources:
            return f"Source {key}"
        return words

    def link_meaning(self, link: str) -> str:
        """What a link leads to, in words, for a screen reader (its description)."""
        explained = self.explain(link)
        if explained is None:
            return ""
        title, text = explained
        kind = "Meaning" if link.startswith("term:") else title
        return f"{kind}: {' '.join(text.split())}"

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
        self._links = TextLinks(
            self, self._on_link_activated, explainer.link_name, explainer.link_meaning
        )
        self._links_key: tuple[str, int, int, str] = ("", 0, 0, "")
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
        self._place_links()

    @property
    def link_buttons(self) -> list[TextLink]:
        """The links' stand-ins on the accessibility bus, in reading order."""
        return self._links.shown

    def _place_links(self) -> None:
        """Lay the link stand-ins over the links, as the label lays its text out now."""
        if not self.isVisible() and not self._links.shown:
            return  # laid out when shown (showEvent): pages built ahead pay nothing yet
        html = self.text() if "<a " in self.text() else ""
        area = self.contentsRect()
        key = (html, area.width(), area.height(), self.font().key())
        if key == self._links_key:
            return
        self._links_key = key
        if not html:
            self._links.place([])
            return
        document = laid_out(html, self.font(), area.width())
        top = area.top()
        if self.alignment() & Qt.AlignmentFlag.AlignVCenter:
            top += max(0, (area.height() - round(document.size().height())) // 2)
        self._links.place(link_spots(document), area.left(), top)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_links()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place_links()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._place_links()

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
        # The links' stand-ins on the accessibility bus live on the viewport and move
        # with the text; one timer gathers every change (new text, new width) into one
        # new layout of them.
        self._links = TextLinks(
            self.viewport(),
            partial(self._explainer.activate, self),
            explainer.link_name,
            explainer.link_meaning,
        )
        self._spots: list[LinkSpot] = []
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self._place_links)
        self.document().documentLayout().documentSizeChanged.connect(self._relayout.start)
        self.document().contentsChanged.connect(self._relayout.start)
        self.verticalScrollBar().valueChanged.connect(self._move_links)
        self.horizontalScrollBar().valueChanged.connect(self._move_links)

    @property
    def link_buttons(self) -> list[TextLink]:
        """The links' stand-ins on the accessibility bus, in reading order."""
        return self._links.shown

    def _place_links(self) -> None:
        self._spots = link_spots(self.document())
        self._move_links()

    def _move_links(self, *_: int) -> None:
        offset_x = -self.horizontalScrollBar().value()
        offset_y = -self.verticalScrollBar().value()
        self._links.place(self._spots, offset_x, offset_y)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        self._explainer.activate(self, url.toString())

    def _on_highlighted(self, url: QUrl) -> None:
        self._explainer.hover(self, url.toString())
