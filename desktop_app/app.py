"""Build the QApplication and wire every part together: the one place that does so."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app import APP_NAME, STARTED_AT, __version__
from desktop_app.body_diagram import bundled_body_diagram
from desktop_app.config import (
    DEFAULTS,
    ClinicConfig,
    ConfigProblem,
    default_config_path,
    is_there,
    load_or_default,
)
from desktop_app.consultation import Consultation, HandoutForm
from desktop_app.content.cache import default_cache_dir, load_content_cached
from desktop_app.content.model import ContentLibrary
from desktop_app.content.problems import LoadResult
from desktop_app.handout.request import ALL_SECTIONS, PageSize, Section
from desktop_app.resources import bundled_content_dir, resources_dir
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.session import PatientSession
from desktop_app.ui.models.site_model import SiteSelectionModel
from desktop_app.ui.models.view_settings import ViewSettings
from desktop_app.ui.qt.accessible import install as install_accessibility
from desktop_app.ui.qt.services import PanelServices
from desktop_app.ui.qt.targets import PointerStyle, make_pointer_friendly
from desktop_app.ui.qt.theme import (
    CONSULTATION_MAX_TEXT_STEP,
    DEFAULT_TEXT_STEP,
    HIGH_CONTRAST,
    NORMAL,
    TEXT_SIZES_PT,
    apply_text_size,
    apply_theme,
)
from desktop_app.ui.widgets.headings import follow_text_size

if TYPE_CHECKING:
    from desktop_app.ui.kiosk.kiosk import KioskMode
    from desktop_app.ui.widgets.rich_text import LinkExplainer

log = logging.getLogger(__name__)
UI_FONT_FAMILY = "DejaVu Sans"
KIOSK_TEXT_STEP = next(step for step, points in enumerate(TEXT_SIZES_PT) if points >= 18)
"""Kiosk body text is at least 18 pt: the smallest step it starts on and can go down to."""
DEFAULT_WINDOW_SIZE = QSize(1280, 860)


@dataclass
class ContentChoice:
    """The library the program runs on, and what the person must be told about it."""

    library: ContentLibrary | None
    notices: list[str] = field(default_factory=list)


def choose_content(content_dir: Path | None, cache_dir: Path | None = None) -> ContentChoice:
    """Load the requested content; fall back to the bundled content when it is broken.

    With a cache folder, content that loaded cleanly before is read back from the cache.
    """
    notices: list[str] = []
    if content_dir is not None:
        requested = load_content_cached(content_dir, cache_dir)
        if requested.library is not None:
            if requested.problems:
                notices.append(_problem_text(requested, "needs review"))
            return ContentChoice(requested.library, notices)
        notices.append(
            _problem_text(requested, "cannot be used")
            + "\n\nThe program is using its own bundled content instead."
        )
    bundled = load_content_cached(bundled_content_dir(), cache_dir)
    if bundled.library is None:
        notices.append(_problem_text(bundled, "cannot be used"))
    elif bundled.problems:
        notices.append(_problem_text(bundled, "needs review"))
    return ContentChoice(bundled.library, notices)


def _problem_text(result: LoadResult, verdict: str) -> str:
    lines = [str(problem) for problem in result.problems[:30]]
    more = len(result.problems) - len(lines)
    if more > 0:
        lines.append(f"... and {more} more (run: mbc-guide content check --content {result.root})")
    return f"The content in {result.root} {verdict}:\n" + "\n".join(lines)


def load_ui_fonts() -> None:
    """Register the bundled typeface so every machine shows the same letters."""
    for path in sorted((resources_dir() / "fonts").glob("DejaVuSans*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("could not load font %s", path.name)


class Controller(QObject):
    """Holds the shared models and applies program-wide view settings.

    With `settings` (consultation mode only) the window size and text size are
    remembered between runs; kiosk mode never writes anything.
    """

    def __init__(
        self,
        app: QApplication,
        library: ContentLibrary,
        consultation: bool = True,
        config: ClinicConfig = DEFAULTS,
        settings: QSettings | None = None,
        config_source: str = "",
        notices: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.library = library
        self.config = config
        self.consultation_mode = consultation
        self.theme = NORMAL
        self.min_text_step = 0 if consultation else KIOSK_TEXT_STEP
        self.max_text_step = CONSULTATION_MAX_TEXT_STEP if consultation else len(TEXT_SIZES_PT) - 1
        self.start_text_step = DEFAULT_TEXT_STEP if consultation else KIOSK_TEXT_STEP
        self.view_settings = ViewSettings(settings) if settings and consultation else None
        if self.view_settings is not None:
            remembered = self.view_settings.text_step(self.start_text_step)
            self.start_text_step = min(self.max_text_step, remembered)
        self.text_step = apply_text_size(app, self.start_text_step)
        apply_theme(app, self.theme)
        # A fresh handout form: the clinic's paper; a kiosk has nothing "discussed today".
        parts = ALL_SECTIONS if consultation else ALL_SECTIONS - {Section.DISCUSSED}
        fresh_form = HandoutForm(page_size=PageSize(config.page_size), sections=parts)
        self.consultation = Consultation(library, fresh_form)
        self.selection = SiteSelectionModel(library.sites, self.consultation, self)
        self.session = PatientSession(self.consultation, self)
        self.services = PanelServices(library)
        self.window = MainWindow(
            library,
            bundled_body_diagram(),
            self.selection,
            self.session,
            self.services,
            self.theme,
            consultation=consultation,
            config=config,
        )
        self.window.textSizeStepRequested.connect(self.step_text_size)
        self.window.themeToggled.connect(self.set_high_contrast)
        self.window.closing.connect(self._on_window_closing)
        self.kiosk: KioskMode | None = None
        if consultation:
            make_pointer_friendly(self.window)
            self.window.pageBuilt.connect(self._on_page_built)
        else:
            from desktop_app.ui.kiosk.kiosk import KioskMode

            self.kiosk = KioskMode(
                app,
                self.window,
                self.explainer,
                library,
                config,
                self.reset_view,
                config_source=config_source,
                notices=notices,
            )

    @property
    def explainer(self) -> LinkExplainer:
        """Explains glossary and source links (tests replace how it shows them)."""
        return self.services.explainer

    def show(self) -> None:
        """Show the window: as the kiosk, or at the size it had last time."""
        if self.kiosk is not None:
            self.kiosk.show()
            return
        size, maximized = DEFAULT_WINDOW_SIZE, False
        if self.view_settings is not None:
            size, maximized = self.view_settings.window_size(DEFAULT_WINDOW_SIZE)
        self.window.resize(size)
        if maximized:
            self.window.showMaximized()
        else:
            self.window.show()

    def step_text_size(self, step: int) -> None:
        """Make all text smaller or larger by steps, within the mode's range (200 % wide)."""
        wanted = min(self.max_text_step, max(self.min_text_step, self.text_step + step))
        self.text_step = apply_text_size(self.app, wanted)
        if self.kiosk is not None:
            self.kiosk.follow_view_change()
        follow_text_size()  # headings built earlier (the body map's title) grow too
        self.window.set_theme(self.theme)  # rebuilt panels pick up the new size
        if self.view_settings is not None:
            self.view_settings.save_text_step(self.text_step)

    def reset_view(self) -> None:
        """Back to the starting theme and text size (for the next person at a kiosk)."""
        if self.theme is not NORMAL:
            self.set_high_contrast(False)
            button = self.window.contrast_button
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        if self.text_step != self.start_text_step:
            self.step_text_size(self.start_text_step - self.text_step)

    def _on_page_built(self, _name: str, page: QWidget) -> None:
        make_pointer_friendly(page)

    def _on_window_closing(self) -> None:
        if self.view_settings is not None:
            self.view_settings.save_window(self.window)

    def set_high_contrast(self, on: bool) -> None:
        """Switch between the normal and the high-contrast theme."""
        self.theme = HIGH_CONTRAST if on else NORMAL
        apply_theme(self.app, self.theme)
        if self.kiosk is not None:
            self.kiosk.follow_view_change()
        self.window.set_theme(self.theme)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the program's name, style and fonts."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [APP_NAME])
    app.setApplicationName(APP_NAME)
    # Matches packaging/linux/io.github.mbcguide.MbcGuide.desktop, so desktops show its icon.
    app.setDesktopFileName("io.github.mbcguide.MbcGuide")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setStyle(PointerStyle())
    install_accessibility()
    load_ui_fonts()
    font = QFont(UI_FONT_FAMILY)
    app.setFont(font)
    return app


