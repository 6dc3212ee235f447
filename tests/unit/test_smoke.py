"""`mbc-guide --smoke` opens the real window, reports the start-up time and exits 0."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("extra", [[], ["--kiosk"]], ids=["consultation", "kiosk"])
def test_smoke_prints_the_start_up_time_and_exits(tmp_path: Path, extra: list[str]) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--smoke", *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"startup_ms=\d+\n", result.stdout)
