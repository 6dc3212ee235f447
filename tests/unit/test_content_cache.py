"""The start-up cache: used only for byte-identical content, harmless when damaged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.content.cache import fingerprint, load_cached, store
from desktop_app.content.loader import load_content
from desktop_app.content.model import ContentLibrary

TODAY = dt.date(2026, 11, 26)


def _clean_library(root: Path) -> ContentLibrary:
    result = load_content(root, today=TODAY, readability=False)
    assert result.library is not None and result.problems == []
    return result.library


def test_a_stored_library_comes_back_equal(minimal_content: Path, tmp_path: Path) -> None:
    library = _clean_library(minimal_content)
    cache = tmp_path / "cache"
    store(library, cache)
    assert load_cached(minimal_content, cache, TODAY) == library


def test_any_changed_byte_misses_the_cache(minimal_content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    store(_clean_library(minimal_content), cache)
    before = fingerprint(minimal_content)
    site = minimal_content / "sites" / "bone.md"
    site.write_text(site.read_text().replace("You may feel pain.", "You may feel an ache."))
    assert fingerprint(minimal_content) != before
    assert load_cached(minimal_content, cache, TODAY) is None


def test_a_damaged_cache_file_is_ignored(minimal_content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    store(_clean_library(minimal_content), cache)
    for path in cache.glob("content-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert load_cached(minimal_content, cache, TODAY) is None


def test_an_overdue_review_bypasses_the_cache(minimal_content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    store(_clean_library(minimal_content), cache)
    assert load_cached(minimal_content, cache, dt.date(2100, 1, 1)) is None


def test_an_unwritable_cache_folder_is_not_an_error(minimal_content: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    store(_clean_library(minimal_content), blocker / "cache")  # cannot create: no exception
    assert load_cached(minimal_content, blocker / "cache", TODAY) is None
