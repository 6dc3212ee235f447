"""Lay out a handout request as PDF bytes with ReportLab Platypus."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from desktop_app import APP_NAME, __version__
from desktop_app.content.model import ContentLibrary
from desktop_app.handout import back, front, sections
from desktop_app.handout.errors import HandoutError as HandoutError  # re-exported
from desktop_app.handout.fonts import HandoutFonts, register_fonts
from desktop_app.handout.header import footer_text
from desktop_app.handout.logo import logo_notice
from desktop_app.handout.request import HandoutRequest, PageSize
from desktop_app.handout.story import HandoutStory
from desktop_app.handout.styles import MUTED, RULE, make_styles
from desktop_app.handout.text import plain_text
from desktop_app.handout.user_text import Notice, prepare_request

PAGE_SIZES = {PageSize.A4: A4, PageSize.LETTER: LETTER}
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm
FOOTER_Y = 10 * mm

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderedHandout:
    """A finished handout: the PDF bytes, how many pages it has, and what staff should know."""

    data: bytes
    page_count: int
    notices: tuple[str, ...] = ()
    field_notices: tuple[Notice, ...] = ()
    """Typed fields that had characters replaced or were cut to their limits (user_text)."""


class _HandoutCanvas(Canvas):
    """Holds pages back until the end, then draws "Page X of Y", footer and outline."""

    def __init__(
        self, *args: Any, footer: str, footer_size: float, fonts: HandoutFonts, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._footer_size = footer_size
        self._fonts = fonts
        self._held: list[dict[str, Any]] = []
        self._outline: list[tuple[str, str, int, float]] = []
        self.page_total = 0

    def add_outline_entry(self, key: str, title: str, level: int, top: float) -> None:
        """Note an outline entry on the current page (written when page numbers are known)."""
        self._outline.append((key, title, level, top))

    def showPage(self) -> None:
        """Keep the finished page; start an empty one."""
        self._held.append(dict(self.__dict__))
        self._outline = []
        self._startPage()  # type: ignore[attr-defined]  # Canvas's own, not in its stubs

    def save(self) -> None:
        """Write every held page with its footer, then the file."""
        total = len(self._held)
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            for key, title, level, top in self._outline:
                self.bookmarkPage(key, fit="XYZ", left=0, top=top)
                self.addOutlineEntry(title, key, level=level, closed=False)
            self._draw_footer(number, total)
            Canvas.showPage(self)
        self.page_total = total  # after the loop: restoring a page's state resets it
        self.showOutline()
        Canvas.save(self)

    def _draw_footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize  # type: ignore[attr-defined]  # Canvas's own, not in its stubs
        page = f"Page {number} of {total}"
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        top = FOOTER_Y + self._footer_size * 1.4
        self.line(MARGIN_X, top, width - MARGIN_X, top)
        self.setFillColor(MUTED)
        self.setFont(self._fonts.regular, self._footer_size)
        self.drawRightString(width - MARGIN_X, FOOTER_Y, page)
        room = width - 2 * MARGIN_X - self.stringWidth(page) - 18
        self.drawString(MARGIN_X, FOOTER_Y, _fit(self, self._footer, room))
        self.restoreState()


def _fit(canvas: Canvas, text: str, room: float) -> str:
    """Shorten a one-line text with an ellipsis until it fits the room."""
    if canvas.stringWidth(text) <= room:
        return text
    while text and canvas.stringWidth(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Compressed streams without the ASCII85 layer: a fifth smaller and faster to write."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _author(request: HandoutRequest) -> str:
    """The metadata author, printable (raw text with a lone surrogate cannot be encoded)."""
    name = request.prepared_by or plain_text(request.clinic.name) or APP_NAME
    return " ".join(name.split())[:200]


def _flowables(story: HandoutStory) -> list[Any]:
    """Every section in print order; glossary and sources last, as they list what came before."""
    parts = [
        front.opening(story),
        front.diagram(story),
        sections.site_pages(story),
        sections.comparison(story),
        sections.discussed(story),
        sections.notes(story),
        sections.questions(story),
        back.glossary(story),
        back.sources(story),
        back.disclaimer(story),
    ]
    return [flowable for part in parts for flowable in part]


def build_handout(library: ContentLibrary, request: HandoutRequest) -> bytes:
    """The handout PDF for one request: same request, same bytes (invariant mode)."""
    return render_handout(library, request).data


def render_handout(library: ContentLibrary, request: HandoutRequest) -> RenderedHandout:
    """The handout PDF and its page count; a logo that fails to draw is left out, with a notice."""
    logo = request.clinic.logo_path
    if logo is None:
        return _render_handout(library, request)
    try:
        return _render_handout(library, request)
    except Exception as exc:  # tried again without the logo: if that fails too, it raises
        notice = logo_notice(logo, exc)
    without_logo = replace(request, clinic=replace(request.clinic, logo_path=None))
    rendered = _render_handout(library, without_logo)
    log.warning("%s", notice)
    return replace(rendered, notices=(notice,))


def _render_handout(library: ContentLibrary, request: HandoutRequest) -> RenderedHandout:
    request, field_notices = prepare_request(request)  # within limits, printable
    fonts = register_fonts()
    styles = make_styles(request.large_print)
    pagesize = PAGE_SIZES[request.page_size]
    width = pagesize[0] - 2 * MARGIN_X
    story = HandoutStory(library, request, styles, width)
    flowables = _flowables(story)
    site_titles = ", ".join(site.title for site in story.sites)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{front.TITLE}: metastatic breast cancer",
        author=_author(request),
        subject=library.meta.title + (f": {site_titles}" if site_titles else ""),
        creator=f"{APP_NAME} {__version__} (content {library.meta.version})",
        lang=library.meta.language,
        invariant=1,
        initialFontName=fonts.regular,
        initialFontSize=styles.body.fontSize,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        width,
        pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = footer_text(request.clinic)

    canvases: list[_HandoutCanvas] = []

    def canvasmaker(*args: Any, **kwargs: Any) -> _HandoutCanvas:
        canvas = _HandoutCanvas(
            *args, footer=footer, footer_size=styles.footer_size, fonts=fonts, **kwargs
        )
        canvases.append(canvas)
        return canvas

    try:
        with _binary_streams():
            doc.build(flowables, canvasmaker=canvasmaker)
    except LayoutError:
        # ReportLab's message quotes the text that did not fit: it may be a patient's notes
        raise HandoutError(
            "The handout could not be laid out: something is too large for a page."
        ) from None
    return RenderedHandout(buffer.getvalue(), canvases[-1].page_total, field_notices=field_notices)
