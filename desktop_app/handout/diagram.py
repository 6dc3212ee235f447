"""The small body diagram: the bundled SVG with the chosen sites coloured and numbered."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import logging
import os
import pickle
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from copy import deepcopy
from functools import lru_cache
from pathlib import Path
from typing import Any

import reportlab
from reportlab.graphics.shapes import Circle, Drawing, Group, String
from reportlab.lib import colors
from reportlab.lib.units import cm

from desktop_app.atomic_file import write_atomically
from desktop_app.handout.fonts import register_fonts

log = logging.getLogger(__name__)

SVG_NS = "http://www.w3.org/2000/svg"
SITE_FILL = colors.HexColor("#3d7ab8")
SITE_STROKE = colors.HexColor("#0f2e4d")
MARKER_FILL = colors.HexColor("#0f2e4d")
Affine = tuple[float, float, float, float, float, float]
_CACHE_FORMAT = "1"


class DiagramError(Exception):
    """The body diagram file is missing or cannot be drawn."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _without_text(svg: bytes) -> bytes:
    """The SVG without <text> (labels would send svglib looking for system fonts)."""
    ET.register_namespace("", SVG_NS)
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise DiagramError(f"the body diagram is not valid SVG ({exc})") from exc
    parents = {child: parent for parent in root.iter() for child in parent}
    for element, parent in parents.items():
        if _local(element.tag) == "text":
            parent.remove(element)
    return bytes(ET.tostring(root, encoding="utf-8"))


def _multiply(m: Affine, n: Affine) -> Affine:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def _walk(node: Any, matrix: Affine) -> Iterator[tuple[Any, Affine, Any]]:
    """Every node below `node` with the transform to drawing space and its parent."""
    for child in getattr(node, "contents", ()):
        transform = tuple(getattr(child, "transform", (1, 0, 0, 1, 0, 0)))
        child_matrix = _multiply(matrix, transform) if isinstance(child, Group) else matrix
        yield child, child_matrix, node
        if isinstance(child, Group):
            yield from _walk(child, child_matrix)


def _anchors(drawing: Drawing) -> dict[str, tuple[float, float]]:
    """Find anchor circles (by svg id), note where they are, and take them out."""
    found: dict[str, tuple[float, float]] = {}
    for node, matrix, parent in list(_walk(drawing, (1, 0, 0, 1, 0, 0))):
        svgid = str(getattr(node, "svgid", "") or "")
        if svgid == "anchors" and isinstance(parent, Group | Drawing):
            for child, child_matrix, _ in _walk(node, matrix):
                child_id = str(getattr(child, "svgid", "") or "")
                if isinstance(child, Circle) and child_id.startswith("anchor-"):
                    a, b, c, d, e, f = child_matrix
                    x, y = child.cx, child.cy
                    found[child_id.removeprefix("anchor-")] = (a * x + c * y + e, b * x + d * y + f)
            parent.contents.remove(node)
    return found


