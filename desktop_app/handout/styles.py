"""Every paragraph style and colour of the handout, made in one factory with parent chains."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from desktop_app.handout.fonts import register_fonts

# Calm, print-friendly colours with strong contrast on white paper.
INK = colors.HexColor("#1d2329")
MUTED = colors.HexColor("#4d5966")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#9fb0c2")
HEADER_FILL = colors.HexColor("#e6edf5")
QUESTION_FILL = colors.HexColor("#f3f6f9")
URGENT = colors.HexColor("#a4161a")
URGENT_FILL = colors.HexColor("#fcefef")
SOON = colors.HexColor("#8a4b00")
SOON_FILL = colors.HexColor("#fdf5e8")
NOTE_FILL = colors.HexColor("#f5f7f9")
ICON_ON = colors.HexColor("#1f4e79")
ICON_OFF = colors.HexColor("#b7c4d2")


@dataclass(frozen=True)
class HandoutStyles:
    """The styles one handout uses; sizes grow together in large print."""

    large_print: bool
    body: Any
    body_line: Any
    intro: Any
    small: Any
    title: Any
    subtitle: Any
    section: Any
    subsection: Any
    box_heading_urgent: Any
    box_heading_soon: Any
    box_heading_note: Any
    bullet: Any
    question: Any
    cell: Any
    cell_head: Any
    cell_question: Any
    cell_label: Any
    band: Any
    answer_title: Any
    refs: Any
    caption: Any
    legend: Any
    source: Any
    contact: Any
    clinic_name: Any
    footer_size: float
    icon_scale: float
    rule_gap: float


LARGE_PRINT_PT = 16.0
"""The smallest text in a large-print handout, captions and references included (not the footer)."""


def make_styles(large_print: bool) -> HandoutStyles:
    """The handout stylesheet: body 10.5 pt, or at least 16 pt in large print."""
    fonts = register_fonts()
    size = LARGE_PRINT_PT if large_print else 10.5
    k = size / 10.5  # every other size scales with the body

    base = ParagraphStyle(
        "Base",
        fontName=fonts.regular,
        fontSize=size,
        leading=size * 1.38,
        textColor=INK,
        alignment=TA_LEFT,
        bulletFontName=fonts.regular,
        bulletFontSize=size,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )
    body = ParagraphStyle("Body", parent=base, spaceAfter=size * 0.5)
    body_line = ParagraphStyle("BodyLine", parent=base)  # a line inside a body paragraph
    intro = ParagraphStyle("Intro", parent=body, textColor=INK, spaceAfter=size * 0.8)
    small_size = LARGE_PRINT_PT if large_print else 8.0
    small = ParagraphStyle(
        "Small", parent=base, fontSize=small_size, leading=small_size * 1.3, textColor=MUTED
    )
    heading = ParagraphStyle(
        "Heading", parent=base, fontName=fonts.bold, textColor=ACCENT, keepWithNext=1
    )
    title = ParagraphStyle(
        "Title", parent=heading, fontSize=20 * k, leading=24 * k, spaceAfter=3 * k
    )
    subtitle = ParagraphStyle(
        "Subtitle",
        parent=base,
        fontSize=11.5 * k,
        leading=15 * k,
        textColor=MUTED,
        spaceAfter=8 * k,
    )
    section = ParagraphStyle(
        "Section",
        parent=heading,
        fontSize=14.5 * k,
        leading=18 * k,
        spaceBefore=14 * k,
        spaceAfter=6 * k,
    )
    subsection = ParagraphStyle(
        "Subsection",
        parent=heading,
        fontSize=12 * k,
        leading=15 * k,
        spaceBefore=9 * k,
        spaceAfter=4 * k,
        textColor=INK,
    )
    box_heading_urgent = ParagraphStyle(
        "BoxHeadingUrgent",
        parent=heading,
        fontSize=size * 1.02,
        leading=size * 1.35,
        textColor=URGENT,
    )
    box_heading_soon = ParagraphStyle("BoxHeadingSoon", parent=box_heading_urgent, textColor=SOON)
    box_heading_note = ParagraphStyle("BoxHeadingNote", parent=box_heading_urgent, textColor=INK)
    bullet = ParagraphStyle(
        "Bullet", parent=base, leftIndent=size * 1.3, bulletIndent=size * 0.2, spaceAfter=size * 0.2
    )
    question = ParagraphStyle(
        "Question", parent=bullet, leftIndent=size * 1.7, bulletIndent=0, spaceBefore=size * 0.3
    )
    cell_size = LARGE_PRINT_PT if large_print else 8.8
    cell = ParagraphStyle("Cell", parent=base, fontSize=cell_size, leading=cell_size * 1.3)
    cell_head = ParagraphStyle("CellHead", parent=cell, fontName=fonts.bold, textColor=ACCENT)
    cell_question = ParagraphStyle("CellQuestion", parent=cell, fontName=fonts.bold)
    cell_label = ParagraphStyle(
        "CellLabel", parent=cell, fontName=fonts.bold, textColor=ACCENT, spaceAfter=cell_size * 0.2
    )
    band = ParagraphStyle(
        "Band",
        parent=cell_question,
        backColor=QUESTION_FILL,
        borderPadding=(4 * k, 6 * k),  # type: ignore[arg-type]  # (vertical, horizontal) works
        leftIndent=6 * k,
        rightIndent=6 * k,
        spaceBefore=16 * k,
        spaceAfter=8 * k,
        keepWithNext=1,
    )
    answer_title = ParagraphStyle(
        "AnswerTitle", parent=cell_head, spaceBefore=8 * k, spaceAfter=2 * k, keepWithNext=1
    )
    refs_size = LARGE_PRINT_PT if large_print else 7.6
    refs = ParagraphStyle(
        "Refs", parent=small, fontSize=refs_size, leading=refs_size * 1.3, spaceBefore=2 * k
    )
    caption = ParagraphStyle("Caption", parent=cell, fontName=fonts.bold, spaceBefore=2 * k)
    legend = ParagraphStyle("Legend", parent=base, spaceAfter=size * 0.25)
    source_size = LARGE_PRINT_PT if large_print else 9.0
    source = ParagraphStyle(
        "Source",
        parent=base,
        fontSize=source_size,
        leading=source_size * 1.3,
        spaceAfter=source_size * 0.45,
    )
    contact_size = LARGE_PRINT_PT if large_print else size * 0.9
    contact = ParagraphStyle(
        "Contact", parent=base, textColor=MUTED, fontSize=contact_size, leading=contact_size * 1.3
    )
    clinic_name = ParagraphStyle(
        "ClinicName", parent=base, fontName=fonts.bold, fontSize=size * 1.1, leading=size * 1.4
    )
    return HandoutStyles(
        large_print=large_print,
        body=body,
        body_line=body_line,
        intro=intro,
        small=small,
        title=title,
        subtitle=subtitle,
        section=section,
        subsection=subsection,
        box_heading_urgent=box_heading_urgent,
        box_heading_soon=box_heading_soon,
        box_heading_note=box_heading_note,
        bullet=bullet,
        question=question,
        cell=cell,
        cell_head=cell_head,
        cell_question=cell_question,
        cell_label=cell_label,
        band=band,
        answer_title=answer_title,
        refs=refs,
        caption=caption,
        legend=legend,
        source=source,
        contact=contact,
        clinic_name=clinic_name,
        footer_size=12.0 if large_print else 8.0,
        icon_scale=1.35 if large_print else 1.0,
        rule_gap=30.0 if large_print else 22.0,
    )
