"""The comparison table as the compare panel shows it: options as columns, nine question rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from desktop_app.content.model import AVAILABILITY_LABELS, EVIDENCE_LEVELS, Option, Row, RowKey
from desktop_app.handout.fonts import register_fonts
from desktop_app.handout.icons import figure_flowables
from desktop_app.handout.layout import Para, with_heading
from desktop_app.handout.styles import (
    ACCENT,
    HEADER_FILL,
    MUTED,
    QUESTION_FILL,
    RULE,
    HandoutStyles,
)
from desktop_app.handout.text import escape, safe_markup

MAX_COLUMNS = 4
ACCENT_HEX = ACCENT.hexval().replace("0x", "#")


def groups(options: Sequence[Option], per_table: int) -> list[list[Option]]:
    """Options split into tables of at most `per_table`, as evenly as possible (7 -> 4 + 3)."""
    if not options:
        return []
    count = -(-len(options) // per_table)
    size, extra = divmod(len(options), count)
    out: list[list[Option]] = []
    start = 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        out.append(list(options[start:end]))
        start = end
    return out


def references(source_ids: Sequence[str]) -> str:
    """Source ids as bracketed references: [sc24] [nice-ng234] (markup-safe)."""
    return " ".join(f"[{escape(source_id)}]" for source_id in source_ids)


def small_references(source_ids: Sequence[str], styles: HandoutStyles) -> str:
    """References in small grey print, to end a paragraph with (so they never stand alone)."""
    colour = MUTED.hexval().replace("0x", "#")
    return f'<font size="{styles.refs.fontSize:g}" color="{colour}">{references(source_ids)}</font>'


def _cell(row: Row, styles: HandoutStyles, flowing: bool = False) -> list[Flowable]:
    """One answer; `flowing` (outside a table) keeps the figure and its words on one page."""
    refs = small_references(row.sources, styles)
    text = safe_markup(row.text)
    if row.key is RowKey.EVIDENCE:
        # the level label is part of the answer's paragraph, so it never stands alone
        label = safe_markup(EVIDENCE_LEVELS.get(row.level or "", row.level or ""))
        font = f'name="{styles.cell_label.fontName}" color="{ACCENT_HEX}"'
        text = f"<font {font}>{label}</font><br/>{text}"
    if row.figure is None:
        return [Para(f"{text} {refs}", styles.cell)]
    figure = figure_flowables(row.figure, styles, refs)
    if flowing:
        return [Para(text, styles.cell), KeepTogether(figure)]
    return [Para(text, styles.cell), *figure]


def _header(option: Option, styles: HandoutStyles) -> list[Flowable]:
    availability = AVAILABILITY_LABELS.get(option.availability, option.availability)
    return [
        Para(safe_markup(option.title), styles.cell_head),
        Para(safe_markup(availability), styles.refs),
    ]


def _base_style(styles: HandoutStyles) -> list[tuple[Any, ...]]:
    pad = 6.0 if styles.large_print else 4.0
    return [
        ("FONTNAME", (0, 0), (-1, -1), register_fonts().regular),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]


def comparison_table(options: Sequence[Option], width: float, styles: HandoutStyles) -> Table:
    """One table: a question column, then one column per option (normal print)."""
    question_width = width * 0.19
    column = (width - question_width) / max(len(options), 2)
    data: list[list[Any]] = [[Para("", styles.cell), *(_header(o, styles) for o in options)]]
    for key in RowKey:
        data.append(
            [
                Para(safe_markup(key.question), styles.cell_question),
                *(_cell(option.row(key), styles) for option in options),
            ]
        )
    style = [*_base_style(styles), ("BACKGROUND", (0, 1), (0, -1), QUESTION_FILL)]
    return Table(
        data,
        colWidths=[question_width] + [column] * len(options),
        repeatRows=1,
        hAlign="LEFT",
        style=TableStyle(style),
    )


def stacked_blocks(options: Sequence[Option], styles: HandoutStyles) -> list[Flowable]:
    """Large print: each question as a band, then every option's answer below it, full width.

    Nothing is squeezed into columns, and long answers flow on to the next page.
    """
    out: list[Flowable] = []
    for key in RowKey:
        band = Para(safe_markup(key.question), styles.band)
        for index, option in enumerate(options):
            title = Para(safe_markup(option.title), styles.answer_title)
            answer = _cell(option.row(key), styles, flowing=True)
            out += with_heading([band, title] if index == 0 else [title], answer)
    return out


def comparison_tables(
    options: Sequence[Option], width: float, styles: HandoutStyles
) -> list[tuple[list[Option], list[Flowable]]]:
    """Each group of 2 to 4 options with its table (stacked blocks in large print)."""
    if styles.large_print:
        return [(g, stacked_blocks(g, styles)) for g in groups(options, MAX_COLUMNS)]
    return [(g, [comparison_table(g, width, styles)]) for g in groups(options, MAX_COLUMNS)]
