"""The clinic config: one TOML file of flat settings, its defaults, and its validation.

Qt-free. The default file is `<config folder>/mbc-guide/config.toml`, where the config
folder is the platform's (``$XDG_CONFIG_HOME`` or ``~/.config`` on Linux,
``~/Library/Preferences`` on macOS, ``%LOCALAPPDATA%`` on Windows): the folder
``QStandardPaths.AppConfigLocation`` names for a program called mbc-guide. It is worked
out here, without Qt, so that the command line and the window agree on it.

Loading never raises: every problem becomes a message that names the file, the line and
the key, and each broken setting falls back to its default while the rest are kept.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop_app import APP_NAME

# tomllib, difflib and the PIN hashing are imported where they are used: the window's
# start-up only needs them when a config file exists.
if TYPE_CHECKING:
    from desktop_app.handout.request import ClinicDetails

CONFIG_FILE_NAME = "config.toml"
PAGE_SIZES = ("a4", "letter")
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg")
MAX_SECONDS = 3600
MAX_TEXT = 1000
_SALVAGE_LIMIT = 20


@dataclass(frozen=True)
class ClinicConfig:
    """Every clinic setting; the field names are the TOML keys."""

    clinic_name: str = ""
    logo_file: Path | None = None
    phone: str = ""
    address: str = ""
    website: str = ""
    handout_footer: str = ""
    page_size: str = "a4"
    printer_name: str = ""
    kiosk: bool = False
    idle_seconds: int = 90
    warning_seconds: int = 30
    admin_pin_hash: str = ""
    content_folder: Path | None = None

    def clinic_details(self) -> ClinicDetails:
        """How the handout names the clinic."""
        from desktop_app.handout.request import ClinicDetails  # not needed to start the window

        return ClinicDetails(
            name=self.clinic_name,
            phone=self.phone,
            address=self.address,
            website=self.website,
            footer=self.handout_footer,
            logo_path=self.logo_file,
        )


DEFAULTS = ClinicConfig()
KEYS = tuple(f.name for f in dataclasses.fields(ClinicConfig))


class ConfigProblem(NamedTuple):
    """One thing wrong in the config file, worded for the person who edits it."""

    path: Path
    line: int
    key: str
    message: str
    kind: str = "value"  # "file" unreadable, "syntax" not TOML, "unknown" key, "value" wrong

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: {self.message}"


def default_config_dir() -> Path:
    """The platform's per-user config folder for this program."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Preferences")
    else:
        xdg = os.environ.get("XDG_CONFIG_HOME", "")
        base = xdg if os.path.isabs(xdg) else str(Path.home() / ".config")
    return Path(base) / APP_NAME


def default_config_path() -> Path:
    """Where the program looks for its config when no --config is given."""
    return default_config_dir() / CONFIG_FILE_NAME


def load_or_default(path: Path | None) -> tuple[ClinicConfig, list[ConfigProblem]]:
    """The config at `path`, or at the default place (where a missing file is no problem)."""
    if path is None:
        default = default_config_path()
        if not default.exists():
            return DEFAULTS, []
        return load(default)
    return load(path)


