"""`mbc-guide config init|check` and `mbc-guide admin set-pin` through the real command line."""

from __future__ import annotations

import getpass
import io
import os
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Spacer

from desktop_app.cli import main
from desktop_app.config import load
from desktop_app.config_commands import EXAMPLE
from desktop_app.staff_pin import verify_pin


@pytest.fixture(autouse=True)
def private_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "config-home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setattr(sys, "platform", "linux")
    yield home


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    prompts: list[str] = []
    queue = list(answers)

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    return prompts


def test_init_writes_an_example_that_check_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "clinic" / "config.toml"
    assert main(["config", "init", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == EXAMPLE
    assert capsys.readouterr().out == f"wrote {target}\n"
    assert main(["config", "check", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{target}: OK: consultation mode, page size a4")
    assert load(target)[1] == []
    assert set(tomllib.loads(EXAMPLE)) == {
        "clinic_name", "logo_file", "phone", "address", "website", "handout_footer",
        "page_size", "printer_name", "kiosk", "idle_seconds", "warning_seconds", "content_folder",
    }  # fmt: skip


def test_init_without_a_path_writes_to_the_platform_config_folder(
    private_config_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "check"]) == 0
    assert "no config file; the program uses its defaults" in capsys.readouterr().out
    assert main(["config", "init"]) == 0
    assert (private_config_home / "mbc-guide" / "config.toml").read_text() == EXAMPLE
    assert main(["config", "check"]) == 0


def test_init_never_replaces_a_file_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "config.toml"
    target.write_text('clinic_name = "Ours"\n')
    assert main(["config", "init", str(target)]) == 1
    assert "already there; nothing was written. Use --force" in capsys.readouterr().err
    assert target.read_text() == 'clinic_name = "Ours"\n'
    assert main(["config", "init", "--force", str(target)]) == 0
    assert target.read_text() == EXAMPLE
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temporary left


def test_check_lists_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "config.toml"
    target.write_text('kiosk = "yes"\ncolour = "red"\nidle_seconds = 1 0\n')
    assert main(["--config", str(target), "config", "check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        f"{target}:1",
        f"{target}:2",
        f"{target}:3",
    ]
    assert [line.split(": ")[1] for line in lines] == ["kiosk", "colour", "idle_seconds"]


def test_set_pin_stores_only_a_salted_hash_and_keeps_every_other_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "config.toml"
    assert main(["config", "init", str(target)]) == 0
    prompts = _answers(monkeypatch, "482916", "482916")
    assert main(["admin", "set-pin", "--config", str(target)]) == 0
    assert prompts == ["New staff PIN (4 to 8 digits): ", "The same PIN again: "]
    assert f"The staff PIN is set in {target}." in capsys.readouterr().out
    text = target.read_text()
    assert "482916" not in text
    before, after = EXAMPLE.splitlines(), text.splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1 and after[changed[0]].startswith('admin_pin_hash = "scrypt$')
    config, problems = load(target)
    assert problems == []
    assert verify_pin("482916", config.admin_pin_hash)
    # Setting it again replaces the line in place.
    _answers(monkeypatch, "1357", "1357")
    assert main(["admin", "set-pin", "--config", str(target)]) == 0
    again = target.read_text().splitlines()
    assert len(again) == len(after)
    assert verify_pin("1357", load(target)[0].admin_pin_hash)


def test_set_pin_adds_the_key_above_any_section_and_keeps_crlf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "config.toml"
    target.write_bytes(b'clinic_name = "City"\r\nkiosk = true\r\n')
    _answers(monkeypatch, "2468", "2468")
    assert main(["admin", "set-pin", "--config", str(target)]) == 0
    data = target.read_bytes()
    assert data.startswith(b'clinic_name = "City"\r\nkiosk = true\r\nadmin_pin_hash = "scrypt$')
    assert verify_pin("2468", load(target)[0].admin_pin_hash)


def test_set_pin_creates_the_example_when_there_is_no_config(
    private_config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answers(monkeypatch, "2468", "2468")
    assert main(["admin", "set-pin"]) == 0
    config, problems = load(private_config_home / "mbc-guide" / "config.toml")
    assert problems == []
    assert verify_pin("2468", config.admin_pin_hash)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (("12a4",), "A staff PIN is 4 to 8 digits (0 to 9). Nothing was changed."),
        (("123",), "A staff PIN is 4 to 8 digits"),
        (("2468", "2469"), "The two PINs were not the same. Nothing was changed."),
    ],
)
def test_set_pin_refuses_bad_or_different_pins(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answers: tuple[str, ...],
    message: str,
) -> None:
    target = tmp_path / "config.toml"
    target.write_text('clinic_name = "City"\n')
    _answers(monkeypatch, *answers)
    assert main(["admin", "set-pin", "--config", str(target)]) == 1
    assert message in capsys.readouterr().err
    assert target.read_text() == 'clinic_name = "City"\n'


def test_set_pin_refuses_a_file_that_is_not_valid_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "config.toml"
    target.write_text("clinic_name = City\n")
    prompts = _answers(monkeypatch, "2468", "2468")
    assert main(["admin", "set-pin", "--config", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{target}:1: clinic_name: this line is not valid TOML" in err
    assert "Fix the file first" in err
    assert prompts == []
    assert target.read_text() == "clinic_name = City\n"


def test_the_installed_command_checks_a_config(tmp_path: Path) -> None:
    target = tmp_path / "config.toml"
    target.write_text("idle_seconds = -5\n")
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "config", "check", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith(f"{target}:1: idle_seconds: must be a whole number")


def test_the_handout_command_uses_the_clinic_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    target = tmp_path / "config.toml"
    target.write_text(
        'clinic_name = "City Hospital Breast Unit"\nphone = "020 7946 0000"\n'
        'handout_footer = "Questions? Call the breast care nurses"\npage_size = "letter"\n'
        'colour = "blue"\n'
    )
    out = tmp_path / "handout.pdf"
    args = ["handout", "--site", "liver", "--date", "2026-11-26", "--out", str(out)]
    assert main(["--config", str(target), *args]) == 0
    err = capsys.readouterr().err
    assert f"{target}:5: colour: there is no setting with this name" in err  # told, not fatal
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    first = " ".join(reader.pages[0].extract_text().split())
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "City Hospital Breast Unit" in first and "020 7946 0000" in first
    assert "Questions? Call the breast care nurses" in last
    assert round(float(reader.pages[0].mediabox.width)) == 612  # letter, from the settings
    assert main([*args, "--config", str(target), "--page-size", "a4"]) == 0
    assert round(float(PdfReader(str(out)).pages[0].mediabox.width)) == 595  # the flag wins


# -- hostile files through the real command line --------------------------------
def _png(path: Path, size: tuple[int, int] = (120, 40)) -> bytes:
    from PIL import Image

    Image.new("RGB", size, "#1f4e79").save(path)
    return path.read_bytes()


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_check_refuses_a_device_or_a_fifo_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    target = tmp_path / "config.toml"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    started = time.perf_counter()
    assert main(["config", "check", str(target)]) == 1
    assert time.perf_counter() - started < 5
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{target}:1: file: this is not a settings file, so it is not read")


def test_set_pin_refuses_a_fifo_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "config.toml"
    os.mkfifo(target)
    prompts = _answers(monkeypatch, "2468", "2468")
    assert main(["admin", "set-pin", "--config", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{target}:1: file: this is not a settings file" in err
    assert "Fix the file first" in err
    assert prompts == []


def test_check_escapes_control_characters_in_every_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "config.toml"
    target.write_text('printer_name = "Reception\\u001b]0;owned\\u0007"\n')
    assert main(["config", "check", str(target)]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"{target}: OK: consultation mode, page size a4, printer Reception\\x1b]0;owned\\x07, "
        "staff PIN not set\n"
    )
    target.write_text('"\\u001b[2J" = 1\nphone = "1\\u001b[2J\\u202e"\nkiosk = "\\n"\n')
    assert main(["config", "check", str(target)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{target}:1: \\x1b[2J: there is no setting with this name")
    assert all(line.isprintable() for line in lines)


def test_check_and_handout_with_a_corrupt_logo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = _png(tmp_path / "logo.png", (400, 200))
    (tmp_path / "logo.png").write_bytes(data[: len(data) // 2])
    target = tmp_path / "config.toml"
    target.write_text('clinic_name = "City Clinic"\nlogo_file = "logo.png"\n')
    assert main(["config", "check", str(target)]) == 1
    problem = (
        f"{target}:2: logo_file: the image {tmp_path / 'logo.png'} is damaged or cut short "
        "(image file is truncated). Save it again from an image program as PNG, JPEG or SVG. "
        "Until then handouts are printed without a logo."
    )
    assert capsys.readouterr().out == problem + "\n"
    out = tmp_path / "handout.pdf"
    assert main(["handout", "--config", str(target), "--site", "spine", "--out", str(out)]) == 0
    assert capsys.readouterr().err == problem + "\n"
    reader = PdfReader(str(out))
    assert "City Clinic" in reader.pages[0].extract_text()
    assert not reader.pages[0].images


class _FailsWhenDrawn(Spacer):
    """Stands in for a logo that passed every check but fails as the page is drawn."""

    def drawOn(self, *args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("float division by zero")


def test_a_logo_that_fails_while_the_handout_is_drawn_is_left_out_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.content.loader import load_content
    from desktop_app.handout import header
    from desktop_app.handout.builder import build_handout, render_handout
    from desktop_app.handout.request import ClinicDetails, HandoutRequest
    from desktop_app.resources import bundled_content_dir

    library = load_content(bundled_content_dir(), readability=False).library
    assert library is not None
    logo = tmp_path / "logo.png"
    _png(logo)
    monkeypatch.setattr(header, "logo_flowable", lambda *args: (_FailsWhenDrawn(10, 10), 10.0))
    request = HandoutRequest(site_ids=("spine",), clinic=ClinicDetails("City", logo_path=logo))
    handout = render_handout(library, request)
    assert handout.notices == (
        f"The handout was made without the clinic logo: the image {logo} could not be drawn "
        "(ZeroDivisionError). Check the settings with: mbc-guide config check",
    )
    reader = PdfReader(io.BytesIO(handout.data))
    assert len(reader.pages) == handout.page_count and "City" in reader.pages[0].extract_text()
    assert build_handout(library, request) == handout.data  # the old API still gives the PDF


def test_the_handout_command_says_so_on_stderr_and_exits_0(tmp_path: Path) -> None:
    _png(tmp_path / "logo.png")
    target = tmp_path / "config.toml"
    target.write_text('clinic_name = "City"\nlogo_file = "logo.png"\n')
    out = tmp_path / "handout.pdf"
    script = (
        "import sys\n"
        "from reportlab.platypus import Spacer\n"
        "from desktop_app.handout import header\n"
        "class Broken(Spacer):\n"
        "    def drawOn(self, *args, **kwargs):\n"
        "        raise ZeroDivisionError('float division by zero')\n"
        "header.logo_flowable = lambda *args: (Broken(10, 10), 10.0)\n"
        "from desktop_app.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    command = ["handout", "--config", str(target), "--site", "spine", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", script, *command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "The handout was made without the clinic logo: the image "
        f"{tmp_path / 'logo.png'} could not be drawn (ZeroDivisionError). Check the settings "
        "with: mbc-guide config check"
    ]
    assert PdfReader(str(out)).pages
