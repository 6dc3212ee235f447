"""Page and section headings: bold, larger than body text, wrapping at any text size."""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel


class HeadingLabel(QLabel):
    """A bold label `scale` times the program's text size, whatever size that becomes.

    Its class is what makes it a heading on the accessibility bus (see accessible.py):
    QLabel(text) tells the bus about itself while it is being made, before any
    property could be set. A font set on a widget no longer follows the program's, so
    `follow_text_size()` sets every heading's again when the program's text size changes.
    """

    accessible_role = QAccessible.Role.Heading

    def __init__(self, text: str, level: int, scale: float) -> None:
        self.level = level
        self.scale = scale
        super().__init__(text)
        self.setWordWrap(True)
        self.follow_text_size()
        _made.add(self)

    def follow_text_size(self) -> None:
        """Take the size `scale` times the program's text size now."""
        font = QApplication.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * self.scale)
        if self.font() != font:
            self.setFont(font)


# Every heading made, so a text size change can reach them all (a font set on a widget
# no longer follows the program's, and asking Qt for every widget would wrap thousands).
_made: weakref.WeakSet[HeadingLabel] = weakref.WeakSet()


def follow_text_size() -> None:
    """Resize every heading to the program's text size (call after it changed)."""
    for label in list(_made):
        if shiboken6.isValid(label):
            label.follow_text_size()


def heading(text: str, scale: float = 1.5) -> HeadingLabel:
    """A heading: level 1 for a page's title (the larger scales), level 2 for a section."""
    return HeadingLabel(text, 1 if scale >= 1.5 else 2, scale)
