"""Links inside rich text as objects a screen reader can list, read and follow.

Qt paints a label's or text browser's links but tells the accessibility bus nothing
about them: a screen reader hears "metastases" as a plain word and cannot open its
meaning. Each link gets an invisible button laid over its words, with the link role,
the link's words as its name ("Source nice-ng234" for a source) and where it leads
(the glossary meaning, the source's citation) as its description; its press action
does what a click on the words does. The buttons paint nothing, let the pointer
through and take no keyboard focus: Tab still moves through the links inside the
text, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QFont,
    QPaintEvent,
    QTextDocument,
    QTextFragment,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import QPushButton, QWidget


@dataclass(frozen=True)
class LinkSpot:
    """One link in laid-out text: where it leads, its words and their box."""

    href: str
    words: str
    box: QRect


def link_spots(document: QTextDocument) -> list[LinkSpot]:
    """Every link in a laid-out document, one spot per run of linked words.

    A link broken over two lines is boxed on its first line (a screen reader needs one
    point to show, not the exact shape).
    """
    layout = document.documentLayout()
    spots: list[LinkSpot] = []
    block = document.begin()
    while block.isValid():
        origin = layout.blockBoundingRect(block).topLeft()
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            style = fragment.charFormat()
            if style.isAnchor() and style.anchorHref() and fragment.text().strip():
                spots.append(_spot(block.layout(), block.position(), fragment, origin))
            fragments += 1
        block = block.next()
    return _joined(spots)


def _spot(
    text_layout: QTextLayout, block_start: int, fragment: QTextFragment, origin: QPointF
) -> LinkSpot:
    start = fragment.position() - block_start
    end = start + fragment.length()
    line = text_layout.lineForTextPosition(start)
    left = _x(line, start)
    if text_layout.lineForTextPosition(end).lineNumber() == line.lineNumber():
        right = _x(line, end)
    else:  # the link goes on to the next line: box it to the end of this one
        right = line.x() + line.naturalTextWidth()
    box = QRectF(origin.x() + left, origin.y() + line.y(), max(1.0, right - left), line.height())
    words = " ".join(fragment.text().split())
    return LinkSpot(fragment.charFormat().anchorHref(), words, box.toAlignedRect())


def _x(line: QTextLine, position: int) -> float:
    answer = line.cursorToX(position)  # PySide6: (x, the position it used), typed object
    assert isinstance(answer, tuple)
    return float(answer[0])


def _joined(spots: list[LinkSpot]) -> list[LinkSpot]:
    """Neighbouring runs of one link (a word in bold inside it) as one spot."""
    joined: list[LinkSpot] = []
    for spot in spots:
        if joined and joined[-1].href == spot.href and joined[-1].box.top() == spot.box.top():
            last = joined.pop()
            spot = LinkSpot(spot.href, f"{last.words} {spot.words}", last.box.united(spot.box))
        joined.append(spot)
    return joined


class TextLink(QPushButton):
    """One link's stand-in on the accessibility bus: named by its words."""

    accessible_role = QAccessible.Role.Link

    def __init__(self, parent: QWidget, follow: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.href = ""
        self._follow = follow
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFlat(True)
        self.clicked.connect(self._on_clicked)

    def show_spot(self, spot: LinkSpot, name: str, meaning: str) -> None:
        """Stand over one link: its name, what it leads to, and where it is drawn."""
        self.href = spot.href
        if self.accessibleName() != name:
            self.setAccessibleName(name)
        if self.accessibleDescription() != meaning:
            self.setAccessibleDescription(meaning)
        if self.geometry() != spot.box:
            self.setGeometry(spot.box)
        if self.isHidden():
            self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Nothing: the text draws the link."""

    def _on_clicked(self) -> None:
        # After the press action has returned: following may open a dialog, and the
        # screen reader that pressed must not wait for it to close.
        QTimer.singleShot(0, partial(self._follow, self.href))


class TextLinks:
    """The TextLink buttons of one widget, kept in step with the text it shows.

    Buttons are made as needed and then kept: text shown again (a panel filled many
    times in a day) reuses them, and spare ones are hidden, never deleted.
    """

    def __init__(
        self,
        host: QWidget,
        follow: Callable[[str], None],
        name: Callable[[str, str], str],
        meaning: Callable[[str], str],
    ) -> None:
        self._host = host
        self._follow = follow
        self._name = name
        self._meaning = meaning
        self._buttons: list[TextLink] = []

    @property
    def shown(self) -> list[TextLink]:
        """The buttons standing over a link now."""
        return [button for button in self._buttons if not button.isHidden()]

    def place(self, spots: list[LinkSpot], offset_x: int = 0, offset_y: int = 0) -> None:
        """One button over each spot (moved by the offset), the rest hidden."""
        while len(self._buttons) < len(spots):
            self._buttons.append(TextLink(self._host, self._follow))
        for button, spot in zip(self._buttons, spots, strict=False):
            box = spot.box.translated(offset_x, offset_y)
            button.show_spot(
                LinkSpot(spot.href, spot.words, box),
                self._name(spot.href, spot.words),
                self._meaning(spot.href),
            )
            button.raise_()
        for button in self._buttons[len(spots) :]:
            if not button.isHidden():
                button.hide()


def laid_out(html: str, font: QFont, width: int) -> QTextDocument:
    """The rich text as a QLabel lays it out at one width (no margins of its own)."""
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setTextWidth(max(1, width))
    return document
