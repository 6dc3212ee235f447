"""`make screenshots`: a PNG of every screen the tour reaches, in every look that matters.

    python -m tools.screenshots [FOLDER]      (default docs/screenshots)

Consultation mode at 1280x860: normal text, the largest text, and high contrast.
Kiosk mode: 1280x800 and 1920x1080 at its starting text size, and 1280x800 at its
largest text size and in high contrast. The names are `<scene>-<look>.png` and
`kiosk-<scene>-<look>.png`; the scenes are those of `tools/tour.py`, which the
no-markup test walks too.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop_app.app import Controller, choose_content, make_application
from desktop_app.config import DEFAULTS
from desktop_app.content.model import ContentLibrary
from desktop_app.staff_pin import hash_pin
from desktop_app.ui.qt.theme import DEFAULT_TEXT_STEP, TEXT_SIZES_PT, apply_text_size
from tools.tour import Scene, consultation_scenes, kiosk_scenes, leave_scene, settle

KIOSK_CONFIG = dataclasses.replace(
    DEFAULTS,
    kiosk=True,
    clinic_name="City Hospital Breast Unit",
    idle_seconds=3600,
    warning_seconds=30,
    admin_pin_hash=hash_pin("2468"),
)
LARGEST = len(TEXT_SIZES_PT) - 1


@dataclasses.dataclass(frozen=True)
class Look:
    """One way of showing the program: window size, text size and theme."""

    name: str
    width: int
    height: int
    text_step: int | None = None  # None: the mode's starting size
    high_contrast: bool = False


CONSULTATION_LOOKS = (
    Look("normal", 1280, 860, text_step=DEFAULT_TEXT_STEP),
    Look("largest", 1280, 860, text_step=LARGEST),
    Look("high-contrast", 1280, 860, text_step=DEFAULT_TEXT_STEP, high_contrast=True),
)
KIOSK_LOOKS = (
    Look("1280x800", 1280, 800),
    Look("1920x1080", 1920, 1080),
    Look("1280x800-largest", 1280, 800, text_step=LARGEST),
    Look("1280x800-high-contrast", 1280, 800, high_contrast=True),
)


def _save(image: QImage, path: Path) -> Path:
    # 8-bit colour without dithering: flat colours stay flat, and the file is smaller.
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    image.convertToFormat(QImage.Format.Format_Indexed8, flags).save(str(path))
    print(path)
    return path


def _shoot_all(
    controller: Controller,
    scenes: Callable[[Controller], list[Scene]],
    out_dir: Path,
    prefix: str,
    look: Look,
    between: Callable[[], None],
) -> list[Path]:
    written = []
    for scene in scenes(controller):
        top = scene.show(controller)
        settle()
        written.append(
            _save(top.grab().toImage(), out_dir / f"{prefix}{scene.name}-{look.name}.png")
        )
        leave_scene(controller)
        between()
    return written


def _apply(controller: Controller, look: Look) -> None:
    if look.text_step is not None:
        controller.step_text_size(look.text_step - controller.text_step)
    if look.high_contrast:
        controller.set_high_contrast(True)


def _close(controller: Controller) -> None:
    controller.set_high_contrast(False)
    controller.window.close()
    controller.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    controller.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def take_consultation_screenshots(
    app: QApplication, library: ContentLibrary, out_dir: Path
) -> list[Path]:
    """Every consultation screen in each look."""
    written: list[Path] = []
    for look in CONSULTATION_LOOKS:
        controller = Controller(app, library)
        _apply(controller, look)
        controller.window.resize(look.width, look.height)
        controller.window.show()
        settle()
        written += _shoot_all(
            controller, consultation_scenes, out_dir, "", look, controller.window.clear_everything
        )
        _close(controller)
        apply_text_size(app, DEFAULT_TEXT_STEP)
    return written


def take_kiosk_screenshots(app: QApplication, library: ContentLibrary, out_dir: Path) -> list[Path]:
    """Every kiosk screen and panel in each look (the window as the screen it fills)."""
    written: list[Path] = []
    for look in KIOSK_LOOKS:
        controller = Controller(app, library, consultation=False, config=KIOSK_CONFIG)
        kiosk = controller.kiosk
        assert kiosk is not None
        controller.window.resize(look.width, look.height)
        kiosk.show(full_screen=False)

        def between(kiosk=kiosk, controller=controller, look=look) -> None:  # type: ignore[no-untyped-def]
            kiosk.reset()  # as the next person would find it, then the look again
            _apply(controller, look)

        _apply(controller, look)
        settle()
        written += _shoot_all(controller, kiosk_scenes, out_dir, "kiosk-", look, between)
        kiosk.shut_down()
        _close(controller)
        apply_text_size(app, DEFAULT_TEXT_STEP)
    return written


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir = Path(argv[1] if len(argv) > 1 else "docs/screenshots")
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.png"):
        old.unlink()
    app = make_application()
    library = choose_content(None).library
    assert library is not None
    written = take_consultation_screenshots(app, library, out_dir)
    written += take_kiosk_screenshots(app, library, out_dir)
    print(f"{len(written)} screenshots in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
