"""Write a PDF so that the target is either the complete new file or left as it was."""

from __future__ import annotations

import errno
from pathlib import Path

from desktop_app.atomic_file import write_atomically


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


def write_pdf_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    Raises SaveError (with a message for people) on any failure; the temporary file is
    removed and an existing file at `path` is left untouched.
    """
    path = Path(path)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise SaveError(path, message_for(path, exc)) from exc
