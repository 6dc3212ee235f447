"""Saving is all or nothing: a new complete file, or the old one untouched and a clear message."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop_app.handout.save import SaveError, message_for, write_pdf_atomically

OLD = b"%PDF-1.4 the old handout"
NEW = b"%PDF-1.4 the new handout" * 100


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "handout.pdf")


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    write_pdf_atomically(target, NEW)
    assert target.read_bytes() == NEW
    assert _leftovers(tmp_path) == []


def test_replaces_an_old_file_keeping_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_pdf_atomically(target, NEW)
    assert target.read_bytes() == NEW
    assert target.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "handout.pdf"
    with pytest.raises(SaveError) as caught:
        write_pdf_atomically(target, NEW)
    assert str(target.parent) in caught.value.message
    assert "does not exist" in caught.value.message
    assert "Choose another folder" in caught.value.message
    assert not target.parent.exists()


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    target = blocker / "handout.pdf"
    with pytest.raises(SaveError) as caught:
        write_pdf_atomically(target, NEW)
    assert str(blocker) in caught.value.message
    assert "Choose another folder" in caught.value.message
    assert blocker.read_text() == "a file, not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "handout.pdf"
    target.write_bytes(OLD)
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError) as caught:
            write_pdf_atomically(target, NEW)
        assert caught.value.message == f"You cannot save in {folder}. Choose another folder."
        assert target.read_bytes() == OLD
        assert _leftovers(folder) == []
    finally:
        folder.chmod(0o700)


def test_permission_message() -> None:
    # the same words as the read-only test, which cannot run as root
    message = message_for(Path("/srv/shared/handout.pdf"), PermissionError(errno.EACCES, "denied"))
    assert message == "You cannot save in /srv/shared. Choose another folder."


def test_full_disk_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle: object) -> None:
            self._handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self._handle.write(data[: len(data) // 2])  # type: ignore[attr-defined]
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(SaveError) as caught:
        write_pdf_atomically(target, NEW)
    assert caught.value.message.startswith("The disk is full")
    assert str(target) in caught.value.message
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_failed_rename_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD)

    def broken_replace(source: str, destination: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SaveError) as caught:
        write_pdf_atomically(target, NEW)
    assert "Input/output error" in caught.value.message
    assert str(target) in caught.value.message
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_target_is_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    target.mkdir()
    with pytest.raises(SaveError) as caught:
        write_pdf_atomically(target, NEW)
    assert str(target) in caught.value.message
    assert target.is_dir()
    assert _leftovers(tmp_path) == []
