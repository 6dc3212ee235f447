"""A real handout from the bundled content, read back with pypdf: content, not bytes."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections import Counter
from typing import Any

import pytest
from pypdf import PdfReader

from desktop_app.content.loader import load_content
from desktop_app.content.model import ContentLibrary, RowKey
from desktop_app.handout.builder import FOOTER_Y, build_handout, render_handout
from desktop_app.handout.request import (
    ClinicDetails,
    HandoutRequest,
    PageSize,
    Section,
    unknown_ids,
    valid_ids,
)
from desktop_app.resources import bundled_content_dir
from tests.handout_example import COMPARED, SITES

NAME = "Zofia Łukasiewicz-Öztürk"
OWN = ("Can I still travel to see my grandchildren in May?", "Will I <b>lose</b> my hair & nails?")
BASE_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
MAX_BYTES = 300 * 1024


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    result = load_content(bundled_content_dir(), readability=False)
    assert result.library is not None, result.errors
    return result.library


def _request(**changes: Any) -> HandoutRequest:
    values: dict[str, Any] = {
        "site_ids": SITES,
        "compared_option_ids": COMPARED,
        "discussed_option_ids": ("spine-sbrt", "liver-ablation"),
        "question_ids": ("q-choices", "q-aim", "spine-walking"),
        "own_questions": OWN,
        "patient_name": NAME,
        "prepared_by": "Dr Anna Weber",
        "date": dt.date(2026, 11, 26),
        "notes": "Start with radiotherapy to the spine.\nCall us if the pain gets worse.",
        "clinic": ClinicDetails(name="Riverside Cancer Centre", phone="+44 20 7946 0000"),
    }
    values.update(changes)
    return HandoutRequest(**values)


@pytest.fixture(scope="module")
def pdf(library: ContentLibrary) -> bytes:
    return build_handout(library, _request())


@pytest.fixture(scope="module")
def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _all_text(reader: PdfReader) -> str:
    return _flat(" ".join(page.extract_text() for page in reader.pages))


def _extract(reader: PdfReader) -> tuple[list[str], Counter[float]]:
    """Each page's text, and how many characters are drawn at each font size (points)."""
    sizes: Counter[float] = Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            scale = math.sqrt(abs(tm[0] * tm[3] - tm[1] * tm[2]))
            scale *= math.sqrt(abs(cm[0] * cm[3] - cm[1] * cm[2]))
            sizes[round(size * scale, 1)] += len(text.strip())

    pages = [page.extract_text(visitor_text=visit) for page in reader.pages]
    return pages, sizes


@pytest.fixture(scope="module")
def extracted(reader: PdfReader) -> tuple[list[str], Counter[float]]:
    return _extract(reader)


@pytest.fixture(scope="module")
def pages(extracted: tuple[list[str], Counter[float]]) -> list[str]:
    return extracted[0]


def test_the_patient_options_and_questions_are_printed(
    pages: list[str], library: ContentLibrary
) -> None:
    text = _flat(" ".join(pages))
    assert f"For: {NAME}" in text
    for option_id in COMPARED:
        assert _flat(library.option(option_id).title) in text
    for question_id in ("q-choices", "q-aim", "spine-walking"):
        assert _flat(library.question(question_id).text) in text
    for own in OWN:
        assert _flat(own) in text  # markup-like text printed as text
    for key in RowKey:
        assert key.question in text
    assert "about 35 in 100 people" in text
    assert "Get help now if..." in text
    assert "Call your cancer team within 24 hours if..." in text
    assert _flat(library.meta.disclaimer) in text
    assert "[sc24]" in text  # a source id as a reference, and in the source list
    assert "Sahgal A" in text


def test_every_page_says_page_x_of_y(pages: list[str]) -> None:
    total = len(pages)
    assert total > 3
    for number, text in enumerate(pages, 1):
        assert re.findall(r"Page (\d+) of (\d+)", text) == [(str(number), str(total))]
        assert "Riverside Cancer Centre" in text


