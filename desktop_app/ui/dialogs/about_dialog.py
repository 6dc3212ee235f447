"""The About dialog: versions, review dates, sources, attributions and the disclaimer."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop_app import __version__
from desktop_app.body_diagram import DIAGRAM_ATTRIBUTION
from desktop_app.content.model import ContentLibrary
from desktop_app.content.render import PanelRenderer
from desktop_app.ui.qt.theme import Theme
from desktop_app.ui.widgets.rich_text import LinkExplainer, RichBrowser


def about_facts(library: ContentLibrary) -> dict[str, str]:
    """The version and review facts the About dialog lists."""
    return {
        "Program version": __version__,
        "Content version": library.meta.version,
        "Content last reviewed": library.latest_reviewed.isoformat(),
        "Next review due": library.earliest_next_review.isoformat(),
        "Content folder": str(library.root),
    }


class AboutDialog(QDialog):
    """Shows what the program is, how current its content is, and whose work it uses."""

    def __init__(
        self,
        library: ContentLibrary,
        renderer: PanelRenderer,
        explainer: LinkExplainer,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("About mbc-guide")
        self.setAccessibleName("About mbc-guide")
        line = self.fontMetrics().height()
        width, height = max(720, line * 40), max(640, line * 32)
        if parent is not None:  # never larger than the window it belongs to
            width, height = min(width, parent.width()), min(height, parent.height())
        self.resize(width, height)
        layout = QVBoxLayout(self)
        self.text = RichBrowser(explainer, "About this program")
        self.text.setHtml(renderer.about(theme.panel, about_facts(library), DIAGRAM_ATTRIBUTION))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout.addWidget(buttons)
