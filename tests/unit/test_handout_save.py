"""Saving is all or nothing: a new complete file, or the old one untouched and a clear message."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from desktop_app.handout.save import SaveError, message_for, refusal, write_pdf_atomically

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


# -- only a new name or an ordinary, writable file is written -------------------------
def test_refusal_allows_a_new_name_and_an_ordinary_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "new.pdf") is None
    (tmp_path / "old.pdf").write_bytes(OLD)
    assert refusal(tmp_path / "old.pdf") is None
    assert refusal(tmp_path / "missing" / "new.pdf") is None  # the write says what is wrong


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_devices_are_refused_without_writing(device: str) -> None:
    # as root, saving over /dev/full once replaced the device with a PDF
    with pytest.raises(SaveError) as caught:
        write_pdf_atomically(Path(device), NEW)
    assert caught.value.message == (
        f"{device} is a device, not a file, so nothing was written. Choose a file name."
    )
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_pipe_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    os.mkfifo(target)
    with pytest.raises(SaveError) as caught:
        write_pdf_atomically(target, NEW)
    assert f"{target} is a named pipe (FIFO)" in caught.value.message
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("points_to", ["old.pdf", "nowhere.pdf", "/dev/null"])
def test_a_symbolic_link_is_refused_and_kept(tmp_path: Path, points_to: str) -> None:
    (tmp_path / "old.pdf").write_bytes(OLD)
    target = tmp_path / "handout.pdf"
    target.symlink_to(points_to)
    with pytest.raises(SaveError) as caught:
        write_pdf_atomically(target, NEW)
    assert caught.value.message == (
        f"{target} is a symbolic link, so it was not replaced. Choose another file name."
    )
    assert os.readlink(target) == points_to
    assert (tmp_path / "old.pdf").read_bytes() == OLD
    assert not (tmp_path / "nowhere.pdf").exists()


def test_a_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD)
    target.chmod(0o444)  # refused for root too: the mode says "do not change"
    with pytest.raises(SaveError) as caught:
        write_pdf_atomically(target, NEW)
    assert caught.value.message == (
        f"{target} is read-only, so it was not replaced. Choose another file name."
    )
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []
