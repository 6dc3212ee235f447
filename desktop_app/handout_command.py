"""`mbc-guide handout ...`: write the same PDF the program window makes.

Every failure is one line on stderr saying what is wrong and where, never a traceback
and never the patient's text; the exit status says which kind (see EPILOG).
"""

from __future__ import annotations

import argparse
import datetime as dt
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.handout.user_text import (
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    MAX_OWN_QUESTION_LENGTH,
    MAX_OWN_QUESTIONS,
)

if TYPE_CHECKING:
    from desktop_app.config import ClinicConfig
    from desktop_app.content.model import ContentLibrary
    from desktop_app.handout.builder import RenderedHandout
    from desktop_app.handout.request import HandoutRequest

WRITTEN = 0
"""The PDF was written (notes about replaced characters may be on stderr)."""
FAILED = 1
"""A file could not be read or written, or the handout could not be laid out."""
BAD_REQUEST = 2
"""The command line asks for something wrong: usage, unknown ids, text over a limit."""

MAX_NOTES_BYTES = 4 * MAX_NOTES_LENGTH + 1024
"""A notes file larger than this cannot hold MAX_NOTES_LENGTH characters of UTF-8 text."""

EPILOG = f"""\
limits (longer text is refused with exit status 2, never cut):
  --name, --prepared-by     at most {MAX_NAME_LENGTH} characters each
  --own-question            at most {MAX_OWN_QUESTIONS} questions of \
{MAX_OWN_QUESTION_LENGTH} characters each
  --notes-file              at most {MAX_NOTES_LENGTH:,} characters (a file of at most \
{MAX_NOTES_BYTES // 1024} KB)
Characters the handout font cannot print (emoji, for example) print as U+FFFD, and a
line on stderr names the field; control characters are left out. --notes-file must
be an ordinary file or '-' (standard input). --out must be a new name or an existing,
writable ordinary file: a folder, device, pipe or symbolic link is refused.

exit status:
  0    the PDF was written
  1    a file could not be read or written (content, notes file, --out), or the
       handout could not be laid out; an existing --out file is left as it was
  2    wrong command line: a usage error, an unknown id, or text over a limit
  141  standard output was closed early (as by `| head`)
"""


class _Refused(Exception):
    """Stops the command: one message for stderr and the exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD"
        ) from None


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `handout` command."""
    parser = commands.add_parser(
        "handout",
        help="write a handout PDF",
        description="Write a personalised handout PDF. Repeat --site, --compare, --discussed,\n"
        "--question and --own-question as often as needed; `mbc-guide content list`\n"
        "shows the ids.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    repeated = (
        ("--site", "sites", "ID", "a body site to include"),
        ("--compare", "compare", "OPTION-ID", "an option for the comparison table"),
        ("--discussed", "discussed", "OPTION-ID", "an option you talked about"),
        ("--question", "questions", "ID", "a suggested question to include"),
        (
            "--own-question",
            "own_questions",
            "TEXT",
            f"a question of your own (at most {MAX_OWN_QUESTION_LENGTH} characters)",
        ),
    )
    for flag, dest, metavar, help_text in repeated:
        parser.add_argument(
            flag, dest=dest, metavar=metavar, action="append", default=[], help=help_text
        )
    parser.add_argument(
        "--name",
        default="",
        metavar="TEXT",
        help=f"the patient's name (at most {MAX_NAME_LENGTH} characters)",
    )
    parser.add_argument(
        "--prepared-by",
        default="",
        metavar="TEXT",
        help=f"who prepared it (at most {MAX_NAME_LENGTH} characters)",
    )
    parser.add_argument(
        "--notes-file",
        type=Path,
        metavar="PATH",
        help=f"clinician notes, UTF-8 text of at most {MAX_NOTES_LENGTH:,} characters ('-': stdin)",
    )
    parser.add_argument(
        "--page-size",
        choices=("a4", "letter"),
        help="default: page_size in the clinic settings, else a4",
    )
    parser.add_argument("--large-print", action="store_true", help="body text at 16 pt")
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="default: today")
    parser.add_argument(
        "--content", metavar="DIR", type=Path, help="use the content in DIR instead of the bundled"
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PATH",
        help="the PDF to write: a new name or an existing ordinary file",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        type=Path,
        default=argparse.SUPPRESS,  # keeps a --config given before `handout`
        help="clinic settings (name, logo, phone, footer, page size); default: the "
        "platform's config folder",
    )


