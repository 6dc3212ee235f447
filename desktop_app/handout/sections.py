"""The middle of the handout: sites, comparison, options discussed, notes and questions."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop_app.content.model import AVAILABILITY_LABELS, ContentLibrary, RowKey
from desktop_app.handout.comparison import comparison_tables
from desktop_app.handout.layout import (
    Para,
    WritingLines,
    bullet_paragraphs,
    framed_box,
    with_heading,
)
from desktop_app.handout.request import Section
from desktop_app.handout.story import HandoutStory, first_sentence
from desktop_app.handout.styles import SOON, SOON_FILL, URGENT, URGENT_FILL, HandoutStyles
from desktop_app.handout.text import safe_markup


def site_pages(story: HandoutStory) -> list[Flowable]:
    """Per site: summary and its warning signs in framed boxes."""
    sites = story.sites
    if not sites or not story.request.includes(Section.SITES):
        return []
    s = story.styles
    out: list[Flowable] = []
    numbered = story.diagram_printed  # the numbers match the diagram's markers
    for number, site in enumerate(sites, 1):
        story.printed += [site.summary, *site.red_flags.urgent, *site.red_flags.within_24_hours]
        title = f"{number}. {site.title}" if numbered else site.title
        body: list[Flowable] = [
            Para(f"{safe_markup(site.summary)} {story.cite(site.source_ids)}", s.body)
        ]
        for flags, heading, style, colour, fill in (
            (
                site.red_flags.urgent,
                "Get help now if...",
                s.box_heading_urgent,
                URGENT,
                URGENT_FILL,
            ),
            (
                site.red_flags.within_24_hours,
                "Call your cancer team within 24 hours if...",
                s.box_heading_soon,
                SOON,
                SOON_FILL,
            ),
        ):
            if flags:
                rows = [[Para(heading, style)]] + [
                    [p] for p in bullet_paragraphs([safe_markup(f) for f in flags], s)
                ]
                body += [
                    framed_box(rows, colour, fill, story.width, s),
                    Spacer(1, s.body.fontSize * 0.8),
                ]
        head = story.heading(f"site-{site.id}", title, 1)
        if number == 1:
            head = story.heading("sites", "About each place") + head
        out += with_heading(head, body)
    return out


def comparison(story: HandoutStory) -> list[Flowable]:
    """The comparison table(s), 2 to 4 options each (2 in large print)."""
    options = story.options(story.request.compared_option_ids)
    if not options or not story.request.includes(Section.COMPARISON):
        return []
    out: list[Flowable] = []
    tables = comparison_tables(options, story.width, story.styles)
    for index, (group, flowables) in enumerate(tables, 1):
        for option in group:
            for key in RowKey:
                row = option.row(key)
                story.printed.append(row.text)
                story.cite(row.sources)
        head = story.heading("comparison", "Comparing your options") if index == 1 else []
        if len(tables) > 1:
            names = ", ".join(safe_markup(option.title) for option in group)
            label = "Part" if story.styles.large_print else "Table"
            head = [*head, Para(f"{label} {index} of {len(tables)}", story.styles.subsection)]
            if story.styles.large_print:
                head.append(Para(names, story.styles.body))
        out += with_heading(head, [*flowables, Spacer(1, story.styles.body.fontSize)])
    return out


def discussed(story: HandoutStory) -> list[Flowable]:
    """The options the clinician ticked as discussed, one line each."""
    options = story.options(story.request.discussed_option_ids)
    if not options or not story.request.includes(Section.DISCUSSED):
        return []
    s = story.styles
    items = []
    for option in options:
        what = option.row(RowKey.WHAT)
        line = first_sentence(what.text)
        story.printed.append(line)
        availability = AVAILABILITY_LABELS.get(option.availability, option.availability)
        items.append(
            f"<b>{safe_markup(option.title)}</b> ({safe_markup(availability.lower())}). "
            f"{safe_markup(line)} {story.cite(what.sources)}"
        )
    return with_heading(
        story.heading("discussed", "Options we talked about"), bullet_paragraphs(items, s)
    )


def notes(story: HandoutStory) -> list[Flowable]:
    """The clinician's notes: any text up to the limit (it flows on to the next pages)."""
    text = story.request.notes
    if not text.strip() or not story.request.includes(Section.NOTES):
        return []
    story.printed.append(text)
    lines = _note_lines(text, story.styles)
    return with_heading(story.heading("notes", "Notes from your care team"), lines)


def _note_lines(text: str, styles: HandoutStyles) -> list[Flowable]:
    """One paragraph per line, spaced as one paragraph per blank-line-separated part.

    A paragraph split at a page end is laid out again from the split on, so one
    paragraph of thousands of lines took time quadratic in its length; lines do not.
    """
    out: list[Flowable] = []
    for part in _paragraphs(text):
        lines = part.strip("\n").split("\n")
        out += [Para(safe_markup(line), styles.body_line) for line in lines[:-1]]
        out.append(Para(safe_markup(lines[-1]), styles.body))
    return out


def questions(story: HandoutStory) -> list[Flowable]:
    """The chosen questions, each with a tick box and two lines to write the answer."""
    texts = [
        story.library.question(i).text
        for i in dict.fromkeys(story.request.question_ids)
        if _known_question(story.library, i)
    ]
    texts += [q for q in story.request.own_questions if q.strip()]
    if not texts or not story.request.includes(Section.QUESTIONS):
        return []
    s = story.styles
    story.printed += texts
    blocks: list[Flowable] = [
        KeepTogether(
            [
                Para(safe_markup(text), s.question, bulletText="\u2610"),
                WritingLines(2, s.rule_gap, s.question.leftIndent),
            ]
        )
        for text in texts
    ]
    intro = Para("Tick the ones you have asked. Write the answers on the lines.", s.body)
    return with_heading(story.heading("questions", "Questions to ask"), [intro, *blocks])


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks stay inside one."""
    parts = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [part for part in parts if part.strip()] or [text]


def _known_question(library: ContentLibrary, question_id: str) -> bool:
    try:
        library.question(question_id)
    except KeyError:
        return False
    return True
