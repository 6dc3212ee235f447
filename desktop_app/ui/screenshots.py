"""`make screenshots`: PNGs of every main screen at normal and largest text size."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.app import Controller, choose_content, make_application
from desktop_app.ui.theme import TEXT_SIZES_PT

EXAMPLE_SITES = ("spine", "liver", "brain")
EXAMPLE_OPTIONS = ("spine-radiotherapy", "spine-sbrt", "spine-surgery")


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    _settle(app)
    widget.grab().save(str(path))
    print(path)


def take_screenshots(out_dir: Path, width: int = 1280, height: int = 860) -> list[Path]:
    """Drive the real window through each screen and save what it shows."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_application()
    library = choose_content(None).library
    assert library is not None
    written: list[Path] = []
    for size_name, step in (("normal", 1), ("largest", len(TEXT_SIZES_PT) - 1)):
        controller = Controller(app, library)
        window = controller.window
        controller.step_text_size(step - controller.text_step)
        window.resize(width, height)
        window.show()
        scenes: list[tuple[str, Callable[[], None]]] = [
            ("body-map-empty", window.show_map),
            ("body-map-three-sites", partial(_select_sites, controller)),
            ("site-spine", partial(window.show_site, "spine")),
            ("compare-three-options", partial(_compare, controller)),
            ("glossary", window.show_glossary),
            ("questions", window.show_questions),
        ]
        for name, action in scenes:
            action()
            path = out_dir / f"{name}-{size_name}.png"
            _shoot(app, window, path)
            written.append(path)
        _preview_handout(controller)
        path = out_dir / f"handout-{size_name}.png"
        _shoot(app, window, path)
        written.append(path)
        window.show_about()
        path = out_dir / f"about-{size_name}.png"
        _shoot(app, window.about_dialog, path)
        written.append(path)
        window.about_dialog.close()
        window.close()
        window.deleteLater()
        _settle(app)
    return written


def _select_sites(controller: Controller) -> None:
    controller.window.show_map()
    for site_id in EXAMPLE_SITES:
        controller.selection.set_selected(site_id, True)


def _preview_handout(controller: Controller) -> None:
    """Show the handout page with a preview of the real PDF pages."""
    controller.window.show_handout()
    page = controller.window.handout_page
    page.name_edit.setText("Zoë Łukasiewicz")
    page.prepared_edit.setText("Dr Ngozi Adeyemi")
    loop = QEventLoop()
    page.pdfReady.connect(loop.quit)
    page.failed.connect(loop.quit)
    page.preview()
    loop.exec()


def _compare(controller: Controller) -> None:
    for option_id in EXAMPLE_OPTIONS:
        controller.session.set_compared(option_id, True)
    controller.window.show_site("spine")
    controller.window.show_compare()


if __name__ == "__main__":
    from desktop_app.ui.kiosk_screenshots import take_kiosk_screenshots

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    take_screenshots(target)
    take_kiosk_screenshots(target)