def test_metadata_language_and_outline(reader: PdfReader) -> None:
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Your treatment options: metastatic breast cancer"
    assert meta.author == "Dr Anna Weber"
    assert meta.subject is not None and "Spine, Brain, Liver" in meta.subject
    assert meta.creator is not None and meta.creator.startswith("mbc-guide")
    catalog: Any = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"

    def titles(outline: list[Any]) -> list[str]:
        out: list[str] = []
        for entry in outline:
            out += titles(entry) if isinstance(entry, list) else [entry.title]
        return out

    found = titles(reader.outline)
    for title in (
        "Where the cancer has spread",
        "About each place",
        "1. Spine",
        "2. Brain",
        "3. Liver",
        "Comparing your options",
        "Options we talked about",
        "Notes from your care team",
        "Questions to ask",
        "Words used in this handout",
        "Where this information comes from",
        "Please remember",
    ):
        assert title in found
    sites_entry = found.index("About each place")
    assert found[sites_entry + 1 : sites_entry + 4] == ["1. Spine", "2. Brain", "3. Liver"]
    # an outline entry points to the page its heading is on
    questions = next(
        e for e in reader.outline if not isinstance(e, list) and e.title == "Questions to ask"
    )
    page = reader.get_destination_page_number(questions)
    assert page is not None
    assert "Questions to ask" in reader.pages[page].extract_text()


def _fonts(reader: PdfReader) -> list[Any]:
    fonts = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            fonts.append(font.get_object())
    return fonts


def test_only_embedded_truetype_fonts(pdf: bytes, reader: PdfReader) -> None:
    fonts = _fonts(reader)
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType"
        assert "DejaVuSans" in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"]
    for name in BASE_14:
        assert name.encode() not in pdf


def test_small_enough(pdf: bytes) -> None:
    assert len(pdf) < MAX_BYTES


def test_same_request_same_bytes(library: ContentLibrary, pdf: bytes) -> None:
    assert build_handout(library, _request()) == pdf


def test_page_count_is_reported(library: ContentLibrary, reader: PdfReader) -> None:
    assert render_handout(library, _request()).page_count == len(reader.pages)


def test_body_text_size(extracted: tuple[list[str], Counter[float]]) -> None:
    body, _ = extracted[1].most_common(1)[0]
    assert 10.5 <= body <= 11 or 8.5 <= body <= 9  # body or table cells


def _small_texts(reader: PdfReader, least: float) -> list[tuple[float, float, str]]:
    """Every piece of text drawn below `least` points: (size, height on the page, text)."""
    small: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        scale = math.sqrt(abs(tm[0] * tm[3] - tm[1] * tm[2]))
        scale *= math.sqrt(abs(cm[0] * cm[3] - cm[1] * cm[2]))
        if text.strip() and round(size * scale, 1) < least:
            height = tm[5] * cm[3] + cm[5]
            small.append((round(size * scale, 1), round(height, 1), text.strip()))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return small


def test_large_print_text_is_all_at_least_16_pt(library: ContentLibrary) -> None:
    """Glyph sizes read back from the PDF: only the page footer may be smaller."""
    request = _request(large_print=True)
    reader = PdfReader(io.BytesIO(build_handout(library, request)))
    pages, sizes = _extract(reader)
    body, _ = sizes.most_common(1)[0]
    assert body >= 16
    small = _small_texts(reader, 16)
    assert small, "the footer is smaller"
    assert [(size, text) for size, height, text in small if height > FOOTER_Y + 1] == []
    assert min(sizes) >= 12  # the footer stays readable too
    text = _flat(" ".join(pages))
    for option_id in COMPARED:
        assert _flat(library.option(option_id).title) in text
    assert f"For: {NAME}" in text


@pytest.mark.parametrize(
    ("size", "expected"), [(PageSize.A4, (595.3, 841.9)), (PageSize.LETTER, (612.0, 792.0))]
)
def test_page_size(library: ContentLibrary, size: PageSize, expected: tuple[float, float]) -> None:
    reader = PdfReader(io.BytesIO(build_handout(library, _request(page_size=size))))
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == expected


