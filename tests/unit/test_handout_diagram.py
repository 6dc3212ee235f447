"""The handout's body diagram and icon array: vector drawings, the chosen sites marked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Circle, Drawing, Group, String
from reportlab.platypus import SimpleDocTemplate

from desktop_app.handout.diagram import DiagramError, body_diagram
from desktop_app.handout.fonts import register_fonts
from desktop_app.handout.icons import IconArray
from desktop_app.handout.styles import ICON_ON

# The same structure as resources/diagram/body.svg, small enough to read.
TINY_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 200" width="100" height="200">
  <g id="base"><path d="M30 45 L70 45 L75 190 L25 190 Z" fill="#eeeeee" stroke="#888888"/>
    <text x="5" y="5">label</text></g>
  <g id="site-brain" fill="#dddddd"><ellipse cx="50" cy="22" rx="12" ry="9"/></g>
  <g id="site-spine" fill="#dddddd"><rect x="48" y="45" width="4" height="80"/></g>
  <g id="site-liver" fill="#dddddd"><rect x="30" y="70" width="15" height="10"/></g>
  <g id="anchors">
    <circle id="anchor-brain" cx="50" cy="22" r="1"/>
    <circle id="anchor-spine" cx="50" cy="90" r="1"/>
    <circle id="anchor-liver" cx="37" cy="75" r="1"/>
  </g>
</svg>
"""


@pytest.fixture
def tiny_svg(tmp_path: Path) -> Path:
    path = tmp_path / "body.svg"
    path.write_text(TINY_SVG, encoding="utf-8")
    return path


def _nodes(node: object) -> list[object]:
    out: list[object] = []
    for child in getattr(node, "contents", []):
        out.append(child)
        if isinstance(child, Group):
            out += _nodes(child)
    return out


def test_markers_are_numbered_at_the_anchors(tiny_svg: Path) -> None:
    drawing = body_diagram(tiny_svg, ["spine", "brain"], height=200.0, marker_size=10.0)
    assert isinstance(drawing, Drawing)
    assert drawing.height == 200.0
    numbers = [n for n in _nodes(drawing) if isinstance(n, String)]
    assert [n.text for n in numbers] == ["1", "2"]
    assert all(n.fontName == register_fonts().bold for n in numbers)
    markers = [n for n in drawing.contents if isinstance(n, Circle)]
    assert len(markers) == 2
    spine, brain = markers
    # the brain (near the top of the SVG) is drawn above the spine (y grows upwards)
    assert brain.cy > spine.cy
    assert abs(brain.cx - spine.cx) < 1
    # the anchor circles themselves are not drawn, nor is the SVG's text
    assert len([n for n in _nodes(drawing) if isinstance(n, Circle)]) == 2
    assert not any(isinstance(n, String) and n.text == "label" for n in _nodes(drawing))


def test_chosen_sites_are_coloured_and_the_file_is_not(tiny_svg: Path) -> None:
    from desktop_app.handout.diagram import SITE_FILL

    chosen = body_diagram(tiny_svg, ["liver"])
    fills = {getattr(n, "fillColor", None) for n in _nodes(chosen)}
    assert SITE_FILL in fills
    plain = body_diagram(tiny_svg, [])
    assert SITE_FILL not in {getattr(n, "fillColor", None) for n in _nodes(plain)}
    assert tiny_svg.read_text(encoding="utf-8") == TINY_SVG


def test_close_markers_do_not_overlap(tmp_path: Path) -> None:
    crowded = TINY_SVG.replace('cx="37" cy="75"', 'cx="50" cy="90"')
    path = tmp_path / "crowded.svg"
    path.write_text(crowded, encoding="utf-8")
    drawing = body_diagram(path, ["spine", "liver"], marker_size=10.0)
    first, second = [n for n in drawing.contents if isinstance(n, Circle)]
    assert (first.cx - second.cx) ** 2 + (first.cy - second.cy) ** 2 >= (2 * first.r) ** 2


def test_broken_diagram_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg", encoding="utf-8")
    with pytest.raises(DiagramError):
        body_diagram(broken, ["spine"])
    with pytest.raises(DiagramError):
        body_diagram(tmp_path / "missing.svg", ["spine"])


def test_diagram_and_icons_are_vector_with_the_bundled_font(tiny_svg: Path) -> None:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, initialFontName=register_fonts().regular, invariant=1)
    doc.build([body_diagram(tiny_svg, ["spine", "brain", "liver"]), IconArray(35)])
    pdf = out.getvalue()
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    assert not page.images  # drawn, not pasted in as pictures
    assert b"Helvetica" not in pdf and b"Times" not in pdf
    assert "123" in page.extract_text().replace(" ", "").replace("\n", "")


def test_icon_array_counts_and_shrinks() -> None:
    icons = IconArray(35)
    width, height = icons.wrap(500, 500)
    assert (width, height) == (70.0, 96.0)
    assert icons.wrap(35, 500) == (35.0, 48.0)
    assert IconArray(250).value == 100 and IconArray(-3).value == 0
    assert ICON_ON is not None
