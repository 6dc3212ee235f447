"""A start-up cache of validated content, keyed by the exact bytes of every content file.

Reading and validating the YAML files is the slowest part of start-up. Once a folder
has loaded without a single problem, the program keeps the resulting model in the
user's cache folder; the next start reads it back only if every file is byte-for-byte
the same and the program version is unchanged. The cache never holds anything about
a patient, and any trouble with it simply means loading the files again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import pickle
from pathlib import Path

from desktop_app import __version__
from desktop_app.atomic_file import write_atomically
from desktop_app.content.model import ContentLibrary
from desktop_app.content.problems import LoadResult

log = logging.getLogger(__name__)
_FORMAT = "1"
_PATTERNS = ("*.yaml", "sites/*.md", "options/*.md")


def default_cache_dir() -> Path:
    """The per-user cache folder ($XDG_CACHE_HOME or ~/.cache on Linux)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mbc-guide"


def fingerprint(root: Path) -> str:
    """A digest of the program version and every content file's name and bytes."""
    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0".encode())
    for pattern in _PATTERNS:
        for path in sorted(root.glob(pattern)):
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _cache_file(root: Path, cache_dir: Path) -> Path:
    return cache_dir / f"content-{fingerprint(root)}.pickle"


def load_cached(root: Path, cache_dir: Path, today: dt.date) -> ContentLibrary | None:
    """The cached model for these exact files, or None (then load the files)."""
    try:
        path = _cache_file(root, cache_dir)
        if not path.is_file():
            return None
        library = pickle.loads(path.read_bytes())
    except Exception:  # a damaged or foreign cache file: ignore it and load the files
        log.info("content cache unusable; loading the files", exc_info=True)
        return None
    if not isinstance(library, ContentLibrary) or library.root != root:
        return None
    if today > library.earliest_next_review:
        return None  # a review has fallen due: load the files so the notice is shown
    return library


def store(library: ContentLibrary, cache_dir: Path) -> None:
    """Keep a clean model for the next start; failures are logged and ignored."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        target = _cache_file(library.root, cache_dir)
        for old in cache_dir.glob("content-*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
        write_atomically(target, pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):
        log.info("could not write the content cache in %s", cache_dir, exc_info=True)


def load_content_cached(root: Path, cache_dir: Path | None) -> LoadResult:
    """Load a content folder, from the cache when these exact files loaded cleanly before."""
    if cache_dir is not None:
        cached = load_cached(root, cache_dir, dt.date.today())
        if cached is not None:
            return LoadResult(root=root, library=cached, problems=[])
    from desktop_app.content.loader import load_content  # YAML parsing: only on a cache miss

    result = load_content(root, readability=False)
    if cache_dir is not None and result.library is not None and not result.problems:
        store(result.library, cache_dir)
    return result
