"""The handout's one typeface: bundled DejaVu Sans, registered once by absolute path.

Two faces, regular and bold: no text is set in italics (slanted letters are harder to
read for people with low vision), so the slanted faces are not bundled; were markup
ever to ask for them, the family prints the upright face instead of failing.

System fonts are never looked up, so a name in Latin, Greek or Cyrillic script prints
the same on every machine, and no base-14 PDF font (Helvetica and friends) is used.

Only characters of the Basic Multilingual Plane count as covered: DejaVu Sans has a few
hundred glyphs beyond it (some emoji, old scripts), but ReportLab writes their text-layer
entries as five hex digits ("<1F600>"), which PDF readers reject, so a name with one of
them could not be searched, copied or read aloud.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from desktop_app.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FAMILY = "DejaVu Sans"

LAST_BMP = 0xFFFF
"""The last code point ReportLab's ToUnicode map can express."""

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
}


@dataclass(frozen=True)
class HandoutFonts:
    """The registered face names and the characters every face can draw (BMP only)."""

    regular: str
    bold: str
    coverage: frozenset[int]

    def covers(self, char: str) -> bool:
        """Whether every face has a glyph for one character."""
        return ord(char) in self.coverage


@cache
def register_fonts() -> HandoutFonts:
    """Register the two DejaVu Sans faces with ReportLab (once per process)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    coverage: set[int] | None = None
    for name, file_name in _FILES.items():
        path = resource_path("fonts", file_name).resolve()
        font = TTFont(name, str(path))
        pdfmetrics.registerFont(font)
        chars = {code for code in font.face.charToGlyph if code <= LAST_BMP}
        coverage = chars if coverage is None else coverage & chars
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    assert coverage is not None
    return HandoutFonts(REGULAR, BOLD, frozenset(coverage))
