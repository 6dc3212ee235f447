"""The clinic config: one TOML file of flat settings, its defaults, and its validation.

Qt-free. The default file is `<config folder>/mbc-guide/config.toml`, where the config
folder is the platform's, found by platformdirs (``$XDG_CONFIG_HOME`` or ``~/.config``
on Linux, ``%LOCALAPPDATA%`` on Windows; ``~/Library/Preferences`` on macOS, where Qt
keeps settings): the folder Qt's ``GenericConfigLocation`` names, worked out here
without Qt so that the command line and the window agree on it (a test checks it).

Loading never raises: every problem becomes a message that names the file, the line and
the key, and each broken setting falls back to its default while the rest are kept.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import re
import stat
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
MIN_WARNING_SECONDS = 20
"""WCAG 2.2.1 (Timing Adjustable): at least 20 seconds to ask for more time."""
MAX_TEXT = 1000
MAX_CONFIG_BYTES = 64 * 1024
"""A config file is about 2 KB; anything over 64 KB is not a settings file and is not read."""
MAX_NESTING = 32
"""Lists and tables nested deeper than this are refused before the TOML parser recurses."""
MAX_KEY_PARTS = 16
"""Keys of more dotted parts are refused: the TOML parser's time grows with their square."""
MAX_LISTED = 20
"""Unknown settings listed one by one (each with a "did you mean"); the rest are counted."""
_SALVAGE_LIMIT = 20
_SHOWN_CHARS = 60


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
        key = printable(shorten(self.key, _SHOWN_CHARS)) or '""'  # `"" = 1` is a TOML key
        return f"{printable(str(self.path))}:{self.line}: {key}: {printable(self.message)}"


def printable(text: str) -> str:
    """`text` with control, format and separator characters escaped (``\\x1b``, ``\\n``).

    A message is one line, and escape sequences from a hostile file never reach a terminal.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with an ellipsis when it was longer."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def default_config_dir() -> Path:
    """The platform's per-user config folder for this program (platformdirs).

    On macOS it stays where Qt keeps a program's settings, ~/Library/Preferences
    (platformdirs would say ~/Library/Application Support).
    """
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Preferences" / APP_NAME
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=False))


def default_config_path() -> Path:
    """Where the program looks for its config when no --config is given."""
    return default_config_dir() / CONFIG_FILE_NAME


def is_there(path: Path) -> bool:
    """Whether something is at `path`; True when that cannot be told (reading then says why)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return False
    except OSError:
        return True
    return True


def load_or_default(path: Path | None) -> tuple[ClinicConfig, list[ConfigProblem]]:
    """The config at `path`, or at the default place (where a missing file is no problem).

    Never raises: whatever goes wrong is a problem, and the defaults are used.
    """
    try:
        if path is None:
            default = default_config_path()
            if not is_there(default):
                return DEFAULTS, []
            path = default
        return load(path)
    except Exception as exc:  # the last guard: loading must never stop the program
        return DEFAULTS, [_unexpected(Path(path or CONFIG_FILE_NAME), exc)]


def load(path: Path) -> tuple[ClinicConfig, list[ConfigProblem]]:
    """Read and check a config file; never raises. Broken settings keep their defaults."""
    path = Path(path)
    try:
        text = read_config_text(path)
    except Exception as exc:  # the last guard: loading must never stop the program
        return DEFAULTS, [_unexpected(path, exc)]
    if isinstance(text, ConfigProblem):
        return DEFAULTS, [text]
    return parse(text, path)


def parse(text: str, path: Path) -> tuple[ClinicConfig, list[ConfigProblem]]:
    """Check config text read from `path` (relative file names are read from its folder)."""
    try:
        return _parse(text, path)
    except Exception as exc:  # the last guard: loading must never stop the program
        return DEFAULTS, [_unexpected(path, exc)]


