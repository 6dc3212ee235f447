"""The clinic's own texts (from templates a clinic may change) and the opening block."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desktop_app.handout.fonts import register_fonts
from desktop_app.handout.layout import Para
from desktop_app.handout.logo import logo_flowable
from desktop_app.handout.request import ClinicDetails
from desktop_app.handout.styles import RULE, HandoutStyles
from desktop_app.handout.text import one_line, plain_text, safe_markup
from desktop_app.resources import template_environment

MAX_CLINIC_TEXT = 300
"""Clinic fields longer than this are cut: a header must never outgrow the page."""


def render_text(template: str, **values: Any) -> str:
    """Render a handout text template to plain text (never trusted as markup)."""
    rendered = template_environment().get_template(template).render(**values)
    return html.unescape(rendered).strip()


def footer_text(clinic: ClinicDetails) -> str:
    """The footer line: the clinic name and its footer text, as plain printable text."""
    text = render_text(
        "handout/footer.txt.j2",
        clinic_name=clinic.name[:MAX_CLINIC_TEXT],
        footer=clinic.footer[:MAX_CLINIC_TEXT],
    )
    return " ".join(plain_text(text).split())


def contact_lines(clinic: ClinicDetails) -> list[str]:
    """The contact block's lines; empty ones dropped."""
    text = render_text(
        "handout/contact.txt.j2",
        name=clinic.name[:MAX_CLINIC_TEXT],
        phone=clinic.phone[:MAX_CLINIC_TEXT],
        address=clinic.address[:MAX_CLINIC_TEXT],
        website=clinic.website[:MAX_CLINIC_TEXT],
    )
    return [line.strip() for line in text.splitlines() if line.strip()]


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
