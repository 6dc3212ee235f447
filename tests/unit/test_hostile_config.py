"""Hostile clinic config files: a seeded generator of broken, huge, binary and malicious
configs (with logos and PIN hashes to match), each loaded and checked.

Every case must load without raising (`load_or_default` gives a usable ClinicConfig),
`config check` must print one escaped ``path:line: key: message`` line per problem (or
the OK line) and exit 1 (or 0), and both must finish within CASE_SECONDS. A sample of
the cases also runs through the real command line: `config check` and
`handout --config PATH --site spine --out OUT.pdf`, which must never show a traceback and
must always write the PDF, with or without the logo.

MBC_HOSTILE_CASES (default 500) sets how many cases run and MBC_HOSTILE_SEED the first
seed; MBC_HOSTILE_SAMPLE (default 25) how many of them run through the command line. A
failing case is named by its generator and seed: rebuild it with `build_case(name, seed,
folder)`. Every case that ever failed is kept in REGRESSION_CASES. A generator must not
change once its seeds are listed there (add a new one instead), or a seed stops meaning
the case it named.

Tests run as root, for whom chmod stops nothing, so an unreadable file or folder is
simulated: opening anything under it raises PermissionError, as it would for a user.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import math
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from desktop_app import config_commands
from desktop_app.config import (
    KEYS,
    MAX_CONFIG_BYTES,
    MAX_SECONDS,
    PAGE_SIZES,
    ClinicConfig,
    load_or_default,
)
from desktop_app.staff_pin import is_pin_hash, verify_pin

CASES = int(os.environ.get("MBC_HOSTILE_CASES", "500"))
FIRST_SEED = int(os.environ.get("MBC_HOSTILE_SEED", "20260501"))
SAMPLE = int(os.environ.get("MBC_HOSTILE_SAMPLE", "25"))
CASE_SECONDS = 5.0
"""Loading and checking one case, both together (the slowest logo check is about 1 s)."""
HANG_SECONDS = 30.0
"""A case still running after this is reported as a hang (and the test goes on)."""
COMMAND_SECONDS = 120.0


# -- what a generator makes -------------------------------------------------------
@dataclass
class Built:
    """One hostile case on disk: the config path, and what must hold after loading it."""

    config: Path
    expect: dict[str, object] = field(default_factory=dict)
    """Settings the hostile lines must not disturb: "every other setting is used"."""
    refused: Path | None = None
    """A file or folder that cannot be opened (simulated, see the module docstring)."""


Generator = Callable[[random.Random, Path], Built]
GENERATORS: dict[str, Generator] = {}


def generator(function: Generator) -> Generator:
    """Register a case generator under its name (without the leading underscore)."""
    GENERATORS[function.__name__.lstrip("_")] = function
    return function


def config_file(folder: Path, data: bytes | str, name: str = "config.toml") -> Path:
    """Write a config file into `folder`."""
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _toml_string(text: str) -> str:
    """A TOML basic string (control characters as escapes, everything else as it is)."""
    return json.dumps(text, ensure_ascii=False)


NASTY_TEXT = (
    "\x1b[31mred\x1b[0m",
    "\x1b]0;window title\x07",
    "\x1b]8;;https://example.invalid/\x1b\\a link\x1b]8;;\x1b\\",
    "\x1b[2J\x1b[H",
    "\x9b31m",
    "one\ntwo",
    "carriage\rreturn",
    "\u202eevil\u202c",
    "zero\u200bwidth",
    "\ufeffmark",
    "nul\x00byte",
    "del\x7f",
    "tab\there",
    "\u2028line\u2029para",
    "emoji \U0001f600 \U0010ffff",
    "\u65e5\u672c\u8a9e \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "x" * 1001,
    "y" * 999,
    "",
    " ",
    "\\",
    '"',
    '"""',
    "'''",
    "%s%n%x",
    "{0}{name}",
    "<b>bold</b><script>",
    "${HOME}$(id)`id`",
    "~nosuchuser-zz9/logo.png",
    "../../../../etc/passwd",
    "/dev/zero",
    "C:\\Windows\\System32",
    "\\\\server\\share",
)


def _nasty(rng: random.Random) -> str:
    text = rng.choice(NASTY_TEXT)
    return text if rng.random() < 0.7 else text + rng.choice(NASTY_TEXT)


def _value(rng: random.Random) -> str:
    """Any TOML value, well formed but rarely of the right type or range."""
    choices: list[Callable[[], str]] = [
        lambda: str(rng.choice([0, -1, 1, 19, 20, 21, 3600, 3601, 2**63 - 1, -(2**63)])),
        lambda: str(rng.randint(-(10**30), 10**30)),
        lambda: "9" * rng.choice([19, 20, 100, 4300, 4301, 5000]),
        lambda: rng.choice(["inf", "-inf", "nan", "+nan", "1e308", "1e-308", "2.5", "-0.0"]),
        lambda: rng.choice(["0x7fffffff", "0o777", "0b1010", "1_000", "1e400"]),
        lambda: rng.choice(["true", "false"]),
        lambda: rng.choice(["1979-05-27", "1979-05-27T07:32:00Z", "07:32:00", "9999-12-31"]),
        lambda: rng.choice(["[]", "[1, 2]", '["a", 1, 2.5]', "[[1], [2]]", "[{a = 1}]"]),
        lambda: rng.choice(["{}", "{a = 1}", '{clinic_name = "x"}', "{a = {b = {c = 1}}}"]),
        lambda: _toml_string(_nasty(rng)),
        lambda: "'" + rng.choice(["literal", "C:\\path", "x" * 2000]) + "'",
        lambda: '"""' + _nasty(rng).replace('"', "").replace("\\", "/") + '"""',
        lambda: _toml_string(rng.choice(["a4", "A4 ", "letter", "LETTER", "a5", "tabloid"])),
    ]
    return rng.choice(choices)()


