"""User text is data, never markup: make any string safe to print with the bundled font."""

from __future__ import annotations

import re
import unicodedata

from desktop_app.handout.fonts import register_fonts

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
_PLAIN_ASCII = re.compile(r"[\x20-\x7e\n]*")
_SUBSTITUTE_PREFERRED = "\ufffd"
_SUBSTITUTE_FALLBACK = "?"


def _substitute() -> str:
    fonts = register_fonts()
    return _SUBSTITUTE_PREFERRED if fonts.covers(_SUBSTITUTE_PREFERRED) else _SUBSTITUTE_FALLBACK


def plain_text(text: str) -> str:
    """Any string as printable text: NFC, no control or format characters, no missing glyphs.

    Line breaks survive as "\\n"; tabs become spaces; characters the font lacks (emoji,
    CJK and so on) become a visible substitute instead of an empty box or a crash.
    """
    text = _LINE_BREAKS.sub("\n", text)
    if _PLAIN_ASCII.fullmatch(text):
        return text  # the common case, and every glyph is in the font
    fonts = register_fonts()
    substitute = _substitute()
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if char == "\n":
            out.append(char)
        elif char.isspace():
            out.append(" ")  # tabs and exotic spaces
        elif category in ("Cc", "Cf"):
            continue  # controls, bidi marks, zero-width joiners: nothing to see
        elif category not in ("Cs", "Cn", "Co") and fonts.covers(char):
            out.append(char)
        elif not out or out[-1] != substitute:
            out.append(substitute)  # one mark per run: a row of emoji stays short
    return "".join(out)


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
