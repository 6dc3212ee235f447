"""The main window: a navigation bar, a visible path, and the pages in a stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.body_diagram import BodyDiagram
from desktop_app.config import DEFAULTS, ClinicConfig
from desktop_app.content.model import ContentLibrary
from desktop_app.ui.models.navigation import History, Place
from desktop_app.ui.models.session import PatientSession
from desktop_app.ui.models.site_model import SiteSelectionModel
from desktop_app.ui.pages.body_map_page import BodyMapPage
from desktop_app.ui.qt.reflow import CurrentPageStack, FlowLayout
from desktop_app.ui.qt.services import PanelServices
from desktop_app.ui.qt.theme import Theme

if TYPE_CHECKING:
    from desktop_app.ui.pages.compare import ComparePanel
    from desktop_app.ui.pages.glossary_page import GlossaryPage
    from desktop_app.ui.pages.handout_page import HandoutPage
    from desktop_app.ui.pages.questions_page import QuestionsPage
    from desktop_app.ui.pages.site_page import SitePage, SitePages
    from desktop_app.ui.widgets.rich_text import RichBrowser

AskFunction = Callable[[QWidget, str, str], bool]


@runtime_checkable
class Themed(Protocol):
    """A page that repaints itself in another colour theme."""

    def set_theme(self, theme: Theme) -> None:
        """Use another theme."""


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question in a dialog; tests replace this function."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class MainWindow(QMainWindow):
    """Wires the pages to the shared models and moves between them."""

    placeChanged = Signal(object)  # the Place now shown
    textSizeStepRequested = Signal(int)  # -1 smaller, +1 larger
    themeToggled = Signal(bool)  # True for high contrast
    pageBuilt = Signal(str, QWidget)  # a page made on first use: its name and the page
    closing = Signal()

    def __init__(
        self,
        library: ContentLibrary,
        diagram: BodyDiagram,
        selection: SiteSelectionModel,
        session: PatientSession,
        services: PanelServices,
        theme: Theme,
        consultation: bool = True,
        config: ClinicConfig = DEFAULTS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.selection = selection
        self.session = session
        self._services = services
        self._theme = theme
        self._consultation = consultation
        self._config = config
        self.ask: AskFunction = ask_yes_no
        self.about_opener: Callable[[], None] | None = None
        self.history = History()
        self.setWindowTitle("mbc-guide: treatment options by body site")
        self.setAccessibleName("mbc-guide main window")

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 0)
        nav = QWidget()
        nav.setLayout(self._build_nav_bar())
        outer.addWidget(nav)
        self.breadcrumb = QLabel()
        self.breadcrumb.setAccessibleDescription("You are here")
        self.breadcrumb.setTextFormat(Qt.TextFormat.PlainText)
        self.breadcrumb.setWordWrap(True)  # a long option title wraps, never widens the window
        outer.addWidget(self.breadcrumb)

        self.stack = CurrentPageStack()
        self.map_page = BodyMapPage(diagram, selection, theme, touch=not consultation)
        self.map_page.siteRequested.connect(self.show_site)
        self.stack.addWidget(self.map_page)
        # The other pages are built the first time they are shown: start-up paints
        # only the body map.
        self._pages: dict[str, QWidget] = {"map": self.map_page}
        # The pages sit in a scroll area, so a page that needs more room than the screen
        # has (large text, a small screen) scrolls instead of growing the window past
        # the screen's edge: a kiosk stays full screen whatever it shows.
        self.page_area = QScrollArea()
        self.page_area.setObjectName("page-area")
        self.page_area.setFrameShape(QFrame.Shape.NoFrame)
        self.page_area.setWidgetResizable(True)
        self.page_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a frame, not a stop for Tab
        self.page_area.setWidget(self.stack)
        outer.addWidget(self.page_area, 1)
        self.disclaimer = QLabel(library.meta.disclaimer)
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setAccessibleDescription("Please note")
        outer.addWidget(self.disclaimer)
        self.setCentralWidget(central)
        self._add_shortcuts()
        self._go(self.history.current)

    # -- building ----------------------------------------------------------
    def _button(self, text: str, name: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _build_nav_bar(self) -> FlowLayout:
        """Navigation and view buttons; they wrap onto a second line at large text sizes."""
        bar = FlowLayout()
        self.back_button = self._button("\u2190 Back", "Back", self.go_back, "Back (Alt+Left)")
        self.forward_button = self._button(
            "Forward \u2192", "Forward", self.go_forward, "Forward (Alt+Right)"
        )
        self.map_button = self._button("Body map", "Body map", self.show_map)
        self.compare_button = self._button("Compare", "Compare options", self.show_compare)
        self.questions_button = self._button("Questions", "Questions to ask", self.show_questions)
        self.glossary_button = self._button("Glossary", "Glossary", self.show_glossary)
        self.handout_button = self._button("Handout", "Handout", self.show_handout)
        self.smaller_button = self._button("A\u2212", "Smaller text", self._on_smaller, "Ctrl+-")
        self.larger_button = self._button("A+", "Larger text", self._on_larger, "Ctrl++")
        self.contrast_button = self._button("High contrast", "High contrast", self._on_contrast)
        self.contrast_button.setCheckable(True)
        if self._consultation:
            self.new_button = self._button(
                "New patient", "New patient", self.new_patient, "Clear everything (Ctrl+N)"
            )
        else:
            self.new_button = self._button("Start again", "Start again", self.new_patient)
            # The top-left corner stays empty in kiosk mode: staff hold it to leave.
            self.corner_space = QWidget()
            self.corner_space.setFixedSize(56, 48)
            bar.addWidget(self.corner_space)
        self.about_button = self._button("About", "About mbc-guide", self.show_about, "F1")
        for button in (
            self.back_button,
            self.forward_button,
            self.map_button,
            self.compare_button,
            self.questions_button,
            self.glossary_button,
            self.handout_button,
            self.smaller_button,
            self.larger_button,
            self.contrast_button,
            self.new_button,
            self.about_button,
        ):
            bar.addWidget(button)
        self.nav_bar = bar
        return bar

    def _add_shortcuts(self) -> None:
        bindings: list[tuple[QKeySequence | QKeySequence.StandardKey, Callable[[], None]]] = [
            (QKeySequence("Ctrl+N"), self.new_patient),
            (QKeySequence("Alt+Left"), self.go_back),
            (QKeySequence("Alt+Right"), self.go_forward),
            (QKeySequence("Ctrl+-"), self._on_smaller),
            (QKeySequence("Ctrl++"), self._on_larger),
            (QKeySequence("Ctrl+="), self._on_larger),
            (QKeySequence("F1"), self.show_about),
        ]
        self._shortcuts = []
        for sequence, slot in bindings:
            shortcut = QShortcut(sequence, self)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    # -- pages, built on first use -----------------------------------------
    def _page(self, name: str) -> QWidget:
        if name not in self._pages:
            page = self._build_page(name)
            self._pages[name] = page
            self.stack.addWidget(page)
            self.pageBuilt.emit(name, page)
        return self._pages[name]

    def _typed_page[P: QWidget](self, name: str, kind: type[P]) -> P:
        page = self._page(name)
        if not isinstance(page, kind):
            raise TypeError(f"page {name!r} is a {type(page).__name__}, not a {kind.__name__}")
        return page

    def _build_page(self, name: str) -> QWidget:
        if name == "site":
            from desktop_app.ui.pages.site_page import SitePages

            site_pages = SitePages(
                self.library,
                self._services.renderer,
                self._services.explainer,
                self.session,
                self._theme,
                self._consultation,
            )
            site_pages.compareRequested.connect(self.show_compare)
            site_pages.optionDetailsRequested.connect(self.show_option)
            return site_pages
        if name == "compare":
            from desktop_app.ui.pages.compare import ComparePanel, CompareTableModel

            model = CompareTableModel(self.library, self)
            return ComparePanel(
                model, self._services.renderer, self._services.explainer, self.session, self._theme
            )
        if name == "questions":
            from desktop_app.ui.pages.questions_page import QuestionsPage

            return QuestionsPage(self.library, self.selection, self.session)
        if name == "glossary":
            from desktop_app.ui.pages.glossary_page import GlossaryPage

            return GlossaryPage(
                self.library.glossary,
                self._services.renderer,
                self._services.explainer,
                self._theme,
            )
        if name == "handout":
            from desktop_app.ui.pages.handout_page import HandoutPage

            return HandoutPage(
                self.library,
                self.selection,
                self.session,
                self._config.clinic_details(),
                self._consultation,
                printer_name=self._config.printer_name,
            )
        if name == "option":
            from desktop_app.ui.widgets.rich_text import RichBrowser

            return RichBrowser(self._services.explainer, "Treatment option details")
        raise KeyError(name)

    @property
    def site_pages(self) -> SitePages:
        """Every site's page."""
        from desktop_app.ui.pages.site_page import SitePages

        return self._typed_page("site", SitePages)

    @property
    def site_page(self) -> SitePage:
        """The site page on show (or last shown)."""
        return self.site_pages.current

    def start_prebuilding(self) -> None:
        """Build the site pages in idle moments after the first paint."""
        self.site_pages.start_prebuilding()

    @property
    def compare_page(self) -> ComparePanel:
        """The compare panel."""
        from desktop_app.ui.pages.compare import ComparePanel

        return self._typed_page("compare", ComparePanel)

    @property
    def questions_page(self) -> QuestionsPage:
        """The questions page."""
        from desktop_app.ui.pages.questions_page import QuestionsPage

        return self._typed_page("questions", QuestionsPage)

    @property
    def glossary_page(self) -> GlossaryPage:
        """The glossary page."""
        from desktop_app.ui.pages.glossary_page import GlossaryPage

        return self._typed_page("glossary", GlossaryPage)

    @property
    def handout_page(self) -> HandoutPage:
        """The handout page."""
        from desktop_app.ui.pages.handout_page import HandoutPage

        return self._typed_page("handout", HandoutPage)

    @property
    def option_page(self) -> RichBrowser:
        """The page that shows one option in full."""
        from desktop_app.ui.widgets.rich_text import RichBrowser

        return self._typed_page("option", RichBrowser)

    # -- navigation --------------------------------------------------------
    def show_map(self) -> None:
        """Go to the body map."""
        self._visit(Place("map"))

    def show_site(self, site_id: str) -> None:
        """Go to one site's page."""
        self._visit(Place("site", site_id))

    def show_compare(self) -> None:
        """Go to the comparison."""
        self._visit(Place("compare"))

    def show_option(self, option_id: str) -> None:
        """Go to one option's full description."""
        self._visit(Place("option", option_id))

    def show_questions(self) -> None:
        """Go to the questions page."""
        self._visit(Place("questions"))

    def show_glossary(self) -> None:
        """Go to the glossary."""
        self._visit(Place("glossary"))

    def show_handout(self) -> None:
        """Go to the handout page."""
        self._visit(Place("handout"))

    def go_back(self) -> None:
        """Step back in the history."""
        if self.history.can_go_back():
            self._go(self.history.back())

    def go_forward(self) -> None:
        """Step forward in the history."""
        if self.history.can_go_forward():
            self._go(self.history.forward())

    def _visit(self, place: Place) -> None:
        self.history.visit(place)
        self._go(place)

    def _go(self, place: Place) -> None:
        if place.page == "site":
            self.site_pages.show_site(place.key)
        elif place.page == "option":
            option = self.library.option(place.key)
            self.option_page.setHtml(
                self._services.renderer.option_details(option, self._theme.panel)
            )
        self.stack.setCurrentWidget(self._page(place.page))
        self.back_button.setEnabled(self.history.can_go_back())
        self.forward_button.setEnabled(self.history.can_go_forward())
        self.breadcrumb.setText(" > ".join(self.crumbs()))
        self.placeChanged.emit(place)

    def crumbs(self) -> list[str]:
        """The visible path, e.g. Body map > Spine > Compare."""
        place = self.history.current
        crumbs = ["Body map"]
        site_id = self.history.last_site()
        if place.page in ("site", "compare", "option") and site_id:
            crumbs.append(self.library.site(site_id).title)
        names = {
            "compare": "Compare",
            "questions": "Questions",
            "glossary": "Glossary",
            "handout": "Handout",
        }
        if place.page in names:
            crumbs.append(names[place.page])
        elif place.page == "option":
            crumbs.append(self.library.option(place.key).title)
        return crumbs

    # -- actions -----------------------------------------------------------
    def new_patient(self) -> None:
        """Clear every selection and entry, after asking when something would be lost."""
        if self.session.has_input() and not self.ask(
            self,
            "New patient",
            "Start again for a new patient? Everything chosen and typed so far will be cleared.",
        ):
            return
        self.clear_everything()

    def clear_everything(self) -> None:
        """Forget the consultation and go back to the start, with every page scrolled up."""
        self.session.clear()  # the whole consultation, chosen sites included
        if "questions" in self._pages:
            self.questions_page.own_entry.setText("")  # setText also forgets the undo history
        if "glossary" in self._pages:
            self.glossary_page.reset()
        about = getattr(self, "about_dialog", None)
        if about is not None:
            about.close()
        for area in self.findChildren(QAbstractScrollArea):
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)
        self.history.reset()
        self._go(self.history.current)

    def show_about(self) -> None:
        """Open the About dialog (kiosk mode shows its own full-screen panel instead)."""
        if self.about_opener is not None:
            self.about_opener()
            return
        from desktop_app.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(
            self.library, self._services.renderer, self._services.explainer, self._theme, self
        )
        previous = getattr(self, "about_dialog", None)
        if previous is not None:
            previous.deleteLater()
        dialog.open()
        self.about_dialog = dialog

    def _on_smaller(self) -> None:
        self.textSizeStepRequested.emit(-1)

    def _on_larger(self) -> None:
        self.textSizeStepRequested.emit(1)

    def _on_contrast(self) -> None:
        self.themeToggled.emit(self.contrast_button.isChecked())

    @property
    def theme(self) -> Theme:
        """The theme on show."""
        return self._theme

    @property
    def services(self) -> PanelServices:
        """The panel renderer and link explainer the pages share."""
        return self._services

    def set_theme(self, theme: Theme) -> None:
        """Repaint every page in another theme."""
        self._theme = theme
        self.map_page.body_map.set_theme(theme)
        for page in self._pages.values():
            if isinstance(page, Themed):
                page.set_theme(theme)
        self._go(self.history.current)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        event.accept()
