"""Page and section headings: bold, larger than body text, wrapping at any text size."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading(text: str, scale: float = 1.5) -> QLabel:
    """A bold, word-wrapped label `scale` times the current text size."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setWordWrap(True)
    return label
