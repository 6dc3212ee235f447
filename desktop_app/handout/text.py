"""User text is data, never markup: make any string safe to print with the bundled font."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop_app.handout.fonts import register_fonts

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
_PLAIN_ASCII = re.compile(r"[\x20-\x7e\n]*")
_SUBSTITUTE_PREFERRED = "\ufffd"
_SUBSTITUTE_FALLBACK = "?"


def substitute() -> str:
    """The visible mark printed where the font has no glyph (U+FFFD, else "?")."""
    fonts = register_fonts()
    return _SUBSTITUTE_PREFERRED if fonts.covers(_SUBSTITUTE_PREFERRED) else _SUBSTITUTE_FALLBACK


@dataclass(frozen=True)
class CleanText:
    """A string made printable, and how many of its characters became the substitute."""

    text: str
    replaced: int = 0


def clean_text(text: str) -> CleanText:
    """Any string as printable text, counting the characters that could not be printed.

    Line breaks become "\n"; tabs and exotic spaces become spaces; control and format
    characters (C0, C1, DEL, ANSI escape bytes, bidi marks, zero-width joiners) are
    dropped; then NFC; then lone surrogates, unassigned and private-use code points,
    characters beyond the Basic Multilingual Plane and any the font lacks (emoji, CJK,
    ...) become one visible substitute per run. Two passes: linear in the length.
    """
    text = _LINE_BREAKS.sub("\n", text)
    if _PLAIN_ASCII.fullmatch(text):
        return CleanText(text)  # the common case, and every glyph is in the font
    # dropped before NFC: an invisible mark between a letter and its accent would keep
    # them apart, and the text would not be composed once the mark is gone
    return _replace_missing(unicodedata.normalize("NFC", _visible(text)))


def _visible(text: str) -> str:
    """Without control and format characters; every kind of space as a plain space."""
    out: list[str] = []
    for char in text:
        if char == "\n":
            out.append(char)
        elif char.isspace():
            out.append(" ")  # tabs and exotic spaces
        elif unicodedata.category(char) not in ("Cc", "Cf"):
            out.append(char)  # controls, bidi marks, zero-width joiners: nothing to see
    return "".join(out)


def _replace_missing(text: str) -> CleanText:
    """Characters the PDF cannot show as one substitute per run, and how many there were."""
    fonts = register_fonts()
    mark = substitute()
    out: list[str] = []
    replaced = 0
    for char in text:
        if char in " \n" or (
            unicodedata.category(char) not in ("Cs", "Cn", "Co") and fonts.covers(char)
        ):
            out.append(char)
        else:
            replaced += 1
            if not out or out[-1] != mark:
                out.append(mark)  # one mark per run: a row of emoji stays short
    return CleanText("".join(out), replaced)


def plain_text(text: str) -> str:
    """Any string as printable text: NFC, no control or format characters, no missing glyphs.

    Line breaks survive as "\\n"; tabs become spaces; characters the font lacks (emoji,
    CJK and so on) become a visible substitute instead of an empty box or a crash.
    """
    return clean_text(text).text


def escape(text: str) -> str:
    """Escape the three characters Paragraph markup treats specially."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_markup(text: str) -> str:
    """Any string as Paragraph markup that prints exactly that text, line breaks kept.

    Words too long for a line are split by the styles' splitLongWords.
    """
    lines = plain_text(text).split("\n")
    return "<br/>".join(escape(line) for line in lines)


def one_line(text: str) -> str:
    """Any string as safe markup on one line (for names and titles)."""
    return safe_markup(" ".join(plain_text(text).split()))
