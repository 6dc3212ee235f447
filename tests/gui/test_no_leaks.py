"""What the program builds and then lets go of is really gone, not only hidden.

Each test here reproduces one leak the soak test found, with the exact sequence that
caused it, and fails on the code before its fix:

- a text size change rebuilt every site page, and a "Start again" in the same turn
  (which looks for every scroll area to scroll it back up) found the old pages before
  their deferred deletion; with PySide6 6.12 a page taken out of its stack that way
  kept its Python object, and every option card in it, for the rest of the day;
- every handout preview left its background job behind (the job's signals held the
  callbacks, and the callbacks held the job: a cycle through Qt that Python's
  collector cannot see), and PySide kept every QRunnable started with auto-delete off;
- every preview made a new QPdfDocument, and QtPdf 6.12 leaves about 190 KB behind for
  each one that rendered pages (15.6 MB over 40,000 actions with 90 previews, against
  0.3 MB for the same run without previews).

(The third leak, in the soak tool's own `settle()`, shows only under the program's
real event loop; the soak's count of Qt objects, first and last, is its check.)
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QScroller
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.content.model import ContentLibrary
from desktop_app.handout.builder import render_handout
from desktop_app.handout.request import HandoutRequest
from desktop_app.ui.pages.site_page import SitePage
from desktop_app.ui.qt.background import BackgroundJob
from desktop_app.ui.widgets.pdf_pages import LoadedPdf
from tools.soak import resident_bytes


def _deliver_deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _in_one_turn_of_the_loop(action: Callable[[], None]) -> None:
    """Run `action` from a timer inside the application's event loop, as a click would.

    The application's own loop, not a nested one: how Qt treats deferred deletions
    depends on the loop level they were asked for in.
    """
    app = QCoreApplication.instance()
    assert app is not None

    def run() -> None:
        try:
            action()
        finally:
            app.exit(0)

    QTimer.singleShot(0, run)
    app.exec()


def test_pages_rebuilt_for_a_text_size_change_are_freed(
    qtbot: QtBot, controller: Controller
) -> None:
    window = controller.window
    window.show_site("spine")
    old_pages = [weakref.ref(window.site_pages.page(site.id)) for site in controller.library.sites]

    def larger_text_then_start_again() -> None:
        controller.step_text_size(1)  # every site page is rebuilt
        window.findChildren(QAbstractScrollArea)  # what clear_everything() does
        window.clear_everything()

    _in_one_turn_of_the_loop(larger_text_then_start_again)
    _deliver_deferred_deletes()
    alive = [ref() for ref in old_pages if ref() is not None]
    assert alive == [], f"{len(alive)} of {len(old_pages)} old site pages still held"
    # and the program still shows a page for every site at the new size
    for site in controller.library.sites:
        page = window.site_pages.page(site.id)
        assert isinstance(page, SitePage) and page.cards


def test_handout_previews_leave_no_background_jobs_behind(
    qtbot: QtBot, controller: Controller
) -> None:
    gc.collect()
    earlier = {id(thing) for thing in gc.get_objects() if isinstance(thing, BackgroundJob)}
    window = controller.window
    controller.selection.set_selected("liver", True)
    window.show_handout()
    page = window.handout_page
    for _ in range(4):
        with qtbot.waitSignal(page.pdfReady, timeout=30_000):
            page.preview_button.click()
        qtbot.waitUntil(page.preview_button.isEnabled, timeout=10_000)
    gc.collect()
    jobs = [
        thing
        for thing in gc.get_objects()
        if isinstance(thing, BackgroundJob) and id(thing) not in earlier
    ]
    # The job that reported last is kept until the next one reports; no more.
    assert len(jobs) <= 1, f"{len(jobs)} handout jobs still held after 4 previews"


def test_previews_rendered_again_and_again_keep_memory_flat(
    qtbot: QtBot, bundled_library: ContentLibrary
) -> None:
    """QtPdf 6.12 leaves ~190 KB behind per QPdfDocument that renders and is destroyed."""
    data = render_handout(
        bundled_library, HandoutRequest(site_ids=("spine", "liver"), notes="Walk daily.")
    ).data
    for _ in range(5):  # what the first renders build once (fonts, caches)
        with LoadedPdf(data) as pdf:
            pdf.render(0, 800)
    before = resident_bytes()
    for _ in range(40):
        with LoadedPdf(data) as pdf:
            for page in range(pdf.page_count):
                pdf.render(page, 800)
    grown_mb = (resident_bytes() - before) / 1e6
    assert grown_mb < 2.5, f"40 previews grew memory by {grown_mb:.1f} MB"


def test_kiosk_grabs_flick_scrolling_only_for_pages_that_are_shown(
    make_kiosk: Callable[[str], Controller],
) -> None:
    """Each QScroller.grabGesture() keeps ~4.4 KB for good (PySide6 6.12)."""
    controller = make_kiosk("")
    window = controller.window
    window.show_site("spine")
    for _ in range(3):  # every site page is rebuilt each time
        controller.step_text_size(1)
        controller.step_text_size(-1)
    pages = window.site_pages
    for site in controller.library.sites:
        pages.page(site.id)  # built ahead, as in idle moments
    shown = pages.current
    assert shown.site_id == "spine"
    assert QScroller.hasScroller(shown.viewport())  # flick scrolling where it is seen
    hidden = [
        site.id
        for site in controller.library.sites
        if site.id != "spine" and QScroller.hasScroller(pages.page(site.id).viewport())
    ]
    assert hidden == []