def test_sections_left_out_are_not_printed(library: ContentLibrary) -> None:
    request = _request(sections=frozenset({Section.QUESTIONS}))
    reader = PdfReader(io.BytesIO(build_handout(library, request)))
    text = _all_text(reader)
    assert "Questions to ask" in text
    for heading in ("Comparing your options", "About each place", "Words used in this handout"):
        assert heading not in text
    assert _flat(library.meta.disclaimer) in text  # always printed


def test_empty_request_still_gives_a_handout(library: ContentLibrary) -> None:
    reader = PdfReader(io.BytesIO(build_handout(library, HandoutRequest())))
    text = _all_text(reader)
    assert "Your treatment options" in text
    assert "Page 1 of 1" in text


def test_many_options_make_several_tables(library: ContentLibrary) -> None:
    options = tuple(sorted(library.options))[:5]
    request = _request(compared_option_ids=options, sections=frozenset({Section.COMPARISON}))
    reader = PdfReader(io.BytesIO(build_handout(library, request)))
    text = _all_text(reader)
    assert "Table 1 of 2" in text and "Table 2 of 2" in text  # 3 + 2 columns


def test_long_notes_and_long_words_paginate(library: ContentLibrary) -> None:
    notes = ("word " * 1500) + "\n\n" + "x" * 3000 + "\n" + "y" * 500
    request = _request(notes=notes, own_questions=("z" * 2000,), patient_name="n" * 600)
    reader = PdfReader(io.BytesIO(build_handout(library, request)))
    assert len(reader.pages) > 6


def test_unknown_and_valid_ids(library: ContentLibrary) -> None:
    request = _request(
        site_ids=("spine", "spleen"),
        compared_option_ids=("nope",),
        discussed_option_ids=("spine-sbrt", "nope", "also-nope"),
        question_ids=("q-choices", "q-missing"),
    )
    assert unknown_ids(library, request) == {
        "site": ["spleen"],
        "option": ["nope", "also-nope"],
        "question": ["q-missing"],
    }
    assert unknown_ids(library, _request()) == {}
    valid = valid_ids(library)
    assert valid["site"] == list(library.site_ids)
    assert "spine-sbrt" in valid["option"]
    assert "q-choices" in valid["question"] and "spine-walking" in valid["question"]


def test_clinic_logo_missing_or_broken_is_skipped(library: ContentLibrary, tmp_path: Any) -> None:
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"not a picture")
    for logo in (broken, tmp_path / "missing.png"):
        clinic = ClinicDetails(name="Clinic", logo_path=logo)
        reader = PdfReader(io.BytesIO(build_handout(library, _request(clinic=clinic))))
        assert "Clinic" in reader.pages[0].extract_text()


def test_clinic_logo_is_drawn(library: ContentLibrary, tmp_path: Any) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), "#1f4e79").save(logo)
    reader = PdfReader(
        io.BytesIO(
            build_handout(library, _request(clinic=ClinicDetails(name="Clinic", logo_path=logo)))
        )
    )
    assert reader.pages[0].images


def test_layout_failure_is_a_handout_error_without_patient_text(
    library: ContentLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlab.platypus import BaseDocTemplate
    from reportlab.platypus.doctemplate import LayoutError

    from desktop_app.handout.builder import HandoutError

    def too_large(*args: Any, **kwargs: Any) -> None:
        raise LayoutError("Flowable <Para>'secret notes' too large")

    monkeypatch.setattr(BaseDocTemplate, "build", too_large)
    with pytest.raises(HandoutError) as caught:
        build_handout(library, _request(notes="secret notes"))
    assert "secret" not in str(caught.value)
    assert caught.value.__cause__ is None


def test_clinic_name_with_a_lone_surrogate_builds(library: ContentLibrary) -> None:
    # the metadata author took the raw clinic name: UnicodeEncodeError
    clinic = ClinicDetails(name="Clinic\ud800")
    reader = PdfReader(io.BytesIO(build_handout(library, _request(clinic=clinic, prepared_by=""))))
    assert reader.metadata is not None and reader.metadata.author == "Clinic\ufffd"
