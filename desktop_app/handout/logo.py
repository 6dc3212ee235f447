"""The clinic logo: read, checked and scaled exactly as the handout prints it.

Loading the config (and so `mbc-guide config check`) calls `logo_problem`, which opens the
image with the same code as the handout and draws it once on a throwaway page: a logo
that passes the check prints, and one that would fail is reported and not used. Never
imports Qt; ReportLab, Pillow and svglib are imported when a logo is opened.
"""

from __future__ import annotations

import io
import math
import re
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.config import FileRefused, printable, read_regular_file

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

MAX_LOGO_BYTES = 5 * 1024 * 1024
"""A logo file over 5 MB is refused unread: a print logo needs far less."""
MAX_SVG_BYTES = 1024 * 1024
MAX_SVG_ELEMENTS = 2000
"""An SVG is drawn element by element (about 0.25 ms each): 2,000 keep a handout quick."""
MAX_SVG_NUMBERS = 40_000
"""Coordinates in an SVG (about 15 us each to draw): a path of 20,000 points at most."""
MAX_LOGO_SIDE = 4000
"""Pixels (SVG: units) per side: 4000 is 13 inches at 300 dpi, and about 64 MB decoded."""
_CHECK_BOX = (153.0, 74.0)
"""The largest box a handout gives the logo, in points (0.3 of a Letter page's text width
by 2.6 cm in large print): the check draws it at this size."""
_SAVE_AGAIN = "Save it again from an image program as PNG, JPEG or SVG"


class LogoError(Exception):
    """A logo that cannot be used; the message says why and what to do, for clinic staff."""


def logo_flowable(path: Path, max_width: float, max_height: float) -> tuple[Flowable, float]:
    """The logo scaled to fit the box, and its width; raises LogoError when it is unusable."""
    data = _read(path)
    if path.suffix.lower() == ".svg":
        return _svg_flowable(path, data, max_width, max_height)
    return _image_flowable(path, data, max_width, max_height)


def logo_problem(path: Path) -> str | None:
    """What is wrong with a logo file, found by making and drawing it as a handout does."""
    try:
        flowable, _ = logo_flowable(path, *_CHECK_BOX)
        _draw_alone(flowable)
    except LogoError as exc:
        return str(exc)
    except Exception as exc:  # whatever ReportLab, Pillow or svglib raise for a bad file
        return (
            f"the image {path} cannot be drawn ({type(exc).__name__}); it may be damaged. "
            f"{_SAVE_AGAIN}."
        )
    return None


def logo_notice(path: Path, exc: BaseException) -> str:
    """The one line that says a handout was made without the logo, and why (no patient text)."""
    if isinstance(exc, LogoError):
        reason = str(exc)
    else:  # only the kind of error: a layout error's message may quote a patient's notes
        reason = f"the image {path} could not be drawn ({type(exc).__name__})"
    return printable(
        f"The handout was made without the clinic logo: {reason.rstrip('.')}. "
        "Check the settings with: mbc-guide config check"
    )


def _read(path: Path) -> bytes:
    try:
        return read_regular_file(path, MAX_LOGO_BYTES)
    except FileRefused as exc:
        raise LogoError(f"the image {path} is not used: {exc}. {_SAVE_AGAIN}.") from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise LogoError(f"the image {path} cannot be read ({reason}).") from None


# -- PNG, JPEG and GIF ------------------------------------------------------
def _image_flowable(
    path: Path, data: bytes, max_width: float, max_height: float
) -> tuple[Flowable, float]:
    from reportlab.platypus import Image

    width, height = _decoded_size(path, data)
    scale = min(max_width / width, max_height / height)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale), width * scale


def _decoded_size(path: Path, data: bytes) -> tuple[int, int]:
    """The size in pixels of an image that Pillow decodes in full (so none is cut short)."""
    from PIL import Image as Picture

    found = _header_size(data)
    if found is None:
        raise LogoError(f"the image {path} is not a PNG, JPEG or GIF image. {_SAVE_AGAIN}.")
    kind, width, height = found
    _check_side(path, width, height, "pixels")  # before Pillow allocates anything
    try:
        with Picture.open(io.BytesIO(data), formats=[kind]) as picture:
            picture.load()
            if picture.size != (width, height):
                raise ValueError("the size in the header is not the size of the image")
    except Exception as exc:
        raise LogoError(
            f"the image {path} is damaged or cut short ({printable(str(exc))[:100]}). "
            f"{_SAVE_AGAIN}."
        ) from None
    return width, height


