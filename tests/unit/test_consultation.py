"""The consultation core's rules, without Qt or a display."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.consultation import (
    MAX_COMPARED,
    Change,
    Consultation,
    ConsultationState,
    HandoutForm,
)
from desktop_app.content.loader import load_content
from desktop_app.content.model import ContentLibrary
from desktop_app.handout.request import ClinicDetails, HandoutRequest, PageSize, Section
from desktop_app.handout.user_text import MAX_OWN_QUESTIONS
from desktop_app.resources import bundled_content_dir
from tests.qt_free import qt_modules_imported_by


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    result = load_content(bundled_content_dir(), readability=False)
    assert result.library is not None
    return result.library


@pytest.fixture
def consultation(library: ContentLibrary) -> Consultation:
    return Consultation(library)


def _heard(consultation: Consultation) -> list[Change]:
    heard: list[Change] = []
    consultation.subscribe(heard.append)
    return heard


def test_sites_are_kept_in_the_contents_order(consultation: Consultation) -> None:
    for site_id in ("liver", "spine", "bone"):
        consultation.set_site(site_id, True)
    assert consultation.site_ids == ["bone", "spine", "liver"]
    with pytest.raises(KeyError):
        consultation.set_site("elbow", True)


def test_unchoosing_a_site_takes_its_questions_along(
    consultation: Consultation, library: ContentLibrary
) -> None:
    """Before, a spine question ticked and the spine unchosen stayed in the session and
    printed, while the questions screen no longer listed it (so it could not be unticked)."""
    spine_question = library.site("spine").questions[0].id
    general = library.general_questions[0].id
    consultation.set_site("spine", True)
    assert consultation.set_question(spine_question, True)
    assert consultation.set_question(general, True)
    heard = _heard(consultation)
    consultation.set_site("spine", False)
    assert consultation.question_ids == [general]
    assert heard == [Change.SITES, Change.QUESTIONS]


def test_a_question_not_on_offer_cannot_be_ticked(
    consultation: Consultation, library: ContentLibrary
) -> None:
    brain_question = library.site("brain").questions[0].id
    assert brain_question not in consultation.offered_questions()
    assert not consultation.set_question(brain_question, True)
    assert consultation.question_ids == []
    consultation.set_site("brain", True)
    assert consultation.offered_questions()[0] == brain_question
    assert consultation.set_question(brain_question, True)


def test_unchoosing_a_site_takes_its_compared_and_discussed_options_along(
    consultation: Consultation, library: ContentLibrary
) -> None:
    shared = next(
        o for o in library.site("bone").option_ids if o in library.site("spine").option_ids
    )
    bone_only = next(o for o in library.site("bone").option_ids if o != shared)
    consultation.set_site("bone", True)
    consultation.set_site("spine", True)
    for option_id in (shared, bone_only):
        assert consultation.set_compared(option_id, True)
        consultation.set_discussed(option_id, True)
    heard = _heard(consultation)
    consultation.set_site("bone", False)
    # The option the spine lists too stays; the bone's own one goes.
    assert consultation.compared == [shared]
    assert consultation.discussed == [shared]
    assert heard == [Change.SITES, Change.COMPARED, Change.DISCUSSED]
    consultation.set_site("spine", False)
    assert consultation.compared == consultation.discussed == []


def test_at_most_four_options_are_compared(
    consultation: Consultation, library: ContentLibrary
) -> None:
    options = list(library.site("bone").option_ids)
    assert len(options) > MAX_COMPARED
    added = [consultation.set_compared(o, True) for o in options[: MAX_COMPARED + 1]]
    assert added == [True] * MAX_COMPARED + [False]
    assert consultation.compared == options[:MAX_COMPARED]
    assert consultation.set_compared(options[0], False)
    assert consultation.compared == options[1:MAX_COMPARED]


def test_own_questions_are_tidied_and_limited(consultation: Consultation) -> None:
    assert consultation.add_own_question("  Can I   travel?  ")
    assert not consultation.add_own_question("Can I travel?")  # the same again
    assert not consultation.add_own_question("   ")
    for number in range(MAX_OWN_QUESTIONS - 1):
        assert consultation.add_own_question(f"Question {number}")
    assert consultation.own_questions_full()
    assert not consultation.add_own_question("One too many")
    consultation.remove_own_question(0)
    consultation.remove_own_question(99)  # no such one: nothing happens
    assert len(consultation.own_questions) == MAX_OWN_QUESTIONS - 1
    assert "Can I travel?" not in consultation.own_questions


def test_nothing_is_announced_when_nothing_changes(consultation: Consultation) -> None:
    heard = _heard(consultation)
    consultation.set_site("liver", False)
    consultation.set_discussed("liver-ablation", False)
    consultation.set_fields("", "", "")
    assert heard == []
    consultation.set_fields("Ana", "", "")
    assert heard == [Change.FIELDS]


def test_reset_leaves_it_equal_to_a_fresh_one(
    consultation: Consultation, library: ContentLibrary
) -> None:
    # A value in every field a consultation has.
    for site in library.sites:
        consultation.set_site(site.id, True)
    consultation.set_compared("spine-sbrt", True)
    consultation.set_discussed("spine-sbrt", True)
    consultation.set_question(library.general_questions[0].id, True)
    consultation.add_own_question("Can I drive?")
    consultation.set_fields("Ana", "Dr Weber", "Call us.")
    consultation.change_handout_form(
        date=dt.date(2026, 12, 24),
        page_size=PageSize.LETTER,
        large_print=True,
        sections=frozenset({Section.GLOSSARY}),
    )
    state = consultation.state()
    empty = [name for name, value in vars(state).items() if not value]
    assert empty == [], "a field the test leaves empty would not show a reset forgot it"
    fresh_form = HandoutForm()
    same = [f for f in vars(fresh_form) if getattr(state.handout_form, f) == getattr(fresh_form, f)]
    assert same == [], "every part of the handout form is changed before the reset"
    assert not consultation.is_pristine()
    heard = _heard(consultation)
    consultation.reset()
    assert consultation.state() == Consultation(library).state() == ConsultationState()
    assert consultation.is_pristine()
    assert heard[-1] == Change.RESET


def test_the_handout_request_is_what_the_consultation_holds(
    consultation: Consultation, library: ContentLibrary
) -> None:
    clinic = ClinicDetails(name="Riverside")
    today = dt.date(2026, 12, 2)
    fresh = consultation.to_handout_request(clinic, today)
    assert fresh == HandoutRequest(date=today, clinic=clinic)  # a fresh form: today
    consultation.set_site("spine", True)
    consultation.set_compared("spine-sbrt", True)
    consultation.set_question(library.site("spine").questions[0].id, True)
    consultation.add_own_question("Can I swim?")
    consultation.set_fields("Ana", "Dr Weber", "Rest.")
    consultation.change_handout_form(large_print=True, page_size=PageSize.LETTER)
    request = consultation.to_handout_request(clinic, today)
    assert request.site_ids == ("spine",)
    assert request.compared_option_ids == ("spine-sbrt",)
    assert request.question_ids == (library.site("spine").questions[0].id,)
    assert request.own_questions == ("Can I swim?",)
    assert (request.patient_name, request.prepared_by, request.notes) == (
        "Ana",
        "Dr Weber",
        "Rest.",
    )
    assert (request.large_print, request.page_size, request.date) == (True, PageSize.LETTER, today)
    consultation.change_handout_form(date=dt.date(2027, 1, 5))
    assert consultation.to_handout_request(clinic, today).date == dt.date(2027, 1, 5)


def test_a_fresh_form_can_be_the_clinics_own(library: ContentLibrary) -> None:
    kiosk_form = HandoutForm(page_size=PageSize.LETTER, sections=frozenset({Section.GLOSSARY}))
    consultation = Consultation(library, kiosk_form)
    assert consultation.is_pristine()
    consultation.change_handout_form(large_print=True)
    assert not consultation.is_pristine()
    consultation.reset()
    assert consultation.handout_form == kiosk_form and consultation.is_pristine()


def test_a_listener_can_stop_listening(consultation: Consultation) -> None:
    heard: list[Change] = []
    stop = consultation.subscribe(heard.append)
    consultation.set_site("lung", True)
    stop()
    consultation.set_site("lung", False)
    assert heard == [Change.SITES]


def test_the_core_never_imports_qt() -> None:
    code = (
        "from desktop_app.consultation import Consultation\n"
        "from desktop_app.content.loader import load_content\n"
        "from desktop_app.resources import bundled_content_dir\n"
        "c = Consultation(load_content(bundled_content_dir(), readability=False).library)\n"
        "c.set_site('spine', True); c.reset()\n"
    )
    assert qt_modules_imported_by(code) == []
