"""`mbc-guide handout ...`: write the same PDF the program window makes."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


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
        description="Write a personalised handout PDF. Repeat --site, --compare, --discussed, "
        "--question and --own-question as often as needed; `mbc-guide content list` shows the ids.",
    )
    repeated = (
        ("--site", "sites", "ID", "a body site to include"),
        ("--compare", "compare", "OPTION-ID", "an option for the comparison table"),
        ("--discussed", "discussed", "OPTION-ID", "an option you talked about"),
        ("--question", "questions", "ID", "a suggested question to include"),
        ("--own-question", "own_questions", "TEXT", "a question of your own"),
    )
    for flag, dest, metavar, help_text in repeated:
        parser.add_argument(
            flag, dest=dest, metavar=metavar, action="append", default=[], help=help_text
        )
    parser.add_argument("--name", default="", metavar="TEXT", help="the patient's name")
    parser.add_argument("--prepared-by", default="", metavar="TEXT", help="who prepared it")
    parser.add_argument(
        "--notes-file", type=Path, metavar="PATH", help="clinician notes, UTF-8 text ('-': stdin)"
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
    parser.add_argument("--out", type=Path, required=True, metavar="PATH", help="the PDF to write")
    parser.add_argument(
        "--config",
        metavar="PATH",
        type=Path,
        default=argparse.SUPPRESS,  # keeps a --config given before `handout`
        help="clinic settings (name, logo, phone, footer, page size); default: the "
        "platform's config folder",
    )


def _read_notes(path: Path | None) -> str | None:
    if path is None:
        return ""
    try:
        return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        print(f"{path}: the notes file is not UTF-8 text. Save it as UTF-8.", file=sys.stderr)
    except OSError as exc:
        print(
            f"{path}: cannot read the notes file ({exc.strerror}). Check the path.", file=sys.stderr
        )
    return None


def run(args: argparse.Namespace) -> int:
    """Run the `handout` command: 0 written, 1 cannot load or save, 2 unknown ids."""
    from desktop_app.config import load_or_default
    from desktop_app.content.cache import default_cache_dir, load_content_cached
    from desktop_app.handout.request import HandoutRequest, PageSize, unknown_ids, valid_ids
    from desktop_app.handout.save import SaveError, write_pdf_atomically
    from desktop_app.resources import bundled_content_dir

    config, config_problems = load_or_default(getattr(args, "config", None))
    for config_problem in config_problems:  # a broken setting keeps its default
        print(config_problem, file=sys.stderr)
    content = args.content or config.content_folder or bundled_content_dir()
    result = load_content_cached(content, default_cache_dir())
    library = result.library
    if library is None:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        return 1
    notes = _read_notes(args.notes_file)
    if notes is None:
        return 1
    request = HandoutRequest(
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
    bad = unknown_ids(library, request)
    if bad:
        valid = valid_ids(library)
        for kind, ids in bad.items():
            print(f"unknown {kind} id: {', '.join(ids)}", file=sys.stderr)
            print(f"  valid {kind} ids: {', '.join(valid[kind])}", file=sys.stderr)
        return 2
    from desktop_app.handout.builder import HandoutError, render_handout
    from desktop_app.resources import ResourceNotFoundError

    try:
        handout = render_handout(library, request)
    except (HandoutError, ResourceNotFoundError) as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        write_pdf_atomically(args.out, handout.data)
    except SaveError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    size_kb = max(1, round(len(handout.data) / 1024))
    print(f"wrote {args.out} ({handout.page_count} pages, {size_kb} KB)")
    return 0
