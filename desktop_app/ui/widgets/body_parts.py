"""The body map's parts as objects a screen reader can find, name and tick.

The drawing is painted by one widget, so on its own it is a single accessible object.
Each part gets an invisible tick box laid over its target square on the drawing: a
screen reader lists them as the map's children, reads each part's name and whether it
is chosen, and its Toggle action chooses it, as a click on the drawing does. The boxes
paint nothing and let the pointer through (the map tests clicks against the drawing
itself), and they take no keyboard focus: the map stays one Tab stop, walked with the
arrow keys.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QCheckBox, QWidget

from desktop_app.ui.models.site_model import SiteSelectionModel


class BodyPartBox(QCheckBox):
    """One body part's tick box: named by the part, checked when the part is chosen."""

    def __init__(
        self, site_id: str, title: str, selection: SiteSelectionModel, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.site_id = site_id
        self._selection = selection
        self.setObjectName(f"body-part-{site_id}")
        self.setAccessibleName(title)
        self.setAccessibleDescription("A body part on the drawing")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setChecked(selection.is_selected(site_id))
        self.toggled.connect(self._on_toggled)

    def _on_toggled(self, on: bool) -> None:
        self._selection.set_selected(self.site_id, on)

    def follow_selection(self) -> None:
        """Match the tick to the shared selection (after a change made anywhere)."""
        on = self._selection.is_selected(self.site_id)
        if self.isChecked() != on:
            self.setChecked(on)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Nothing: the map draws the part, its highlight and its tick."""

    def place(self, area: QRect) -> None:
        """Cover the part's target square on the drawing."""
        if self.geometry() != area:
            self.setGeometry(area)
