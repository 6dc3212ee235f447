"""The clinic config: defaults, every class of error with its line, and what is kept."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop_app.config import (
    DEFAULTS,
    ClinicConfig,
    ConfigProblem,
    default_config_path,
    load,
    load_or_default,
)
from desktop_app.staff_pin import hash_pin
from tests.qt_free import qt_modules_imported_by


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _only(problems: list[ConfigProblem]) -> ConfigProblem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_no_file_at_the_default_place_means_defaults_and_no_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "platform", "linux")
    assert default_config_path() == tmp_path / "xdg" / "mbc-guide" / "config.toml"
    assert load_or_default(None) == (DEFAULTS, [])
    assert DEFAULTS.idle_seconds == 90
    assert DEFAULTS.warning_seconds == 30
    assert DEFAULTS.page_size == "a4"
    assert DEFAULTS.kiosk is False


def test_a_named_file_that_is_missing_is_a_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    config, problems = load_or_default(missing)
    assert config == DEFAULTS
    assert str(_only(problems)) == (
        f"{missing}:1: file: the file does not exist. Create it with: mbc-guide config init {missing}"
    )


def test_every_setting_is_read(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "content").mkdir()
    pin_hash = hash_pin("2468")
    path = _write(
        tmp_path,
        f"""
clinic_name = "City Hospital Breast Unit"
logo_file = "logo.png"
phone = "020 7946 0000"
address = \"\"\"1 Hospital Road
London\"\"\"
website = "https://example.org"
handout_footer = "Call us with any question"
page_size = "Letter"
printer_name = "Reception"
kiosk = true
idle_seconds = 120
warning_seconds = 20
admin_pin_hash = "{pin_hash}"
content_folder = "content"
""",
    )
    config, problems = load(path)
    assert problems == []
    assert config == ClinicConfig(
        clinic_name="City Hospital Breast Unit",
        logo_file=tmp_path / "logo.png",
        phone="020 7946 0000",
        address="1 Hospital Road\nLondon",
        website="https://example.org",
        handout_footer="Call us with any question",
        page_size="letter",
        printer_name="Reception",
        kiosk=True,
        idle_seconds=120,
        warning_seconds=20,
        admin_pin_hash=pin_hash,
        content_folder=tmp_path / "content",
    )
    details = config.clinic_details()
    assert (details.name, details.phone, details.footer) == (
        "City Hospital Breast Unit",
        "020 7946 0000",
        "Call us with any question",
    )
    assert details.logo_path == tmp_path / "logo.png"


def test_bad_toml_names_the_line_and_the_rest_is_kept(tmp_path: Path) -> None:
    path = _write(tmp_path, 'clinic_name = "City"\nphone = 020 7946\nkiosk = true\n')
    config, problems = load(path)
    problem = _only(problems)
    assert (problem.line, problem.key) == (2, "phone")
    assert str(problem).startswith(f"{path}:2: phone: this line is not valid TOML (")
    assert "It is ignored until it is fixed" in problem.message
    assert config.clinic_name == "City"
    assert config.kiosk is True
    assert config.phone == ""


def test_toml_broken_at_the_end_falls_back_to_all_defaults(tmp_path: Path) -> None:
    path = _write(tmp_path, 'kiosk = true\naddress = """1 Road\nLondon\n')
    config, problems = load(path)
    problem = _only(problems)
    assert problem.line == 3
    assert "not closed" in problem.message
    assert config == DEFAULTS


def test_a_key_given_twice_is_found(tmp_path: Path) -> None:
    path = _write(tmp_path, "idle_seconds = 60\nkiosk = true\nidle_seconds = 70\n")
    config, problems = load(path)
    problem = _only(problems)
    assert (problem.line, problem.key) == (3, "idle_seconds")
    assert config.idle_seconds == 60
    assert config.kiosk is True


def test_unknown_keys_and_sections_are_named_with_a_suggestion(tmp_path: Path) -> None:
    path = _write(tmp_path, 'clinc_name = "City"\nphone = "1"\n\n[colours]\nred = 1\n')
    config, problems = load(path)
    assert [(p.line, p.key) for p in problems] == [(1, "clinc_name"), (4, "colours")]
    assert "Did you mean clinic_name?" in problems[0].message
    assert "there is no setting with this name" in problems[1].message
    assert config.phone == "1"
    assert config.clinic_name == ""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'idle_seconds = "ninety"',
            'must be a whole number of seconds from 1 to 3600 (no quotes), not "ninety". Until it is fixed, the default 90 is used.',
        ),
        (
            "idle_seconds = 0",
            "must be a whole number of seconds from 1 to 3600 (no quotes), not 0.",
        ),
        ("warning_seconds = 2.5", "must be a whole number of seconds from 1 to 3600"),
        ("warning_seconds = true", "not true. Until it is fixed, the default 30 is used."),
        (
            'kiosk = "yes"',
            'must be true or false (no quotes), not "yes". Until it is fixed, the default false is used.',
        ),
        (
            'page_size = "A5"',
            'must be "a4" or "letter", not "A5". Until it is fixed, the default "a4" is used.',
        ),
        (
            "clinic_name = 42",
            "must be text in double quotes, not 42. Until it is fixed, it is left empty.",
        ),
        ("phone = [1, 2]", "must be text in double quotes, not a list."),
        ('admin_pin_hash = "1234"', "is not a PIN hash made by `mbc-guide admin set-pin`."),
    ],
)
def test_wrong_types_name_the_key_and_keep_the_default(
    tmp_path: Path, line: str, expected: str
) -> None:
    path = _write(tmp_path, f'printer_name = "Reception"\n{line}\n')
    config, problems = load(path)
    problem = _only(problems)
    key = line.split(" ")[0]
    assert (problem.line, problem.key) == (2, key)
    assert expected in problem.message
    assert getattr(config, key) == getattr(DEFAULTS, key)
    assert config.printer_name == "Reception"


def test_a_missing_logo_is_named_with_its_full_path(tmp_path: Path) -> None:
    path = _write(tmp_path, 'clinic_name = "City"\n\nlogo_file = "images/logo.png"\n')
    config, problems = load(path)
    problem = _only(problems)
    assert str(problem) == (
        f"{path}:3: logo_file: the file {tmp_path / 'images' / 'logo.png'} does not exist. "
        "Check the path (a relative path is read from the config file's folder). "
        "Until then handouts are printed without a logo."
    )
    assert config.logo_file is None
    assert config.clinic_name == "City"


def test_a_logo_that_is_not_an_image_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "logo.txt").write_text("not an image")
    config, problems = load(_write(tmp_path, 'logo_file = "logo.txt"\n'))
    assert "is not a PNG, JPEG, GIF or SVG image file" in _only(problems).message
    assert config.logo_file is None


def test_a_missing_content_folder_falls_back_to_the_bundled_content(tmp_path: Path) -> None:
    config, problems = load(_write(tmp_path, 'content_folder = "/no/such/folder"\n'))
    assert "Until then the bundled content is used." in _only(problems).message
    assert config.content_folder is None


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes('clinic_name = "Caf\u00e9"\n'.encode("latin-1"))
    config, problems = load(path)
    assert str(_only(problems)) == f"{path}:1: file: the file is not UTF-8 text. Save it as UTF-8."
    assert config == DEFAULTS


def test_the_config_module_never_imports_qt() -> None:
    code = "import desktop_app.config, desktop_app.config_commands, desktop_app.staff_pin"
    assert qt_modules_imported_by(code, timeout=60) == []