def _parse(text: str, path: Path) -> tuple[ClinicConfig, list[ConfigProblem]]:
    text, problems = _without_bombs(text, path)
    data, syntax = _parse_toml(text, path)
    problems += syntax
    lines = key_lines(text)
    values: dict[str, Any] = {}
    unknown: list[tuple[int, str]] = []
    for key, value in data.items():
        line = lines.get(key, 1)
        if key not in KEYS:
            unknown.append((line, key))
            continue
        checked = _check(key, value, path.parent)
        if isinstance(checked, _Bad):
            problems.append(ConfigProblem(path, line, key, checked.message))
        else:
            values[key] = checked
    problems += _unknown_problems(path, unknown)
    problems.sort(key=lambda p: p.line)
    return dataclasses.replace(DEFAULTS, **values), problems


def _file_problem(path: Path, message: str, line: int = 1) -> ConfigProblem:
    return ConfigProblem(path, line, "file", message, kind="file")


def _unexpected(path: Path, exc: BaseException) -> ConfigProblem:
    return _file_problem(
        path,
        f"the settings could not be read because of an unexpected error "
        f"({type(exc).__name__}). The program uses its defaults. Check the file with: "
        f"mbc-guide config check {path}",
    )


# -- reading the file -----------------------------------------------------
class FileRefused(Exception):
    """A file that is not read: a folder, a device, a pipe or a socket, or too large."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of an ordinary file of at most `limit` bytes, read without ever blocking.

    Raises OSError when it cannot be read, and FileRefused (saying why) when it is not an
    ordinary file or is larger than `limit`: /dev/zero or a pipe is refused, not read.
    """
    _refuse_unless_regular(os.stat(path).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    handle = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        _refuse_unless_regular(os.fstat(handle).st_mode)  # in case it was swapped meanwhile
        data = _read_at_most(handle, limit + 1)
    finally:
        os.close(handle)
    if len(data) > limit:
        raise FileRefused(f"it is larger than {_size(limit)}")
    return data


def _refuse_unless_regular(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise FileRefused("it is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise FileRefused("it is not an ordinary file (it is a device, a pipe or a socket)")


def _read_at_most(handle: int, count: int) -> bytes:
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(handle, min(left, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


def read_config_text(path: Path) -> str | ConfigProblem:
    """The text of a config file, or the problem that stops it being read (never raises OSError)."""
    try:
        data = read_regular_file(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return _file_problem(
            path, f"the file does not exist. Create it with: mbc-guide config init {path}"
        )
    except FileRefused as exc:
        return _file_problem(
            path,
            f"this is not a settings file, so it is not read: {exc}. A settings file is a "
            f"text file of a few KB (at most {_size(MAX_CONFIG_BYTES)}); write one with: "
            "mbc-guide config init PATH. The program uses its defaults.",
        )
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return _file_problem(path, f"the file cannot be read ({reason}). Check it and its folder.")
    return _decoded(data, path)


def _decoded(data: bytes, path: Path) -> str | ConfigProblem:
    """UTF-8 text (a UTF-8 byte order mark, as Windows Notepad writes, is dropped)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _file_problem(path, "the file is saved as UTF-16 text. Save it as UTF-8.")
    try:
        return data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return _file_problem(path, "the file is not UTF-8 text. Save it as UTF-8.", line)


# -- TOML syntax ----------------------------------------------------------
_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")
_BARE_OR_QUOTED = r"""(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))"""
_KEY_LINE = re.compile(rf"^\s*{_BARE_OR_QUOTED}\s*[=.]")
_TABLE_LINE = re.compile(rf"^\s*\[\[?\s*{_BARE_OR_QUOTED}")


def toml_lines(text: str) -> list[str]:
    """The lines of `text` with their endings, as TOML counts them: only "\\n" ends a line.

    (str.splitlines also splits at form feeds, U+2028 and more, which may sit in a string.)
    """
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _parse_toml(text: str, path: Path) -> tuple[dict[str, Any], list[ConfigProblem]]:
    """Parse TOML; a broken line is reported and left out, and the rest is parsed again."""
    import tomllib

    lines = toml_lines(text)
    problems: list[ConfigProblem] = []
    for _ in range(_SALVAGE_LIMIT):
        try:
            return tomllib.loads("".join(lines)), problems
        except tomllib.TOMLDecodeError as exc:
            reason, line = _error_position(str(exc), lines)
            where = "at the end of the file; often a string or a [section] that is not closed"
        except ValueError:  # an integer of over 4300 digits: Python refuses to convert it
            reason, line = "a number with thousands of digits", _long_number_line(lines)
            where = "somewhere in the file"
        except RecursionError:  # nesting that _without_bombs did not see
            reason, line, where = "lists or tables nested too deep", None, "somewhere in the file"
        if line is None:
            problems.append(_whole_file_problem(path, len(lines), f"{reason}, {where}"))
            return {}, problems
        reason, first = _broken_from(reason, lines, line)
        key = _line_key(lines[first - 1]) or "TOML"
        problems.append(
            ConfigProblem(
                path,
                first,
                key,
                f"this line is not valid TOML ({reason}). It is ignored until it is "
                'fixed; text goes in double quotes, e.g. clinic_name = "City Clinic".',
                kind="syntax",
            )
        )
        for number in range(first, line + 1):
            lines[number - 1] = "\n"  # keep the numbering of the lines after it
    problems.append(
        ConfigProblem(
            path,
            max(1, len(lines)),
            "TOML",
            f"more than {_SALVAGE_LIMIT} lines are not valid TOML, so the whole file is "
            "ignored and the defaults are used. Fix the lines above and check it again.",
            kind="syntax",
        )
    )
    return {}, problems


def _whole_file_problem(path: Path, line_count: int, reason: str) -> ConfigProblem:
    return ConfigProblem(
        path,
        max(1, line_count),
        "TOML",
        f"the file is not valid TOML ({reason}). The whole file is ignored and the defaults "
        "are used until it is fixed.",
        kind="syntax",
    )


_LONG_NUMBER = re.compile(r"(?<![0-9_])[0-9][0-9_]{4299}")


def _long_number_line(lines: list[str]) -> int | None:
    return next((n for n, line in enumerate(lines, 1) if _LONG_NUMBER.search(line)), None)


# Keys of many parts (Python's TOML parser takes quadratic time over them), then strings
# and comments (whose brackets do not nest), then the brackets and line ends that count.
# Possessive, and starting only where a name starts: no backtracking over long runs.
_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_LONG_KEY = rf"(?<![A-Za-z0-9_-]){_KEY_PART}(?:[ \t]*+\.[ \t]*+{_KEY_PART}){{{MAX_KEY_PARTS},}}"
_BOMB_TOKEN = re.compile(
    rf"(?P<long_key>{_LONG_KEY})"
    r'|"""(?:\\[\s\S]|[^\\])*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"?|\'[^\'\n]*\'?'
    r"|#[^\n]*|[\[\]{}\n]"
)
_TOO_DEEP = (
    f"lists or tables are nested more than {MAX_NESTING} deep here, so this is ignored (no "
    "setting needs a list inside a list). Until it is fixed, the default is used."
)
_TOO_LONG_KEY = (
    f"this name has more than {MAX_KEY_PARTS} parts separated by dots, so the line is ignored "
    "(no setting has a dot in its name). Until it is fixed, the default is used."
)


def _without_bombs(text: str, path: Path) -> tuple[str, list[ConfigProblem]]:
    """`text` with what would stop or stall the TOML parser blanked out, and a problem for each.

    Python's TOML parser recurses once per level of nesting, so a list nested a thousand
    deep would stop it, and a key of thousands of dotted parts takes it minutes; no
    setting needs either.
    """
    spans = _bomb_spans(text)
    if not spans:
        return text, []
    lines = toml_lines(text)
    problems = []
    for first, last, message in spans:
        key = _line_name(lines[first - 1]) if first <= len(lines) else ""
        problems.append(ConfigProblem(path, first, key or "TOML", message, kind="syntax"))
        for number in range(first, min(last, len(lines)) + 1):
            lines[number - 1] = "\n"  # keep the numbering of the lines after it
    return "".join(lines), problems


def _bomb_spans(text: str) -> list[tuple[int, int, str]]:
    """(first line, last line, message) of each value nested too deep and each too long key."""
    spans: list[tuple[int, int, str]] = []
    depth, line, start, deep = 0, 1, 1, False
    for found in _BOMB_TOKEN.finditer(text):
        token = found.group()
        if found.lastgroup == "long_key":
            spans.append((line, line, _TOO_LONG_KEY))
        elif token in "[{":
            start = line if depth == 0 else start
            depth += 1
            deep = deep or depth > MAX_NESTING
        elif token in "]}":
            depth = max(0, depth - 1)
            if depth == 0 and deep:
                spans.append((start, line, _TOO_DEEP))
                deep = False
        line += token.count("\n")
    if deep:
        spans.append((start, line, _TOO_DEEP))
    return spans


def _error_position(message: str, lines: list[str]) -> tuple[str, int | None]:
    found = _AT_LINE.search(message)
    if found:
        line = int(found.group(1))
        return message[: found.start()], line if 1 <= line <= len(lines) else None
    reason = _AT_END.sub("", message)
    twice = _set_twice(lines) if reason.startswith(_OVERWRITE) else None
    return (f"{twice[0]} is set twice", twice[1]) if twice else (reason, None)


_OVERWRITE = "Cannot overwrite a value"


def _broken_from(reason: str, lines: list[str], line: int) -> tuple[str, int]:
    """The reason and the first line of what is broken at `line`.

    The parser names the end of a value given twice, which may be lines after its key.
    """
    twice = _set_twice(lines) if reason.startswith(_OVERWRITE) else None
    if twice and twice[1] <= line:
        return f"{twice[0]} is set twice", twice[1]
    return reason, line


def _set_twice(lines: list[str]) -> tuple[str, int] | None:
    """The first top-level key or table defined a second time, and that line."""
    seen: set[str] = set()
    for number, (key, top) in enumerate(_scan(lines), start=1):
        if key and top:
            if key in seen:
                return key, number
            seen.add(key)
    return None


def _line_key(line: str) -> str:
    found = _KEY_LINE.match(line)
    return next((g for g in found.groups() if g), "") if found else ""


def _line_name(line: str) -> str:
    """The key, or the [table], that a line starts."""
    table = _TABLE_LINE.match(line)
    return next((g for g in table.groups() if g), "") if table else _line_key(line)


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
    for number, (key, top) in enumerate(_scan(toml_lines(text)), start=1):
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
        return f'"{shorten(value, _SHOWN_CHARS)}"'
    if isinstance(value, dict):
        return "a [section]"
    if isinstance(value, list):
        return "a list"
    return shorten(str(value), _SHOWN_CHARS)


def _default_text(key: str) -> str:
    default = getattr(DEFAULTS, key)
    if default in ("", None):
        return "Until it is fixed, it is left empty."
    return f"Until it is fixed, the default {_shown(default)} is used."


def _unknown_problems(path: Path, unknown: list[tuple[int, str]]) -> list[ConfigProblem]:
    """One problem per unknown setting for the first MAX_LISTED, then one that counts the rest."""
    unknown.sort()
    problems = [
        ConfigProblem(path, line, key, _unknown_key_message(key), kind="unknown")
        for line, key in unknown[:MAX_LISTED]
    ]
    rest = unknown[MAX_LISTED:]
    if rest:
        line, key = rest[0]
        problems.append(
            ConfigProblem(
                path,
                line,
                key,
                f"... and {len(rest):,} more unknown settings from this line on (only the "
                f"first {MAX_LISTED} are listed one by one); all of them are ignored. Every "
                "setting is listed in the example that `mbc-guide config init PATH` writes.",
                kind="unknown",
            )
        )
    return problems


def _unknown_key_message(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key[:100], KEYS, n=1)
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
        return _check_seconds(key, value)
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
        return _check_pin_hash(value)
    if key == "logo_file":
        return _check_logo(value, folder)
    if key == "content_folder":
        return _check_folder(value, folder)
    return value


def _check_seconds(key: str, value: object) -> object:
    lowest = MIN_WARNING_SECONDS if key == "warning_seconds" else 1
    if isinstance(value, int) and not isinstance(value, bool):
        if lowest <= value <= MAX_SECONDS:
            return value
        if key == "warning_seconds" and value < lowest:
            return _Bad(
                f"must be at least {MIN_WARNING_SECONDS} seconds, not {_shown(value)}: "
                f"WCAG 2.2.1 (Timing Adjustable) asks that people get at least "
                f"{MIN_WARNING_SECONDS} seconds to say they need more time. {_default_text(key)}"
            )
    return _Bad(
        f"must be a whole number of seconds from {lowest} to {MAX_SECONDS} (no quotes), "
        f"not {_shown(value)}. {_default_text(key)}"
    )


def _check_pin_hash(value: str) -> object:
    from desktop_app.staff_pin import pin_hash_problem

    problem = pin_hash_problem(value) if value else None
    if problem is None:
        return value
    return _Bad(f"{problem} Until then staff cannot open the staff screen.")


_NO_LOGO = "Until then handouts are printed without a logo."


def _check_logo(value: str, folder: Path) -> object:
    path = _path_in(value, folder)
    if path is None or isinstance(path, _Bad):
        return path
    try:
        there, is_dir = path.exists(), path.is_dir()
    except (OSError, ValueError) as exc:
        return _Bad(f"the file {path} cannot be looked at ({_reason(exc)}). {_NO_LOGO}")
    if not there:
        return _Bad(
            f"the file {path} does not exist. Check the path (a relative path is read from "
            f"the config file's folder). {_NO_LOGO}"
        )
    if is_dir or path.suffix.lower() not in LOGO_SUFFIXES:
        return _Bad(
            f"{path} is not a PNG, JPEG, GIF or SVG image file. Choose an image file. {_NO_LOGO}"
        )
    from desktop_app.handout.logo import logo_problem  # ReportLab: only when there is a logo

    problem = logo_problem(path)
    return path if problem is None else _Bad(f"{problem} {_NO_LOGO}")


def _check_folder(value: str, folder: Path) -> object:
    path = _path_in(value, folder)
    if path is None or isinstance(path, _Bad):
        return path
    try:
        is_dir = path.is_dir()
    except (OSError, ValueError):
        is_dir = False
    if not is_dir:
        return _Bad(
            f"the folder {path} does not exist. Check the path (a relative path is read "
            "from the config file's folder). Until then the bundled content is used."
        )
    return path


def _path_in(value: str, folder: Path) -> Path | _Bad | None:
    """The path a setting names (relative to the config's folder); None when it is empty."""
    if not value.strip():
        return None
    if not value.isprintable():
        return _Bad(
            f"{_shown(value)} holds a control character (such as a line break), which no "
            "file name should. Write the path on one line. Until it is fixed, it is not used."
        )
    try:
        path = Path(value).expanduser()
    except RuntimeError:  # "~user/..." for a user this computer does not know
        return _Bad(
            f"{_shown(value)} starts with ~ but the home folder it names is not known on "
            "this computer. Write the full path. Until it is fixed, it is not used."
        )
    return path if path.is_absolute() else folder / path


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or type(exc).__name__
