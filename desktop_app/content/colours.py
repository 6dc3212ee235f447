"""The colours HTML panels use; the screen passes its theme's, tests the defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PanelColours:
    """The colours panels use; the screen passes its theme, tests pass defaults."""

    text: str = "#1a1a1a"
    muted: str = "#4a4a4a"
    link: str = "#0b4f8a"
    alert_text: str = "#1a1a1a"
    alert_background: str = "#fdecea"
    alert_border: str = "#a4161a"
    notice_background: str = "#fff4d6"
    notice_border: str = "#7a5a00"
    panel_background: str = "#ffffff"
