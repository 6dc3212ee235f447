"""Write a PDF so that the target is either the complete new file or left as it was."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from desktop_app.atomic_file import write_atomically
from desktop_app.content.files import special_kind


class SaveError(Exception):
    """The handout could not be saved; the message says where, why and what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def message_for(path: Path, exc: OSError) -> str:
    """What to tell a person when saving `path` failed with `exc`."""
    folder = path.parent
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"You cannot save in {folder}. Choose another folder."
    if code == errno.ENOENT:
        return f"The folder {folder} does not exist. Choose another folder."
    if code == errno.ENOTDIR:
        return f"{folder} is not a folder. Choose another folder."
    if code == errno.EISDIR:
        return f"{path} is a folder. Choose another file name."
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full, so {path} was not saved. Free some space or choose another disk."
    reason = exc.strerror or str(exc)
    return f"{path} could not be saved ({reason}). Try again or choose another folder."


def _kind(mode: int) -> str:
    return special_kind(mode, "not an ordinary file")  # folders are refused before this


def refusal(path: Path) -> str | None:
    """Why the handout must not be written to `path`, or None when it may be.

    Only a new name or an existing ordinary, writable file is replaced. A folder, a
    device (/dev/full, /dev/null), a pipe, a socket or a symbolic link (which would be
    replaced by a file, not followed) is refused, as is a read-only file. The final
    name is looked at itself (lstat); a symbolic link to the folder is fine.
    """
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None  # a new name, or a folder problem that the write reports
    if stat.S_ISLNK(mode):
        return f"{path} is a symbolic link, so it was not replaced. Choose another file name."
    if stat.S_ISDIR(mode):
        return f"{path} is a folder. Choose another file name."
    if not stat.S_ISREG(mode):
        return f"{path} is {_kind(mode)}, not a file, so nothing was written. Choose a file name."
    if not mode & 0o222 or not os.access(path, os.W_OK):
        return f"{path} is read-only, so it was not replaced. Choose another file name."
    return None


def write_pdf_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    Raises SaveError (with a message for people) on any failure, and before writing
    anything when `refusal` says no; the temporary file is removed and an existing file
    at `path` is left untouched.
    """
    path = Path(path)
    problem = refusal(path)
    if problem is not None:
        raise SaveError(path, problem)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise SaveError(path, message_for(path, exc)) from exc
