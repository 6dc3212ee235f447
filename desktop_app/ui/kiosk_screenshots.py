"""Kiosk screenshots for `make screenshots`: start screen, idle warning, PIN pad and more."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.app import Controller, choose_content, make_application
from desktop_app.config import DEFAULTS
from desktop_app.staff_pin import hash_pin
from desktop_app.ui.kiosk import KioskMode
from desktop_app.ui.theme import DEFAULT_TEXT_STEP, apply_text_size

KIOSK_SIZES = ((1920, 1080), (1280, 800))
EXAMPLE_CONFIG = dataclasses.replace(
    DEFAULTS,
    kiosk=True,
    clinic_name="City Hospital Breast Unit",
    idle_seconds=3600,
    warning_seconds=30,
)


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _shoot(app: QApplication, widget: QWidget, path: Path) -> Path:
    _settle(app)
    widget.grab().save(str(path))
    print(path)
    return path


def take_kiosk_screenshots(out_dir: Path) -> list[Path]:
    """Drive a real kiosk window at each screen size and save what it shows."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_application()
    library = choose_content(None).library
    assert library is not None
    config = dataclasses.replace(EXAMPLE_CONFIG, admin_pin_hash=hash_pin("2468"))
    written: list[Path] = []
    for width, height in KIOSK_SIZES:
        controller = Controller(app, library, consultation=False, config=config)
        kiosk = controller.kiosk
        assert kiosk is not None
        window = controller.window
        window.resize(width, height)
        kiosk.show(full_screen=False)
        scenes: list[tuple[str, Callable[[], None]]] = [
            ("start", window.show_map),
            ("idle-warning", partial(kiosk.warning.start, 30)),
            ("pin-pad", partial(_pin_pad, kiosk)),
            ("site-spine", partial(_site, controller)),
            ("glossary-word", partial(_glossary_word, controller)),
            ("handout", window.show_handout),
            ("about", window.show_about),
            ("staff-screen", kiosk.admin.open),
        ]
        for name, action in scenes:
            action()
            written.append(_shoot(app, window, out_dir / f"kiosk-{name}-{width}x{height}.png"))
            kiosk.reset()
        kiosk.shut_down()
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    apply_text_size(app, DEFAULT_TEXT_STEP)
    return written


def _pin_pad(kiosk: KioskMode) -> None:
    kiosk.pin_pad.open()
    for digit in "24":
        kiosk.pin_pad.press(digit)


def _site(controller: Controller) -> None:
    controller.selection.set_selected("spine", True)
    controller.window.show_site("spine")
    controller.window.site_page.cards[0].compare_button.click()


def _glossary_word(controller: Controller) -> None:
    controller.window.show_site("spine")
    controller.explainer.activate(controller.window, "term:metastasis")
