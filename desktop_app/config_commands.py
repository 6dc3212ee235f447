"""`mbc-guide config init|check` and `mbc-guide admin set-pin`: write, check and edit the config."""

from __future__ import annotations

import getpass
import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desktop_app.atomic_file import write_atomically
from desktop_app.config import (
    MAX_SECONDS,
    MIN_WARNING_SECONDS,
    default_config_path,
    is_there,
    key_lines,
    load,
    load_or_default,
    printable,
    read_config_text,
    toml_lines,
)
from desktop_app.staff_pin import hash_pin, is_valid_pin

EXAMPLE = f"""\
# mbc-guide clinic settings (TOML). Lines starting with # are comments.
# Check this file with: mbc-guide config check PATH
# Text goes in double quotes; use three double quotes for text over several lines.

# -- The clinic, as printed at the top and foot of every handout ---------------
clinic_name = ""          # e.g. "City Hospital Breast Unit"
logo_file = ""            # PNG, JPEG, GIF or SVG; a relative path is read from this folder
phone = ""                # e.g. "020 7946 0000"
address = ""              # over several lines: put three double quotes at each end
website = ""              # printed as text; the program never opens links
handout_footer = ""       # one line at the foot of every page

# -- Printing -------------------------------------------------------------------
page_size = "a4"          # "a4" or "letter"
printer_name = ""         # the printer's name as the system lists it (lpstat -e on Linux).
                          # Kiosk mode prints here without a dialog; with none set it asks
                          # patients to go to the reception desk.

# -- Kiosk mode: a touchscreen in a waiting room --------------------------------
kiosk = false             # true: full screen, touch-sized, clears itself when left alone
idle_seconds = 90         # seconds without a touch before "Are you still there?"
warning_seconds = 30      # seconds that question is shown before everything is cleared:
                          # {MIN_WARNING_SECONDS} to {MAX_SECONDS} (WCAG 2.2.1 asks for at least 20)
# admin_pin_hash = ""     # set with: mbc-guide admin set-pin (never write a PIN here)

# -- Content ----------------------------------------------------------------------
content_folder = ""       # a folder of the clinic's own content; "" uses the bundled content
"""

SetPinAsk = Callable[[str], str]


def _target(path: Path | None) -> Path:
    return Path(path) if path is not None else default_config_path()


def init(path: Path | None, force: bool, out: TextIO, err: TextIO) -> int:
    """Write the commented example config; never replaces a file unless forced."""
    target = _target(path)
    if is_there(target) and not force:
        print(
            f"{printable(str(target))}: a config file is already there; nothing was written. "
            "Use --force to replace it.",
            file=err,
        )
        return 1
    if not _write_config(target, EXAMPLE, err):
        return 1
    print(f"wrote {printable(str(target))}", file=out)
    return 0


def check(path: Path | None, out: TextIO) -> int:
    """Validate a config file: 0 when clean, 1 with one line per problem (control characters
    escaped, so a hostile file cannot send escape sequences to the terminal)."""
    if path is None and not is_there(default_config_path()):
        print(
            printable(
                f"{default_config_path()}: no config file; the program uses its defaults. "
                "Write one with: mbc-guide config init"
            ),
            file=out,
        )
        return 0
    target = _target(path)
    config, problems = load_or_default(target)
    for problem in problems:
        print(problem, file=out)
    if problems:
        return 1
    mode = "kiosk" if config.kiosk else "consultation"
    line = (
        f"{target}: OK: {mode} mode, page size {config.page_size}, "
        f"printer {config.printer_name or '(none)'}, staff PIN "
        f"{'set' if config.admin_pin_hash else 'not set'}"
    )
    print(printable(line), file=out)
    return 0


def set_pin(path: Path | None, out: TextIO, err: TextIO, ask: SetPinAsk | None = None) -> int:
    """Ask for a new staff PIN twice and store only its salted hash in the config."""
    ask = ask or getpass.getpass  # looked up now, so tests can stand in for the terminal
    target = _target(path)
    text = _text_to_edit(target, err)
    if text is None:
        return 1
    pin = ask("New staff PIN (4 to 8 digits): ")
    if not is_valid_pin(pin):
        print("A staff PIN is 4 to 8 digits (0 to 9). Nothing was changed.", file=err)
        return 1
    if ask("The same PIN again: ") != pin:
        print("The two PINs were not the same. Nothing was changed.", file=err)
        return 1
    new_hash = hash_pin(pin)
    new_text = set_top_level_string(text, "admin_pin_hash", new_hash)
    if _read_back(new_text, "admin_pin_hash") != new_hash:
        print(
            printable(
                f"{target}: admin_pin_hash could not be set in this file (is it written over "
                "several lines?). Put it on one line and try again. Nothing was changed."
            ),
            file=err,
        )
        return 1
    if not _write_config(target, new_text, err):
        return 1
    print(printable(f"The staff PIN is set in {target}."), file=out)
    return 0


def _text_to_edit(target: Path, err: TextIO) -> str | None:
    """The config's text (the example when there is none), or None after saying why not."""
    if not is_there(target):
        return EXAMPLE
    _, problems = load(target)
    broken = [p for p in problems if p.kind in ("syntax", "file")]
    if not broken:
        text = read_config_text(target)
        if isinstance(text, str):
            return text
        broken = [text]  # it changed since it was checked
    for problem in broken:
        print(problem, file=err)
    print(printable(f"Fix the file first (mbc-guide config check {target})."), file=err)
    return None


def _write_config(target: Path, text: str, err: TextIO) -> bool:
    """Write the file all or nothing; on failure say so on `err` and return False."""
    try:
        write_text_atomically(target, text)
    except OSError as exc:
        print(printable(f"{target}: could not write the config ({exc.strerror or exc})."), file=err)
        return False
    return True


def _read_back(text: str, key: str) -> object:
    try:
        return tomllib.loads(text).get(key)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None


def set_top_level_string(text: str, key: str, value: str) -> str:
    """`text` with the top-level `key` set to `value`; every other line is kept as it was."""
    assignment = f"{key} = {json.dumps(value)}"  # a JSON string is a valid TOML basic string
    lines = toml_lines(text)  # numbered as key_lines numbers them
    existing = key_lines(text).get(key)
    if existing is not None:
        return _replace_line(lines, existing - 1, assignment)
    commented = re.compile(rf"^\s*#\s*{re.escape(key)}\s*=")
    first_table = next((i for i, line in enumerate(lines) if re.match(r"^\s*\[", line)), len(lines))
    for index, line in enumerate(lines[:first_table]):
        if commented.match(line):
            return _replace_line(lines, index, assignment)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines.insert(first_table, assignment + "\n")
    return "".join(lines)


def _replace_line(lines: list[str], index: int, new: str) -> str:
    ending = "\r\n" if lines[index].endswith("\r\n") else "\n"
    lines[index] = new + ending
    return "".join(lines)


def write_text_atomically(path: Path, text: str) -> None:
    """Write a config file all or nothing, creating its folder first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"))