def _say(message: object) -> None:
    """One line on stderr; control characters and bad bytes in paths shown escaped."""
    from desktop_app.config import printable

    print(printable(str(message)), file=sys.stderr)


# -- the notes ---------------------------------------------------------------
def _notes_bytes(path: Path) -> bytes:
    """The notes file's bytes: an ordinary file, or standard input, never more than the cap."""
    from desktop_app.config import FileRefused, read_regular_file

    if str(path) == "-":
        return _stdin_bytes()
    try:
        return read_regular_file(path, MAX_NOTES_BYTES)
    except FileRefused as exc:
        if _too_large(path):
            raise _Refused(
                f"{path}: the notes file is larger than {MAX_NOTES_BYTES // 1024} KB; notes "
                f"may be at most {MAX_NOTES_LENGTH:,} characters. Shorten them.",
                BAD_REQUEST,
            ) from None
        raise _Refused(f"{path}: cannot use the notes file: {exc}.", FAILED) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _Refused(
            f"{path}: cannot read the notes file ({reason}). Check the path.", FAILED
        ) from None


def _too_large(path: Path) -> bool:
    """Whether an ordinary file is over the notes cap (a text over its limit: status 2)."""
    try:
        info = path.stat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > MAX_NOTES_BYTES


def _stdin_bytes() -> bytes:
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", False):
        raise _Refused(
            "--notes-file -: standard input is closed, so there are no notes to read. "
            "Pipe the notes in or name a file.",
            FAILED,
        )
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data: bytes = buffer.read(MAX_NOTES_BYTES + 1)
        else:  # a text stream without bytes underneath (tests)
            data = stream.read(MAX_NOTES_BYTES + 1).encode("utf-8", "surrogateescape")
    except (OSError, ValueError) as exc:
        raise _Refused(f"--notes-file -: cannot read standard input ({exc}).", FAILED) from None
    if len(data) > MAX_NOTES_BYTES:
        raise _Refused(
            f"--notes-file -: the notes are larger than {MAX_NOTES_BYTES // 1024} KB; "
            f"notes may be at most {MAX_NOTES_LENGTH:,} characters. Shorten them.",
            BAD_REQUEST,
        )
    return data


def _read_notes(path: Path | None) -> str:
    """The notes as text ("" without --notes-file); raises _Refused with the reason."""
    if path is None:
        return ""
    data = _notes_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _Refused(
            f"{path}: the notes file is not UTF-8 text. Save it as UTF-8.", FAILED
        ) from None
    if "\x00" in text:
        raise _Refused(f"{path}: the notes file holds NUL bytes: it is not a text file.", FAILED)
    return text


# -- the request -------------------------------------------------------------
def _length_problems(request: HandoutRequest, notes_source: str) -> list[str]:
    """What is over a limit, naming the option (never quoting the text)."""
    problems = []
    for flag, text, limit in (
        ("--name", request.patient_name, MAX_NAME_LENGTH),
        ("--prepared-by", request.prepared_by, MAX_NAME_LENGTH),
        (notes_source, request.notes, MAX_NOTES_LENGTH),
    ):
        length = len(text.rstrip())
        if length > limit:
            problems.append(
                f"{flag}: the text is {length:,} characters long; the limit is {limit:,}. "
                "Shorten it."
            )
    questions = [q for q in request.own_questions if q.strip()]
    for number, question in enumerate(questions, 1):
        length = len(question.rstrip())
        if length > MAX_OWN_QUESTION_LENGTH:
            problems.append(
                f"--own-question (number {number}): the question is {length:,} characters "
                f"long; the limit is {MAX_OWN_QUESTION_LENGTH}. Shorten it."
            )
    if len(questions) > MAX_OWN_QUESTIONS:
        problems.append(
            f"--own-question: {len(questions)} questions given; the limit is "
            f"{MAX_OWN_QUESTIONS}. Leave some out."
        )
    return problems


