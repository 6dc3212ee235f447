"""Colours, text sizes and contrast: the normal and the high-contrast theme."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from desktop_app.content.colours import PanelColours

TEXT_SIZES_PT = (11, 13, 15, 18, 22, 26, 30, 36)
"""The text-size steps; the program starts on the second, a kiosk on 18 pt."""
DEFAULT_TEXT_STEP = 1
CONSULTATION_MAX_TEXT_STEP = TEXT_SIZES_PT.index(26)
"""Consultation mode goes from 13 pt to 26 pt (200 %); a kiosk from 18 pt to 36 pt."""


@dataclass(frozen=True)
class Theme:
    """A whole colour scheme: the Qt palette roles and the panel colours."""

    name: str
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    tooltip_base: str
    tooltip_text: str
    placeholder: str
    selected_site: str
    selected_site_outline: str
    hover_site: str
    focus_ring: str
    control_border: str
    mark_fill: str
    icon_filled: str
    icon_empty: str
    panel: PanelColours


NORMAL = Theme(
    name="normal",
    window="#f5f3ef",
    window_text="#1a1a1a",
    base="#ffffff",
    alternate_base="#f0ede7",
    text="#1a1a1a",
    button="#e8e4dc",
    button_text="#1a1a1a",
    highlight="#0b4f8a",
    highlighted_text="#ffffff",
    link="#0b4f8a",
    tooltip_base="#fffbe6",
    tooltip_text="#1a1a1a",
    placeholder="#595959",
    selected_site="#2f7bbf",
    selected_site_outline="#0a2f57",
    hover_site="#f2c14e",
    focus_ring="#0b4f8a",
    control_border="#6e6a63",
    mark_fill="#ffffff",
    icon_filled="#0b4f8a",
    icon_empty="#877f73",
    panel=PanelColours(),
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    window="#000000",
    window_text="#ffffff",
    base="#000000",
    alternate_base="#1a1a1a",
    text="#ffffff",
    button="#1a1a1a",
    button_text="#ffffff",
    highlight="#ffff00",
    highlighted_text="#000000",
    link="#7fd4ff",
    tooltip_base="#000000",
    tooltip_text="#ffffff",
    placeholder="#d0d0d0",
    selected_site="#ffff00",
    selected_site_outline="#ffffff",
    hover_site="#00ffff",
    focus_ring="#ffff00",
    control_border="#c8c8c8",
    mark_fill="#000000",
    icon_filled="#ffff00",
    icon_empty="#707070",
    panel=PanelColours(
        text="#ffffff",
        muted="#e0e0e0",
        link="#7fd4ff",
        alert_text="#ffffff",
        alert_background="#3a0000",
        alert_border="#ff6b6b",
        notice_background="#2b2200",
        notice_border="#ffd54a",
        panel_background="#000000",
    ),
)

THEMES = {theme.name: theme for theme in (NORMAL, HIGH_CONTRAST)}


def make_palette(theme: Theme) -> QPalette:
    """A QPalette with every role the program uses set from the theme."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.window_text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.alternate_base,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.button,
        QPalette.ColorRole.ButtonText: theme.button_text,
        QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: theme.highlighted_text,
        QPalette.ColorRole.Link: theme.link,
        QPalette.ColorRole.LinkVisited: theme.link,
        QPalette.ColorRole.ToolTipBase: theme.tooltip_base,
        QPalette.ColorRole.ToolTipText: theme.tooltip_text,
        QPalette.ColorRole.PlaceholderText: theme.placeholder,
        QPalette.ColorRole.BrightText: theme.highlighted_text,
        # The border of buttons, text fields and tick boxes (drawn by targets.MetricStyle).
        QPalette.ColorRole.Dark: theme.control_border,
    }
    for group in (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    ):
        for role, colour in roles.items():
            palette.setColor(group, role, QColor(colour))
    # Disabled text stays readable (4.5:1), only a little softer.
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(theme.placeholder)
    )
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(theme.placeholder)
    )
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(theme.placeholder)
    )
    return palette


def contrast_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, foreground, background) for every text and control colour pair."""
    p = theme.panel
    return [
        ("window text", theme.window_text, theme.window),
        ("text", theme.text, theme.base),
        ("text on alternate rows", theme.text, theme.alternate_base),
        ("button text", theme.button_text, theme.button),
        ("selected text", theme.highlighted_text, theme.highlight),
        ("link", theme.link, theme.base),
        ("link on window", theme.link, theme.window),
        ("tooltip", theme.tooltip_text, theme.tooltip_base),
        ("placeholder", theme.placeholder, theme.base),
        ("disabled text", theme.placeholder, theme.button),
        ("panel text", p.text, p.panel_background),
        ("panel muted text", p.muted, p.panel_background),
        ("panel link", p.link, p.panel_background),
        ("red-flag text", p.alert_text, p.alert_background),
        ("notice text", p.text, p.notice_background),
        ("focus ring on window", theme.focus_ring, theme.window),
    ]


def non_text_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, colour, what it sits on) for drawn parts that carry meaning (3:1 each).

    WCAG 1.4.11: the empty and filled figures of an icon array, the chosen body part
    and its tick, the outline of the part under the pointer, the focus ring and the
    borders of buttons, text fields and tick boxes must each stand out from what is
    around them.
    """
    return [
        ("empty icon figure on a page", theme.icon_empty, theme.base),
        ("empty icon figure on the window", theme.icon_empty, theme.window),
        ("empty icon figure on alternate rows", theme.icon_empty, theme.alternate_base),
        ("filled icon figure on a page", theme.icon_filled, theme.base),
        ("filled icon figure on the window", theme.icon_filled, theme.window),
        ("chosen body part on the window", theme.selected_site, theme.window),
        ("focus ring on the window", theme.focus_ring, theme.window),
        ("focus ring on a page", theme.focus_ring, theme.base),
        ("focus ring on a button", theme.focus_ring, theme.button),
        ("button border on the window", theme.control_border, theme.window),
        ("button border on the button", theme.control_border, theme.button),
        ("text field border on the window", theme.control_border, theme.window),
        ("text field border on the field", theme.control_border, theme.base),
        ("tick box border on the window", theme.control_border, theme.window),
        ("tick box border on a list", theme.control_border, theme.base),
        ("tick box (filled like a field) on a chosen row", theme.base, theme.highlight),
        ("box round the body part under the pointer", theme.focus_ring, theme.window),
        ("tick on a chosen body part", theme.selected_site_outline, theme.mark_fill),
        ("tick's ring on a chosen body part", theme.mark_fill, theme.selected_site),
    ]


def _luminance(colour: str) -> float:
    qcolor = QColor(colour)
    channels = []
    for value in (qcolor.redF(), qcolor.greenF(), qcolor.blueF()):
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Set the palette for the whole program, tooltips included."""
    palette = make_palette(theme)
    app.setPalette(palette)
    QToolTip.setPalette(palette)


def apply_text_size(app: QApplication, step: int) -> int:
    """Set the program's base font size to one of the steps; returns the step used."""
    step = max(0, min(len(TEXT_SIZES_PT) - 1, step))
    font = QFont(app.font())
    font.setPointSize(TEXT_SIZES_PT[step])
    app.setFont(font)
    return step
