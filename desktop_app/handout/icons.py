"""Icon arrays: 100 small people, the first X filled, so "about X in 100" can be seen."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from desktop_app.content.model import Figure
from desktop_app.handout.layout import Para
from desktop_app.handout.styles import ICON_OFF, ICON_ON, HandoutStyles
from desktop_app.handout.text import safe_markup

COLUMNS = 10
ROWS = 10
CELL_W = 7.0  # points per figure, before scaling
CELL_H = 9.6


class IconArray(Flowable):
    """A 10 x 10 grid of person figures drawn as vector shapes, row by row from the top."""

    def __init__(self, value: int, scale: float = 1.0) -> None:
        super().__init__()
        self.value = max(0, min(100, value))
        self.scale = scale
        self._drawn_scale = scale
        self.spaceBefore = 3 * scale
        self.spaceAfter = 1 * scale

    def _natural(self) -> tuple[float, float]:
        return COLUMNS * CELL_W * self.scale, ROWS * CELL_H * self.scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Take the natural size, shrinking to fit a narrow column."""
        width, _ = self._natural()
        self._drawn_scale = self.scale * min(1.0, avail_width / width) if width else self.scale
        self.width = COLUMNS * CELL_W * self._drawn_scale
        self.height = ROWS * CELL_H * self._drawn_scale
        return self.width, self.height

    def draw(self) -> None:
        """Draw the figures: filled dark for the counted people, light outline for the rest."""
        canvas: Any = self.canv
        s = self._drawn_scale
        # Each figure is a reused form: small files and fast drawing, still vector.
        forms = {filled: _person_form(canvas, s, filled) for filled in (True, False)}
        for index in range(COLUMNS * ROWS):
            row, column = divmod(index, COLUMNS)
            canvas.saveState()
            canvas.translate(column * CELL_W * s, self.height - (row + 1) * CELL_H * s)
            canvas.doForm(forms[index < self.value])
            canvas.restoreState()


def _person_form(canvas: Any, s: float, filled: bool) -> str:
    """Define (once per document) the form of one figure; return its name."""
    name = f"mbc-person-{'on' if filled else 'off'}-{s:.4f}"
    if canvas.hasForm(name):
        return name
    canvas.beginForm(name, 0, 0, CELL_W * s, CELL_H * s)
    canvas.setLineWidth(0.5 * s)
    canvas.setFillColor(ICON_ON if filled else colors.white)
    canvas.setStrokeColor(ICON_ON if filled else ICON_OFF)
    centre = CELL_W * s / 2
    canvas.circle(centre, 7.3 * s, 1.35 * s, stroke=1, fill=1)
    body_w = 4.6 * s
    canvas.roundRect(centre - body_w / 2, 1.0 * s, body_w, 4.6 * s, 1.5 * s, stroke=1, fill=1)
    canvas.endForm()
    return name


def figure_flowables(figure: Figure, styles: HandoutStyles, refs: str = "") -> list[Flowable]:
    """The icon array, "about X in 100 people" and what is counted (then `refs`, markup)."""
    return [
        IconArray(figure.value, styles.icon_scale),
        Para(safe_markup(figure.phrase), styles.caption),
        Para(f"{safe_markup(figure.measures)} {refs}".rstrip(), styles.refs),
    ]
