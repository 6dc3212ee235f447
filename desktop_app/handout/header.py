"""The clinic's own texts (from templates a clinic may change) and the opening block."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desktop_app.handout.errors import HandoutError
from desktop_app.handout.fonts import register_fonts
from desktop_app.handout.layout import Para
from desktop_app.handout.logo import logo_flowable
from desktop_app.handout.request import ClinicDetails
from desktop_app.handout.styles import RULE, HandoutStyles
from desktop_app.handout.text import one_line, plain_text, safe_markup
from desktop_app.resources import ResourceNotFoundError, templates_dir

MAX_CLINIC_TEXT = 300
"""Clinic fields longer than this are cut: a header must never outgrow the page."""


class TextTemplateError(HandoutError):
    """A handout text template names a field it is not given, or has a stray `$`."""


@cache
def _template(name: str) -> Template:
    path = templates_dir() / "handout" / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise ResourceNotFoundError(
            f"Bundled file {path} is missing or unreadable. Reinstall mbc-guide."
        ) from None
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    return Template("\n".join(lines))


def render_lines(file_name: str, /, **values: str) -> list[str]:
    """The lines of a handout text template (`templates/handout/<file_name>`), filled in.

    Plain text with `$field` placeholders, so nothing in a value is ever read as
    markup or as a placeholder. Lines starting with `#` are notes for whoever edits the
    file; a line that names fields, all of them empty, is left out, as are blank lines.
    """
    template = _template(file_name)
    out = []
    for line in template.template.splitlines():
        fields = _fields(line)
        if fields and not any(values.get(field, "x").strip() for field in fields):
            continue
        try:
            filled = Template(line).substitute(values).strip()
        except (KeyError, ValueError) as exc:
            raise TextTemplateError(
                f"templates/handout/{file_name}: {type(exc).__name__} {exc} in {line!r}"
            ) from None
        out += [piece.strip() for piece in filled.splitlines() if piece.strip()]
    return out


def _fields(line: str) -> list[str]:
    return [
        match.group("named") or match.group("braced")
        for match in Template.pattern.finditer(line)
        if match.group("named") or match.group("braced")
    ]


def render_text(file_name: str, /, **values: str) -> str:
    """A handout text template as one paragraph of plain text (lines joined by spaces)."""
    return " ".join(render_lines(file_name, **values))


def footer_text(clinic: ClinicDetails) -> str:
    """The footer line: the clinic name and its footer text, as plain printable text."""
    lines = render_lines(
        "footer.txt",
        clinic_name=clinic.name[:MAX_CLINIC_TEXT],
        footer=clinic.footer[:MAX_CLINIC_TEXT],
    )
    return " · ".join(" ".join(plain_text(line).split()) for line in lines)


def contact_lines(clinic: ClinicDetails) -> list[str]:
    """The contact block's lines; empty ones dropped."""
    return render_lines(
        "contact.txt",
        name=clinic.name[:MAX_CLINIC_TEXT],
        phone=clinic.phone[:MAX_CLINIC_TEXT],
        address=clinic.address[:MAX_CLINIC_TEXT],
        website=clinic.website[:MAX_CLINIC_TEXT],
    )


def logo(path: Path | None, max_width: float, max_height: float) -> tuple[Flowable, float] | None:
    """The clinic logo scaled to fit and its width; None when there is no logo.

    Raises LogoError (or whatever a damaged file makes the image libraries raise) for an
    unusable file: `render_handout` then makes the handout without it and says so. The
    same code checks the logo when the config is loaded (`logo.logo_problem`).
    """
    if path is None:
        return None
    return logo_flowable(Path(path), max_width, max_height)


def clinic_block(clinic: ClinicDetails, styles: HandoutStyles, width: float) -> list[Flowable]:
    """The clinic header: logo on the left, name and contact details beside it."""
    lines = contact_lines(clinic)
    found = logo(clinic.logo_path, width * 0.3, (2.6 if styles.large_print else 1.8) * cm)
    image, image_width = found if found is not None else (None, 0.0)
    if not lines and image is None:
        return []
    paragraphs = [
        Para(safe_markup(line), styles.clinic_name if i == 0 and clinic.name else styles.contact)
        for i, line in enumerate(lines)
    ]
    cells: list[Any] = [image, paragraphs] if image is not None else [paragraphs]
    logo_width = image_width + 14
    widths = [logo_width, width - logo_width] if image is not None else [width]
    table = Table(
        [cells],
        colWidths=widths,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts().regular),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LINEBELOW", (0, 0), (-1, -1), 0.8, RULE),
            ]
        ),
    )
    return [table, Spacer(1, 10)]


def facts_lines(facts: Sequence[tuple[str, str]], styles: HandoutStyles) -> list[Flowable]:
    """For whom, by whom and when: one line each (any text, wrapped as needed)."""
    return [Para(f"<b>{label}:</b> {one_line(value)}", styles.body) for label, value in facts] + [
        Spacer(1, styles.body.fontSize * 0.4)
    ]