# -- settings of the wrong type or range ----------------------------------------------
@generator
def _wrong_values(rng: random.Random, folder: Path) -> Built:
    keys = rng.sample(KEYS, rng.randint(1, len(KEYS)))
    return Built(config_file(folder, "".join(f"{key} = {_value(rng)}\n" for key in keys)))


SECONDS = ("-1", "0", "1", "5", "19", "20", "21", "90", "3600", "3601", "1e3", "2.5", "-0")
SECONDS_WRONG = ('"30"', "true", "[30]", "{s = 30}", "0x14", "0b10100", "1_9", "nan", "inf")


@generator
def _seconds(rng: random.Random, folder: Path) -> Built:
    lines = [
        f"{key} = {rng.choice(SECONDS if rng.random() < 0.8 else SECONDS_WRONG)}\n"
        for key in rng.sample(["idle_seconds", "warning_seconds"], rng.randint(1, 2))
    ]
    text = 'clinic_name = "Timer Clinic"\nkiosk = true\n' + "".join(lines)
    return Built(config_file(folder, text), {"clinic_name": "Timer Clinic", "kiosk": True})


@generator
def _nasty_keys(rng: random.Random, folder: Path) -> Built:
    lines = []
    for _ in range(rng.randint(1, 12)):
        kind = rng.random()
        if kind < 0.5:
            key = _toml_string(_nasty(rng))
        elif kind < 0.8:
            key = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz_-0123456789") for _ in range(40))
        else:
            key = rng.choice(KEYS).upper() if rng.random() < 0.5 else rng.choice(KEYS) + "s"
        lines.append(f"{key} = {_value(rng)}\n")
    return Built(config_file(folder, "".join(lines)))


# -- nesting ----------------------------------------------------------------------
@generator
def _deep_nesting(rng: random.Random, folder: Path) -> Built:
    depth = rng.choice([2, 31, 32, 33, 100, 999, 1000, 5000, 20000])
    opener, closer = rng.choice([("[", "]"), ("{a = ", "}"), ("[{a = ", "}]")])
    value = opener * depth + "1" + closer * depth
    how = rng.random()
    if how < 0.2:
        value = value[: rng.randrange(len(value))]  # never closed
    elif how < 0.4:
        value = value.replace(opener, opener + "\n")  # spread over many lines
    elif how < 0.5:
        value = _toml_string(value)  # only a string: nothing nests
    key = rng.choice([*KEYS, "colours"])
    body = f"{key} = {value}\n"
    if rng.random() < 0.5:
        return Built(config_file(folder, body))
    good = 'clinic_name = "Deep Clinic"\nkiosk = true\n'
    expect = {"clinic_name": "Deep Clinic", "kiosk": True}
    return Built(config_file(folder, good + body), expect if _kept(how, value, opener) else {})


def _kept(how: float, value: str, opener: str) -> bool:
    """Whether the lines before a deep value must be kept (see the salvage limits)."""
    if len(value.encode()) > MAX_CONFIG_BYTES - 100:  # the file is not read at all
        return False
    reached = value.count("[") + value.count("{")
    if how < 0.2:  # never closed: only a value refused as too deep spares what comes before
        return reached > 32
    if how < 0.4:  # over many lines: an inline table may not be, so each line is an error
        return reached > 32 or opener == "[" or reached < 15
    return True


@generator
def _tables_and_dotted_keys(rng: random.Random, folder: Path) -> Built:
    pool: list[Callable[[], str]] = [
        lambda: f"[{rng.choice(KEYS)}]\nx = 1\n",
        lambda: f"[[{rng.choice(KEYS)}]]\nx = 1\n[[{rng.choice(KEYS)}]]\n",
        lambda: f"{rng.choice(KEYS)}.x = 1\n",
        lambda: "a" + ".a" * rng.choice([10, 1000, 10000]) + " = 1\n",
        lambda: "[" + ".".join(["t"] * rng.choice([2, 500, 5000])) + "]\n",
        lambda: "[a]\nx = 1\n[a]\ny = 2\n",
        lambda: "[[a]]\n" * rng.choice([1, 1000, 5000]),
        lambda: '[colours]\nred = "#f00"\n',
        lambda: "[kiosk.inner]\n",
    ]
    return Built(config_file(folder, "".join(rng.choice(pool)() for _ in range(rng.randint(1, 4)))))


@generator
def _duplicate_keys(rng: random.Random, folder: Path) -> Built:
    key = rng.choice(KEYS)
    lines = [f"{key} = {_value(rng)}\n" for _ in range(rng.randint(2, 50))]
    if rng.random() < 0.5:
        lines.insert(rng.randrange(len(lines)), f"[{key}]\n")
    return Built(config_file(folder, "".join(lines)))


# -- not TOML at all --------------------------------------------------------------
JUNK_LINES = (
    "kiosk = yes",
    "clinic_name = City Clinic",
    "= 1",
    "[",
    "]]]",
    "phone = [1,",
    'address = "unclosed',
    'address = """unclosed',
    "idle_seconds = 1 2",
    "idle_seconds = 0x",
    "warning_seconds = 1e",
    "a = 1 # fine",
    "\x1b[31m = 1",
    "kiosk = true\x00",
    "key\u00a0= 1",
    "\ufeffkiosk = true",
    "'key' = 'value' extra",
    '"\\ud800" = 1',
    'x = "\\uDFFF"',
    "x = '''\n",
)


