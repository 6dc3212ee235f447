"""Any text a person types prints as text: never markup, never a crash, never a lost letter."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from desktop_app.content.loader import load_content
from desktop_app.content.model import ContentLibrary
from desktop_app.handout.builder import build_handout
from desktop_app.handout.fonts import register_fonts
from desktop_app.handout.request import HandoutRequest, Section
from desktop_app.handout.text import clean_text, escape, one_line, plain_text, safe_markup
from desktop_app.handout.user_text import (
    MAX_OWN_QUESTION_LENGTH,
    NoticeKind,
    TextField,
    prepare_request,
)
from desktop_app.resources import bundled_content_dir

SUBSTITUTE = "\ufffd"

# Letters of the alphabets a name must print in: Latin with Polish, Turkish and
# Vietnamese letters, Greek and Cyrillic.
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
TURKISH = "çğıİöşüÇĞÖŞÜ"
VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
GREEK = "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіїєґ"
ALPHABETS = [LATIN + POLISH + TURKISH + VIETNAMESE, GREEK, CYRILLIC]


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    result = load_content(bundled_content_dir(), readability=False)
    assert result.library is not None
    return result.library


def _small_request(
    patient_name: str = "", notes: str = "", own_questions: tuple[str, ...] = ()
) -> HandoutRequest:
    # no sites or options: each example builds in a few milliseconds
    return HandoutRequest(
        patient_name=patient_name,
        notes=notes,
        own_questions=own_questions,
        date=dt.date(2026, 11, 26),
        sections=frozenset(Section),
    )


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_markup_is_escaped() -> None:
    assert safe_markup('<b>bold</b> & <font size="40">x</font>') == (
        '&lt;b&gt;bold&lt;/b&gt; &amp; &lt;font size="40"&gt;x&lt;/font&gt;'
    )
    assert escape("&amp;") == "&amp;amp;"


def test_line_breaks_tabs_and_controls() -> None:
    assert safe_markup("one\r\ntwo\rthree\nfour") == "one<br/>two<br/>three<br/>four"
    assert plain_text("a\tb") == "a b"
    assert plain_text("a\x00b\x07c\x1bd\u202ee\u200bf") == "abcdef"
    assert one_line("  Anna\n\tMaria  ") == "Anna Maria"


def test_missing_glyphs_become_one_visible_substitute() -> None:
    assert plain_text("Name 漢字漢字 end") == f"Name {SUBSTITUTE} end"
    assert plain_text("\U000f0000") == SUBSTITUTE  # private use
    assert plain_text("\ufffe") == SUBSTITUTE  # not a character


def test_characters_beyond_the_bmp_are_replaced_even_when_the_font_has_them() -> None:
    # DejaVu Sans draws U+1F600, but ReportLab's text layer cannot say so ("<1F600>")
    coverage = register_fonts().coverage
    assert ord("\U0001f600") not in coverage
    assert max(coverage) <= 0xFFFF
    assert plain_text("a\U0001f600\U0001d400b") == f"a{SUBSTITUTE}b"


def test_an_invisible_mark_does_not_keep_a_letter_from_its_accent() -> None:
    # the bidi mark was dropped after NFC, so "L" and U+032D stayed apart (hostile seed 1806)
    assert plain_text("L\u200e\u032d\u0322") == "\u1e3c\u0322"
    assert plain_text("e\u200b\u0301") == "é"


def test_clean_text_counts_what_it_replaced() -> None:
    cleaned = clean_text("A\U0001f600\U0001f600 \ud800 漢\x00\x1b[0m\x7f")
    assert cleaned.text == f"A{SUBSTITUTE} {SUBSTITUTE} {SUBSTITUTE}[0m"
    assert cleaned.replaced == 4  # controls are dropped, not counted
    assert clean_text("Plain ASCII").replaced == 0


def test_prepare_request_makes_every_typed_field_printable() -> None:
    request = HandoutRequest(
        patient_name="  Anna\n\tMaria \U0001f600 ",
        prepared_by="Dr\udcff",
        notes="a\r\nb\x00\x1b",
        own_questions=("", "  ", "Q\u0085two", "x" * 400),
    )
    prepared, notices = prepare_request(request)
    assert prepared.patient_name == f"Anna Maria {SUBSTITUTE}"
    assert prepared.prepared_by == f"Dr{SUBSTITUTE}"
    assert prepared.notes == "a\nb"
    assert prepared.own_questions == ("Q\ntwo", "x" * MAX_OWN_QUESTION_LENGTH)
    assert {(n.field, n.kind, n.count) for n in notices} == {
        (TextField.PATIENT_NAME, NoticeKind.REPLACED, 1),
        (TextField.PREPARED_BY, NoticeKind.REPLACED, 1),
        (TextField.OWN_QUESTIONS, NoticeKind.SHORTENED, 100),
    }
    assert prepare_request(prepared) == (prepared, ())  # nothing left to change


def test_notices_name_the_field_and_never_quote_it() -> None:
    request = HandoutRequest(patient_name="Zofia \U0001f600", notes="n" * 10_050)
    messages = [notice.message for notice in prepare_request(request)[1]]
    assert messages == [
        f"Patient name: 1 character cannot be printed with the handout font (emoji, for "
        f"example) and shows as {SUBSTITUTE}.",
        "Notes: longer than 10,000 characters; the last 50 characters are not printed.",
    ]


def test_letters_are_kept_and_composed() -> None:
    assert plain_text("Łukasz Żółć, İlkay, Nguyễn, Νίκος, Дмитрий") == (
        "Łukasz Żółć, İlkay, Nguyễn, Νίκος, Дмитрий"
    )
    assert plain_text("Nguye\u0302\u0303n") == "Nguyễn"  # decomposed input prints composed


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.text(max_size=200),
    notes=st.text(max_size=2000),
    own=st.lists(st.text(max_size=300), max_size=3),
)
def test_any_text_gives_a_readable_pdf(
    library: ContentLibrary, name: str, notes: str, own: list[str]
) -> None:
    request = _small_request(patient_name=name, notes=notes, own_questions=tuple(own))
    reader = PdfReader(io.BytesIO(build_handout(library, request)))
    assert len(reader.pages) >= 1
    assert "Page 1 of" in reader.pages[0].extract_text()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(ALPHABETS).flatmap(
        lambda letters: st.lists(
            st.text(alphabet=letters, min_size=1, max_size=14), min_size=1, max_size=3
        )
    )
)
def test_names_print_with_every_letter(library: ContentLibrary, words: list[str]) -> None:
    name = " ".join(words)
    assert _small_request(patient_name=name).patient_name == name
    text = _text(build_handout(library, _small_request(patient_name=name)))
    assert f"For: {name}" in text


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "</para><para>",
        "&lt;b&gt; &#65; &unknown;",
        "שלום עולם, مرحبا بالعالم",
        "😀 👍🏽 👨‍👩‍👧",
        "\u202eevil\u202c",
    ],
)
def test_awkward_text_prints(library: ContentLibrary, text: str) -> None:
    request = _small_request(patient_name=text, notes=text, own_questions=(text,))
    assert _text(build_handout(library, request))