def _header_size(data: bytes) -> tuple[str, int, int] | None:
    """(Pillow format, width, height) from the file's header, before anything is decoded."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return "PNG", width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return "GIF", width, height
    if data.startswith(b"\xff\xd8"):
        size = _jpeg_size(data)
        return ("JPEG", *size) if size else None
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a JPEG's first frame header (SOF marker)."""
    at = 2
    while at + 9 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
        elif marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:  # markers with no length
            at += 2
        elif 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        else:
            at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return None


def _check_side(path: Path, width: float, height: float, unit: str) -> None:
    fits = all(math.isfinite(side) and 1 <= side <= MAX_LOGO_SIDE for side in (width, height))
    if not fits:
        raise LogoError(
            f"the image {path} says it is {width:g} x {height:g} {unit}; a logo must be "
            f"from 1 to {MAX_LOGO_SIDE} {unit} wide and high. {_SAVE_AGAIN}, "
            f"at most {MAX_LOGO_SIDE} x {MAX_LOGO_SIDE}."
        )


# -- SVG --------------------------------------------------------------------
def _svg_flowable(
    path: Path, data: bytes, max_width: float, max_height: float
) -> tuple[Flowable, float]:
    from svglib.svglib import svg2rlg

    from desktop_app.handout.fonts import register_fonts

    _check_svg_size(path, data)
    # From bytes, not the path: svglib then refuses every file the SVG itself names.
    drawing = svg2rlg(io.BytesIO(data))
    if drawing is None:
        raise LogoError(f"the image {path} is not an SVG drawing. {_SAVE_AGAIN}.")
    width, height = float(drawing.width), float(drawing.height)
    _check_side(path, width, height, "units")
    _check_embedded_images(path, drawing)
    scale = min(max_width / width, max_height / height)
    drawing.scale(scale, scale)
    drawing.width, drawing.height = width * scale, height * scale
    drawing.initialFontName = register_fonts().regular  # type: ignore[attr-defined]  # read by renderPDF
    return drawing, float(drawing.width)


_START_TAG = re.compile(rb"<[A-Za-z_]")
_NUMBER = re.compile(rb"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_DATA_URI = re.compile(rb"data:[^\"')\s]*")


def _check_svg_size(path: Path, data: bytes) -> None:
    """An SVG small and simple enough to draw in well under a second."""
    if len(data) > MAX_SVG_BYTES:
        raise LogoError(
            f"the SVG image {path} is larger than {MAX_SVG_BYTES // (1024 * 1024)} MB. "
            "Simplify it, or save it as PNG."
        )
    elements = len(_START_TAG.findall(data))
    numbers = len(_NUMBER.findall(_DATA_URI.sub(b"", data)))  # an embedded picture is no path
    if elements > MAX_SVG_ELEMENTS or numbers > MAX_SVG_NUMBERS:
        raise LogoError(
            f"the SVG image {path} is too detailed to print quickly ({elements:,} elements and "
            f"{numbers:,} coordinates; at most {MAX_SVG_ELEMENTS:,} and {MAX_SVG_NUMBERS:,}). "
            "Simplify it, or save it as PNG."
        )


def _check_embedded_images(path: Path, drawing: object) -> None:
    """Pictures inside the SVG obey the same size limit as a logo file."""
    from reportlab.graphics.shapes import Image as Picture

    todo = [drawing]
    while todo:
        node = todo.pop()
        todo.extend(getattr(node, "contents", ()))
        size = (
            getattr(getattr(node, "path", None), "size", None)
            if isinstance(node, Picture)
            else None
        )
        if size is not None:
            _check_side(path, size[0], size[1], "pixels (a picture inside the SVG)")


def _draw_alone(flowable: Flowable) -> None:
    """Draw the logo on a page of its own, in memory, as the handout will draw it."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO(), pagesize=(_CHECK_BOX[0] + 20, _CHECK_BOX[1] + 20))
    flowable.wrapOn(canvas, *_CHECK_BOX)
    flowable.drawOn(canvas, 10, 10)
    canvas.showPage()
    canvas.save()