def _config(args: argparse.Namespace) -> ClinicConfig:
    from desktop_app.config import load_or_default

    config, config_problems = load_or_default(getattr(args, "config", None))
    for config_problem in config_problems:  # a broken setting keeps its default
        _say(config_problem)
    return config


def _request(args: argparse.Namespace, notes: str, config: ClinicConfig) -> HandoutRequest:
    from desktop_app.handout.request import HandoutRequest, PageSize

    return HandoutRequest(
        site_ids=tuple(args.sites),
        compared_option_ids=tuple(args.compare),
        discussed_option_ids=tuple(args.discussed),
        question_ids=tuple(args.questions),
        own_questions=tuple(args.own_questions),
        patient_name=args.name,
        prepared_by=args.prepared_by,
        date=args.date or dt.date.today(),
        notes=notes,
        page_size=PageSize(args.page_size or config.page_size),
        large_print=args.large_print,
        clinic=config.clinic_details(),
    )


def _check_ids(library: ContentLibrary, request: HandoutRequest) -> None:
    from desktop_app.handout.request import unknown_ids, valid_ids

    bad = unknown_ids(library, request)
    if not bad:
        return
    valid = valid_ids(library)
    lines = []
    for kind, ids in bad.items():
        lines.append(f"unknown {kind} id: {', '.join(ids)}")
        lines.append(f"  valid {kind} ids: {', '.join(valid[kind])}")
    raise _Refused("\n".join(lines), BAD_REQUEST)


def _library(content: Path | None) -> ContentLibrary:
    from desktop_app.content.cache import default_cache_dir, load_content_cached
    from desktop_app.resources import bundled_content_dir

    content = content or bundled_content_dir()
    result = load_content_cached(content, default_cache_dir())
    if result.library is None:
        raise _Refused("\n".join(str(problem) for problem in result.errors), FAILED)
    return result.library


# -- the command -------------------------------------------------------------
def _check_out(path: Path) -> None:
    from desktop_app.handout.save import refusal

    problem = refusal(path)
    if problem is not None:
        raise _Refused(problem, FAILED)


def _render(library: ContentLibrary, request: HandoutRequest) -> RenderedHandout:
    from desktop_app.handout.builder import HandoutError, render_handout
    from desktop_app.resources import ResourceNotFoundError

    try:
        return render_handout(library, request)
    except (HandoutError, ResourceNotFoundError) as exc:
        raise _Refused(str(exc), FAILED) from None


def _save(path: Path, data: bytes) -> None:
    from desktop_app.handout.save import SaveError, write_pdf_atomically

    try:
        write_pdf_atomically(path, data)
    except SaveError as exc:
        raise _Refused(exc.message, FAILED) from None


def _write_handout(args: argparse.Namespace) -> None:
    from desktop_app.config import printable

    _check_out(args.out)  # before any work: a device or a link is never written
    notes = _read_notes(args.notes_file)
    config = _config(args)
    request = _request(args, notes, config)
    problems = _length_problems(request, f"--notes-file {args.notes_file}")
    if problems:
        raise _Refused("\n".join(problems), BAD_REQUEST)
    library = _library(args.content or config.content_folder)
    _check_ids(library, request)
    handout = _render(library, request)
    for notice in handout.field_notices:  # printed, but worth knowing (the builder logs
        _say(notice.message)  # its own notices, such as a logo left out, as warnings)
    _save(args.out, handout.data)
    size_kb = max(1, round(len(handout.data) / 1024))
    print(printable(f"wrote {args.out} ({handout.page_count} pages, {size_kb} KB)"))


def run(args: argparse.Namespace) -> int:
    """Run the `handout` command; returns WRITTEN, FAILED or BAD_REQUEST (see EPILOG)."""
    try:
        _write_handout(args)
    except _Refused as refused:
        for line in refused.message.splitlines():
            _say(line)
        return refused.status
    except BrokenPipeError:
        raise  # the command line's main handles it, for every command
    except Exception as exc:  # the last guard: one line, no traceback, no patient text
        _say(
            f"mbc-guide handout: the handout was not written: unexpected "
            f"{type(exc).__name__}. Please report this."
        )
        return FAILED
    return WRITTEN
