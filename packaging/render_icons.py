"""Render the application icon's PNG sizes from its SVG, with Qt's own SVG renderer.

Run after changing the SVG, then commit the PNGs:
    .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_ID = "io.github.mbcguide.MbcGuide"
SIZES = (16, 32, 48, 64, 128, 256)
HICOLOR = Path(__file__).resolve().parent / "linux" / "icons" / "hicolor"


def render(svg: Path, size: int, out: Path) -> None:
    """Write one square PNG of the SVG at `size` pixels, with a transparent background."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt cannot read this SVG.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), b"PNG"):
        raise SystemExit(f"{out}: could not write the PNG.")


def main() -> int:
    """Render every size into the hicolor tree beside the SVG."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = HICOLOR / "scalable" / "apps" / f"{ICON_ID}.svg"
    for size in SIZES:
        out = HICOLOR / f"{size}x{size}" / "apps" / f"{ICON_ID}.png"
        render(svg, size, out)
        print(out.relative_to(HICOLOR.parents[2]))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
