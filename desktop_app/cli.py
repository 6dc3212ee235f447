"""The `mbc-guide` command line: argparse only; the work happens elsewhere."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__


def _add_content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        help="use the content in DIR instead of the bundled content",
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with --help on every level."""
    parser = argparse.ArgumentParser(
        prog="mbc-guide",
        description=(
            "Treatment options for metastatic breast cancer, by body site. "
            "With no command, opens the program window."
        ),
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="print the program and content versions and exit"
    )
    _add_content_option(parser)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the window, wait until it is painted once, print startup_ms=<n> and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    content = commands.add_parser("content", help="check, list or measure content files")
    content_commands = content.add_subparsers(dest="content_command", metavar="ACTION")
    content_commands.required = True
    check = content_commands.add_parser(
        "check", help="validate content; exit 0 when clean, 1 with one line per problem"
    )
    _add_content_option(check)
    listing = content_commands.add_parser(
        "list", help="print every site and option, one a line: 'site <id> <title>'"
    )
    _add_content_option(listing)
    report = content_commands.add_parser(
        "report", help="print words, Flesch-Kincaid and SMOG grade of every content file"
    )
    _add_content_option(report)

    from desktop_app import handout_command

    handout_command.add_parser(commands)
    return parser


class _VersionAction(argparse.Action):
    """Prints the versions only when asked: finding the content version reads files."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(_version_text())
        parser.exit()


def _version_text() -> str:
    from desktop_app.content.loader import load_content
    from desktop_app.resources import bundled_content_dir

    try:
        library = load_content(bundled_content_dir(), readability=False).library
    except Exception:  # --version must answer even when the installation is broken
        library = None
    content = f"content {library.meta.version}" if library else "content unavailable"
    return f"mbc-guide {__version__} ({content})"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "content":
        from desktop_app import content_commands

        content_dir = args.content
        action = args.content_command
        if action == "check":
            return content_commands.check(content_dir, sys.stdout)
        if action == "list":
            return content_commands.list_entries(content_dir, sys.stdout)
        return content_commands.report(content_dir, sys.stdout)
    if args.command == "handout":
        from desktop_app import handout_command

        return handout_command.run(args)
    from desktop_app.app import run_gui

    return run_gui(content_dir=args.content, smoke=args.smoke)


if __name__ == "__main__":
    sys.exit(main())
