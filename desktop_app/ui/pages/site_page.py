"""The site page: overview, red flags and the treatment options as cards."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.content.model import ContentLibrary, Option
from desktop_app.content.render import PanelRenderer
from desktop_app.ui.models.session import MAX_COMPARED, PatientSession
from desktop_app.ui.qt.reflow import ReflowScrollArea
from desktop_app.ui.qt.theme import Theme
from desktop_app.ui.widgets.headings import heading
from desktop_app.ui.widgets.rich_text import LinkExplainer, RichLabel
from desktop_app.ui.widgets.warning_box import WarningBox


class OptionCard(QFrame):
    """One treatment option: short text, a Compare toggle and a Discussed tick."""

    detailsRequested = Signal(str)

    def __init__(
        self,
        option: Option,
        html: str,
        explainer: LinkExplainer,
        session: PatientSession,
        show_discussed: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.option = option
        self._session = session
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"card-{option.id}")
        layout = QVBoxLayout(self)
        title = heading(option.title, 1.2)
        layout.addWidget(title)
        layout.addWidget(RichLabel(html, explainer))
        buttons = QHBoxLayout()
        self.compare_button = QPushButton("Compare")
        self.compare_button.setCheckable(True)
        self.compare_button.setChecked(option.id in session.compared)
        self.compare_button.setAccessibleName(f"Compare {option.title}")
        self.compare_button.toggled.connect(self._on_compare_toggled)
        buttons.addWidget(self.compare_button)
        self.discussed_box: QCheckBox | None = None
        if show_discussed:
            self.discussed_box = QCheckBox("Discussed today")
            self.discussed_box.setChecked(option.id in session.discussed)
            self.discussed_box.setAccessibleName(f"{option.title} discussed today")
            self.discussed_box.toggled.connect(self._on_discussed_toggled)
            buttons.addWidget(self.discussed_box)
        self.details_button = QPushButton("Read more")
        self.details_button.setAccessibleName(f"Read more about {option.title}")
        self.details_button.clicked.connect(self._on_details_clicked)
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # Shown, not a tooltip: a touch screen has no hover.
        self.limit_label = QLabel(
            f"You can compare up to {MAX_COMPARED} options. Remove one first."
        )
        self.limit_label.setWordWrap(True)
        self.limit_label.setVisible(False)
        layout.addWidget(self.limit_label)
        self._sync_compare_label()

    def _on_compare_toggled(self, on: bool) -> None:
        refused = not self._session.set_compared(self.option.id, on)
        if refused:
            self.compare_button.blockSignals(True)
            self.compare_button.setChecked(False)
            self.compare_button.blockSignals(False)
        self.limit_label.setVisible(refused)
        self._sync_compare_label()

    def _on_discussed_toggled(self, on: bool) -> None:
        self._session.set_discussed(self.option.id, on)

    def _on_details_clicked(self) -> None:
        self.detailsRequested.emit(self.option.id)

    def _sync_compare_label(self) -> None:
        on = self.compare_button.isChecked()
        self.compare_button.setText("\u2713 In comparison" if on else "Compare")

    def sync_from_session(self) -> None:
        """Match the toggles to the session (after changes made elsewhere)."""
        for widget, on in (
            (self.compare_button, self.option.id in self._session.compared),
            (self.discussed_box, self.option.id in self._session.discussed),
        ):
            if widget is not None and widget.isChecked() != on:
                widget.blockSignals(True)
                widget.setChecked(on)
                widget.blockSignals(False)
        if self.limit_label.isVisibleTo(self) and len(self._session.compared) < MAX_COMPARED:
            self.limit_label.setVisible(False)
        self._sync_compare_label()


class SitePage(ReflowScrollArea):
    """One site's page, built once and kept until the theme or text size changes."""

    compareRequested = Signal()
    optionDetailsRequested = Signal(str)

    def __init__(
        self,
        site_id: str,
        library: ContentLibrary,
        renderer: PanelRenderer,
        explainer: LinkExplainer,
        session: PatientSession,
        theme: Theme,
        show_discussed: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.site_id = site_id
        site = library.site(site_id)
        self.setAccessibleName(f"Page for {site.title}")
        content = QWidget()
        content.setObjectName("site-page-content")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        panels = renderer.site_page(site, theme.panel)
        self.overview = RichLabel(panels.intro, explainer)
        self.overview.setObjectName("site-overview")
        layout.addWidget(self.overview)
        self.warning_box = WarningBox(panels.warning, explainer, theme.panel)
        layout.addWidget(self.warning_box)
        self.more = RichLabel(panels.more, explainer)
        self.more.setObjectName("site-more")
        layout.addWidget(self.more)
        options_heading = heading(f"Treatment options for {site.title.lower()}", 1.35)
        layout.addWidget(options_heading)
        hint = QLabel("Choose \u201cCompare\u201d on 2 to 4 options to see them side by side.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.cards: list[OptionCard] = []
        for option in library.options_for(site_id):
            card = OptionCard(
                option,
                renderer.option_summary(option, theme.panel),
                explainer,
                session,
                show_discussed,
            )
            card.detailsRequested.connect(self.optionDetailsRequested)
            layout.addWidget(card)
            self.cards.append(card)
        self.compare_button = QPushButton("Compare the chosen options")
        self.compare_button.setAccessibleName("Compare the chosen options")
        self.compare_button.clicked.connect(self.compareRequested)
        layout.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.set_page(content)
        session.comparedChanged.connect(self._on_session_changed)
        session.discussedChanged.connect(self._on_session_changed)
        self._on_session_changed()

    def _on_session_changed(self, *_: object) -> None:
        for card in self.cards:
            card.sync_from_session()
        count = len(self._session.compared)
        self.compare_button.setEnabled(count >= 2)
        self.compare_button.setText(
            f"Compare the chosen options ({count})" if count else "Compare the chosen options"
        )


class SitePages(QStackedWidget):
    """Every site's page, built ahead in idle moments so choosing a site is instant."""

    compareRequested = Signal()
    optionDetailsRequested = Signal(str)

    def __init__(
        self,
        library: ContentLibrary,
        renderer: PanelRenderer,
        explainer: LinkExplainer,
        session: PatientSession,
        theme: Theme,
        show_discussed: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._renderer = renderer
        self._explainer = explainer
        self._session = session
        self._theme = theme
        self._show_discussed = show_discussed
        self._pages: dict[str, SitePage] = {}
        self._prebuild_timer = QTimer(self)
        self._prebuild_timer.setInterval(0)
        self._prebuild_timer.timeout.connect(self._prebuild_one)
        self.setAccessibleName("Site page")

    def page(self, site_id: str) -> SitePage:
        """The page for a site, built now if it was not built ahead."""
        if site_id not in self._pages:
            page = SitePage(
                site_id,
                self._library,
                self._renderer,
                self._explainer,
                self._session,
                self._theme,
                self._show_discussed,
            )
            page.compareRequested.connect(self.compareRequested)
            page.optionDetailsRequested.connect(self.optionDetailsRequested)
            self._pages[site_id] = page
            self.addWidget(page)
            # Lay the hidden page out at its real size now, so showing it later only paints.
            page.resize(self.size())
            page.ensurePolished()
            content = page.widget()
            layout = content.layout() if content is not None else None
            if content is not None and layout is not None:
                content.ensurePolished()
                layout.activate()
        return self._pages[site_id]

    def show_site(self, site_id: str) -> SitePage:
        """Show one site's page."""
        page = self.page(site_id)
        self.setCurrentWidget(page)
        page.verticalScrollBar().setValue(0)
        return page

    @property
    def current(self) -> SitePage:
        """The page on show."""
        page = self.currentWidget()
        assert isinstance(page, SitePage)
        return page

    def is_prebuilt(self) -> bool:
        """Whether every site's page exists."""
        return all(site.id in self._pages for site in self._library.sites)

    def start_prebuilding(self) -> None:
        """Build the missing pages one per idle moment, keeping the window responsive."""
        self._prebuild_timer.start()

    def _prebuild_one(self) -> None:
        for site in self._library.sites:
            if site.id not in self._pages:
                self.page(site.id)
                return
        self._prebuild_timer.stop()

    def set_theme(self, theme: Theme) -> None:
        """Use another theme or text size: pages are rebuilt (the shown one at once)."""
        self._theme = theme
        shown = self.currentWidget()
        current_id = shown.site_id if isinstance(shown, SitePage) else ""
        for page in self._pages.values():
            # Not removeWidget(): with PySide6 6.12, a page taken out of the stack and
            # then found by findChildren() before its deferred deletion keeps its Python
            # object (and every card in it) alive for good. The stack drops a deleted
            # page by itself.
            page.hide()
            page.deleteLater()
        self._pages.clear()
        if current_id:
            self.show_site(current_id)
        self.start_prebuilding()
