"""The body diagram SVG, split into its base drawing, one drawing per site, and anchors.

Qt-free: the screen renders the pieces with QtSvg, the handout with svglib.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop_app.resources import resource_path

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
_SITE_PREFIX = "site-"
_ANCHOR_PREFIX = "anchor-"

DIAGRAM_ATTRIBUTION = (
    "Body diagram adapted from the Expression Atlas anatomogram, EMBL-EBI, CC BY 4.0. "
    "Spine and skeleton added; organs restyled."
)


class DiagramError(ValueError):
    """The diagram file is missing a part the program needs."""


@dataclass(frozen=True)
class BodyDiagram:
    """The parts of the body diagram, each a complete SVG document in the same viewBox."""

    view_box: tuple[float, float, float, float]
    whole_svg: bytes
    site_svgs: dict[str, bytes]
    anchors: dict[str, tuple[float, float]]
    titles: dict[str, str]
    paint_order: tuple[str, ...]

    @property
    def hit_order(self) -> tuple[str, ...]:
        """Site ids topmost first: the order in which a click is tested."""
        return tuple(reversed(self.paint_order))


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _document_with(root: ET.Element, keep: ET.Element) -> bytes:
    shell = ET.Element(root.tag, root.attrib)
    shell.append(copy.deepcopy(keep))
    return bytes(ET.tostring(shell, encoding="utf-8", xml_declaration=True))


def parse_body_diagram(svg_bytes: bytes) -> BodyDiagram:
    """Split an SVG with `site-<id>` groups and `anchor-<id>` circles into its parts."""
    try:
        root = ET.fromstring(svg_bytes)
    except ET.ParseError as exc:
        raise DiagramError(f"the body diagram is not valid SVG: {exc}") from None
    box_text = root.get("viewBox")
    if not box_text:
        raise DiagramError("the body diagram has no viewBox")
    x, y, width, height = (float(part) for part in box_text.replace(",", " ").split())
    site_svgs: dict[str, bytes] = {}
    titles: dict[str, str] = {}
    order: list[str] = []
    anchors: dict[str, tuple[float, float]] = {}
    for element in root.iter():
        element_id = element.get("id", "")
        if _tag(element) == "g" and element_id.startswith(_SITE_PREFIX):
            site_id = element_id[len(_SITE_PREFIX) :]
            order.append(site_id)
            site_svgs[site_id] = _document_with(root, element)
            title = element.find(f"{{{SVG_NS}}}title")
            titles[site_id] = (title.text or site_id).strip() if title is not None else site_id
        elif _tag(element) == "circle" and element_id.startswith(_ANCHOR_PREFIX):
            anchors[element_id[len(_ANCHOR_PREFIX) :]] = (
                float(element.get("cx", "0")),
                float(element.get("cy", "0")),
            )
    missing = [site_id for site_id in order if site_id not in anchors]
    if missing:
        raise DiagramError(f"the body diagram has no anchor for: {', '.join(missing)}")
    return BodyDiagram(
        view_box=(x, y, width, height),
        whole_svg=svg_bytes,
        site_svgs=site_svgs,
        anchors=anchors,
        titles=titles,
        paint_order=tuple(order),
    )


def body_diagram_path() -> Path:
    """The bundled body diagram file."""
    return resource_path("diagram", "body.svg")


@cache
def bundled_body_diagram() -> BodyDiagram:
    """The bundled body diagram, parsed once."""
    return parse_body_diagram(body_diagram_path().read_bytes())
