"""A start-up cache of validated content, keyed by the exact bytes of every content file.

Reading and validating the YAML files is the slowest part of start-up. Once a folder
has loaded without a single problem, the program keeps the resulting model in the
user's cache folder; the next start reads it back only if every file is byte-for-byte
the same and the program version is unchanged. The cache never holds anything about
a patient, and any trouble with it simply means loading the files again.

The file is JSON (`json_codec`), checked field by field against the model's types as
it is read: unlike pickle, a file someone else put in the cache folder cannot run code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from pathlib import Path

from desktop_app import __version__
from desktop_app.atomic_file import write_atomically
from desktop_app.content import files
from desktop_app.content.json_codec import CodecError, decode, encode
from desktop_app.content.model import ContentLibrary
from desktop_app.content.problems import LoadResult

log = logging.getLogger(__name__)
_FORMAT = "2"  # 2: JSON (1 was pickle)
_YAML_FILES = ("meta.yaml", "sources.yaml", "glossary.yaml", "questions.yaml")
_FOLDERS = ("sites", "options")
# what reading the files for a fingerprint may raise; any of them means "load the files"
_UNREADABLE = (OSError, files.FileProblem, files.FolderProblem)


def default_cache_dir() -> Path:
    """The platform's per-user cache folder for this program (platformdirs: on Linux
    $XDG_CACHE_HOME/mbc-guide or ~/.cache/mbc-guide; %LOCALAPPDATA%\\mbc-guide\\Cache on
    Windows; ~/Library/Caches/mbc-guide on macOS)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("mbc-guide", appauthor=False))


def _content_files(root: Path) -> list[Path]:
    """The files the loader reads, in a fixed order."""
    paths = [root / name for name in _YAML_FILES]
    for folder in _FOLDERS:
        paths += files.markdown_files(root / folder)
    return paths


def fingerprint(root: Path) -> str:
    """A digest of the program version and every content file's name and bytes.

    Files are read as the loader reads them (regular files within the size limit), so
    a FIFO or a device in the folder raises FileProblem instead of hanging.
    """
    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0".encode())
    for path in _content_files(root):
        digest.update(os.fsencode(path.relative_to(root)) + b"\0")
        digest.update(files.read_bytes(path))
    return digest.hexdigest()


def _cache_file(root: Path, cache_dir: Path) -> Path:
    return cache_dir / f"content-{fingerprint(root)}.json"


def load_cached(root: Path, cache_dir: Path, today: dt.date) -> ContentLibrary | None:
    """The cached model for these exact files, or None (then load the files)."""
    try:
        path = _cache_file(root, cache_dir)
    except _UNREADABLE as exc:  # the loader reports this file; no cache for such a folder
        log.info("content cache not used: %s", getattr(exc, "message", exc))
        return None
    try:
        if not path.is_file():
            return None
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise CodecError("another program version's cache")
        library = decode(ContentLibrary, data.get("library"))
    except (OSError, ValueError, RecursionError) as exc:  # damaged or foreign: load the files
        log.info("content cache %s not used (%s); loading the files", path.name, exc)
        return None
    if library.root != root:
        return None
    if today > library.earliest_next_review:
        return None  # a review has fallen due: load the files so the notice is shown
    return library


def store(library: ContentLibrary, cache_dir: Path) -> None:
    """Keep a clean model for the next start; failures are logged and ignored."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        target = _cache_file(library.root, cache_dir)
        for old in [*cache_dir.glob("content-*.json"), *cache_dir.glob("content-*.pickle")]:
            if old != target:
                old.unlink(missing_ok=True)
        data = {"format": _FORMAT, "library": encode(library)}
        write_atomically(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except (*_UNREADABLE, CodecError):
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