class _FirstPaintWatcher(QObject):
    """Calls back once, right after the watched widget has been painted."""

    def __init__(self, on_painted: Callable[[], None]) -> None:
        super().__init__()
        self._on_painted = on_painted
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._on_painted)
        return False


def show_notices(parent: QWidget | None, notices: list[str]) -> None:
    """Tell the person, once, about content problems."""
    for notice in notices:
        title = (
            "Settings problems" if notice.startswith("The clinic settings") else "Content problems"
        )
        box = QMessageBox(QMessageBox.Icon.Warning, title, notice, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def config_notice(path: Path, problems: list[ConfigProblem]) -> str:
    """What to tell staff about a broken config file (it runs on defaults for those keys)."""
    lines = [str(problem) for problem in problems[:30]]
    return (
        f"The clinic settings in {path} need attention:\n"
        + "\n".join(lines)
        + f"\n\nThe program runs on the defaults for these. Check with: "
        f"mbc-guide config check {path}"
    )


@dataclass
class Startup:
    """The wired program (None when no content can be used) and what staff must be told."""

    controller: Controller | None
    notices: list[str] = field(default_factory=list)


def start_program(
    app: QApplication,
    config_path: Path | None = None,
    content_dir: Path | None = None,
    kiosk: bool = False,
    remember_view: bool = True,
) -> Startup:
    """Read the config and the content, then wire the window for consultation or kiosk."""
    config, problems = load_or_default(config_path)
    source = config_path or default_config_path()
    notices = [config_notice(source, problems)] if problems else []
    for problem in problems:
        log.warning("%s", problem)  # settings only: never anything a patient typed
    choice = choose_content(content_dir or config.content_folder, cache_dir=default_cache_dir())
    for notice in choice.notices:
        log.warning("%s", notice.splitlines()[0])
    notices += choice.notices
    if choice.library is None:
        return Startup(None, notices)
    kiosk = kiosk or config.kiosk
    controller = Controller(
        app,
        choice.library,
        consultation=not kiosk,
        config=config,
        settings=QSettings() if remember_view and not kiosk else None,
        config_source=str(source) if is_there(source) else "",
        notices=notices,
    )
    return Startup(controller, notices)


def run_gui(
    content_dir: Path | None = None,
    smoke: bool = False,
    kiosk: bool = False,
    config_path: Path | None = None,
) -> int:
    """Start the program window; in smoke mode, exit after the first paint."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = make_application(sys.argv[:1])
    startup = start_program(app, config_path, content_dir, kiosk, remember_view=not smoke)
    controller = startup.controller
    if controller is None:
        if not smoke:
            show_notices(None, startup.notices)
        else:
            print("\n".join(startup.notices), file=sys.stderr)
        return 1
    window = controller.window
    if smoke:

        def report() -> None:
            elapsed_ms = (time.perf_counter() - STARTED_AT) * 1000
            print(f"startup_ms={elapsed_ms:.0f}", flush=True)
            # exit(), not quit(): quit() asks every window to close, and a kiosk refuses.
            app.exit(0)

        watcher = _FirstPaintWatcher(report)
        window.installEventFilter(watcher)
        if controller.kiosk is not None:
            controller.show()
        else:
            window.resize(1280, 800)
            window.show()
        return app.exec()
    controller.show()
    QTimer.singleShot(0, window.start_prebuilding)
    if startup.notices and controller.kiosk is None:  # kiosk: on the staff screen instead
        QTimer.singleShot(0, lambda: show_notices(window, startup.notices))
    return app.exec()
