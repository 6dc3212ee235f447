"""The `mbc-guide` command line: argparse only; the work happens elsewhere."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__

BROKEN_PIPE = 141
"""Exit status when the reader of standard output went away (as 128 + SIGPIPE in a shell)."""

EPILOG = """\
exit status: 0 done; 1 a file could not be read or written, or a check found problems;
2 wrong command line (see each command's --help); 141 standard output was closed early
(as by `| head`).
"""


def _add_content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        help="use the content in DIR instead of the bundled content",
    )


def _add_config_option(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    parser.add_argument(
        "--config",
        metavar="PATH",
        type=Path,
        # A subcommand's option must not overwrite a --config given before the subcommand.
        default=None if top_level else argparse.SUPPRESS,
        help="read the clinic settings from PATH (default: the platform's config folder, "
        "e.g. ~/.config/mbc-guide/config.toml)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with --help on every level."""
    parser = argparse.ArgumentParser(
        prog="mbc-guide",
        description=(
            "Treatment options for metastatic breast cancer, by body site. "
            "With no command, opens the program window."
        ),
        epilog=EPILOG,
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="print the program and content versions and exit"
    )
    _add_content_option(parser)
    _add_config_option(parser, top_level=True)
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="waiting-room touchscreen: full screen, large controls, clears itself when idle",
    )
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

    config = commands.add_parser("config", help="write or check the clinic settings file")
    config_commands = config.add_subparsers(dest="config_command", metavar="ACTION")
    config_commands.required = True
    init = config_commands.add_parser(
        "init", help="write a commented example config (default: the platform's config folder)"
    )
    init.add_argument("path", nargs="?", type=Path, metavar="PATH", help="where to write it")
    init.add_argument("--force", action="store_true", help="replace an existing file")
    config_check = config_commands.add_parser(
        "check", help="validate a config; exit 0 when clean, 1 with one line per problem"
    )
    config_check.add_argument("path", nargs="?", type=Path, metavar="PATH", help="the file")

    admin = commands.add_parser("admin", help="staff settings")
    admin_commands = admin.add_subparsers(dest="admin_command", metavar="ACTION")
    admin_commands.required = True
    set_pin = admin_commands.add_parser(
        "set-pin",
        help="ask for a staff PIN (4 to 8 digits) twice and store only its salted hash",
    )
    _add_config_option(set_pin)

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
    """Run the command line; returns the process exit code.

    Output that cannot be encoded is escaped, not a crash; when the reader of standard
    output goes away (`mbc-guide content list | head -1`) the command stops quietly.
    """
    _escape_unencodable(sys.stdout)
    try:
        try:
            return _run(argv)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()  # inside the try: a closed pipe shows up here
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE


def _escape_unencodable(stream: object) -> None:
    """Characters the terminal cannot show (bad bytes in a file name) as escapes."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Point standard output at the null device, so the exit-time flush fails no more.

    The way the Python documentation recommends ("Note on SIGPIPE" in the signal module).
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(argv: Sequence[str] | None) -> int:
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
    if args.command in ("config", "admin"):
        from desktop_app import config_commands

        if args.command == "admin":
            return config_commands.set_pin(args.config, sys.stdout, sys.stderr)
        path = args.path or args.config
        if args.config_command == "init":
            return config_commands.init(path, args.force, sys.stdout, sys.stderr)
        return config_commands.check(path, sys.stdout)
    if args.command == "handout":
        from desktop_app import handout_command

        return handout_command.run(args)
    from desktop_app.app import run_gui

    return run_gui(
        content_dir=args.content, smoke=args.smoke, kiosk=args.kiosk, config_path=args.config
    )


if __name__ == "__main__":
    sys.exit(main())
