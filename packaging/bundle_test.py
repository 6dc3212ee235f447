"""Test a built bundle the way a clinic runs it: copied elsewhere, with no virtualenv.

    .venv/bin/python packaging/bundle_test.py dist/mbc-guide      (what `make bundle-test` runs)

The bundle folder is copied to a new temporary folder outside the repository and every
command runs there under `env -i` semantics: only HOME and XDG_CACHE_HOME (both fresh,
temporary), PATH=/usr/bin:/bin and, where asked, QT_QPA_PLATFORM. No PYTHONPATH, no
VIRTUAL_ENV, no LANG. It runs --version, content check and list, config init and check,
--smoke (offscreen, and on Xvfb when installed) and two handouts. Each answer is
compared with the source install's (`mbc-guide` beside this interpreter); the handout
PDFs are compared by their extracted text, page by page, with their metadata and
bookmarks (house style: content, not bytes).

Exit status 0 when every check passes, 1 otherwise; the last line reads
"bundle-test: N passed, N failed".
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[1]
TIMEOUT_S = 180
CLEAN_PATH = "/usr/bin:/bin"
# `content check` names the folder it checked, which differs between the two installs.
BUNDLED_CONTENT_PATH = re.compile(r"^/\S*?/_?resources/content/en\b", re.MULTILINE)

# One fixed handout with three sites, three options compared, notes and names in Latin,
# Greek and Cyrillic script, so that fonts and text handling are exercised too.
HANDOUT_ARGS = [
    "handout",
    "--site", "spine",
    "--site", "liver",
    "--site", "brain",
    "--compare", "spine-radiotherapy",
    "--compare", "spine-sbrt",
    "--compare", "spine-surgery",
    "--discussed", "spine-sbrt",
    "--question", "q-choices",
    "--question", "q-side-effects",
    "--own-question", "Can I keep working while I have treatment?",
    "--name", "Zoë Παπαδοπούλου-Иванова",
    "--prepared-by", "Dr Ana Müller",
    "--date", "2026-11-26",
]  # fmt: skip
HANDOUT_NOTES = "Next scan in 6 weeks.\nCall the nurse line about pain at night.\n"


@dataclass
class Outcome:
    """The checks run so far: names of those that passed, messages of those that failed."""

    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def check(self, name: str, problem: str | None) -> None:
        """Record one check; `problem` is None when it passed."""
        if problem is None:
            self.passed.append(name)
            print(f"ok    {name}")
        else:
            self.failed.append(name)
            print(f"FAIL  {name}\n{_indent(problem)}")


@dataclass
class Runner:
    """Runs one installation of mbc-guide (the bundle or the source install)."""

    command: list[str]
    env: dict[str, str]
    cwd: Path

    def run(self, args: Sequence[str], extra_env: dict[str, str] | None = None) -> Result:
        """Run the program with `args`; never raises for a failing program."""
        env = {**self.env, **(extra_env or {})}
        started = time.monotonic()
        try:
            done = subprocess.run(
                [*self.command, *args],
                env=env,
                cwd=self.cwd,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return Result(-1, "", f"no answer after {TIMEOUT_S} s", TIMEOUT_S)
        return Result(done.returncode, done.stdout, done.stderr, time.monotonic() - started)


@dataclass(frozen=True)
class Result:
    """What one run printed and returned."""

    code: int
    out: str
    err: str
    seconds: float

    def problem(self, expected_code: int = 0) -> str | None:
        """A description of the run when its exit code is not the expected one."""
        if self.code == expected_code:
            return None
        return (
            f"exit code {self.code} (expected {expected_code})\n"
            f"stdout:\n{self.out}\nstderr:\n{self.err}"
        )


def _indent(text: str) -> str:
    return "\n".join(f"      {line}" for line in text.rstrip().splitlines())


def _same(label: str, expected: str, actual: str) -> str | None:
    if expected == actual:
        return None
    diff = difflib.unified_diff(
        expected.splitlines(),
        actual.splitlines(),
        f"source: {label}",
        f"bundle: {label}",
        lineterm="",
    )
    return "\n".join(diff)


def pdf_summary(path: Path) -> str:
    """A PDF's content as comparable text: metadata, bookmarks, then each page's text."""
    reader = PdfReader(path)
    meta: dict[str, object] = dict(reader.metadata or {})
    lines = [f"pages: {len(reader.pages)}"]
    for key in ("/Title", "/Author", "/Subject"):
        lines.append(f"{key[1:].lower()}: {meta.get(key, '')}")
    lines.append(f"language: {reader.root_object.get('/Lang', '')}")

    def outline(items: Sequence[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                outline(item, depth + 1)
            else:
                lines.append(f"bookmark: {'  ' * depth}{getattr(item, 'title', item)}")

    outline(reader.outline, 0)
    for number, page in enumerate(reader.pages, start=1):
        lines.append(f"--- page {number} ---")
        lines.extend(line.rstrip() for line in page.extract_text().splitlines())
    return "\n".join(lines) + "\n"


def clean_env(root: Path, name: str) -> dict[str, str]:
    """An environment as `env -i HOME=... XDG_CACHE_HOME=... PATH=/usr/bin:/bin` gives."""
    home = root / f"home-{name}"
    cache = root / f"cache-{name}"
    home.mkdir()
    cache.mkdir()
    return {"HOME": str(home), "XDG_CACHE_HOME": str(cache), "PATH": CLEAN_PATH}


def files_under(folder: Path) -> list[str]:
    """Every file below `folder`, relative to it."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def source_command() -> list[str]:
    """The source install's `mbc-guide`, beside the interpreter running this script."""
    script = Path(sys.executable).with_name("mbc-guide")
    if not script.exists():
        raise SystemExit(f"{script} is missing: run this with the project's .venv/bin/python.")
    return [str(script)]


