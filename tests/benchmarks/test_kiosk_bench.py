"""1,000 kiosk session-and-reset cycles: memory grows by under 10 MB (run by `make bench`)."""

from __future__ import annotations

import dataclasses
import gc
import resource
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.app import Controller, choose_content, make_application
from desktop_app.config import DEFAULTS
from desktop_app.ui.qt.theme import DEFAULT_TEXT_STEP, apply_text_size

CYCLES = 1000
WARM_UP = 50
PREVIEW_EVERY = 100
LIMIT_MB = 10.0
SITES = ("spine", "liver", "brain", "bone", "lung")


def _rss_mb() -> float:
    """The process's resident memory now (Linux), else its peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _settle() -> None:
    """What returning to the event loop does: pending events and deferred deletes."""
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _preview(controller: Controller) -> None:
    page = controller.window.handout_page
    loop = QEventLoop()
    page.pdfReady.connect(loop.quit)
    page.failed.connect(loop.quit)
    page.preview()
    loop.exec()
    page.pdfReady.disconnect(loop.quit)
    page.failed.disconnect(loop.quit)


def _one_session(controller: Controller, cycle: int) -> None:
    """A patient's visit: sites, comparison, questions, glossary, handout; then the reset."""
    window = controller.window
    kiosk = controller.kiosk
    assert kiosk is not None
    site = SITES[cycle % len(SITES)]
    controller.selection.set_selected(site, True)
    window.show_site(site)
    for card in window.site_page.cards[:2]:
        card.compare_button.setChecked(True)
    window.show_compare()
    window.show_questions()
    questions = window.questions_page
    questions.model.setData(
        questions.model.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    questions.own_entry.setText(f"Question {cycle}: can I travel?")
    questions.add_button.click()
    window.show_glossary()
    window.glossary_page.search.setText("bone")
    controller.explainer.activate(window, "term:metastasis")
    window.show_handout()
    page = window.handout_page
    page.name_edit.setText(f"Patient {cycle}")
    page.notes_edit.setPlainText(f"Notes for visit {cycle}")
    if cycle % PREVIEW_EVERY == 0:
        _preview(controller)
    kiosk.reset()
    _settle()


def test_a_thousand_kiosk_resets_grow_memory_by_under_10_mb() -> None:
    app = make_application()
    library = choose_content(None).library
    assert library is not None
    config = dataclasses.replace(DEFAULTS, kiosk=True, idle_seconds=3600)
    controller = Controller(app, library, consultation=False, config=config)
    assert controller.kiosk is not None
    controller.show()
    _settle()
    try:
        for cycle in range(WARM_UP):  # caches, lazily built pages, fonts
            _one_session(controller, cycle)
        gc.collect()
        _settle()
        before = _rss_mb()
        started = time.perf_counter()
        for cycle in range(CYCLES):
            _one_session(controller, cycle)
        elapsed = time.perf_counter() - started
        gc.collect()
        _settle()
        after = _rss_mb()
        assert not controller.session.has_input()
        assert controller.selection.selected_ids() == []
    finally:
        controller.kiosk.shut_down()
        controller.window.close()
        apply_text_size(app, DEFAULT_TEXT_STEP)
    growth = after - before
    print(
        f"\nkiosk session-and-reset cycles: {CYCLES} in {elapsed:.1f} s "
        f"({elapsed / CYCLES * 1000:.1f} ms each, {CYCLES // PREVIEW_EVERY} with a PDF preview); "
        f"RSS {before:.1f} MB -> {after:.1f} MB, growth {growth:+.2f} MB (limit {LIMIT_MB:g} MB)"
    )
    assert growth < LIMIT_MB
