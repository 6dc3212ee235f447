"""Hostile content folders: every one gives clean problem lines, never a crash or a hang.

A seeded generator copies a valid content folder and breaks it the way a careless
editor or a hostile tester would: empty, deleted or doubled fields, wrong types,
impossible dates, huge values, deep nesting, YAML aliases, control characters and
escape sequences in keys, values and file names, binary junk, cut-off files, byte
order marks and other encodings, missing files, FIFOs, links to devices, duplicate
ids and keys, and more. Each folder then goes through `content check`, `list` and
`report` in this process, and a sample through the real command line, and must give:
no exception and no traceback, exit code 0 or 1, only `path:line: field: message`
lines naming a path in the folder, no raw control characters, an answer within
seconds and without a big jump in memory; and a folder that loads must hold every
item its files list, with every site, option, source and question it refers to.

MBC_HOSTILE_CASES sets how many generated folders run (500 by default; the benchmark
in tests/benchmarks/test_hostile_bench.py runs 5,000).

Figures of the first run of this generator against the loader as it was before the
hostile-input fixes (each folder in its own process with 2 GB of address space, so that
hangs and memory bombs could be counted), a folder counted under each kind it showed:
    500 folders (seeds 0-499): 152 failed: 73 bad output (raw escape sequences and
    control characters, problem lines broken in two), 40 tracebacks, 28 hangs,
    16 unusable libraries (items dropped without a word, duplicates accepted),
    8 memory (up to 1.9 GB), 5 crashes (AssertionError, MemoryError, ValueError,
    AttributeError).
    The 20 command-line runs: 13 failed (5 tracebacks, 2 hangs, 3 raw escapes,
    3 exit 0 on broken content).
After them: 0 of these 500, 0 of 5,000 in the benchmark, 0 of the 20 command-line runs.
The seeds in FAILED_BEFORE are from that first run.
"""

from __future__ import annotations

import io
import json
import logging
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop_app import content_commands
from desktop_app.content.loader import load_content
from desktop_app.content.model import ContentLibrary
from desktop_app.resources import bundled_content_dir

# FIFOs, links to devices, byte file names and RLIMIT_AS: the cases need POSIX.
resource = pytest.importorskip("resource", reason="hostile folders need POSIX")

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
CASES = int(os.environ.get("MBC_HOSTILE_CASES", "500"))
TIME_LIMIT_S = 5.0  # each folder, each command
HARD_STOP_S = 10.0  # a hung case is stopped here and counted as a hang
COMMAND_LINE_SEEDS = range(8)  # with COMMAND_LINE_REGRESSIONS: 20 runs of the real command line
COMMAND_LINE_TIME_LIMIT_S = 15.0  # a fresh interpreter, textstat loaded: about 1 s alone
COMMAND_LINE_WORKERS = 2
MEMORY_LIMIT_BYTES = 256 * 2**20  # growth of this process's peak memory during one case
SUBPROCESS_ADDRESS_SPACE = 1024 * 2**20  # RLIMIT_AS of the command-line runs
BUNDLED_SHARE = 0.05  # the rest of the folders start from the small fixture
EXPECTED_ENTRIES = (
    "meta.yaml",
    "sources.yaml",
    "glossary.yaml",
    "questions.yaml",
    "sites",
    "options",
)

Mutation = Callable[[random.Random, Path], str]


# -- escaping, as the output must show it -----------------------------------------
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _unsafe(character: str) -> bool:
    return character in _BIDI_CONTROLS or unicodedata.category(character) in _UNSAFE_CATEGORIES


def escaped(text: str) -> str:
    """Text as a terminal may show it: control characters written like \\x1b or \\n."""
    return "".join(repr(c)[1:-1] if _unsafe(c) else c for c in text)


# -- files of a case ----------------------------------------------------------------
def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _content_files(root: Path) -> list[Path]:
    """Regular .yaml and .md files in the folder, never following links."""
    found: list[Path] = []
    for directory, _subdirs, names in os.walk(root):
        for name in names:
            path = Path(directory) / name
            if name.endswith((".yaml", ".md")) and _is_regular(path):
                found.append(path)
    return sorted(found)


def _pick(rng: random.Random, root: Path, suffix: str = "") -> Path | None:
    files = [p for p in _content_files(root) if p.name.endswith(suffix)]
    return rng.choice(files) if files else None


def _lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8", "surrogateescape").splitlines(keepends=True)


def _write_lines(path: Path, lines: list[str]) -> None:
    path.write_bytes("".join(lines).encode("utf-8", "surrogateescape"))


def _name(root: Path, path: Path) -> str:
    return str(path.relative_to(root))


