"""Write a PDF so that the target is either the complete new file or left as it was."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


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
    temp_name: str | None = None
    try:
        descriptor, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, temp_name)
        os.replace(temp_name, path)
        temp_name = None
    except OSError as exc:
        raise SaveError(path, message_for(path, exc)) from exc
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def _keep_mode(path: Path, temp_name: str) -> None:
    # mkstemp makes a file only its owner can read, which suits patient data; a file
    # that is replaced keeps the permissions it had.
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        return
    os.chmod(temp_name, mode)
