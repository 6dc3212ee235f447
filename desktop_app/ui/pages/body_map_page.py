"""The start screen: the body map, the same sites as a list, and the chosen sites."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.body_diagram import BodyDiagram
from desktop_app.ui.models.site_model import SITE_ID_ROLE, SiteSelectionModel
from desktop_app.ui.qt.theme import Theme
from desktop_app.ui.widgets.body_map import BodyMapWidget
from desktop_app.ui.widgets.headings import heading
from desktop_app.ui.widgets.tick_list import TickList


class BodyMapPage(QWidget):
    """Pick sites on the drawing or in the list; open a chosen site's page."""

    siteRequested = Signal(str)

    def __init__(
        self,
        diagram: BodyDiagram,
        selection: SiteSelectionModel,
        theme: Theme,
        touch: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._selection = selection
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        self.body_map = BodyMapWidget(diagram, selection, theme)
        if touch:
            self.body_map.use_touch_prompts()
        layout.addWidget(self.body_map, 1)
        side = QVBoxLayout()
        title = heading("Where has the cancer spread?")
        side.addWidget(title)
        hint = QLabel(
            "Tap one or more body parts on the drawing or in this list. "
            "Then tap \u201cRead about\u201d to open one."
            if touch
            else "Choose one or more body parts on the drawing or in this list. "
            "Press Space to tick a body part, Enter to open it."
        )
        hint.setWordWrap(True)
        side.addWidget(hint)
        self.site_list = TickList()
        self.site_list.setModel(selection)
        self.site_list.setAccessibleName("Body parts")
        self.site_list.setAccessibleDescription("Tick the body parts where the cancer has spread.")
        self.site_list.activated.connect(self._on_list_activated)
        side.addWidget(self.site_list, 2)
        chosen_title = QLabel("Chosen body parts")
        chosen_font = chosen_title.font()
        chosen_font.setBold(True)
        chosen_title.setFont(chosen_font)
        side.addWidget(chosen_title)
        self._chosen_box = QVBoxLayout()
        side.addLayout(self._chosen_box)
        self.none_label = QLabel("None chosen yet.")
        self._chosen_box.addWidget(self.none_label)
        self.open_buttons: dict[str, QPushButton] = {}
        layout.addLayout(side, 1)
        selection.selectionChanged.connect(self._on_selection_changed)

    def _on_list_activated(self, index: QModelIndex) -> None:
        self.siteRequested.emit(index.data(SITE_ID_ROLE))

    def _on_selection_changed(self, site_ids: list[str]) -> None:
        for button in self.open_buttons.values():
            self._chosen_box.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.open_buttons = {}
        titles = {site.id: site.title for site in self._selection.sites}
        for site_id in site_ids:
            button = QPushButton(f"Read about: {titles[site_id]}  \u2192")
            button.setAccessibleName(f"Open the page for {titles[site_id]}")
            button.clicked.connect(partial(self.siteRequested.emit, site_id))
            self._chosen_box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.open_buttons[site_id] = button
        self.none_label.setVisible(not site_ids)