@generator
def _invalid_toml(rng: random.Random, folder: Path) -> Built:
    lines = []
    for _ in range(rng.randint(1, 60)):
        kind = rng.random()
        if kind < 0.6:
            lines.append(rng.choice(JUNK_LINES))
        elif kind < 0.8:
            lines.append("".join(chr(rng.randint(32, 126)) for _ in range(rng.randint(1, 80))))
        else:
            lines.append("".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 40))))
    text = rng.choice(["\n", "\r\n", "\r"]).join(lines)
    return Built(config_file(folder, text.encode("utf-8", "surrogatepass")))


@generator
def _binary_junk(rng: random.Random, folder: Path) -> Built:
    size = rng.choice([1, 2, 10, 1000, 65535, 65536, 65537, 300_000])
    data = rng.randbytes(size)
    if rng.random() < 0.3:
        data = b'clinic_name = "City"\n' + data
    if rng.random() < 0.2:
        data = bytes(size)  # all NUL
    return Built(config_file(folder, data))


EXAMPLE_VALUES = (
    'clinic_name = "Clinique Sainte-H\u00e9l\u00e8ne \u2013 \u65e5\u672c"\n'
    'phone = "+33 1 23 45 67 89"\n'
    'address = """12 rue de la Paix\n75002 Paris"""\n'
    'website = "https://example.org/\u00fcber"\n'
    'handout_footer = "Appelez-nous \u2014 24 h/24"\n'
    'page_size = "letter"\n'
    'printer_name = "Accueil \u00e9tage 2"\n'
    "kiosk = true\n"
    "idle_seconds = 120\n"
    "warning_seconds = 45\n"
)
EXAMPLE_EXPECT: dict[str, object] = {
    "clinic_name": "Clinique Sainte-H\u00e9l\u00e8ne \u2013 \u65e5\u672c",
    "phone": "+33 1 23 45 67 89",
    "page_size": "letter",
    "kiosk": True,
    "idle_seconds": 120,
    "warning_seconds": 45,
}


@generator
def _encodings(rng: random.Random, folder: Path) -> Built:
    encoding = rng.choice(
        ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "utf-8-sig", "utf-8"]
    )
    data = EXAMPLE_VALUES.encode(encoding, errors="replace")
    if encoding.startswith("utf-8"):  # the one encoding that must be read, BOM or not
        return Built(config_file(folder, data), dict(EXAMPLE_EXPECT))
    return Built(config_file(folder, data))


@generator
def _truncated(rng: random.Random, folder: Path) -> Built:
    data = (EXAMPLE_VALUES + config_commands.EXAMPLE).encode("utf-8")
    return Built(config_file(folder, data[: rng.randrange(1, len(data))]))


@generator
def _huge(rng: random.Random, folder: Path) -> Built:
    size = rng.choice([65535, 65536, 65537, 100_000, 1_000_000, 5_000_000])
    filler: Callable[[int], str] = rng.choice(
        [
            lambda i: f"# comment {i}\n",
            lambda i: f"unknown_{i} = {i}\n",
            lambda i: f"clinic_nam{i} = 1\n",
            lambda i: "kiosk = true\n",
            lambda i: f'phone = "{i}"\n',
        ]
    )
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(filler(i))
        total += len(parts[-1])
        i += 1
    return Built(config_file(folder, "".join(parts).encode("utf-8")[:size]))


@generator
def _many_unknown_keys(rng: random.Random, folder: Path) -> Built:
    count = rng.choice([21, 100, 1000, 3000])
    names = [rng.choice(KEYS)[:-1] + str(i) for i in range(count)]  # near misses for difflib
    text = 'clinic_name = "Many Keys Clinic"\n' + "".join(f"{name} = 1\n" for name in names)
    return Built(config_file(folder, text), {"clinic_name": "Many Keys Clinic"})


# -- the staff PIN hash -------------------------------------------------------------
SALT = "HRn0kNKkrKDA+10c9nRqow"
DIGEST = "KfRwmSdSHY6Pjgr1lBvEEVXMny4TPkpVAP4dDmllK9U"


def _pin_hash(rng: random.Random) -> str:
    costs = [
        "n=1048576,r=8,p=1",
        "n=131072,r=8,p=1",
        "n=16384,r=8,p=1",
        "n=32768,r=8,p=1",
        "n=16384,r=32,p=4",
        "n=2,r=1,p=1",
        "n=16383,r=8,p=1",
        "n=0,r=0,p=0",
        "n=" + "1" * rng.choice([11, 900, 4301]) + ",r=8,p=1",
        "n=\u0661\u0666\u0663\u0668\u0664,r=8,p=1",
        "n=1073741824,r=8,p=1",
    ]
    salts = [SALT, SALT[:16], SALT + "=", "!" * 22, "A" * 88, "A" * 89]
    digests = [DIGEST, DIGEST[:-8], DIGEST[:-1], "B" * 43]
    stored = f"scrypt${rng.choice(costs)}${rng.choice(salts)}${rng.choice(digests)}"
    if rng.random() < 0.2:
        stored = rng.choice([f" {stored} ", stored.upper(), stored.replace("$", "$$"), "1234"])
    return stored


