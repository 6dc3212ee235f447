"""Small layout pieces: headings kept with what follows, outline marks, boxes, writing lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from desktop_app.handout.fonts import register_fonts
from desktop_app.handout.styles import RULE, HandoutStyles


class Para(Paragraph):
    """A Paragraph that remembers its line breaks for a width it was already wrapped to.

    Tables wrap every cell to measure it and again to draw it; line breaking is most of
    the time a handout takes, so doing it once per width halves the work.
    """

    _wrapped_for: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Break into lines for this width (only once per width)."""
        if self._wrapped_for == avail_width and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(avail_width, avail_height)
        self._wrapped_for = avail_width
        return size


class OutlineMark(Flowable):
    """An invisible mark that adds an outline (bookmark) entry where it lands."""

    def __init__(self, key: str, title: str, level: int, lift: float = 0.0) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.lift = lift  # the entry points this far above the mark (at its heading)
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Takes no room."""
        return 0, 0

    def draw(self) -> None:
        """Tell the canvas where this entry points (it writes the outline later)."""
        canvas: Any = self.canv
        _, top = canvas.absolutePosition(0, 0)
        add = getattr(canvas, "add_outline_entry", None)
        if add is not None:
            add(self.key, self.title, self.level, top + self.lift)


class KeepWithFirst(Flowable):
    """Headings that go to the next page unless the first part of what follows fits too.

    Unlike keepWithNext, a long table or paragraph after the heading still starts on
    the current page; only a heading alone at a page foot is avoided.
    """

    def __init__(self, head: Sequence[Flowable], body: Flowable) -> None:
        super().__init__()
        self.head = list(head)
        self.body = body
        for flowable in self.head:
            flowable.keepWithNext = 0  # this class does the keeping
        self._sizes: list[tuple[float, float]] = []

    @property
    def _items(self) -> list[Flowable]:
        return [*self.head, self.body]

    def _gap(self, index: int) -> float:
        items = self._items
        before = items[index].getSpaceBefore() if index else 0.0
        return float(max(before, items[index - 1].getSpaceAfter()) if index else before)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """The room for the headings and all of the body."""
        self._sizes = [f.wrapOn(self.canv, avail_width, avail_height) for f in self._items]
        self.width = max(w for w, _ in self._sizes)
        self.height = sum(h for _, h in self._sizes) + sum(
            self._gap(i) for i in range(1, len(self._items))
        )
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        """Space above the first heading."""
        return float(self.head[0].getSpaceBefore()) if self.head else 0.0

    def getSpaceAfter(self) -> float:
        """Space below the body."""
        return float(self.body.getSpaceAfter())

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Headings plus the first part of the body, or nothing (start on the next page)."""
        head_height = 0.0
        for index, flowable in enumerate(self.head):
            _, height = flowable.wrapOn(self.canv, avail_width, avail_height)
            head_height += height + self._gap(index)
        head_height += self._gap(len(self.head))
        if head_height >= avail_height:
            return []
        parts = self.body.splitOn(self.canv, avail_width, avail_height - head_height)
        if not parts:
            return []
        return [*self.head, *parts]

    def draw(self) -> None:
        """Draw everything stacked (used when it all fits)."""
        y = self.height
        for index, (flowable, (_, height)) in enumerate(zip(self._items, self._sizes, strict=True)):
            y -= self._gap(index) + height
            flowable.drawOn(self.canv, 0, y)


def with_heading(head: Sequence[Flowable], body: Sequence[Flowable]) -> list[Flowable]:
    """Headings kept with the start of the first body flowable, then the rest."""
    if not body:
        return list(head)
    return [KeepWithFirst(head, body[0]), *body[1:]]


class WritingLines(Flowable):
    """Ruled lines to write an answer on."""

    def __init__(self, count: int, gap: float, indent: float) -> None:
        super().__init__()
        self.count = count
        self.gap = gap
        self.indent = indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Full width, one gap per line."""
        self.width = avail_width
        self.height = self.count * self.gap + 4
        return self.width, self.height

    def draw(self) -> None:
        """Thin grey rules, starting under the question text."""
        canvas: Any = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        for line in range(1, self.count + 1):
            y = self.height - line * self.gap
            canvas.line(self.indent, y, self.width, y)
        canvas.restoreState()


def framed_box(
    rows: Sequence[Sequence[Flowable]],
    border: Any,
    fill: Any,
    width: float,
    styles: HandoutStyles,
    keep: bool = True,
) -> Flowable:
    """A one-column framed, tinted box; its first row is the box heading and repeats."""
    fonts = register_fonts()
    pad = 9.0 if styles.large_print else 6.0
    table = Table(
        [[list(row)] for row in rows],
        colWidths=[width],
        repeatRows=1 if len(rows) > 1 else 0,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
                ("BOX", (0, 0), (-1, -1), 1.2, border),
                ("LINEBEFORE", (0, 0), (0, -1), 4, border),
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), pad + 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad / 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad / 3),
                ("TOPPADDING", (0, 0), (-1, 0), pad * 0.8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), pad * 0.9),
            ]
        ),
    )
    return KeepTogether([table]) if keep else table


def bullet_paragraphs(items: Sequence[str], styles: HandoutStyles) -> list[Paragraph]:
    """Bulleted paragraphs from markup strings."""
    return [Para(item, styles.bullet, bulletText="\u2022") for item in items]
