"""The consultation core's rules, without Qt or a display."""

from __future__ import annotations

import pytest

from desktop_app.consultation import MAX_COMPARED, Change, Consultation, ConsultationState
from desktop_app.content.loader import load_content
from desktop_app.content.model import ContentLibrary
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
    state = consultation.state()
    empty = [name for name, value in vars(state).items() if not value]
    assert empty == [], "a field the test leaves empty would not show a reset forgot it"
    assert not consultation.is_pristine()
    heard = _heard(consultation)
    consultation.reset()
    assert consultation.state() == Consultation(library).state() == ConsultationState()
    assert consultation.is_pristine()
    assert heard[-1] == Change.RESET


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