def _bundled_content_named(text: str) -> str:
    """`text` with the path of the bundled content folder replaced by a fixed name."""
    return BUNDLED_CONTENT_PATH.sub("<bundled content>", text)


def run_checks(bundle: Runner, source: Runner, work: Path, outcome: Outcome) -> None:
    """Every check, in the order a clinic would meet them."""

    def compare(name: str, args: list[str]) -> Result:
        got = bundle.run(args)
        want = source.run(args)
        outcome.check(
            name,
            got.problem()
            or want.problem()
            or _same(name, _bundled_content_named(want.out), _bundled_content_named(got.out)),
        )
        return got

    compare("--version", ["--version"])
    checked = compare("content check", ["content", "check"])
    # The copy must read its own resources, not the repository's.
    own = str(bundle.cwd.parent / "mbc-guide" / "_internal" / "resources" / "content" / "en")
    outcome.check(
        "content read from the bundle's own folder",
        None if checked.out.startswith(own) else f"expected {own}, got:\n{checked.out}",
    )
    compare("content list", ["content", "list"])

    check_config(bundle, source, work, outcome)

    smoke = bundle.run(["--smoke"], {"QT_QPA_PLATFORM": "offscreen"})
    found = re.search(r"^startup_ms=(\d+)$", smoke.out, re.MULTILINE)
    outcome.check(
        "--smoke (offscreen)",
        smoke.problem() or (None if found else f"no startup_ms=<n> line in:\n{smoke.out}"),
    )
    if found:
        print(f"      startup_ms={found[1]} (whole process {smoke.seconds:.1f} s)")

    notes = work / "notes.txt"
    notes.write_text(HANDOUT_NOTES, encoding="utf-8")
    for label, extra in (
        ("A4", []),
        ("letter, large print", ["--page-size", "letter", "--large-print"]),
    ):
        pdfs = {}
        problems = []
        for who, runner in (("source", source), ("bundle", bundle)):
            out = work / f"handout-{who}-{len(extra)}.pdf"
            result = runner.run(
                [*HANDOUT_ARGS, *extra, "--notes-file", str(notes), "--out", str(out)]
            )
            if (problem := result.problem()) is not None:
                problems.append(f"{who}: {problem}")
            elif not out.is_file():
                problems.append(f"{who}: exit code 0 but no file at {out}")
            else:
                pdfs[who] = out
        if not problems:
            size = pdfs["bundle"].stat().st_size
            print(f"      {label}: {size // 1024} KB")
            diff = _same("handout", pdf_summary(pdfs["source"]), pdf_summary(pdfs["bundle"]))
            problems += [diff] if diff else []
        outcome.check(
            f"handout ({label}) text as the source install's", "\n".join(problems) or None
        )


