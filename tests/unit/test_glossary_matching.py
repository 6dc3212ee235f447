"""Glossary words are found as whole words, in any case, longest form first."""

from __future__ import annotations

from desktop_app.content.glossary import GlossaryMatcher
from desktop_app.content.model import GlossaryTerm

TERMS = (
    GlossaryTerm("radiotherapy", "radiotherapy", ("radiation therapy",), "Rays."),
    GlossaryTerm("wbrt", "whole-brain radiotherapy", ("WBRT",), "Rays to the whole brain."),
    GlossaryTerm("her2", "HER2", ("HER2-positive",), "A protein."),
    GlossaryTerm("cdk", "CDK4/6 inhibitor", ("CDK4/6 inhibitors",), "A kind of drug."),
)


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term.id) for m in GlossaryMatcher(TERMS).find(text)]


def test_longest_form_wins_and_case_does_not_matter() -> None:
    assert _found("Whole-brain radiotherapy or RADIOTHERAPY.") == [
        ("Whole-brain radiotherapy", "wbrt"),
        ("RADIOTHERAPY", "radiotherapy"),
    ]


def test_words_inside_longer_words_are_not_marked() -> None:
    assert _found("radiotherapy-like, radiotherapys, preradiotherapy") == []
    assert _found("non-HER2 cancer") == []


def test_forms_with_symbols_and_spaces_match() -> None:
    assert _found("HER2-positive cancer and CDK4/6 inhibitors; radiation therapy.") == [
        ("HER2-positive", "her2"),
        ("CDK4/6 inhibitors", "cdk"),
        ("radiation therapy", "radiotherapy"),
    ]


def test_marking_links_only_the_first_use_and_escapes_the_rest() -> None:
    html = GlossaryMatcher(TERMS).mark_plain("<radiotherapy> & radiotherapy")
    assert html.count('href="term:radiotherapy"') == 1
    assert html.startswith("&lt;")
    assert "&amp;" in html
