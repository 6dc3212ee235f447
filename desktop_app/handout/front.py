"""The first page: clinic header, title, for whom, introduction and the body diagram."""

from __future__ import annotations

import logging

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Table, TableStyle

from desktop_app.body_diagram import DIAGRAM_ATTRIBUTION
from desktop_app.handout import header
from desktop_app.handout.diagram import DiagramError, body_diagram
from desktop_app.handout.fonts import register_fonts
from desktop_app.handout.layout import OutlineMark, Para, with_heading
from desktop_app.handout.request import Section
from desktop_app.handout.story import HandoutStory, long_date
from desktop_app.handout.styles import LARGE_PRINT_PT
from desktop_app.handout.text import safe_markup
from desktop_app.resources import ResourceNotFoundError, resource_path

log = logging.getLogger(__name__)

TITLE = "Your treatment options"


def opening(story: HandoutStory) -> list[Flowable]:
    """Clinic header, title, for whom and by whom, date, introduction."""
    s, request = story.styles, story.request
    out: list[Flowable] = header.clinic_block(request.clinic, s, story.width)
    title = TITLE
    out += [Para(title, s.title), OutlineMark("top", title, 0, lift=s.title.leading)]
    out.append(Para(safe_markup(story.library.meta.title), s.subtitle))
    facts = []
    if request.patient_name.strip():
        facts.append(("For", request.patient_name))
    if request.prepared_by.strip():
        facts.append(("Prepared by", request.prepared_by))
    facts.append(("Date", long_date(request.date)))
    out += header.facts_lines(facts, s)
    intro = header.render_text(
        "introduction.txt",
        clinic_name=request.clinic.name,
        site_count=str(len(story.sites)),
    )
    if intro:
        story.printed.append(intro)
        out.append(Para(safe_markup(intro), s.intro))
    return out


def diagram(story: HandoutStory) -> list[Flowable]:
    """The small body diagram with a numbered legend and the attribution."""
    sites = story.sites
    if not sites or not story.request.includes(Section.DIAGRAM):
        return []
    s = story.styles
    height = (7.5 if s.large_print else 5.8) * cm
    try:
        drawing = body_diagram(
            resource_path("diagram", "body.svg"),
            [site.id for site in sites],
            height=height,
            marker_size=LARGE_PRINT_PT if s.large_print else 9.0,
        )
    except (DiagramError, ResourceNotFoundError) as exc:
        log.warning("handout printed without the body diagram: %s", exc)
        return []
    story.diagram_printed = True
    legend: list[Flowable] = [
        Para(f"<b>{n}.</b> {safe_markup(site.title)}", s.legend) for n, site in enumerate(sites, 1)
    ]
    legend.append(Para(safe_markup(DIAGRAM_ATTRIBUTION), s.small))
    gap = 12.0
    table = Table(
        [[drawing, legend]],
        colWidths=[drawing.width + gap, story.width - drawing.width - gap],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts().regular),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return with_heading(story.heading("diagram", "Where the cancer has spread"), [table])
