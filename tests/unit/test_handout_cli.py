"""`mbc-guide handout ...` in-process and as a real process."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARGS = [
    "handout",
    "--site", "spine",
    "--site", "liver",
    "--compare", "spine-sbrt",
    "--compare", "liver-sbrt",
    "--discussed", "spine-sbrt",
    "--question", "q-choices",
    "--own-question", "Can I drive after the treatment?",
    "--name", "Νίκη Ivanova-Łoś",
    "--prepared-by", "Dr Weber",
    "--page-size", "letter",
    "--date", "2026-11-26",
]  # fmt: skip


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_writes_the_handout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Scan in two weeks.\nCall if new weakness.", encoding="utf-8")
    out = tmp_path / "handout.pdf"
    assert main([*ARGS, "--notes-file", str(notes), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    match = re.fullmatch(r"wrote (.+) \((\d+) pages, (\d+) KB\)\n", printed)
    assert match is not None, printed
    assert match.group(1) == str(out)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert int(match.group(2)) == len(reader.pages)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = _text(out)
    for expected in (
        "For: Νίκη Ivanova-Łoś",
        "Prepared by: Dr Weber",
        "26 November 2026",
        "Can I drive after the treatment?",
        "Scan in two weeks. Call if new weakness.",
    ):
        assert expected in text


def test_unknown_ids_list_the_valid_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "handout.pdf"
    code = main(["handout", "--site", "spleen", "--compare", "no-such-option", "--out", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert "unknown site id: spleen" in err
    assert "valid site ids: bone, spine, brain" in err
    assert "unknown option id: no-such-option" in err
    assert "spine-sbrt" in err
    assert not out.exists()


def test_unreadable_notes_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    code = main([*ARGS, "--notes-file", str(missing), "--out", str(tmp_path / "h.pdf")])
    assert code == 1
    assert f"{missing}: cannot read the notes file" in capsys.readouterr().err
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Müller".encode("latin-1"))
    assert main([*ARGS, "--notes-file", str(latin1), "--out", str(tmp_path / "h.pdf")]) == 1
    assert "not UTF-8" in capsys.readouterr().err
    assert not (tmp_path / "h.pdf").exists()


def test_broken_content_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*ARGS, "--content", str(tmp_path / "nothing"), "--out", str(tmp_path / "h.pdf")])
    assert code == 1
    assert "content folder does not exist" in capsys.readouterr().err


def test_save_failure_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no such folder" / "handout.pdf"
    assert main([*ARGS, "--out", str(out)]) == 1
    assert "does not exist. Choose another folder." in capsys.readouterr().err


def test_bad_date_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*ARGS, "--date", "26/11/2026", "--out", str(tmp_path / "h.pdf")])
    assert caught.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_as_a_real_process(tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", *ARGS, "--large-print", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {out} (")
    assert "For: Νίκη Ivanova-Łoś" in _text(out)