def _spread(points: list[tuple[float, float]], radius: float) -> list[tuple[float, float]]:
    """Nudge markers sideways so no two numbers overlap."""
    placed: list[tuple[float, float]] = []
    for x, y in points:
        step = 0
        candidate = (x, y)
        while any(
            (candidate[0] - px) ** 2 + (candidate[1] - py) ** 2 < (2.1 * radius) ** 2
            for px, py in placed
        ):
            step += 1
            offset = 2.2 * radius * ((step + 1) // 2) * (1 if step % 2 else -1)
            candidate = (x + offset, y)
        placed.append(candidate)
    return placed


@lru_cache(maxsize=4)
def _converted(
    path: str, mtime_ns: int, size: int
) -> tuple[Drawing, dict[str, tuple[float, float]]]:
    """The SVG as a drawing (anchors taken out) and the anchor points, once per file version.

    Converting takes longer than laying out a whole handout, so it is done once; each
    handout then colours its own copies of the chosen sites' groups.
    """
    try:
        svg = Path(path).read_bytes()
    except OSError as exc:
        raise DiagramError(f"cannot read the body diagram {path} ({exc.strerror})") from exc
    cached = _read_cached_drawing(svg)
    if cached is not None:
        return cached
    from svglib.svglib import svg2rlg

    source = svg2rlg(io.BytesIO(_without_text(svg)))
    if source is None or not source.height:
        raise DiagramError(f"cannot draw the body diagram {path}")
    converted = (source, _anchors(source))
    _write_cached_drawing(svg, converted)
    return converted


def _cache_path(svg: bytes) -> Path:
    """Where svglib's conversion of these exact SVG bytes is kept between runs."""
    from desktop_app.content.cache import default_cache_dir

    versions = f"{_CACHE_FORMAT}:{reportlab.Version}:{_svglib_version()}".encode()
    digest = hashlib.sha256(versions + b"\0" + svg).hexdigest()
    return default_cache_dir() / f"diagram-{digest}.pickle"


def _svglib_version() -> str:
    """Which svglib would convert the drawing, without importing it (~40 ms) or
    importlib.metadata (~10 ms): its module file's path, size and time, which change
    whenever svglib is upgraded or replaced."""
    spec = importlib.util.find_spec("svglib")
    if spec is None or spec.origin is None:
        return "unknown"
    try:
        info = os.stat(spec.origin)
    except OSError:
        return "unknown"
    return f"{spec.origin}:{info.st_size}:{info.st_mtime_ns}"


def _read_cached_drawing(svg: bytes) -> tuple[Drawing, dict[str, tuple[float, float]]] | None:
    try:
        data = pickle.loads(_cache_path(svg).read_bytes())
    except Exception:  # missing, damaged or from another version: convert again
        return None
    if isinstance(data, tuple) and len(data) == 2 and isinstance(data[0], Drawing):
        return data[0], data[1]
    return None


def _write_cached_drawing(
    svg: bytes, converted: tuple[Drawing, dict[str, tuple[float, float]]]
) -> None:
    target = _cache_path(svg)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, pickle.dumps(converted, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        log.info("could not keep the converted body diagram", exc_info=True)


def _recoloured(node: Any, chosen: set[str]) -> Any:
    """`node` with the chosen sites' groups replaced by strongly coloured copies.

    The cached drawing is never changed: groups on the way down are new, leaves shared.
    """
    if not isinstance(node, Group):
        return node
    if str(getattr(node, "svgid", "")) in chosen:
        copy = deepcopy(node)
        for shape in _shapes(copy):
            shape.fillColor = SITE_FILL
            shape.strokeColor = SITE_STROKE
            shape.strokeWidth = max(float(getattr(shape, "strokeWidth", 0) or 0), 0.6)
            for attribute in ("fillOpacity", "strokeOpacity"):
                if hasattr(shape, attribute):
                    setattr(shape, attribute, 1)
        return copy
    group = Group(*(_recoloured(child, chosen) for child in node.contents))
    group.transform = node.transform
    return group


def _shapes(node: Any) -> Iterator[Any]:
    for child in getattr(node, "contents", ()):
        if isinstance(child, Group):
            yield from _shapes(child)
        else:
            yield child


def body_diagram(
    svg_path: Path, site_ids: Sequence[str], height: float = 5.8 * cm, marker_size: float = 9.0
) -> Drawing:
    """A vector drawing of the body about `height` tall, chosen sites coloured and numbered 1..n."""
    fonts = register_fonts()
    try:
        stat = svg_path.stat()
    except OSError as exc:
        raise DiagramError(f"cannot read the body diagram {svg_path} ({exc.strerror})") from exc
    source, anchors = _converted(str(svg_path), stat.st_mtime_ns, stat.st_size)
    radius = marker_size / 2 + 1
    pad = radius + 1  # room for a marker at the very edge of the figure
    scale = (height - 2 * pad) / source.height
    drawing = Drawing(source.width * scale + 2 * pad, height)
    # never fall back to a base-14 font (renderPDF reads it; the stubs do not know it)
    drawing.initialFontName = fonts.regular  # type: ignore[attr-defined]
    chosen = {f"site-{site_id}" for site_id in site_ids}
    body = Group(*(_recoloured(node, chosen) for node in source.contents))
    body.transform = (scale, 0, 0, scale, pad, pad)
    drawing.add(body)
    wanted = [site_id for site_id in site_ids if site_id in anchors]
    for site_id in site_ids:
        if site_id not in anchors:
            log.warning("body diagram has no anchor for site %s", site_id)
    points = _spread(
        [(anchors[s][0] * scale + pad, anchors[s][1] * scale + pad) for s in wanted], radius
    )
    for (x, y), site_id in zip(points, wanted, strict=True):
        number = site_ids.index(site_id) + 1
        drawing.add(
            Circle(x, y, radius, fillColor=MARKER_FILL, strokeColor=colors.white, strokeWidth=1)
        )
        drawing.add(
            String(
                x,
                y - marker_size * 0.36,
                str(number),
                fontName=fonts.bold,
                fontSize=marker_size,
                fillColor=colors.white,
                textAnchor="middle",
            )
        )
    return drawing
