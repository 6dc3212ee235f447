"""The command line and the window agree on where the config and the cache live."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from desktop_app.config import default_config_dir
from desktop_app.content.cache import default_cache_dir

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")


def test_the_folders_follow_the_xdg_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_config_dir() == tmp_path / "config" / "mbc-guide"
    assert default_cache_dir() == tmp_path / "cache" / "mbc-guide"
    monkeypatch.setenv("XDG_CONFIG_HOME", "not/absolute")  # ignored, as the spec says
    assert default_config_dir() == Path.home() / ".config" / "mbc-guide"


def test_the_folders_are_the_ones_qt_names(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    assert default_config_dir() == Path(config) / "mbc-guide"
    assert default_cache_dir() == Path(cache) / "mbc-guide"
