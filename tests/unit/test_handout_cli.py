"""`mbc-guide handout ...` in-process and as a real process."""

from __future__ import annotations

import io
import os
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


# -- hostile input: one clear line, the documented status, never a traceback ----------
def test_replaced_characters_are_a_note_and_the_pdf_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "h.pdf"
    code = main(
        ["handout", "--name", "Anna \U0001f600", "--prepared-by", "Dr\udcff", "--out", str(out)]
    )
    assert code == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "Patient name: 1 character cannot be printed with the handout font (emoji, "
        "for example) and shows as \ufffd.",
        "Prepared by: 1 character cannot be printed with the handout font (emoji, "
        "for example) and shows as \ufffd.",
    ]
    assert "For: Anna \ufffd" in _text(out)


def test_notes_from_a_closed_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python makes of a closed descriptor 0
    out = tmp_path / "h.pdf"
    assert main(["handout", "--notes-file", "-", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        "--notes-file -: standard input is closed, so there are no notes to read. "
        "Pipe the notes in or name a file.\n"
    )
    assert not out.exists()


def test_notes_from_a_text_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Notes typed in."))
    out = tmp_path / "h.pdf"
    assert main(["handout", "--notes-file", "-", "--out", str(out)]) == 0
    assert "Notes typed in." in _text(out)


def test_text_over_a_limit_is_refused_without_quoting_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "h.pdf"
    code = main(
        ["handout", "--name", "secret" * 40, "--own-question", "q" * 301, "--out", str(out)]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "--name: the text is 240 characters long; the limit is 200. Shorten it.",
        "--own-question (number 1): the question is 301 characters long; the limit is 300. "
        "Shorten it.",
    ]
    assert not out.exists()


def test_out_that_is_not_a_file_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop_app.handout.builder as builder

    def never(*args: object) -> None:
        raise AssertionError("built a handout that cannot be saved")

    monkeypatch.setattr(builder, "render_handout", never)
    target = tmp_path / "link.pdf"
    target.symlink_to("/dev/null")
    assert main(["handout", "--out", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"{target} is a symbolic link, so it was not replaced. Choose another file name.\n"
    )
    assert os.readlink(target) == "/dev/null"


def test_an_unexpected_error_is_one_line_without_patient_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop_app.handout.builder as builder

    def broken(*args: object) -> None:
        raise RuntimeError("secret notes")

    monkeypatch.setattr(builder, "render_handout", broken)
    notes = tmp_path / "notes.txt"
    notes.write_text("secret notes", encoding="utf-8")
    assert main(["handout", "--notes-file", str(notes), "--out", str(tmp_path / "h.pdf")]) == 1
    err = capsys.readouterr().err
    assert err == (
        "mbc-guide handout: the handout was not written: unexpected RuntimeError. "
        "Please report this.\n"
    )


class _ClosedPipe(io.StringIO):
    """Standard output whose reader has gone (`| head` after its first line)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_stops_any_command_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # capsys first: monkeypatch must put back capsys's stream before capsys closes it
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["content", "list"]) == 141
    assert capsys.readouterr().err == ""


def test_help_documents_limits_and_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["handout", "--help"])
    assert caught.value.code == 0
    text = capsys.readouterr().out
    for expected in (
        "exit status:",
        "0    the PDF was written",
        "2    wrong command line",
        "141  standard output was closed early",
        "at most 200 characters",
        "at most 10,000 characters",
        "at most 30 questions of 300 characters each",
    ):
        assert expected in text