@generator
def _pin_hashes(rng: random.Random, folder: Path) -> Built:
    line = f"admin_pin_hash = {_toml_string(_pin_hash(rng))}\n"
    good = 'clinic_name = "PIN Clinic"\nkiosk = true\n'
    return Built(config_file(folder, good + line), {"clinic_name": "PIN Clinic", "kiosk": True})


# -- logos --------------------------------------------------------------------------
def _png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def _png(width: int, height: int, rows: bytes | None = None) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    if rows is None:
        rows = (b"\0" + b"\x1f\x4e\x79" * width) * height
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows))
        + _png_chunk(b"IEND", b"")
    )


def _svg(width: str, height: str, body: str = '<rect width="10" height="10"/>') -> bytes:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{width}" height="{height}">{body}</svg>'
    ).encode()


def _real_image(kind: str, size: tuple[int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "#1f4e79").save(buffer, format=kind)
    return buffer.getvalue()


def _logo_bytes(rng: random.Random) -> tuple[str, bytes]:
    """(file suffix, contents) of a logo, mostly broken in one way or another."""
    absurd = ["1e308", "1e309", "inf", "nan", "-1", "0", "1e-308", "100%", "abc", "", "99999"]
    big = rng.choice([(9000, 9000), (65535, 65535), (0, 0), (4001, 1), (1, 4001), (2**31 - 1, 1)])
    data_png = base64.b64encode(_png(*big, rows=b"")).decode()
    choices: list[Callable[[], tuple[str, bytes]]] = [
        lambda: (".png", _png(rng.randint(1, 300), rng.randint(1, 300))),  # a good one
        lambda: (".png", _png(40, 20)[: rng.randrange(8, 120)]),
        lambda: (".png", _png(4000, 4000, rows=b"")),  # header fine, no pixels
        lambda: (".png", _png(1, 1)[:16] + struct.pack(">II", *big) + _png(1, 1)[24:]),
        lambda: (".png", bytearray_flip(rng, _png(60, 30))),
        lambda: (rng.choice([".png", ".jpg", ".gif"]), rng.randbytes(rng.randint(0, 3000))),
        lambda: (".jpg", _real_image("JPEG", (80, 40))[: rng.randrange(2, 600)]),
        lambda: (".jpg", b"\xff\xd8\xff\xc0\x00\x11\x08\xff\xff\xff\xff\x03" + bytes(200)),
        lambda: (".gif", b"GIF89a" + struct.pack("<HH", 65535, 65535) + bytes(100)),
        lambda: (".gif", _real_image("GIF", (50, 50))[: rng.randrange(6, 100)]),
        lambda: (".jpeg", _real_image("JPEG", (rng.randint(1, 500), rng.randint(1, 500)))),
        lambda: (".svg", _svg(rng.choice(absurd), rng.choice(absurd))),
        lambda: (".svg", _svg("100", "50")),  # a good one
        lambda: (".svg", b"<svg" + rng.randbytes(200)),
        lambda: (".svg", b""),
        lambda: (".svg", _svg("100", "100", "<g>" * 300 + "<rect/>" + "</g>" * 300)),
        lambda: (".svg", _svg("100", "100", '<rect width="1" height="1"/>' * 3000)),
        lambda: (
            ".svg",
            _svg(
                "100",
                "100",
                f'<image width="9" height="9" href="data:image/png;base64,{data_png}"/>',
            ),
        ),
        lambda: (
            ".svg",
            _svg("100", "100", '<image width="9" height="9" xlink:href="/dev/zero"/>'),
        ),
        lambda: (
            ".svg",
            _svg("100", "100", '<image width="9" height="9" href="../../etc/passwd"/>'),
        ),
        lambda: (".svg", _svg("100", "100", '<rect x="1e308" width="1e308" height="nan"/>')),
        lambda: (".svg", _svg("100", "100", '<path d="M0 0 ' + "L1 1 " * 50000 + '"/>')),
        lambda: (
            ".svg",
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(
                f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode()
                for i in range(8)
            )
            + b']><svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>&i;</text></svg>',
        ),
    ]
    return rng.choice(choices)()


def bytearray_flip(rng: random.Random, data: bytes) -> bytes:
    """`data` with a few bytes after the header changed at random."""
    changed = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        changed[rng.randrange(33, len(changed))] ^= rng.randint(1, 255)
    return bytes(changed)


def _logo_file(rng: random.Random, folder: Path) -> tuple[str, Path | None]:
    """A logo_file value (and a folder to refuse): a broken image, or no ordinary file."""
    kind = rng.random()
    suffix, data = _logo_bytes(rng)
    logo = folder / f"logo-{rng.randrange(10**6)}{suffix}"
    if kind < 0.7:
        logo.write_bytes(data)
        return logo.name, None
    special = rng.choice(["dev-zero", "dev-urandom", "fifo", "folder", "too-large", "refused"])
    if special.startswith("dev-"):
        logo.symlink_to(f"/dev/{special[4:]}")
    elif special == "fifo":
        os.mkfifo(logo)
    elif special == "folder":
        logo.mkdir()
    elif special == "too-large":
        logo.write_bytes(_png(10, 10) + bytes(rng.choice([5 * 1024 * 1024, 6 * 1024 * 1024])))
    else:
        locked = folder / f"locked-{logo.stem}"
        locked.mkdir()
        (locked / logo.name).write_bytes(_png(10, 10))
        return f"{locked.name}/{logo.name}", locked
    return logo.name, None


@generator
def _logos(rng: random.Random, folder: Path) -> Built:
    value, refused = _logo_file(rng, folder)
    text = f'clinic_name = "Logo Clinic"\nlogo_file = {_toml_string(value)}\nkiosk = true\n'
    return Built(config_file(folder, text), {"clinic_name": "Logo Clinic", "kiosk": True}, refused)


def _path_value(rng: random.Random, folder: Path) -> str:
    loop = folder / "loop.png"
    with contextlib.suppress(FileExistsError):
        loop.symlink_to(loop)
    choices = [
        "~nosuchuser-zz9/logo.png",
        "~/",
        "~",
        "logo\x00.png",
        "logo\n.png",
        "\x1b[31mlogo.png",
        "a" * 300 + ".png",
        "/".join(["d"] * 400) + "/x.png",
        "loop.png",
        "dangling.png",
        "../../../../../../etc/passwd",
        "/dev/null",
        "/proc/self/mem",
        ".",
        "",
        "   ",
        "C:\\logo.png",
        "logo.PNG",
        "logo.png ",
    ]
    with contextlib.suppress(FileExistsError):
        (folder / "dangling.png").symlink_to(folder / "nowhere")
    return rng.choice(choices)


@generator
def _paths(rng: random.Random, folder: Path) -> Built:
    key = rng.choice(["logo_file", "content_folder"])
    text = f'{key} = {_toml_string(_path_value(rng, folder))}\nphone = "0123"\n'
    return Built(config_file(folder, text), {"phone": "0123"})


# -- the config is no ordinary file -------------------------------------------------------
@generator
def _not_a_file(rng: random.Random, folder: Path) -> Built:
    kind = rng.choice(
        [
            "fifo",
            "dev-zero",
            "dev-urandom",
            "dev-null",
            "folder",
            "missing",
            "dangling",
            "loop",
            "refused-file",
            "refused-folder",
            "control-name",
            "undecodable-name",
            "long-name",
        ]
    )
    path = folder / "config.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind.startswith("dev-"):
        path.symlink_to(f"/dev/{kind[4:]}")
    elif kind == "folder":
        path.mkdir()
    elif kind == "dangling":
        path.symlink_to(folder / "nowhere.toml")
    elif kind == "loop":
        path.symlink_to(path)
    elif kind.startswith("refused"):
        locked = folder / "locked"
        locked.mkdir()
        path = config_file(locked, "kiosk = true\n")
        return Built(path, refused=path if kind == "refused-file" else locked)
    elif kind == "control-name":
        path = config_file(folder, "kiosk = 1\n", name="con\x1b[31mfig\n.toml")
    elif kind == "undecodable-name":
        path = config_file(folder, "kiosk = 1\n", name=os.fsdecode(b"conf\xff\xfe.toml"))
    elif kind == "long-name":
        path = folder / ("c" * 300 + ".toml")
    return Built(path)


# -- a good config with a few hostile lines: the good settings must all be kept ---------
GOOD = {
    "clinic_name": ("Riverside Cancer Centre", '"Riverside Cancer Centre"'),
    "phone": ("+44 20 7946 0000", '"+44 20 7946 0000"'),
    "handout_footer": ("Call us", '"Call us"'),
    "page_size": ("letter", '"letter"'),
    "printer_name": ("Reception", "'Reception'"),
    "kiosk": (True, "true"),
    "idle_seconds": (300, "300"),
    "warning_seconds": (60, "60"),
}


@generator
def _mixed(rng: random.Random, folder: Path) -> Built:
    good = rng.sample(sorted(GOOD), rng.randint(1, len(GOOD)))
    lines = [f"{key} = {GOOD[key][1]}\n" for key in good]
    refused = None
    for _ in range(rng.randint(1, 6)):  # each on its own line, none able to swallow the next
        kind = rng.random()
        if kind < 0.3:
            lines.append(f"{rng.choice(KEYS)} = {_value(rng)}\n")
        elif kind < 0.5:
            lines.append(f"{_toml_string(_nasty(rng))} = {_value(rng)}\n")
        elif kind < 0.6:
            depth = rng.choice([40, 1000])
            lines.append(f"{rng.choice(KEYS)} = {'[' * depth}{']' * depth}\n")
        elif kind < 0.7:
            lines.append(f"admin_pin_hash = {_toml_string(_pin_hash(rng))}\n")
        elif kind < 0.8:
            value, refused = _logo_file(rng, folder)
            lines.append(f"logo_file = {_toml_string(value)}\n")
        elif kind < 0.9:
            lines.append(f"content_folder = {_toml_string(_path_value(rng, folder))}\n")
        else:
            lines.append(rng.choice(["kiosk = yes\n", "phone = 1 2\n", "= 1\n", "\x1b = 1\n"]))
    expect = {key: GOOD[key][0] for key in good}
    return Built(config_file(folder, "".join(lines)), expect, refused)


def build_case(name: str, seed: int, folder: Path) -> Built:
    """The case that generator `name` makes from `seed`, written into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return GENERATORS[name](random.Random(f"{name}-{seed}"), folder)


def case_names(first_seed: int, count: int) -> list[tuple[str, int]]:
    """(generator, seed) for `count` cases, every generator in turn."""
    names = sorted(GENERATORS)
    return [(names[seed % len(names)], seed) for seed in range(first_seed, first_seed + count)]


# -- running one case -------------------------------------------------------------------
@contextlib.contextmanager
def refused_under(locked: Path | None) -> Iterator[None]:
    """Opening or looking at anything under `locked` raises PermissionError, as for a user."""
    if locked is None:
        yield
        return
    real: dict[str, Callable[..., Any]] = {"stat": os.stat, "open": os.open, "io": io.open}

    def guard(name: str) -> Callable[..., Any]:
        def refuse_or_pass(path: Any, *args: Any, **kwargs: Any) -> Any:
            named = isinstance(path, str | bytes | os.PathLike)
            if named and Path(os.fsdecode(path)).is_relative_to(locked):
                raise PermissionError(13, "Permission denied", os.fsdecode(path))
            return real[name](path, *args, **kwargs)

        return refuse_or_pass

    with (
        mock.patch.object(os, "stat", guard("stat")),
        mock.patch.object(os, "open", guard("open")),
        mock.patch.object(io, "open", guard("io")),
    ):
        yield


def escaped(text: str) -> str:
    """How a path appears in a message: every unprintable character as a Python escape."""
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)


def _usable(config: ClinicConfig) -> list[str]:
    """What makes a loaded config unusable (nothing, for every case)."""
    wrong = []
    if config.page_size not in PAGE_SIZES:
        wrong.append(f"page_size {config.page_size!r}")
    for key in ("idle_seconds", "warning_seconds"):
        value = getattr(config, key)
        if not (
            isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_SECONDS
        ):
            wrong.append(f"{key} {value!r}")
    if config.warning_seconds < 20:
        wrong.append(f"warning_seconds {config.warning_seconds} is under WCAG 2.2.1's 20")
    if config.admin_pin_hash and not is_pin_hash(config.admin_pin_hash):
        wrong.append("admin_pin_hash kept although it cannot be checked")
    for key in ("logo_file", "content_folder"):
        if not (getattr(config, key) is None or isinstance(getattr(config, key), Path)):
            wrong.append(f"{key} {getattr(config, key)!r}")
    return wrong + _pin_works(config.admin_pin_hash) + _logo_draws(config.logo_file)


_COST = re.compile(r"scrypt\$n=([0-9]+),r=([0-9]+),p=([0-9]+)\$")
SET_PIN_COST = 16384 * 8 * 1


def _pin_works(stored: str) -> list[str]:
    """A kept PIN hash can be tried without raising, and costs at most twice set-pin's."""
    if not stored:
        return []
    found = _COST.match(stored.strip())
    cost = math.prod(int(part) for part in found.groups()) if found else 0
    if cost > 2 * SET_PIN_COST:
        return [f"a PIN hash of {cost // SET_PIN_COST}x set-pin's cost was kept"]
    started = time.perf_counter()
    try:
        verify_pin("0000", stored)
    except Exception as exc:
        return [f"trying a PIN raised {type(exc).__name__}: {escaped(str(exc))[:100]}"]
    took = time.perf_counter() - started
    return [f"trying a PIN took {took:.1f} s"] if took > 2 else []


def _logo_draws(logo: Path | None) -> list[str]:
    """A kept logo draws as the handout draws it: the same flowable, on a page."""
    if logo is None:
        return []
    from reportlab.pdfgen.canvas import Canvas

    from desktop_app.handout.header import logo as handout_logo

    try:
        made = handout_logo(logo, 153.0, 74.0)
        if made is None:
            return ["a logo that passed the check gives no image in the handout"]
        canvas = Canvas(io.BytesIO())
        made[0].wrapOn(canvas, 153.0, 74.0)
        made[0].drawOn(canvas, 10, 10)
        canvas.save()
    except Exception as exc:
        return [f"a logo that passed the check fails in the handout: {type(exc).__name__}"]
    return []


def _check_output(path: Path, code: int, out: str, problem_count: int) -> list[str]:
    """What is wrong with `config check` output (nothing, for every case)."""
    wrong = []
    lines = out.splitlines()
    prefix = escaped(str(path))
    if "Traceback" in out:
        wrong.append("a traceback in the output")
    if not all(line.isprintable() for line in lines):
        wrong.append(f"raw control characters printed: {out[:200]!a}")
    if code not in (0, 1) or (code == 1) != (problem_count > 0):
        wrong.append(f"exit code {code} with {problem_count} problems")
    if code == 0 and not (len(lines) == 1 and lines[0].startswith(f"{prefix}: OK: ")):
        wrong.append(f"exit 0 without the one OK line: {out[:200]!a}")
    if code == 1:
        if len(lines) != problem_count:
            wrong.append(f"{len(lines)} lines for {problem_count} problems")
        pattern = re.compile(rf"{re.escape(prefix)}:[0-9]+: .+?: .+")
        bad = [line for line in lines if not pattern.fullmatch(line)]
        if bad:
            wrong.append(f"not a path:line: key: message line: {bad[0][:200]!a}")
    return wrong


def _run_case(built: Built) -> list[str]:
    wrong: list[str] = []
    started = time.perf_counter()
    with refused_under(built.refused):
        try:
            config, problems = load_or_default(built.config)
        except BaseException as exc:
            return [f"load_or_default raised {type(exc).__name__}: {escaped(str(exc))[:200]}"]
        out = io.StringIO()
        try:
            code = config_commands.check(built.config, out)
        except BaseException as exc:
            return [f"config check raised {type(exc).__name__}: {escaped(str(exc))[:200]}"]
    elapsed = time.perf_counter() - started
    if not isinstance(config, ClinicConfig):
        return [f"load_or_default gave {type(config).__name__}, not a ClinicConfig"]
    wrong += _usable(config)
    wrong += _check_output(built.config, code, out.getvalue(), len(problems))
    for key, value in built.expect.items():
        if getattr(config, key) != value:
            wrong.append(f"{key} is {getattr(config, key)!r}, not {value!r}: a good setting lost")
    if elapsed > CASE_SECONDS:
        wrong.append(f"took {elapsed:.1f} s (limit {CASE_SECONDS:.0f} s)")
    return wrong


def check_case(name: str, seed: int, folder: Path) -> list[str]:
    """What is wrong with case (name, seed): an empty list when it passes.

    A case that has not finished after HANG_SECONDS is a hang; its thread is left behind.
    """
    result: list[list[str]] = []

    def run() -> None:
        try:
            result.append(_run_case(build_case(name, seed, folder)))
        except BaseException as exc:  # the generator itself: still reported, not lost
            result.append([f"the case could not be run: {type(exc).__name__}: {exc}"])

    worker = threading.Thread(target=run, name=f"hostile-{name}-{seed}", daemon=True)
    worker.start()
    worker.join(HANG_SECONDS)
    if not result:
        return [f"hang: not finished after {HANG_SECONDS:.0f} s"]
    return result[0]


@dataclass
class Figures:
    """What a run of many cases found."""

    cases: int = 0
    failures: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    seconds: float = 0.0
    slowest: tuple[float, str] = (0.0, "")
    times: list[float] = field(default_factory=list)

    def count(self, word: str) -> int:
        """Failing cases with `word` in one of their messages."""
        return sum(any(word in line for line in lines) for lines in self.failures.values())

    def summary(self) -> str:
        """One line of figures and one line per failing case."""
        head = (
            f"{self.cases} cases in {self.seconds:.1f} s (slowest {self.slowest[0]:.2f} s, "
            f"{self.slowest[1]}): {len(self.failures)} failed, {self.count('raised')} raised, "
            f"{self.count('hang')} hung"
        )
        return "\n".join(
            [head]
            + [
                f"  {name} seed {seed}: {'; '.join(why)}"
                for (name, seed), why in self.failures.items()
            ]
        )


def run_cases(cases: list[tuple[str, int]], root: Path) -> Figures:
    """Run every case, each in its own folder under `root`."""
    figures = Figures()
    started = time.perf_counter()
    for name, seed in cases:
        case_started = time.perf_counter()
        folder = root / f"{name}-{seed}"
        wrong = check_case(name, seed, folder)
        took = time.perf_counter() - case_started
        figures.times.append(took)
        figures.slowest = max(figures.slowest, (took, f"{name} seed {seed}"))
        figures.cases += 1
        if wrong:
            figures.failures[(name, seed)] = wrong
        else:  # some cases write megabytes: keep only what failed, to look at
            shutil.rmtree(folder, ignore_errors=True)
    figures.seconds = time.perf_counter() - started
    return figures


# -- the real command line ---------------------------------------------------------------
def run_command_line(built: Built, folder: Path) -> list[str]:
    """`config check` and `handout` in a subprocess: what went wrong (nothing, for every case)."""
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(folder.parent / "config-home"),
        "XDG_CACHE_HOME": str(folder.parent / "cache-home"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    out_pdf = folder / "handout-out.pdf"
    own_content = _names_content_folder(built.config)
    config = os.fspath(built.config)
    commands = {
        "config check": ["config", "check", config],
        "handout": ["handout", "--config", config, "--site", "spine", "--out", str(out_pdf)],
    }
    wrong = []
    for label, arguments in commands.items():
        try:
            done = subprocess.run(
                [sys.executable, "-m", "desktop_app", *arguments],
                capture_output=True,
                timeout=COMMAND_SECONDS,
                check=False,
                env=env,
                cwd=folder,
            )
        except subprocess.TimeoutExpired:
            wrong.append(f"{label}: hang (over {COMMAND_SECONDS:.0f} s)")
            continue
        text = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
        if b"Traceback" in done.stderr or b"Traceback" in done.stdout:
            last = text.strip().splitlines()[-1] if text.strip() else ""
            wrong.append(f"{label}: a traceback ({escaped(last)[:200]})")
        if label == "config check" and done.returncode not in (0, 1):
            wrong.append(f"{label}: exit code {done.returncode}")
        if label == "handout":
            wrong += _handout_written(done.returncode, out_pdf, own_content, text)
    return wrong


def _names_content_folder(config: Path) -> bool:
    """Whether the config file sets content_folder (read as bytes: never loaded here)."""
    try:
        return config.is_file() and b"content_folder" in config.read_bytes()
    except OSError:
        return False


def _handout_written(code: int, pdf: Path, own_content: bool, text: str) -> list[str]:
    """The PDF is written, or (only with the clinic's own content folder) content is missing."""
    if code == 1 and own_content and "folder" in text:
        return []  # documented: exit 1 when the content cannot be loaded
    if code != 0:
        return [f"handout: exit code {code}: {escaped(text[-200:])}"]
    if not pdf.read_bytes().startswith(b"%PDF-"):
        return ["handout: no PDF written"]
    return []


SAMPLE_WEIGHTS = {"logos": 4, "mixed": 2, "not_a_file": 2, "paths": 2}
"""Generators whose cases reach the handout itself come up more often in the sample."""


def sample(cases: list[tuple[str, int]], count: int) -> list[tuple[str, int]]:
    """`count` of the cases, taken from each generator in turn (some more often)."""
    waiting: dict[str, list[tuple[str, int]]] = {}
    for case in cases:
        waiting.setdefault(case[0], []).append(case)
    turns = [name for name in sorted(waiting) for _ in range(SAMPLE_WEIGHTS.get(name, 1))]
    picked: list[tuple[str, int]] = []
    while len(picked) < count and any(waiting.values()):
        for name in turns:
            if waiting[name] and len(picked) < count:
                picked.append(waiting[name].pop(0))
    return picked


def run_command_lines(cases: list[tuple[str, int]], root: Path) -> dict[tuple[str, int], list[str]]:
    """The command-line check of each case (four at a time): the failing ones."""

    def one(case: tuple[str, int]) -> tuple[tuple[str, int], list[str]]:
        folder = root / f"cli-{case[0]}-{case[1]}"
        built = build_case(*case, folder)
        if built.refused is not None:  # a refusal is only simulated in this process
            return case, []
        wrong = run_command_line(built, folder)
        if not wrong:
            shutil.rmtree(folder, ignore_errors=True)
        return case, wrong

    with ThreadPoolExecutor(max_workers=4) as pool:
        return {case: wrong for case, wrong in pool.map(one, cases) if wrong}


# -- the tests -----------------------------------------------------------------------------
# Every case that ever failed: against the code before these fixes (108 of the first 500),
# then against the fixes as they were made (a dotted key of 10,000 parts, quadratic
# backtracking in the pre-scan, SVG paths too slow to draw, an empty key shown as nothing,
# and from the benchmark's seeds: U+2028 taken for a line end, a key given twice over lines).
_REGRESSIONS = """
deep_nesting 1004837 20260669 20260703 20260720 20260754 20260801 20260913 20260941 20260975
duplicate_keys 20260546 20260551 20260636 20260642 20260658 20260674 20260706 20260722
duplicate_keys 20260738 20260770 20260786 20260789 20260802 20260806 20260834 20260866
duplicate_keys 20260882 20260898 20260930 20260946 20260962 20260978
encodings 20260501 20260773 20260977
huge 20260502 20260553 20260570 20260825 20260893
logos 20260555 20260572 20260674 20260691 20260708 20260710 20260725 20260759 20260776
logos 20260790 20260793 20260844 20260861 20260878 20260895 20260912 20260929 20260946
logos 20260997
mixed 1002039 1004793 20260523 20260557 20260574 20260591 20260608 20260625 20260659 20260676 20260680
mixed 20260727 20260744 20260761 20260778 20260812 20260824 20260863 20260880 20260914
mixed 20260948
nasty_keys 20260507 20260524 20260541 20260558 20260575 20260592 20260609 20260626 20260643
nasty_keys 20260660 20260665 20260694 20260697 20260711 20260728 20260745 20260762 20260779
nasty_keys 20260796 20260813 20260825 20260830 20260841 20260847 20260864 20260881 20260889
nasty_keys 20260915 20260921 20260949 20260983
not_a_file 20260508 20260525 20260695 20260780 20260814 20260865 20260882 20260933 20260950
paths 20260611 20260730 20260747 20260815 20260849
pin_hashes 20260860 20260892 20260901 20260952
seconds 20260545 20260698
tables_and_dotted_keys 20260525 20260597 20260716 20260869 20260903
wrong_values 20260531 20260565 20260687 20260718 20260769 20260837 20260871 20260922
wrong_values 20260939 20260956
"""
REGRESSION_CASES: tuple[tuple[str, int], ...] = tuple(
    (name, int(seed))
    for name, *seeds in map(str.split, _REGRESSIONS.strip().splitlines())
    for seed in seeds
)


def test_every_generator_makes_cases_and_the_same_seed_the_same_case(tmp_path: Path) -> None:
    assert len(GENERATORS) >= 15
    for name in GENERATORS:
        first = build_case(name, 7, tmp_path / "a" / name)
        again = build_case(name, 7, tmp_path / "b" / name)
        assert first.config.name == again.config.name
        if os.path.isfile(first.config) and not os.path.islink(first.config):
            assert first.config.read_bytes() == again.config.read_bytes()


def test_hostile_configs_never_stop_or_fool_the_loader(tmp_path: Path) -> None:
    assert CASES >= 1
    figures = run_cases(case_names(FIRST_SEED, CASES), tmp_path)
    print(f"\nhostile configs: {figures.summary()}")
    assert not figures.failures, figures.summary()


@pytest.mark.parametrize(
    ("name", "seed"), REGRESSION_CASES, ids=[f"{n}-{s}" for n, s in REGRESSION_CASES]
)
def test_every_case_that_ever_failed_passes(tmp_path: Path, name: str, seed: int) -> None:
    assert check_case(name, seed, tmp_path / "case") == []


def test_a_sample_through_the_real_command_line(tmp_path: Path) -> None:
    cases = sample(case_names(FIRST_SEED, CASES), SAMPLE)
    warm = tmp_path / "warm"  # one run first, so the content cache is made only once
    assert run_command_line(_config_only(warm, 'clinic_name = "Warm-up"\n'), warm) == []
    failures = run_command_lines(cases, tmp_path)
    shown = "\n".join(f"  {n} seed {s}: {'; '.join(why)}" for (n, s), why in failures.items())
    assert not failures, f"{len(failures)} of {len(cases)} cases failed:\n{shown}"


def _config_only(folder: Path, text: str) -> Built:
    folder.mkdir(parents=True)
    return Built(config_file(folder, text))
