"""Loading content into the typed model: good content, and files the loader must not trust."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app import content_commands
from desktop_app.content import loader as loader_module
from desktop_app.content.cache import fingerprint, load_cached
from desktop_app.content.files import FileProblem
from desktop_app.content.limits import MAX_FILE_BYTES, MAX_FILES_PER_FOLDER
from desktop_app.content.loader import load_content
from desktop_app.content.model import RowKey
from desktop_app.content.problems import LoadResult
from desktop_app.resources import bundled_content_dir

TODAY = dt.date(2026, 11, 26)


def test_minimal_content_loads_into_the_model(minimal_content: Path) -> None:
    result = load_content(minimal_content, today=TODAY)
    assert result.problems == []
    library = result.library
    assert library is not None
    assert library.site_ids == ("bone", "spine")
    assert [o.id for o in library.options_for("bone")] == ["opt-rays", "opt-pills"]
    option = library.option("opt-rays")
    assert [row.key for row in option.rows] == list(RowKey)
    recovery = option.row(RowKey.RECOVERY)
    assert recovery.figure is not None
    assert recovery.figure.value == 35
    assert recovery.figure.phrase == "about 35 in 100 people"
    assert option.evidence_level == "moderate"
    assert library.site("spine").red_flags.urgent == ("You cannot walk.",)
    assert [q.id for q in library.all_questions] == ["q-choices", "bone-q", "spine-q"]
    assert library.meta.version == "test-1"
    assert library.earliest_next_review == dt.date(2099, 1, 1)


def test_bundled_content_is_clean() -> None:
    result = load_content(bundled_content_dir())
    assert [str(p) for p in result.problems] == []
    assert result.library is not None


# -- files the loader must not read, or not read in full ---------------------------------
def _load_within(root: Path, seconds: float = 5.0) -> LoadResult:
    """Load in a thread, so that a loader that blocks fails the test instead of hanging it."""
    results: list[LoadResult] = []
    worker = threading.Thread(
        target=lambda: results.append(load_content(root, today=TODAY)), daemon=True
    )
    worker.start()
    worker.join(seconds)
    assert results, f"loading {root} did not finish within {seconds} s"
    return results[0]


def _only_problem(result: LoadResult) -> str:
    assert result.library is None
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return str(result.problems[0])


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


@posix_only
def test_a_fifo_is_reported_without_blocking(minimal_content: Path) -> None:
    (minimal_content / "questions.yaml").unlink()
    os.mkfifo(minimal_content / "questions.yaml")
    assert _only_problem(_load_within(minimal_content)) == (
        f"{minimal_content}/questions.yaml:1: (file): is not a regular file (it is a named pipe "
        "(FIFO)). Replace it with a plain text file (see docs/content-format.md)."
    )


@posix_only
def test_a_link_to_dev_zero_is_not_followed_into_the_device(minimal_content: Path) -> None:
    (minimal_content / "sites" / "spine.md").unlink()
    (minimal_content / "sites" / "spine.md").symlink_to("/dev/zero")
    result = _load_within(minimal_content)
    assert str(result.problems[0]) == (
        f"{minimal_content}/sites/spine.md:1: (file): is not a regular file (it is a device). "
        "Replace it with a plain text file (see docs/content-format.md)."
    )
    assert result.library is None


def test_a_file_over_the_size_limit_is_not_read(minimal_content: Path) -> None:
    meta = minimal_content / "meta.yaml"
    with meta.open("r+b") as out:
        out.truncate(50 * 2**30)  # a sparse 50 GB file: reading it would take minutes
    assert _only_problem(_load_within(minimal_content)) == (
        f"{meta}:1: (file): is {50 * 2**30} bytes; the limit is {MAX_FILE_BYTES} bytes. A "
        "content file is a few pages of text: shorten it, or check that this is the right file."
    )


def test_content_files_together_have_a_limit(
    minimal_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader_module, "MAX_FOLDER_BYTES", 1_000)  # the minimal set: 3.4 KB
    result = load_content(minimal_content, today=TODAY)
    assert result.library is None
    messages = [str(p) for p in result.problems]
    assert messages[0] == (
        f"{minimal_content}/sites/bone.md:1: (file): was not read: the content files together "
        "are over 1000 bytes, the limit for one folder. Remove files that are not content."
    )


def test_a_folder_with_too_many_files_is_one_problem(minimal_content: Path) -> None:
    for number in range(MAX_FILES_PER_FOLDER):
        (minimal_content / "options" / f"extra-{number}.md").write_text("---\n---\n")
    result = load_content(minimal_content, today=TODAY)
    assert result.library is None
    assert [str(p) for p in result.problems] == [
        f"{minimal_content}/options:1: (folder): holds more than {MAX_FILES_PER_FOLDER} .md "
        "files, the limit. Keep only the content files here."
    ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: p.symlink_to("nowhere.md"),
            "is a link to a file that does not exist. Point the link at the real file, or put "
            "the file itself here.",
        ),
        (
            lambda p: p.symlink_to(p.name),
            "is a link that leads back to itself. Replace it with the file.",
        ),
        (
            lambda p: p.mkdir(),
            "is not a regular file (it is a folder). Replace it with a plain text file "
            "(see docs/content-format.md).",
        ),
    ],
    ids=["dangling link", "link loop", "folder"],
)
def test_odd_entries_in_place_of_a_file(
    minimal_content: Path, make: Callable[[Path], None], message: str
) -> None:
    site = minimal_content / "sites" / "bone.md"
    site.unlink()
    make(site)
    result = load_content(minimal_content, today=TODAY)
    assert str(result.problems[0]) == f"{site}:1: (file): {message}"
    assert result.library is None


def test_a_link_to_a_real_file_is_followed(minimal_content: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "meta.yaml"
    (minimal_content / "meta.yaml").rename(elsewhere)
    (minimal_content / "meta.yaml").symlink_to(elsewhere)
    assert load_content(minimal_content, today=TODAY).problems == []


def test_byte_order_marks_and_windows_line_ends_are_fine(minimal_content: Path) -> None:
    for path in [minimal_content / "meta.yaml", minimal_content / "sites" / "bone.md"]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    result = load_content(minimal_content, today=TODAY)
    assert result.problems == []
    assert result.library is not None


def test_a_content_path_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "content").write_text("not a folder")
    assert _only_problem(load_content(tmp_path / "content", today=TODAY)) == (
        f"{tmp_path / 'content'}:1: (folder): is not a folder. Give the folder that holds "
        "meta.yaml, sites/ and options/."
    )


def test_a_missing_folder_does_not_make_every_link_a_problem(minimal_content: Path) -> None:
    shutil.rmtree(minimal_content / "sites")
    assert _only_problem(load_content(minimal_content, today=TODAY)) == (
        f"{minimal_content}/sites:1: (folder): folder is missing. Create it with one .md file "
        "per entry."
    )


def test_an_unreadable_sources_file_does_not_make_every_citation_a_problem(
    minimal_content: Path,
) -> None:
    (minimal_content / "sources.yaml").write_text("sources: [\n")
    assert _only_problem(load_content(minimal_content, today=TODAY)).startswith(
        f"{minimal_content}/sources.yaml:2: (file): cannot be read: "
    )


# -- nothing escapes the loader ------------------------------------------------------------
def test_an_internal_error_names_the_file_and_prints_no_traceback(
    minimal_content: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: object, path: Path) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(loader_module._Loader, "load_option", broken)
    out = io.StringIO()
    assert content_commands.check(minimal_content, out) == 1
    assert out.getvalue().splitlines() == [
        f"{minimal_content}/options/opt-pills.md:1: (file): could not be checked because of an "
        "internal error in this program (RuntimeError: a bug). The file may have a problem the "
        "checks cannot describe yet: compare it with docs/content-format.md, and report this to "
        "the program's maintainers.",
        f"{minimal_content}/options/opt-rays.md:1: (file): could not be checked because of an "
        "internal error in this program (RuntimeError: a bug). The file may have a problem the "
        "checks cannot describe yet: compare it with docs/content-format.md, and report this to "
        "the program's maintainers.",
    ]
    assert "Traceback" not in capsys.readouterr().err


def test_a_file_is_never_dropped_without_a_problem(
    minimal_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader_module._Loader, "load_site", lambda self, path: None)
    result = load_content(minimal_content, today=TODAY)
    assert result.library is None
    assert [str(p) for p in result.problems][:1] == [
        f"{minimal_content}/sites/bone.md:1: (file): could not be used, and the checks found no "
        "reason (an internal error in this program). Compare the file with "
        "docs/content-format.md, and report this to the program's maintainers."
    ]


# -- the other readers of content files ------------------------------------------------------
@posix_only
def test_the_cache_fingerprint_does_not_block_on_a_fifo(
    minimal_content: Path, tmp_path: Path
) -> None:
    (minimal_content / "options" / "opt-pills.md").unlink()
    os.mkfifo(minimal_content / "options" / "opt-pills.md")
    with pytest.raises(FileProblem):
        fingerprint(minimal_content)
    assert load_cached(minimal_content, tmp_path / "cache", TODAY) is None


@posix_only
def test_content_report_lists_an_unreadable_file_without_blocking(minimal_content: Path) -> None:
    (minimal_content / "sites" / "spine.md").unlink()
    (minimal_content / "sites" / "spine.md").symlink_to("/dev/zero")
    out = io.StringIO()
    assert content_commands.report(minimal_content, out) == 0
    row = next(line for line in out.getvalue().splitlines() if line.startswith("sites/spine.md"))
    assert row.split()[1:4] == ["-", "unreadable", "is"]
    assert row.endswith("Replace it with a plain text file (see docs/content-format.md).")


def test_every_message_escapes_control_characters_in_file_names(minimal_content: Path) -> None:
    (minimal_content / "sites" / "bone.md").rename(minimal_content / "sites" / "b\x1b]0;x\x07.md")
    out = io.StringIO()
    assert content_commands.check(minimal_content, out) == 1
    assert f"{minimal_content}/sites/b\\x1b]0;x\\x07.md:2: id: " in out.getvalue()
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue()
