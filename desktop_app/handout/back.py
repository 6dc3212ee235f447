"""The last pages: glossary of the words used, sources with review dates, disclaimer."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from desktop_app.content.glossary import GlossaryMatcher
from desktop_app.handout.layout import OutlineMark, Para, framed_box, with_heading
from desktop_app.handout.request import Section
from desktop_app.handout.story import HandoutStory, long_date
from desktop_app.handout.styles import NOTE_FILL, RULE
from desktop_app.handout.text import safe_markup


def glossary(story: HandoutStory) -> list[Flowable]:
    """The medical words that appear in this handout, with their plain meaning."""
    if not story.request.includes(Section.GLOSSARY):
        return []
    terms = GlossaryMatcher(story.library.glossary).terms_in(story.printed)
    items = [
        Para(f"<b>{safe_markup(t.term)}</b>: {safe_markup(t.meaning)}", story.styles.body)
        for t in terms
    ]
    return with_heading(story.heading("glossary", "Words used in this handout"), items)


def sources(story: HandoutStory) -> list[Flowable]:
    """Full citations of the sources this handout cites, and the review dates."""
    if not story.request.includes(Section.SOURCES):
        return []
    s, library = story.styles, story.library
    items: list[Flowable] = []
    for source_id in story.cited:
        source = library.sources.get(source_id)
        if source is None:
            continue
        text = f"<b>[{safe_markup(source.id)}]</b> {safe_markup(source.citation)}"
        if str(source.year) not in source.citation:
            text += f" ({source.year})."
        if source.url:
            text += f" {safe_markup(source.url)}"
        items.append(Para(text, s.source))
    reviewed, next_review = library.meta.review.reviewed, library.meta.review.next_review
    if library.reviews:  # the newest check of any file, and the soonest one due
        reviewed, next_review = library.latest_reviewed, library.earliest_next_review
    items.append(
        Para(
            f"Content version {safe_markup(library.meta.version)}. "
            f"Last reviewed {long_date(reviewed)}. "
            f"Next review due by {long_date(next_review)}.",
            s.body,
        )
    )
    return with_heading(story.heading("sources", "Where this information comes from"), items)


def disclaimer(story: HandoutStory) -> list[Flowable]:
    """Always printed: the guide does not replace the care team."""
    s = story.styles
    box = framed_box(
        [
            [Para("Please remember", s.box_heading_note)],
            [Para(safe_markup(story.library.meta.disclaimer), s.body)],
        ],
        RULE,
        NOTE_FILL,
        story.width,
        s,
    )
    return [Spacer(1, s.body.fontSize), OutlineMark("disclaimer", "Please remember", 0), box]
