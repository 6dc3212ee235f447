"""Every screen a person can reach, as a list of scenes the tests and tools walk through.

One list serves three jobs: the no-markup test opens each scene and reads its visible
text, `make screenshots` saves a picture of each, and the soak test visits them again
and again. A scene shows itself on a real, shown `Controller` and returns the top-level
widget that holds what the person now sees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.app import Controller

EXAMPLE_SITES = ("spine", "liver", "brain")
COMPARE_SETS = {
    2: ("bone-radiotherapy", "bone-denosumab"),
    3: ("spine-radiotherapy", "spine-sbrt", "spine-surgery"),
    4: ("bone-radiotherapy", "bone-denosumab", "bone-surgery", "bone-sbrt"),
}
EXAMPLE_TERM = "metastasis"
PREVIEW_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Scene:
    """One screen: a file-name-friendly name and how to bring it up."""

    name: str
    show: Callable[[Controller], QWidget]


def settle() -> None:
    """Let Qt lay out and paint what the last action changed.

    Each turn runs a short event loop of its own rather than calling processEvents():
    with Qt 6.12, a widget passed to deleteLater() and then followed, in the same event
    handler, by processEvents() is never deleted (measured: 200 of 200 buttons left), so
    a tool that settled that way would leak what the program itself frees. An event
    loop that runs and returns is what the program's own dialogs do, and it deletes them.
    """
    for _ in range(3):
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()


def consultation_scenes(controller: Controller) -> list[Scene]:
    """Every screen of consultation mode, option pages and comparisons included."""
    library = controller.library
    scenes = [
        Scene("body-map-empty", _map),
        Scene("body-map-three-sites", _map_with_sites),
    ]
    scenes += [Scene(f"site-{site.id}", partial(_site, site.id)) for site in library.sites]
    scenes += [Scene(f"option-{o}", partial(_option, o)) for o in library.options]
    scenes += [
        Scene(f"compare-{count}-options", partial(_compare, ids))
        for count, ids in COMPARE_SETS.items()
    ]
    scenes += [
        Scene("glossary", _glossary),
        Scene("glossary-word", _glossary_word),
        Scene("questions", _questions),
        Scene("handout", _handout),
        Scene("handout-preview", _handout_preview),
        Scene("about", _about),
    ]
    return scenes


def kiosk_scenes(controller: Controller) -> list[Scene]:
    """Every screen and panel of kiosk mode."""
    library = controller.library
    scenes = [Scene("start", _map), Scene("start-three-sites", _map_with_sites)]
    scenes += [Scene(f"site-{site.id}", partial(_site, site.id)) for site in library.sites]
    scenes += [
        Scene("option-spine-radiotherapy", partial(_option, "spine-radiotherapy")),
        Scene("compare-3-options", partial(_compare, COMPARE_SETS[3])),
        Scene("glossary", _glossary),
        Scene("glossary-word", _kiosk_glossary_word),
        Scene("questions", _questions),
        Scene("handout", _handout),
        Scene("handout-preview", _handout_preview),
        Scene("about", _about),
        Scene("idle-warning", _idle_warning),
        Scene("pin-pad", _pin_pad),
        Scene("staff-screen", _staff_screen),
    ]
    return scenes


def _map(controller: Controller) -> QWidget:
    controller.window.show_map()
    return controller.window


def _map_with_sites(controller: Controller) -> QWidget:
    controller.window.show_map()
    for site_id in EXAMPLE_SITES:
        controller.selection.set_selected(site_id, True)
    return controller.window


def _site(site_id: str, controller: Controller) -> QWidget:
    controller.selection.set_selected(site_id, True)
    controller.window.show_site(site_id)
    return controller.window


def _option(option_id: str, controller: Controller) -> QWidget:
    controller.window.show_option(option_id)
    return controller.window


def _compare(option_ids: tuple[str, ...], controller: Controller) -> QWidget:
    session = controller.session
    for option_id in list(session.compared):
        session.set_compared(option_id, False)
    for option_id in option_ids:
        session.set_compared(option_id, True)
    controller.window.show_compare()
    return controller.window


def _glossary(controller: Controller) -> QWidget:
    controller.window.show_glossary()
    return controller.window


def _glossary_word(controller: Controller) -> QWidget:
    controller.window.show_glossary()
    controller.window.glossary_page.show_term(EXAMPLE_TERM)
    return controller.window


def _kiosk_glossary_word(controller: Controller) -> QWidget:
    controller.window.show_site("spine")
    controller.explainer.activate(controller.window, f"term:{EXAMPLE_TERM}")
    return controller.window


def _questions(controller: Controller) -> QWidget:
    controller.window.show_questions()
    return controller.window


def _handout(controller: Controller) -> QWidget:
    controller.window.show_handout()
    return controller.window


def _handout_preview(controller: Controller) -> QWidget:
    """The handout page with the real PDF pages in its preview."""
    window = controller.window
    window.show_handout()
    page = window.handout_page
    page.name_edit.setText("Zoë Łukasiewicz")
    if page.prepared_edit.isVisibleTo(page):
        page.prepared_edit.setText("Dr Ngozi Adeyemi")
    wait_for_preview(controller)
    return window


def wait_for_preview(controller: Controller) -> None:
    """Press Preview and wait (in the event loop) until the pages are shown or it failed."""
    page = controller.window.handout_page
    loop = QEventLoop()
    page.pdfReady.connect(loop.quit)
    page.failed.connect(loop.quit)
    QTimer.singleShot(PREVIEW_TIMEOUT_MS, loop.quit)
    page.preview()
    loop.exec()
    page.pdfReady.disconnect(loop.quit)
    page.failed.disconnect(loop.quit)


def _about(controller: Controller) -> QWidget:
    window = controller.window
    window.show_about()
    if controller.kiosk is None:
        return window.about_dialog
    return window


def _idle_warning(controller: Controller) -> QWidget:
    kiosk = controller.kiosk
    assert kiosk is not None
    kiosk.warning.start(controller.config.warning_seconds)
    return controller.window


def _pin_pad(controller: Controller) -> QWidget:
    kiosk = controller.kiosk
    assert kiosk is not None
    kiosk.pin_pad.open()
    for digit in "24":
        kiosk.pin_pad.press(digit)
    return controller.window


def _staff_screen(controller: Controller) -> QWidget:
    kiosk = controller.kiosk
    assert kiosk is not None
    kiosk.admin.open()
    return controller.window


def leave_scene(controller: Controller) -> None:
    """Close what a scene opened on top of the pages (dialogs and kiosk panels)."""
    about = getattr(controller.window, "about_dialog", None)
    if about is not None and about.isVisible():
        about.close()
    if controller.kiosk is not None:
        kiosk = controller.kiosk
        kiosk.warning.stop()
        for panel in (kiosk.panel, kiosk.about, kiosk.pin_pad, kiosk.admin):
            panel.close_panel()
