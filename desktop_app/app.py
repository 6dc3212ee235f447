"""Build the QApplication and wire every part together: the one place that does so."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app import APP_NAME, STARTED_AT, __version__
from desktop_app.body_diagram import bundled_body_diagram
from desktop_app.content.cache import default_cache_dir, load_content_cached
from desktop_app.content.model import ContentLibrary
from desktop_app.content.problems import LoadResult

if TYPE_CHECKING:
    from desktop_app.ui.rich_text import LinkExplainer
from desktop_app.resources import bundled_content_dir, resources_dir
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import PanelServices
from desktop_app.ui.session import PatientSession
from desktop_app.ui.site_model import SiteSelectionModel
from desktop_app.ui.theme import (
    DEFAULT_TEXT_STEP,
    HIGH_CONTRAST,
    NORMAL,
    apply_text_size,
    apply_theme,
)

log = logging.getLogger(__name__)
UI_FONT_FAMILY = "DejaVu Sans"


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
    """Holds the shared models and applies program-wide view settings."""

    def __init__(
        self, app: QApplication, library: ContentLibrary, consultation: bool = True
    ) -> None:
        super().__init__()
        self.app = app
        self.library = library
        self.theme = NORMAL
        self.text_step = apply_text_size(app, DEFAULT_TEXT_STEP)
        apply_theme(app, self.theme)
        self.selection = SiteSelectionModel(library.sites, self)
        self.session = PatientSession(self)
        self.services = PanelServices(library)
        self.window = MainWindow(
            library,
            bundled_body_diagram(),
            self.selection,
            self.session,
            self.services,
            self.theme,
            consultation=consultation,
        )
        self.window.textSizeStepRequested.connect(self.step_text_size)
        self.window.themeToggled.connect(self.set_high_contrast)

    @property
    def explainer(self) -> LinkExplainer:
        """Explains glossary and source links (tests replace how it shows them)."""
        return self.services.explainer

    def step_text_size(self, step: int) -> None:
        """Make all text one step smaller or larger."""
        self.text_step = apply_text_size(self.app, self.text_step + step)
        self.window.set_theme(self.theme)  # rebuilt panels pick up the new size

    def set_high_contrast(self, on: bool) -> None:
        """Switch between the normal and the high-contrast theme."""
        self.theme = HIGH_CONTRAST if on else NORMAL
        apply_theme(self.app, self.theme)
        self.window.set_theme(self.theme)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the program's name, style and fonts."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setStyle("Fusion")
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
        box = QMessageBox(QMessageBox.Icon.Warning, "Content problems", notice, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def run_gui(content_dir: Path | None = None, smoke: bool = False) -> int:
    """Start the program window; in smoke mode, exit after the first paint."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = make_application(sys.argv[:1])
    choice = choose_content(content_dir, cache_dir=default_cache_dir())
    for notice in choice.notices:
        log.warning("%s", notice.splitlines()[0])
    if choice.library is None:
        if not smoke:
            show_notices(None, choice.notices)
        else:
            print("\n".join(choice.notices), file=sys.stderr)
        return 1
    controller = Controller(app, choice.library)
    window = controller.window
    if smoke:

        def report() -> None:
            elapsed_ms = (time.perf_counter() - STARTED_AT) * 1000
            print(f"startup_ms={elapsed_ms:.0f}", flush=True)
            app.quit()

        watcher = _FirstPaintWatcher(report)
        window.installEventFilter(watcher)
        window.resize(1280, 800)
        window.show()
        return app.exec()
    window.resize(1280, 860)
    window.show()
    QTimer.singleShot(0, window.start_prebuilding)
    if choice.notices:
        QTimer.singleShot(0, lambda: show_notices(window, choice.notices))
    return app.exec()