_KEY_LINE = re.compile(
    r"^(?P<lead>\s*(?:- )?)(?P<key>[A-Za-z_][\w-]*):(?P<rest>.*?)(?P<end>\r?\n?)$"
)
_FLOW_VALUE = re.compile(r"(?<=[{,] )(?P<key>\w+): (?P<value>[^,{}\[\]\n]+)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _key_line_indices(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]


def _set_value(rng: random.Random, root: Path, value: str, only_dates: bool = False) -> str:
    """Replace the value of one `key: value` line (block or flow style) of one file."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    lines = _lines(path)
    candidates = [i for i in _key_line_indices(lines) if not only_dates or _DATE.search(lines[i])]
    flow = [i for i, line in enumerate(lines) if _FLOW_VALUE.search(line)]
    if flow and not only_dates and rng.random() < 0.3:
        index = rng.choice(flow)
        key = _set_flow_value(rng, lines, index, value)
    elif candidates:
        index = rng.choice(candidates)
        key = _set_block_value(lines, index, value)
    else:
        return f"{_name(root, path)}: no value to change"
    _write_lines(path, lines)
    return f"{_name(root, path)}:{index + 1} {key} = {value[:40]!r}"


def _set_flow_value(rng: random.Random, lines: list[str], index: int, value: str) -> str:
    """Replace one `key: value` inside a {flow, mapping}; returns the key."""
    match = rng.choice(list(_FLOW_VALUE.finditer(lines[index])))
    line = lines[index]
    lines[index] = f"{line[: match.start('value')]}{value}{line[match.end('value') :]}"
    return match.group("key")


def _set_block_value(lines: list[str], index: int, value: str) -> str:
    """Replace the value of a `key: value` line; returns the key."""
    match = _KEY_LINE.match(lines[index])
    assert match is not None
    end = match.group("end") or "\n"
    lines[index] = f"{match.group('lead')}{match.group('key')}: {value}{end}"
    return match.group("key")


def _insert_top_level(rng: random.Random, root: Path, block: str) -> str:
    """Add lines at the top level of one file's YAML (after its first key)."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    lines = _lines(path)
    tops = [i for i, line in enumerate(lines) if re.match(r"^[A-Za-z_]", line)]
    index = (rng.choice(tops) + 1) if tops else len(lines)
    lines[index:index] = [block if block.endswith("\n") else block + "\n"]
    _write_lines(path, lines)
    return f"{_name(root, path)}:{index + 1} inserted {block[:40]!r}"


def _replace_yaml(root: Path, path: Path, yaml_text: str) -> None:
    """Replace a file's YAML: the whole .yaml file, or a Markdown file's front matter."""
    if path.suffix == ".md":
        path.write_text(f"---\n{yaml_text}---\nA body.\n", encoding="utf-8")
    else:
        path.write_text(yaml_text, encoding="utf-8")


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    """The classic alias bomb: each level lists the one before `width` times."""
    out = ['a0: &a0 ["lol"' + ', "lol"' * (width - 1) + "]\n"]
    for level in range(1, levels):
        items = ", ".join([f"*a{level - 1}"] * width)
        out.append(f"a{level}: &a{level} [{items}]\n")
    return "".join(out)


# -- the mutations --------------------------------------------------------------------
def empty_value(rng: random.Random, root: Path) -> str:
    """A field left empty: nothing, blank text, null."""
    return _set_value(rng, root, rng.choice(["", " ", "''", '""', "~", "null", '"   "', "'\t'"]))


def delete_line(rng: random.Random, root: Path) -> str:
    """One line gone."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    lines = _lines(path)
    if not lines:
        return f"{_name(root, path)}: empty already"
    index = rng.randrange(len(lines))
    del lines[index]
    _write_lines(path, lines)
    return f"{_name(root, path)}:{index + 1} deleted"


def duplicate_line(rng: random.Random, root: Path) -> str:
    """One line twice: a duplicate key or list item."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    lines = _lines(path)
    if not lines:
        return f"{_name(root, path)}: empty already"
    index = rng.randrange(len(lines))
    lines.insert(index, lines[index])
    _write_lines(path, lines)
    return f"{_name(root, path)}:{index + 1} doubled"


WRONG_TYPES = (
    "[a, b]",
    "{x: 1}",
    "42",
    "-7",
    "3.5",
    "yes",
    "no",
    "2026-01-01",
    "1e400",
    ".nan",
    "-.inf",
    "0x1F",
    "'123'",
    "[]",
    "{}",
    "[[[]]]",
    "[~]",
    "[spine radiotherapy, opt-rays]",
    "[src one]",
    "99999999999999999999999999",
    "0",
    "100",
    "1.5",
)


def wrong_type(rng: random.Random, root: Path) -> str:
    """A value of the wrong kind."""
    return _set_value(rng, root, rng.choice(WRONG_TYPES))


INVALID_DATES = (
    "2026-13-01",
    "2026-02-30",
    "2026-00-10",
    "2026-04-31",
    "0000-01-01",
    "2026-01-01 25:00:00",
    "2026-01-01T00:00:00+99:00",
    "2026-1-1",
    "9999-12-31",
    "1900-01-01",
    "2026-11-26T10:00:00Z",
)


def invalid_date(rng: random.Random, root: Path) -> str:
    """An impossible or odd date, in a date field or anywhere else."""
    return _set_value(rng, root, rng.choice(INVALID_DATES), only_dates=rng.random() < 0.8)


def huge_value(rng: random.Random, root: Path) -> str:
    """A value too long to show, up to a file over the size limit."""
    size = rng.choice((6_000, 60_000, 600_000, 2_000_000))
    value = rng.choice(("x" * size, "word " * (size // 5), f'"{"y" * size}"'))
    return _set_value(rng, root, value)


def deep_nesting(rng: random.Random, root: Path) -> str:
    """Lists and groups nested far deeper than any content needs."""
    depth = rng.choice((11, 40, 999, 1001, 20_000))
    if rng.random() < 0.5:
        return _set_value(rng, root, "[" * depth + "]" * depth)
    if rng.random() < 0.5:
        return _set_value(rng, root, "{a: " * depth + "b" + "}" * depth)
    lines = "".join("  " * level + "k:\n" for level in range(min(depth, 300)))
    return _insert_top_level(rng, root, "deep:\n" + "  " + lines.replace("\n", "\n  ").rstrip())


def alias_bomb(rng: random.Random, root: Path) -> str:
    """Aliases: billion laughs, self-reference, undefined, merge keys, a small legal one."""
    choice = rng.randrange(6)
    if choice == 0:
        path = _pick(rng, root)
        if path is None:
            return "no file left to change"
        _replace_yaml(root, path, billion_laughs(rng.choice((4, 6, 9, 12))))
        return f"{_name(root, path)}: billion laughs"
    if choice == 1:
        return _set_value(rng, root, rng.choice(("&a [*a]", "&b {x: *b}", "&c [[*c]]")))
    if choice == 2:
        return _insert_top_level(rng, root, billion_laughs(rng.choice((3, 5, 9)), 4))
    if choice == 3:
        return _set_value(rng, root, rng.choice(("*undefined", "&x", "&x &y 1")))
    if choice == 4:
        return _insert_top_level(rng, root, "base: &base {x: 1}\nmerged:\n  <<: *base\n  y: 2")
    return _insert_top_level(rng, root, "one: &s [src-one]\ntwo: *s")


CONTROL_VALUES = (
    '"\\e[31mred\\e[0m"',
    '"\\e]0;owned\\a"',
    '"\\e]8;;http://evil\\e\\\\link\\e]8;;\\e\\\\"',
    '"a\\x00b"',
    '"line\\nbreak"',
    '"\\u202eevil"',
    '"\\x85nel"',
    '"\\u2028ls"',
    '"\\x9b31m"',
    '"tab\\tx"',
    '"car\\rret"',
    '"\\x7f"',
    '"\\b\\b\\bspoof"',
    "'It is \u00e9t\u00e9 and \u6f22\u5b57 and \U0001f600.'",
)


def control_in_value(rng: random.Random, root: Path) -> str:
    """Escape sequences and control characters inside values."""
    return _set_value(rng, root, rng.choice(CONTROL_VALUES))


def control_in_key(rng: random.Random, root: Path) -> str:
    """Escape sequences, newlines and control characters inside keys."""
    key = rng.choice(CONTROL_VALUES[:13])
    return _insert_top_level(rng, root, f"{key}: 1")


RAW_BYTES = (
    b"\x1b[31m",
    b"\x00",
    b"\x07",
    b"\x9b",
    b"\xc2\x9b",
    b"\x1b]0;x\x07",
    b"\r",
    b"\xe2\x80\xae",
)


def raw_control_bytes(rng: random.Random, root: Path) -> str:
    """Raw control bytes anywhere in a file, the Markdown body included."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    data = path.read_bytes()
    at = rng.randrange(len(data) + 1)
    junk = rng.choice(RAW_BYTES)
    path.write_bytes(data[:at] + junk + data[at:])
    return f"{_name(root, path)}@{at} raw {junk!r}"


HOSTILE_NAMES = (
    b"sp\x1b[31mine.md",
    b"new\nline.md",
    b"tab\tname.md",
    b"\xff\xfe.md",
    "\u202egnp.md".encode(),
    b"spine .md",
    b"-rf.md",
    b":1: x.md",
    b"a\rb.md",
    b"\x1b]0;title\x07.md",
    b".hidden.md",
)


def hostile_file_name(rng: random.Random, root: Path) -> str:
    """A site or option file renamed, or copied, to a name with control characters."""
    path = _pick(rng, root, ".md")
    if path is None:
        return "no file left to change"
    target = os.path.join(os.fsencode(path.parent), rng.choice(HOSTILE_NAMES))
    if rng.random() < 0.5:
        os.rename(os.fsencode(path), target)
        return f"{_name(root, path)} renamed to {target!r}"
    shutil.copyfile(os.fsencode(path), target)
    return f"{_name(root, path)} copied to {target!r}"


def binary_junk(rng: random.Random, root: Path) -> str:
    """Random bytes over a file, or inside it."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    junk = rng.randbytes(rng.choice((1, 20, 100, 5_000)))
    if rng.random() < 0.5:
        path.write_bytes(junk)
        return f"{_name(root, path)}: replaced by {len(junk)} random bytes"
    data = path.read_bytes()
    at = rng.randrange(len(data) + 1)
    path.write_bytes(data[:at] + junk + data[at:])
    return f"{_name(root, path)}@{at}: {len(junk)} random bytes"


def truncate(rng: random.Random, root: Path) -> str:
    """A file cut off anywhere, even inside a UTF-8 character."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    data = path.read_bytes()
    at = rng.randrange(len(data) + 1)
    path.write_bytes(data[:at])
    return f"{_name(root, path)}: cut at byte {at}"


def encoding(rng: random.Random, root: Path) -> str:
    """Byte order marks, other encodings, other line ends."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    text = path.read_bytes().decode("utf-8", "replace")
    choice = rng.randrange(7)
    if choice == 0:
        path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    elif choice == 1:
        path.write_bytes(text.encode("utf-16"))
    elif choice == 2:
        path.write_bytes(text.replace("a", "\u00e9", 1).encode("latin-1", "replace"))
    elif choice == 3:
        path.write_bytes(text.replace("\n", "\r\n").encode())
    elif choice == 4:
        path.write_bytes(text.replace("\n", "\r").encode())
    elif choice == 5:
        path.write_bytes(text.encode("utf-32"))
    else:
        path.write_bytes(text.replace("  ", "\t", 1).encode())
    return f"{_name(root, path)}: encoding change {choice}"


def delete_file(rng: random.Random, root: Path) -> str:
    """A file or a folder gone, or a folder replaced by a file."""
    choice = rng.randrange(4)
    if choice == 0:
        path = _pick(rng, root)
        if path is None:
            return "no file left to delete"
        path.unlink()
        return f"{_name(root, path)}: deleted"
    folder = root / rng.choice(("sites", "options"))
    if not folder.is_dir() or folder.is_symlink():
        return f"{folder.name}: not there"
    shutil.rmtree(folder)
    if choice == 1:
        folder.write_text("not a folder\n")
        return f"{folder.name}: replaced by a file"
    if choice == 2:
        folder.mkdir()
        return f"{folder.name}: emptied"
    return f"{folder.name}: deleted"


def fifo(rng: random.Random, root: Path) -> str:
    """A content file that is a named pipe: reading it would wait for ever."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    path.unlink()
    os.mkfifo(path)
    return f"{_name(root, path)}: FIFO"


SPECIAL_TARGETS = ("/dev/zero", "/dev/urandom", "/dev/null", "missing-target", "loop", ".", "/")


def special_link(rng: random.Random, root: Path) -> str:
    """A content file that is a link to a device, nowhere, itself or a folder."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    path.unlink()
    target = rng.choice((*SPECIAL_TARGETS, "folder"))
    if target == "loop":
        path.symlink_to(path.name)
    elif target == "folder":
        path.mkdir()
    else:
        path.symlink_to(target)
    return f"{_name(root, path)}: -> {target}"


def duplicate_ids(rng: random.Random, root: Path) -> str:
    """The same id, key or glossary word twice."""
    choice = rng.randrange(5)
    if choice == 0 and (root / "questions.yaml").is_file() and _is_regular(root / "questions.yaml"):
        with (root / "questions.yaml").open("a", encoding="utf-8", errors="replace") as out:
            out.write("  - id: q-choices\n    text: What are my choices now?\n")
        return "questions.yaml: question id twice"
    if choice == 1 and _is_regular(root / "sources.yaml"):
        with (root / "sources.yaml").open("a", encoding="utf-8", errors="replace") as out:
            out.write("  - id: src-one\n    citation: Again.\n    year: 2024\n    kind: trial\n")
        return "sources.yaml: source id twice"
    if choice == 2 and _is_regular(root / "glossary.yaml"):
        with (root / "glossary.yaml").open("a", encoding="utf-8", errors="replace") as out:
            out.write(
                "  - id: rays\n    term: rays\n    forms: [Radiotherapy]\n"
                "    meaning: Strong rays. You do not feel them.\n"
            )
        return "glossary.yaml: form of another term"
    if choice == 3:
        site = _pick(rng, root / "sites", ".md") if (root / "sites").is_dir() else None
        if site is not None:
            text = site.read_bytes().decode("utf-8", "surrogateescape")
            text = re.sub(r"- id: [\w-]+", "- id: q-choices", text, count=1)
            site.write_bytes(text.encode("utf-8", "surrogateescape"))
            return f"{_name(root, site)}: question id of questions.yaml"
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    lines = _lines(path)
    keys = [i for i in _key_line_indices(lines) if not lines[i].startswith((" ", "-"))]
    if not keys:
        return f"{_name(root, path)}: no key to double"
    index = rng.choice(keys)
    match = _KEY_LINE.match(lines[index])
    assert match is not None
    lines.insert(index + 1, f"{match.group('key')}: another value\n")
    _write_lines(path, lines)
    return f"{_name(root, path)}:{index + 2} key {match.group('key')} twice"


def many_files(rng: random.Random, root: Path) -> str:
    """Hundreds of .md files in one folder."""
    folder = root / rng.choice(("sites", "options"))
    if not folder.is_dir() or folder.is_symlink():
        return f"{folder.name}: not there"
    count = rng.choice((150, 250, 400))
    for number in range(count):
        (folder / f"extra-{number}.md").write_text(f"---\nid: extra-{number}\n---\n")
    return f"{folder.name}: {count} extra files"


YAML_SPECIALS = (
    '!!python/object/apply:os.system ["true"]',
    "!!python/name:os.system",
    '!!binary "zz"',
    "!!set {a}",
    "!!timestamp nope",
    "!!int x",
    "!!float x",
    "!!bool maybe",
    "!!map [1]",
    "!!omap [a]",
    "!local x",
    "1" * 5_000,
    "0o" + "7" * 5_000,
    "!!str",
    "? [a, b]",
    "[a, b]: c",
    "{[x]: y}",
    "|\n  a literal block",
    ">\n  a folded block",
    "'unterminated",
    '"bad \\q escape"',
    "@reserved",
    "`backtick",
    "- item",
    "a: b: c",
    "\t tab",
)


def yaml_specials(rng: random.Random, root: Path) -> str:
    """Tags, odd scalars and syntax errors."""
    if rng.random() < 0.2:
        path = _pick(rng, root)
        if path is None:
            return "no file left to change"
        prefix = rng.choice(
            ("%YAML 1.1\n---\n", "%TAG ! tag:x,2000:\n---\n", "--- !!map\n", "...\n")
        )
        path.write_bytes(prefix.encode() + path.read_bytes())
        return f"{_name(root, path)}: starts with {prefix!r}"
    return _set_value(rng, root, rng.choice(YAML_SPECIALS))


def front_matter(rng: random.Random, root: Path) -> str:
    """Markdown files without, with broken or with strange front matter."""
    path = _pick(rng, root, ".md")
    if path is None:
        return "no file left to change"
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    choice = rng.randrange(8)
    if choice == 0:
        text = text.replace("---\n", "", 1)
    elif choice == 1:
        head, _sep, tail = text.partition("---\n")
        text = head + "---\n" + tail.replace("---\n", "", 1)
    elif choice == 2:
        text = text.replace("---\n", "---\n---\nx: 1\n", 1)
    elif choice == 3:
        text = "---\n---\n"
    elif choice == 4:
        text = ""
    elif choice == 5:
        text = "   \n\n"
    elif choice == 6:
        text = "---\n- a\n- b\n---\nbody\n"
    else:
        text = "---\njust text\n---\nbody\n"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return f"{_name(root, path)}: front matter change {choice}"


def huge_file(rng: random.Random, root: Path) -> str:
    """A file grown past the size limit, or a very long Markdown body."""
    path = _pick(rng, root)
    if path is None:
        return "no file left to change"
    size = rng.choice((30_000, 1_500_000))
    with path.open("ab") as out:
        out.write((b"# a comment line\n" if path.suffix == ".yaml" else b"Words. ") * (size // 16))
    return f"{_name(root, path)}: +{size} bytes"


def break_links(rng: random.Random, root: Path) -> str:
    """Ids that point nowhere, or lists that no longer agree with each other."""
    choice = rng.randrange(4)
    if choice == 0:
        return _set_value(rng, root, rng.choice(("[opt-nope]", "[bone, nope]", "[src-nope]")))
    path = _pick(rng, root, ".md")
    if path is None:
        return "no file left to change"
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    if choice == 1:
        text = re.sub(r"(options|sites): \[([\w-]+), ", r"\1: [", text, count=1)
    elif choice == 2:
        text = re.sub(r"^id: [\w-]+", "id: opt-rays", text, count=1, flags=re.MULTILINE)
    else:
        other = path.with_name("copy-" + path.name)
        shutil.copyfile(path, other)
        return f"{_name(root, path)}: copied to {other.name}"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return f"{_name(root, path)}: links change {choice}"


def replace_root(rng: random.Random, root: Path) -> str:
    """The folder given is not a folder at all."""
    shutil.rmtree(root)
    choice = rng.randrange(3)
    if choice == 0:
        root.write_text("a file\n")
    elif choice == 1:
        os.mkfifo(root)
    else:
        root.symlink_to("/dev/zero")
    return f"content folder replaced ({choice})"


MUTATIONS: tuple[tuple[Mutation, int], ...] = (
    (empty_value, 8),
    (delete_line, 5),
    (duplicate_line, 5),
    (wrong_type, 6),
    (invalid_date, 5),
    (huge_value, 3),
    (deep_nesting, 3),
    (alias_bomb, 4),
    (control_in_value, 5),
    (control_in_key, 3),
    (raw_control_bytes, 3),
    (hostile_file_name, 3),
    (binary_junk, 3),
    (truncate, 3),
    (encoding, 3),
    (delete_file, 3),
    (fifo, 2),
    (special_link, 3),
    (duplicate_ids, 5),
    (many_files, 1),
    (yaml_specials, 5),
    (front_matter, 3),
    (huge_file, 2),
    (break_links, 4),
    (replace_root, 1),
)


def build_case(seed: int, target: Path) -> list[str]:
    """Copy a valid folder to `target` and apply one to three seeded mutations."""
    rng = random.Random(seed)
    base = bundled_content_dir() if rng.random() < BUNDLED_SHARE else MINIMAL
    shutil.copytree(base, target)
    functions = [m for m, _weight in MUTATIONS]
    weights = [weight for _m, weight in MUTATIONS]
    count = rng.choice((1, 1, 1, 2, 2, 3))
    return [rng.choices(functions, weights)[0](rng, target) for _ in range(count)]


# -- running one folder ---------------------------------------------------------------
class CaseTimeout(BaseException):
    """A case ran past HARD_STOP_S (a BaseException, so that no `except Exception` hides it)."""


@contextmanager
def _hard_stop(seconds: float) -> Iterator[None]:
    """Interrupt a hung case (a blocking open, an endless loop) with SIGALRM."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(_signum: int, _frame: object) -> None:
        raise CaseTimeout(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _peak_memory() -> int:
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * scale


class _LogRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Run:
    """What one command did with one folder."""

    command: str
    code: int | None = None
    output: str = ""
    seconds: float = 0.0
    memory_growth: int = 0
    escaped_exception: str = ""
    logged_tracebacks: int = 0


COMMANDS: dict[str, Callable[[Path | None, Any], int]] = {
    "check": content_commands.check,
    "list": content_commands.list_entries,
    "report": content_commands.report,
}


def run_in_process(command: str, root: Path) -> Run:
    """Run one content command on a folder here, timed, with memory and logging watched."""
    run = Run(command)
    out = io.StringIO()
    records = _LogRecords()
    logging.getLogger().addHandler(records)
    before = _peak_memory()
    start = time.perf_counter()
    try:
        with _hard_stop(HARD_STOP_S):
            run.code = COMMANDS[command](root, out)
    except CaseTimeout as exc:
        run.escaped_exception = f"hang: {exc}"
    except BaseException as exc:
        run.escaped_exception = f"{type(exc).__name__}: {str(exc)[:200]}"
    finally:
        run.seconds = time.perf_counter() - start
        run.memory_growth = _peak_memory() - before
        logging.getLogger().removeHandler(records)
    run.output = out.getvalue()
    run.logged_tracebacks = sum(1 for r in records.records if r.exc_info)
    return run


def run_command_line(root: Path, timeout: float = 2 * COMMAND_LINE_TIME_LIMIT_S) -> Run:
    """`python -m desktop_app content check --content DIR`, with a timeout and RLIMIT_AS."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (SUBPROCESS_ADDRESS_SPACE, SUBPROCESS_ADDRESS_SPACE))

    run = Run("command line")
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop_app",
                "content",
                "check",
                "--content",
                os.fsencode(root),
            ],
            capture_output=True,
            timeout=timeout,
            cwd=ROOT,
            preexec_fn=limit_memory,
        )
    except subprocess.TimeoutExpired:
        run.escaped_exception = f"hang: no answer after {timeout:g} s"
        run.seconds = time.perf_counter() - start
        return run
    run.seconds = time.perf_counter() - start
    run.code = done.returncode
    run.output = done.stdout.decode("utf-8", "surrogateescape")
    stderr = done.stderr.decode("utf-8", "surrogateescape")
    if stderr.strip():
        run.escaped_exception = f"wrote to stderr: {stderr.strip()[-300:]}"
    return run


# -- what every answer must look like -------------------------------------------------
_PROBLEM_REST = re.compile(r"^(?P<line>[0-9]+): (?P<field>\S.*?): (?P<message>\S.*)$")
_INTERNAL = "internal error"


def allowed_paths(root: Path) -> list[str]:
    """The folder, the entries it should hold and every entry it does hold, as printed."""
    paths = {str(root), *(str(root / name) for name in EXPECTED_ENTRIES)}
    if root.is_dir() and not root.is_symlink():
        for directory, subdirs, names in os.walk(root):
            for name in [*subdirs, *names]:
                paths.add(os.path.join(directory, name))
    return sorted((escaped(p) for p in paths), key=len, reverse=True)


def problem_line_failures(line: str, paths: list[str]) -> list[str]:
    """Why one output line is not `path:line: field: message` about a path in the folder."""
    for path in paths:
        if line.startswith(path + ":"):
            match = _PROBLEM_REST.match(line[len(path) + 1 :])
            if match is None:
                return [f"not path:line: field: message: {line[:160]!r}"]
            if int(match.group("line")) < 1:
                return [f"line number below 1: {line[:160]!r}"]
            if _INTERNAL in match.group("message"):
                return [f"internal error: {line[:200]!r}"]
            return []
    return [f"names no path in the folder: {line[:160]!r}"]


def output_failures(run: Run, paths: list[str], root: Path) -> list[str]:
    """Everything wrong with one command's answer, each as `[kind] command: what`."""
    name = run.command
    failures = []
    if run.escaped_exception:
        kind = "hang" if run.escaped_exception.startswith("hang") else "crash"
        failures.append(f"[{kind}] {name}: {run.escaped_exception}")
    if run.logged_tracebacks:
        failures.append(f"[traceback] {name}: logged {run.logged_tracebacks} traceback(s)")
    limit = COMMAND_LINE_TIME_LIMIT_S if name == "command line" else TIME_LIMIT_S
    if run.seconds > limit:
        failures.append(f"[hang] {name}: took {run.seconds:.1f} s")
    if run.memory_growth > MEMORY_LIMIT_BYTES:
        failures.append(f"[memory] {name}: peak memory grew {run.memory_growth / 2**20:.0f} MB")
    if "Traceback" in run.output:
        failures.append(f"[traceback] {name}: traceback in the output")
    raw = sorted({c for c in run.output if c != "\n" and _unsafe(c)})
    if raw:
        failures.append(f"[bad output] {name}: raw control characters {raw!r}")
    if run.code is None:
        return failures
    if run.code not in (0, 1):
        failures.append(f"[crash] {name}: exit code {run.code}")
    lines = run.output.splitlines()
    if name in ("check", "command line"):
        failures += [f"{name}: {f}" for f in _check_lines(run.code, lines, paths, root)]
    elif name == "list":
        failures += [f"{name}: {f}" for f in _list_lines(run.code, lines, paths)]
    return [f if f.startswith("[") else _tag_line_failure(f) for f in failures]


def _tag_line_failure(failure: str) -> str:
    kind = "traceback" if _INTERNAL in failure else "bad output"
    return f"[{kind}] {failure}"


def _check_lines(code: int, lines: list[str], paths: list[str], root: Path) -> list[str]:
    if code == 0:
        if len(lines) != 1 or not lines[0].startswith(f"{escaped(str(root))}: OK: "):
            return [f"check: exit 0 without exactly one OK line: {lines[:3]!r}"]
        return []
    if not lines:
        return ["check: exit 1 without a problem line"]
    return [f for line in lines for f in problem_line_failures(line, paths)][:5]


def _list_lines(code: int, lines: list[str], paths: list[str]) -> list[str]:
    if code == 0:
        bad = [line for line in lines if not re.match(r"^(site|option) \S+ \S", line)]
        return [f"list: odd line {line[:120]!r}" for line in bad[:3]]
    if not lines:
        return ["list: exit 1 without a problem line"]
    return [f for line in lines for f in problem_line_failures(line, paths)][:5]


# -- a folder that loads must be whole and consistent ---------------------------------
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser the program uses


def _read_small_yaml(path: Path) -> Any:
    """Parse one file of a folder that loaded (so it is small, regular UTF-8)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".md":
        text = text.split("---", 2)[1]
    return yaml.load(text, Loader=_YAML_LOADER)


def _count(data: Any, key: str) -> int:
    items = data.get(key) if isinstance(data, dict) else None
    return len(items) if isinstance(items, list) else -1


def dropped_items(root: Path, library: ContentLibrary) -> list[str]:
    """Items in the files that are missing from a library loaded without errors."""
    failures = []
    for folder, loaded in (("sites", len(library.sites)), ("options", len(library.options))):
        on_disk = len([n for n in os.listdir(root / folder) if n.endswith(".md")])
        if on_disk != loaded:
            failures.append(f"{folder}: {on_disk} files but {loaded} loaded")
    expected = {
        ("glossary.yaml", "terms"): len(library.glossary),
        ("questions.yaml", "questions"): len(library.general_questions),
        ("sources.yaml", "sources"): len(library.sources),
    }
    for (name, key), loaded in expected.items():
        listed = _count(_read_small_yaml(root / name), key)
        if listed != loaded:
            failures.append(f"{name}: {listed} {key} listed but {loaded} loaded")
    for site in library.sites:
        listed = _count(_read_small_yaml(site.path), "questions")
        if listed != len(site.questions):
            failures.append(f"{site.id}: {listed} questions listed, {len(site.questions)} loaded")
    return failures


def library_failures(library: ContentLibrary) -> list[str]:
    """What the program window would stumble over (a KeyError, an empty title...)."""
    failures = []
    site_ids = set(library.site_ids)
    for site in library.sites:
        missing = [oid for oid in site.option_ids if oid not in library.options]
        if missing or not site.option_ids:
            failures.append(f"site {site.id}: options {missing or 'none'} not loaded")
        failures += [
            f"site {site.id}: source {s} unknown"
            for s in site.source_ids
            if s not in library.sources
        ]
        if not site.title.strip() or not site.summary.strip():
            failures.append(f"site {site.id}: empty title or summary")
    for option in library.options.values():
        if not set(option.site_ids) <= site_ids or not option.title.strip():
            failures.append(f"option {option.id}: unknown sites or empty title")
        unknown = set(option.source_ids) - set(library.sources)
        if unknown:
            failures.append(f"option {option.id}: sources {sorted(unknown)} unknown")
    question_ids = [q.id for q in library.all_questions]
    if len(question_ids) != len(set(question_ids)):
        failures.append("a question id is used twice")
    forms = [f.casefold() for term in library.glossary for f in {*term.all_forms}]
    if len(forms) != len(set(forms)):
        failures.append("a glossary word belongs to two terms")
    meta = library.meta
    if not all(s.strip() for s in (meta.version, meta.title, meta.disclaimer, meta.language)):
        failures.append("meta: an empty field")
    if not library.reviews:
        failures.append("no review dates")
    texts = [meta.title, meta.disclaimer, *(s.title for s in library.sites)]
    texts += [o.title for o in library.options.values()]
    texts += [row.text for o in library.options.values() for row in o.rows]
    if any(_unsafe(c) and c not in "\n\t" for text in texts for c in text):  # both fine in text
        failures.append("control characters in text the window shows")
    return failures


def loaded_failures(root: Path) -> list[str]:
    """Load the folder as the program window does and check what it would show."""
    try:
        with _hard_stop(HARD_STOP_S):
            result = load_content(root, readability=False)
    except CaseTimeout as exc:
        return [f"[hang] load_content: {exc}"]
    except BaseException as exc:
        return [f"[crash] load_content: {type(exc).__name__}: {str(exc)[:200]}"]
    library = result.library
    if library is None:
        return [] if result.errors else ["load_content: no library and no error"]
    failures = library_failures(library)
    if not result.errors:
        try:
            failures += dropped_items(root, library)
        except Exception as exc:
            failures.append(f"[oracle] cannot count the items: {type(exc).__name__}: {exc}")
    return failures


@dataclass
class CaseResult:
    """Everything found wrong with one generated folder."""

    seed: int
    mutations: list[str]
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def evaluate(seed: int, work: Path, report_too: bool) -> CaseResult:
    """Build one hostile folder and run check, list (and report) on it in this process."""
    root = work / f"case-{seed}"
    result = CaseResult(seed, build_case(seed, root))
    start = time.perf_counter()
    paths = allowed_paths(root)
    for command in ("check", "list", "report") if report_too else ("check", "list"):
        result.failures += output_failures(run_in_process(command, root), paths, root)
        if any(f.startswith("[hang]") for f in result.failures):
            break  # the other commands read the same files: they would hang as well
    else:
        result.failures += loaded_failures(root)
    result.seconds = time.perf_counter() - start
    _remove(root)
    return result


def _remove(root: Path) -> None:
    if root.is_symlink() or root.is_file() or (root.exists() and not root.is_dir()):
        root.unlink()
    elif root.exists():
        shutil.rmtree(root)


def classify(failure: str) -> str:
    """The kind of a failure: hang, crash, traceback, memory, bad output, unusable library."""
    return failure[1 : failure.index("]")] if failure.startswith("[") else "unusable library"


def run_cases(seeds: range, work: Path) -> list[CaseResult]:
    """Evaluate many seeds; the results of the cases that failed."""
    return [r for seed in seeds if (r := evaluate(seed, work, seed % 10 == 0)).failures]


def figures(failed: list[CaseResult], total: int) -> str:
    """One line: cases, then failed cases by their first kind of failure."""
    kinds: dict[str, int] = {}
    for case in failed:
        kind = classify(case.failures[0])
        kinds[kind] = kinds.get(kind, 0) + 1
    detail = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    return f"{total} folders, {len(failed)} failed" + (f" ({detail})" if detail else "")


def describe(failed: list[CaseResult]) -> str:
    """The failures, one case a paragraph, to read in a test report."""
    return "\n".join(
        f"seed {c.seed}: {c.mutations}\n    " + "\n    ".join(c.failures[:6]) for c in failed[:20]
    )


# -- fixed regressions: each defect found, as a small builder -------------------------
def _replace(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _link(root: Path, file: str, target: str) -> None:
    (root / file).unlink()
    (root / file).symlink_to(target)


def _fifo(root: Path, file: str) -> None:
    (root / file).unlink()
    os.mkfifo(root / file)


REGRESSIONS: dict[str, tuple[Callable[[Path], object], str]] = {
    # (break the minimal fixture, a part of the expected problem line)
    "empty site title": (
        lambda r: _replace(r, "sites/spine.md", "title: The spine", "title:"),
        "sites/spine.md:3: title: is empty.",
    ),
    "blank option title": (
        lambda r: _replace(r, "options/opt-rays.md", "title: Option rays", "title: '   '"),
        "options/opt-rays.md:3: title: is empty.",
    ),
    "null meta title": (
        lambda r: _replace(r, "meta.yaml", "title: Test content", "title: ~"),
        "meta.yaml:3: title: is empty.",
    ),
    "month 13 in a review date": (
        lambda r: _replace(r, "sites/bone.md", "reviewed: 2026-01-01", "reviewed: 2026-13-01"),
        "sites/bone.md:5: reviewed: 2026-13-01 is not a real date",
    ),
    "30 February": (
        lambda r: _replace(
            r, "glossary.yaml", "next_review: 2099-01-01", "next_review: 2099-02-30"
        ),
        "glossary.yaml:2: next_review: 2099-02-30 is not a real date",
    ),
    "recursive alias": (
        lambda r: _replace(r, "sites/bone.md", "symptoms:\n", "symptoms: &a [*a]\nx:\n"),
        "sites/bone.md:8: symptoms: ",
    ),
    "billion laughs": (
        lambda r: (r / "glossary.yaml").write_text(billion_laughs(9, 9)),
        "glossary.yaml:3: a2[1]: uses more aliases (*name) than the limit of 10",
    ),
    "FIFO as a content file": (
        lambda r: _fifo(r, "questions.yaml"),
        "questions.yaml:1: (file): is not a regular file",
    ),
    "link to /dev/zero": (
        lambda r: _link(r, "sites/spine.md", "/dev/zero"),
        "sites/spine.md:1: (file): is not a regular file",
    ),
    "50 MB disclaimer": (
        lambda r: _replace(
            r, "meta.yaml", "disclaimer: This", "disclaimer: " + "x" * 50_000_000 + " This"
        ),
        "meta.yaml:1: (file): is 50000149 bytes; the limit is 1000000 bytes.",
    ),
    "long disclaimer within the file limit": (
        lambda r: _replace(
            r, "meta.yaml", "disclaimer: This", "disclaimer: " + "Talk. " * 2_000 + "This"
        ),
        "meta.yaml:6: disclaimer: is 12039 characters long; the limit is 5000",
    ),
    "deep nesting": (
        lambda r: _replace(r, "sources.yaml", "year: 2024", "year: " + "[" * 500 + "]" * 500),
        "sources.yaml:6: sources[0].year: is nested more than 10 levels deep.",
    ),
    "question id twice in questions.yaml": (
        lambda r: (r / "questions.yaml").write_text(
            (r / "questions.yaml").read_text() + "  - id: q-choices\n    text: Again?\n"
        ),
        'questions.yaml:6: questions[1].id: duplicate question id "q-choices"',
    ),
    "duplicate YAML key": (
        lambda r: _replace(r, "sites/bone.md", "order: 1\n", "order: 1\norder: 2\n"),
        "sites/bone.md:5: order: appears twice",
    ),
    "glossary form under two terms": (
        lambda r: (r / "glossary.yaml").write_text(
            (r / "glossary.yaml").read_text()
            + "  - id: rays\n    term: Radiation therapy\n    meaning: Strong rays. You do not feel them.\n"
        ),
        'glossary.yaml:9: terms[1].term: "Radiation therapy" is already a word of the term "radiotherapy"',
    ),
    "ANSI escape in a value": (
        lambda r: _replace(
            r, "sites/bone.md", "title: The bone", 'title: "\\e[31mThe bone\\e]0;x\\a"'
        ),
        "sites/bone.md:3: title: contains the control character \\x1b",
    ),
    "escape and newline in a key": (
        lambda r: _replace(r, "meta.yaml", "language: en\n", 'language: en\n"\\e[2J\\nkey": 1\n'),
        'meta.yaml:3: \\x1b[2J\\nkey: unknown field "\\x1b[2J\\nkey"',
    ),
    "control characters in a file name": (
        lambda r: (r / "sites" / "bone.md").rename(r / "sites" / "bo\x1b[31m\nne.md"),
        'sites/bo\\x1b[31m\\nne.md:2: id: "bone" does not match the file name',
    ),
}

# Seeds whose folders failed on the loader before the fixes: (seed, what broke, how it failed).
FAILED_BEFORE: tuple[tuple[int, str], ...] = (
    (4, "sources.yaml is a FIFO: check hung"),
    (31, "an option is a link to /dev/zero: memory grew 1.9 GB, then a traceback"),
    (119, "a site is a link to /dev/urandom: hung"),
    (371, "billion laughs in an option: memory grew 620 MB, hung"),
    (336, "250 more site files and a FIFO among them: hung"),
    (417, "a 2 MB title: check hung scoring it"),
    (410, "meta.yaml title: null: AssertionError in check, list printed nothing"),
    (489, "meta.yaml cut off: AssertionError in check"),
    (420, "reviewed: 2026-02-30: traceback; report crashed with ValueError"),
    (290, "level: !!timestamp nope: traceback; report crashed with AttributeError"),
    (118, "next_review: 2026-01-01 25:00:00: traceback"),
    (477, "reviewed: 2026-00-10: traceback"),
    (274, "next_review: &a [*a]: traceback (endless recursion)"),
    (474, "summary: &b {x: *b}: traceback"),
    (52, "an id of 5,000 digits: traceback"),
    (69, "a question id twice in questions.yaml: accepted"),
    (94, "a glossary word under two terms: accepted"),
    (192, "summary: ~: the site dropped without a word"),
    (468, "a blank row text: the option dropped, its sites still list it (KeyError)"),
    (328, "backspaces in the disclaimer: accepted, shown on screen"),
    (6, "a newline in a key: the problem line broken in two"),
    (28, "a raw BEL byte: the YAML message on two lines, without the position's line"),
    (86, "an escape sequence in a file name: printed raw"),
    (48, "a carriage return in a file name: printed raw"),
    (238, "a carriage return in version: printed raw in the OK line"),
    (364, "an ANSI escape in a key: printed raw"),
    (4418, "questions.yaml cut after 'questions:': no questions, and no word about it"),
)


# -- the tests ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(REGRESSIONS))
def test_each_defect_found_gives_its_problem_line(tmp_path: Path, name: str) -> None:
    builder, expected = REGRESSIONS[name]
    root = tmp_path / "content"
    shutil.copytree(MINIMAL, root)
    builder(root)
    paths = allowed_paths(root)
    runs = [run_in_process(command, root) for command in ("check", "list")]
    failures = [f for run in runs for f in output_failures(run, paths, root)]
    failures += loaded_failures(root)
    assert failures == []
    assert runs[0].code == 1
    assert f"{escaped(str(root))}/{expected}" in runs[0].output, runs[0].output


@pytest.mark.parametrize(("seed", "what"), FAILED_BEFORE)
def test_seeds_that_failed_before_now_pass(tmp_path: Path, seed: int, what: str) -> None:
    result = evaluate(seed, tmp_path, report_too=True)
    assert result.failures == [], (what, result.mutations)


def test_hostile_folders_in_process(tmp_path: Path) -> None:
    failed = run_cases(range(CASES), tmp_path)
    assert failed == [], figures(failed, CASES) + "\n" + describe(failed)


COMMAND_LINE_REGRESSIONS = (
    "empty site title",
    "null meta title",
    "month 13 in a review date",
    "recursive alias",
    "billion laughs",
    "FIFO as a content file",
    "link to /dev/zero",
    "50 MB disclaimer",
    "deep nesting",
    "ANSI escape in a value",
    "escape and newline in a key",
    "control characters in a file name",
)


def _command_line_cases() -> list[str]:
    return [*COMMAND_LINE_REGRESSIONS, *(f"seed {s}" for s in COMMAND_LINE_SEEDS)]


def _build_command_line_case(case: str, root: Path) -> None:
    if case.startswith("seed "):
        build_case(int(case.split()[1]), root)
    else:
        shutil.copytree(MINIMAL, root)
        REGRESSIONS[case][0](root)


def test_hostile_folders_through_the_command_line(tmp_path: Path) -> None:
    cases = _command_line_cases()
    roots = [tmp_path / f"cli-{index}" for index in range(len(cases))]
    for case, root in zip(cases, roots, strict=True):
        _build_command_line_case(case, root)
    with ThreadPoolExecutor(max_workers=COMMAND_LINE_WORKERS) as pool:
        runs = list(pool.map(run_command_line, roots))
    failures = {
        case: output_failures(run, allowed_paths(root), root)
        for case, run, root in zip(cases, runs, roots, strict=True)
    }
    assert {case: found for case, found in failures.items() if found} == {}
    assert [run.code for run in runs[: len(COMMAND_LINE_REGRESSIONS)]] == [1] * len(
        COMMAND_LINE_REGRESSIONS
    )


def main() -> None:
    """`python -m tests.unit.test_hostile_content START STOP [WORK]`: one JSON line a seed.

    For measuring a loader that may hang or run out of memory, run each seed this way
    in its own process, with a timeout and a memory limit: the figures above were taken
    so, on the code before the fixes.
    """
    start, stop = int(sys.argv[1]), int(sys.argv[2])
    work = Path(sys.argv[3]) if len(sys.argv) > 3 else Path.cwd()
    for seed in range(start, stop):
        result = evaluate(seed, work, report_too=seed % 10 == 0)
        print(
            json.dumps({"seed": seed, "mutations": result.mutations, "failures": result.failures})
        )


if __name__ == "__main__":
    main()
