"""The bundled content covers what the product promises."""

from __future__ import annotations

import re

import pytest

from desktop_app.content.loader import KNOWN_SITE_IDS, load_content
from desktop_app.content.model import ContentLibrary, RowKey
from desktop_app.resources import bundled_content_dir


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    result = load_content(bundled_content_dir(), readability=False)
    assert result.library is not None, [str(p) for p in result.problems]
    return result.library


def test_all_eight_sites_have_at_least_two_options(library: ContentLibrary) -> None:
    assert set(library.site_ids) == set(KNOWN_SITE_IDS)
    for site in library.sites:
        assert len(site.option_ids) >= 2, site.id


def test_every_option_fills_every_row_with_a_source(library: ContentLibrary) -> None:
    for option in library.options.values():
        assert [row.key for row in option.rows] == list(RowKey), option.id
        for row in option.rows:
            assert row.text.strip(), (option.id, row.key)
            assert row.sources, (option.id, row.key)


def test_icon_array_numbers_appear_in_their_row_text(library: ContentLibrary) -> None:
    for option in library.options.values():
        for row in option.rows:
            if row.figure is not None:
                assert re.search(rf"\b{row.figure.value} in 100\b", row.text), (
                    option.id,
                    row.key,
                )


def test_sites_have_two_tiers_of_red_flags_and_three_questions(library: ContentLibrary) -> None:
    for site in library.sites:
        assert site.red_flags.urgent, site.id
        assert site.red_flags.within_24_hours, site.id
        assert len(site.questions) >= 3, site.id
        assert 2 <= site.summary.count(".") <= 5, site.id


def test_glossary_and_general_questions_are_large_enough(library: ContentLibrary) -> None:
    assert len(library.glossary) >= 40
    assert len(library.general_questions) >= 10


def test_every_source_listed_is_cited_and_every_cited_source_is_listed(
    library: ContentLibrary,
) -> None:
    cited = {sid for option in library.options.values() for sid in option.source_ids}
    cited |= {sid for site in library.sites for sid in site.source_ids}
    assert cited <= set(library.sources)
    assert set(library.sources) - cited == set()


def test_required_options_exist(library: ContentLibrary) -> None:
    titles = " ".join(o.title.lower() for o in library.options.values())
    for word in (
        "denosumab",
        "zoledronic",
        "kyphoplasty",
        "whole-brain",
        "catheter",
        "electrochemotherapy",
        "immunotherapy",
        "chemoembolisation",
    ):
        assert word in titles, word
    assert library.option("brain-immunotherapy").availability == "trials-only"
    assert library.option("bone-radionuclide").availability == "rarely-used"


def test_no_brand_names_or_prices(library: ContentLibrary) -> None:
    banned = re.compile(
        r"cyberknife|gamma knife|xgeva|prolia|zometa|herceptin|perjeta|tukysa|"
        r"\$|€|£|\bprice\b|\bcost\b",
        re.IGNORECASE,
    )
    for option in library.options.values():
        texts = [option.title, option.body_markdown, *(row.text for row in option.rows)]
        for text in texts:
            assert not banned.search(text), (option.id, text)
