"""The HTML panels: finished HTML goes in once, never escaped a second time (Qt-free)."""

from __future__ import annotations

import html
import re

import pytest

from desktop_app.content.colours import PanelColours
from desktop_app.content.loader import load_content
from desktop_app.content.model import ContentLibrary
from desktop_app.content.render import PanelRenderer
from desktop_app.resources import bundled_content_dir, template_environment

ESCAPED_TAG = re.compile(r"&lt;/?(p|a|b|h[1-6]|div|span)\b")


@pytest.fixture(scope="module")
def renderer() -> PanelRenderer:
    library = load_content(bundled_content_dir()).library
    assert isinstance(library, ContentLibrary)
    return PanelRenderer(library, template_environment)


def test_every_option_page_holds_its_cells_as_html_not_as_escaped_text(
    renderer: PanelRenderer,
) -> None:
    for option_id, option in renderer.library.options.items():
        page = renderer.option_details(option, PanelColours())
        assert not ESCAPED_TAG.search(page), option_id
        for row in option.rows:
            first_words = html.escape(row.text.split()[0])
            assert first_words in page, (option_id, row.key)
        assert 'href="source:' in page, option_id


def test_text_from_content_is_still_escaped_inside_a_cell(renderer: PanelRenderer) -> None:
    option = next(iter(renderer.library.options.values()))
    row = option.rows[0]
    hostile = type(row)(**{**row.__dict__, "text": "<b>bold</b> & <script>x</script>"})
    cell = renderer.row_cell(hostile, PanelColours())
    assert "<script>" not in cell and "<b>bold</b>" not in cell
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in cell
