"""Page and section headings: bold, larger than body text, wrapping at any text size."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop_app.ui.accessible import HeadingLabel


def heading(text: str, scale: float = 1.5) -> QLabel:
    """A bold, word-wrapped label `scale` times the current text size.

    A screen reader gets it as a heading: level 1 for a page's title (the larger
    scales), level 2 for a section.
    """
    label = HeadingLabel(text, 1 if scale >= 1.5 else 2)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setWordWrap(True)
    return label