def load(path: Path) -> tuple[ClinicConfig, list[ConfigProblem]]:
    """Read and check a config file; never raises. Broken settings keep their defaults."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return DEFAULTS, [
            _file_problem(
                path, f"the file does not exist. Create it with: mbc-guide config init {path}"
            )
        ]
    except UnicodeDecodeError:
        return DEFAULTS, [_file_problem(path, "the file is not UTF-8 text. Save it as UTF-8.")]
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return DEFAULTS, [
            _file_problem(path, f"the file cannot be read ({reason}). Check it and its folder.")
        ]
    return parse(text, path)


def parse(text: str, path: Path) -> tuple[ClinicConfig, list[ConfigProblem]]:
    """Check config text read from `path` (relative file names are read from its folder)."""
    data, problems = _parse_toml(text, path)
    lines = key_lines(text)
    values: dict[str, Any] = {}
    for key, value in data.items():
        line = lines.get(key, 1)
        if key not in KEYS:
            problems.append(
                ConfigProblem(path, line, key, _unknown_key_message(key), kind="unknown")
            )
            continue
        checked = _check(key, value, path.parent)
        if isinstance(checked, _Bad):
            problems.append(ConfigProblem(path, line, key, checked.message))
        else:
            values[key] = checked
    problems.sort(key=lambda p: p.line)
    return dataclasses.replace(DEFAULTS, **values), problems


def _file_problem(path: Path, message: str) -> ConfigProblem:
    return ConfigProblem(path, 1, "file", message, kind="file")


# -- TOML syntax ----------------------------------------------------------
_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")
_BARE_OR_QUOTED = r"""(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))"""
_KEY_LINE = re.compile(rf"^\s*{_BARE_OR_QUOTED}\s*[=.]")
_TABLE_LINE = re.compile(rf"^\s*\[\[?\s*{_BARE_OR_QUOTED}")


def _parse_toml(text: str, path: Path) -> tuple[dict[str, Any], list[ConfigProblem]]:
    """Parse TOML; a broken line is reported and left out, and the rest is parsed again."""
    import tomllib

    lines = text.splitlines(keepends=True)
    problems: list[ConfigProblem] = []
    for _ in range(_SALVAGE_LIMIT):
        try:
            return tomllib.loads("".join(lines)), problems
        except tomllib.TOMLDecodeError as exc:
            reason, line = _error_position(str(exc), lines)
            if line is None:
                problems.append(
                    ConfigProblem(
                        path,
                        max(1, len(lines)),
                        "TOML",
                        f"the file is not valid TOML ({reason}, at the end of the file; "
                        "often a string or a [section] that is not closed). The whole file "
                        "is ignored and the defaults are used until it is fixed.",
                        kind="syntax",
                    )
                )
                return {}, problems
            key = _line_key(lines[line - 1]) or "TOML"
            problems.append(
                ConfigProblem(
                    path,
                    line,
                    key,
                    f"this line is not valid TOML ({reason}). It is ignored until it is "
                    'fixed; text goes in double quotes, e.g. clinic_name = "City Clinic".',
                    kind="syntax",
                )
            )
            lines[line - 1] = "\n"  # keep the numbering of the lines after it
    return {}, problems


def _error_position(message: str, lines: list[str]) -> tuple[str, int | None]:
    found = _AT_LINE.search(message)
    if found:
        line = int(found.group(1))
        return message[: found.start()], line if 1 <= line <= len(lines) else None
    reason = _AT_END.sub("", message)
    if reason.startswith("Cannot overwrite a value"):  # a key given twice: find the second
        seen: set[str] = set()
        for number, (key, top) in enumerate(_scan(lines), start=1):
            if key and top:
                if key in seen:
                    return f"{key} is set twice", number
                seen.add(key)
    return reason, None


def _line_key(line: str) -> str:
    found = _KEY_LINE.match(line)
    return next((g for g in found.groups() if g), "") if found else ""


def _scan(lines: list[str]) -> list[tuple[str, bool]]:
    """(key or table name defined on the line, whether it is at the top level), per line."""
    result: list[tuple[str, bool]] = []
    top = True
    in_multiline: str | None = None
    for line in lines:
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            result.append(("", False))
            continue
        table = _TABLE_LINE.match(line)
        if table:
            top = False
            result.append((next(g for g in table.groups() if g), True))
            continue
        key = _line_key(line)
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2 == 1:
                in_multiline = quotes
        result.append((key, top))
    return result


def key_lines(text: str) -> dict[str, int]:
    """The line on which each top-level key or table is first defined."""
    found: dict[str, int] = {}
    for number, (key, top) in enumerate(_scan(text.splitlines()), start=1):
        if key and top and key not in found:
            found[key] = number
    return found


# -- checking each setting ------------------------------------------------
class _Bad:
    """A setting's value that cannot be used, and what to do about it."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a [section]"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _default_text(key: str) -> str:
    default = getattr(DEFAULTS, key)
    if default in ("", None):
        return "Until it is fixed, it is left empty."
    return f"Until it is fixed, the default {_shown(default)} is used."


def _unknown_key_message(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key, KEYS, n=1)
    hint = f" Did you mean {close[0]}?" if close else ""
    return (
        f"there is no setting with this name, so it is ignored.{hint} "
        "Every setting is listed in the example that `mbc-guide config init PATH` writes."
    )


def _check(key: str, value: object, folder: Path) -> object:
    """The checked value for a known key, or _Bad with what to do."""
    if key == "kiosk":
        if isinstance(value, bool):
            return value
        return _Bad(f"must be true or false (no quotes), not {_shown(value)}. {_default_text(key)}")
    if key in ("idle_seconds", "warning_seconds"):
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_SECONDS:
            return value
        return _Bad(
            f"must be a whole number of seconds from 1 to {MAX_SECONDS} (no quotes), "
            f"not {_shown(value)}. {_default_text(key)}"
        )
    if not isinstance(value, str):
        return _Bad(f"must be text in double quotes, not {_shown(value)}. {_default_text(key)}")
    if len(value) > MAX_TEXT:
        return _Bad(f"is longer than {MAX_TEXT} characters. Shorten it. {_default_text(key)}")
    if key == "page_size":
        size = value.strip().lower()
        if size in PAGE_SIZES:
            return size
        return _Bad(f'must be "a4" or "letter", not {_shown(value)}. {_default_text(key)}')
    if key == "admin_pin_hash":
        from desktop_app.staff_pin import is_pin_hash

        if not value or is_pin_hash(value):
            return value
        return _Bad(
            "is not a PIN hash made by `mbc-guide admin set-pin`. Set the PIN with that "
            "command (never write the PIN itself here). Until then staff cannot open the "
            "staff screen."
        )
    if key == "logo_file":
        return _check_path(value, folder, folder_wanted=False)
    if key == "content_folder":
        return _check_path(value, folder, folder_wanted=True)
    return value


def _check_path(value: str, folder: Path, folder_wanted: bool) -> object:
    if not value.strip():
        return None
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = folder / path
    if folder_wanted:
        if not path.is_dir():
            return _Bad(
                f"the folder {path} does not exist. Check the path (a relative path is read "
                "from the config file's folder). Until then the bundled content is used."
            )
        return path
    if not path.exists():
        return _Bad(
            f"the file {path} does not exist. Check the path (a relative path is read from "
            "the config file's folder). Until then handouts are printed without a logo."
        )
    if path.is_dir() or path.suffix.lower() not in LOGO_SUFFIXES:
        return _Bad(
            f"{path} is not a PNG, JPEG, GIF or SVG image file. Choose an image file. "
            "Until then handouts are printed without a logo."
        )
    return path
