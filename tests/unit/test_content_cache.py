"""The start-up cache: used only for byte-identical content, harmless when damaged."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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


def _cache_file(cache: Path) -> Path:
    (path,) = cache.glob("content-*.json")
    return path


def test_a_damaged_cache_file_is_ignored(minimal_content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    store(_clean_library(minimal_content), cache)
    _cache_file(cache).write_bytes(b"\x80 not JSON")
    assert load_cached(minimal_content, cache, TODAY) is None


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format="1"),  # another program version's
        lambda d: d["library"]["sites"][0].update(order="first"),  # a wrong type
        lambda d: d["library"]["sites"][0].pop("title"),  # a field missing
        lambda d: d["library"]["meta"].update(extra=1),  # a field too many
        lambda d: d["library"]["meta"]["review"].update(reviewed="26/11/2026"),  # no date
        lambda d: d["library"]["options"].update(x=[1, 2]),  # a list for an object
        lambda d: d.update(library=None),
    ],
)
def test_a_cache_that_does_not_fit_the_model_is_ignored(
    minimal_content: Path, tmp_path: Path, change: Callable[[dict[str, Any]], object]
) -> None:
    cache = tmp_path / "cache"
    store(_clean_library(minimal_content), cache)
    data = json.loads(_cache_file(cache).read_bytes())
    change(data)
    _cache_file(cache).write_text(json.dumps(data), encoding="utf-8")
    assert load_cached(minimal_content, cache, TODAY) is None


def test_a_pickle_in_the_cache_folder_is_never_read(minimal_content: Path, tmp_path: Path) -> None:
    """Before, the cache was a pickle: a file put there could run code when read."""
    cache = tmp_path / "cache"
    store(_clean_library(minimal_content), cache)
    marker = tmp_path / "ran"
    payload = pickle.dumps(_RunsCode(str(marker)))
    _cache_file(cache).write_bytes(payload)
    (cache / _cache_file(cache).name.replace(".json", ".pickle")).write_bytes(payload)
    assert load_cached(minimal_content, cache, TODAY) is None
    assert not marker.exists()


class _RunsCode:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Callable[..., object], tuple[str, str]]:
        return (Path.write_text, (Path(self.path), "code ran"))  # type: ignore[return-value]


def test_an_overdue_review_bypasses_the_cache(minimal_content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    store(_clean_library(minimal_content), cache)
    assert load_cached(minimal_content, cache, dt.date(2100, 1, 1)) is None


def test_an_unwritable_cache_folder_is_not_an_error(minimal_content: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    store(_clean_library(minimal_content), blocker / "cache")  # cannot create: no exception
    assert load_cached(minimal_content, blocker / "cache", TODAY) is None
