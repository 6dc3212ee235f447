"""The handout's text templates: plain text with `$field` placeholders, never markup."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.handout import header
from desktop_app.handout.builder import HandoutError
from desktop_app.handout.header import (
    TextTemplateError,
    contact_lines,
    footer_text,
    render_lines,
)
from desktop_app.handout.request import ClinicDetails
from desktop_app.resources import ResourceNotFoundError


@pytest.fixture
def own_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "handout"
    folder.mkdir()
    monkeypatch.setattr(header, "templates_dir", lambda: tmp_path)
    header._template.cache_clear()
    yield folder
    header._template.cache_clear()


def test_contact_lines_leave_out_lines_whose_fields_are_empty() -> None:
    clinic = ClinicDetails(name="Riverside", phone="", address="1 River Road\nLeeds", website="")
    assert contact_lines(clinic) == ["Riverside", "1 River Road", "Leeds"]
    assert contact_lines(ClinicDetails(name="R", phone="0800 123"))[1] == "Phone: 0800 123"


def test_a_value_is_never_read_as_a_placeholder_or_markup() -> None:
    clinic = ClinicDetails(name="$name & <b>Co</b> ${phone}", phone="1")
    assert contact_lines(clinic)[0] == "$name & <b>Co</b> ${phone}"


def test_the_footer_joins_what_is_there() -> None:
    assert footer_text(ClinicDetails(name="Riverside", footer="Call 111")) == "Riverside · Call 111"
    assert footer_text(ClinicDetails(name="Riverside")) == "Riverside"
    assert footer_text(ClinicDetails()) == ""


def test_notes_and_blank_lines_are_not_printed(own_templates: Path) -> None:
    (own_templates / "t.txt").write_text("# a note for staff\n\nHello $who\n", encoding="utf-8")
    assert render_lines("t.txt", who="you") == ["Hello you"]


def test_an_unknown_field_or_a_stray_dollar_is_a_handout_error(own_templates: Path) -> None:
    (own_templates / "unknown.txt").write_text("Call $nurse\n", encoding="utf-8")
    (own_templates / "stray.txt").write_text("Costs $ 5\n", encoding="utf-8")
    with pytest.raises(TextTemplateError, match=r"unknown\.txt.*nurse"):
        render_lines("unknown.txt", name="x")
    with pytest.raises(HandoutError, match=r"stray\.txt"):
        render_lines("stray.txt")


def test_a_missing_template_names_the_file(own_templates: Path) -> None:
    with pytest.raises(ResourceNotFoundError, match=r"gone\.txt"):
        render_lines("gone.txt")


def test_making_a_handout_never_imports_jinja2() -> None:
    # jinja2 costs about 45 ms to import: the handout command's start-up budget
    code = (
        "import sys\n"
        "from desktop_app.handout.builder import build_handout\n"
        "from desktop_app.handout.request import ClinicDetails, HandoutRequest\n"
        "from desktop_app.content.loader import load_content\n"
        "from desktop_app.resources import bundled_content_dir\n"
        "library = load_content(bundled_content_dir(), readability=False).library\n"
        "build_handout(library, HandoutRequest(site_ids=('spine',), "
        "clinic=ClinicDetails(name='R', phone='1', footer='f')))\n"
        "print('jinja2' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