def check_config(bundle: Runner, source: Runner, work: Path, outcome: Outcome) -> None:
    """The deploy path: `config init` writes the same example file, `config check` accepts it."""
    problems: list[str] = []
    written: dict[str, str] = {}
    checked: dict[str, str] = {}
    for who, runner in (("source", source), ("bundle", bundle)):
        path = work / f"config-{who}" / "config.toml"
        for args in (["config", "init", str(path)], ["config", "check", str(path)]):
            result = runner.run(args)
            if (problem := result.problem()) is not None:
                problems.append(f"{who}: {' '.join(args[:2])}: {problem}")
            elif args[1] == "check":
                checked[who] = result.out.replace(str(path), "<config>")
        if path.is_file():
            written[who] = path.read_text(encoding="utf-8")
    if not problems:
        problems += filter(None, [_same("config.toml", written["source"], written["bundle"])])
        problems += filter(None, [_same("config check", checked["source"], checked["bundle"])])
    outcome.check("config init and config check", "\n".join(problems) or None)


def check_xcb(bundle: Runner, outcome: Outcome) -> None:
    """--smoke on a real X server (Xvfb), as on a kiosk: loads the xcb plugin and its libraries."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        print("skip  --smoke (xcb under Xvfb): xvfb-run is not installed (Debian package xvfb)")
        return
    wrapped = Runner(
        [xvfb_run, "-a", "-s", "-screen 0 1280x800x24", *bundle.command], bundle.env, bundle.cwd
    )
    result = wrapped.run(["--smoke"], {"QT_QPA_PLATFORM": "xcb"})
    found = re.search(r"^startup_ms=(\d+)$", result.out, re.MULTILINE)
    outcome.check(
        "--smoke (xcb under Xvfb)",
        result.problem() or (None if found else f"no startup_ms=<n> line in:\n{result.out}"),
    )


SYSTEM_FILES = (".dbus/session-bus/",)
"""Written by the system, not the program: with dbus-x11 installed, an X11 program with no
session bus makes D-Bus start one and note its address under ~/.dbus/session-bus/."""


def check_nothing_kept(homes: list[Path], outcome: Outcome) -> None:
    """The program wrote nothing into HOME: only the cache folder may hold files."""
    written = [
        f"{home.name}/{name}"
        for home in homes
        for name in files_under(home)
        if not name.startswith(SYSTEM_FILES)
    ]
    outcome.check("nothing written to HOME", "\n".join(written) if written else None)


def main(argv: Sequence[str] | None = None) -> int:
    """Copy the bundle out of the repository, run every check, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder, e.g. dist/mbc-guide")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    bundle_dir = args.bundle.resolve()
    executable = bundle_dir / "mbc-guide"
    if not executable.is_file():
        print(f"{executable} is missing: build the bundle first (make bundle).", file=sys.stderr)
        return 1

    root = Path(tempfile.mkdtemp(prefix="mbc-guide-bundle-test-"))
    if root.is_relative_to(REPO):
        print(f"{root} is inside the repository: set TMPDIR outside it.", file=sys.stderr)
        return 1
    outcome = Outcome()
    try:
        copy = root / "mbc-guide"
        started = time.monotonic()
        shutil.copytree(bundle_dir, copy, symlinks=True)
        print(f"copied {bundle_dir} to {copy} in {time.monotonic() - started:.1f} s")
        work = root / "work"
        work.mkdir()
        bundle_env = clean_env(root, "bundle")
        source_env = {**os.environ, **clean_env(root, "source")}
        bundle = Runner([str(copy / "mbc-guide")], bundle_env, work)
        source = Runner(source_command(), source_env, work)
        run_checks(bundle, source, work, outcome)
        check_xcb(bundle, outcome)
        check_nothing_kept([Path(bundle_env["HOME"])], outcome)
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print(f"bundle-test: {len(outcome.passed)} passed, {len(outcome.failed)} failed")
    return 1 if outcome.failed else 0


if __name__ == "__main__":
    sys.exit(main())
