"""Read content files safely: only regular files, never more than the size limit.

A content folder may hold anything: a named pipe that blocks whoever opens it, a link
to /dev/zero that never ends, a file of gigabytes. Each file is checked with stat
before it is opened, opened without blocking, checked again once open, and read only
up to its limit, so that none of them can hang the program or fill its memory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from desktop_app.content.limits import MAX_FILE_BYTES, MAX_FILES_PER_FOLDER

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO that slipped past stat cannot block the open
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_FORMAT_HINT = "see docs/content-format.md"


class FileProblem(Exception):
    """A file that cannot be read as content; `message` says why and what to do."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def special_kind(mode: int, otherwise: str) -> str:
    """What a file that is not a regular file is, in words ("a device"), for messages."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return otherwise


def _kind(mode: int) -> str:
    return special_kind(mode, "not a plain file")


def _not_regular(mode: int) -> FileProblem:
    return FileProblem(
        f"is not a regular file (it is {_kind(mode)}). Replace it with a plain text file "
        f"({_FORMAT_HINT})."
    )


def _missing(path: Path) -> FileProblem:
    if os.path.islink(path):
        return FileProblem(
            "is a link to a file that does not exist. Point the link at the real file, "
            "or put the file itself here."
        )
    return FileProblem(f"file is missing. Create it ({_FORMAT_HINT}).")


def _unreadable(exc: OSError) -> FileProblem:
    if exc.errno == errno.ELOOP:
        return FileProblem("is a link that leads back to itself. Replace it with the file.")
    reason = exc.strerror or type(exc).__name__
    return FileProblem(f"cannot be read ({reason}). Check its permissions.")


def _too_big(size: int | str, limit: int) -> FileProblem:
    return FileProblem(
        f"is {size} bytes; the limit is {limit} bytes. A content file is a few pages of "
        "text: shorten it, or check that this is the right file."
    )


def _checked_size(path: Path, limit: int) -> int:
    """The size of a regular file within the limit, or a FileProblem."""
    try:
        info = os.stat(path)  # follows links, so a link to a device is seen as a device
    except FileNotFoundError:
        raise _missing(path) from None
    except OSError as exc:
        raise _unreadable(exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(info.st_mode)
    if info.st_size > limit:
        raise _too_big(info.st_size, limit)
    return info.st_size


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, at most `limit` of them; anything else is a FileProblem."""
    _checked_size(path, limit)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise _missing(path) from None
    except OSError as exc:
        raise _unreadable(exc) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):  # replaced between the stat and the open
            raise _not_regular(mode)
        return _read_at_most(descriptor, limit)
    except OSError as exc:
        raise _unreadable(exc) from None
    finally:
        os.close(descriptor)


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(descriptor, min(limit + 1 - size, 1 << 20))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise _too_big(f"more than {limit}", limit)  # it grew while being read


def decode(data: bytes) -> str:
    """UTF-8 text without a leading byte order mark, or a FileProblem at the bad line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        hint = " It looks like UTF-16 or UTF-32." if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise FileProblem(
            f"is not UTF-8 text (byte {exc.start}).{hint} Save the file as UTF-8.", line=line
        ) from None
    return text.removeprefix("\ufeff")


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """A content file's text: regular, within the limit, UTF-8; else a FileProblem."""
    return decode(read_bytes(path, limit))


def file_size(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    """The size of a regular file within the limit, or a FileProblem; reads nothing."""
    return _checked_size(path, limit)


class FolderProblem(Exception):
    """A sites/ or options/ folder that cannot be listed as content."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def markdown_files(directory: Path, limit: int = MAX_FILES_PER_FOLDER) -> list[Path]:
    """The .md entries of a folder, sorted; a FolderProblem if it is not one or holds too many."""
    if not directory.is_dir():
        if os.path.lexists(directory):
            raise FolderProblem(
                "is not a folder. Replace it with a folder holding one .md file per entry."
            )
        raise FolderProblem("folder is missing. Create it with one .md file per entry.")
    names: list[str] = []
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.endswith(".md"):
                    names.append(entry.name)
                    if len(names) > limit:
                        raise FolderProblem(
                            f"holds more than {limit} .md files, the limit. Keep only the "
                            "content files here."
                        )
    except OSError as exc:
        raise FolderProblem(f"cannot be read ({exc.strerror}). Check its permissions.") from None
    return [directory / name for name in sorted(names)]
