"""With hostile settings or content, the real program still starts, in both modes.

Each case runs `python -m desktop_app --smoke` in its own process (offscreen), as a
clinic would start it: it must print its start-up time and exit 0, with no traceback,
on its defaults for the broken settings and on the bundled content for a broken folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.resources import bundled_content_dir

ROOT = Path(__file__).resolve().parents[2]
TIME_LIMIT_S = 60


def _config_dev_zero(folder: Path) -> Path:
    path = folder / "config.toml"
    path.symlink_to("/dev/zero")
    return path


def _config_text(text: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "config.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return make


def _config_corrupt_logo(folder: Path) -> Path:
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00#(\x00\x00#(")
    return _config_text('logo_file = "logo.png"\n')(folder)


CONFIGS: dict[str, Callable[[Path], Path]] = {
    "config is a link to /dev/zero": _config_dev_zero,
    "a list nested 1,000 deep": _config_text("clinic_name = " + "[" * 1000 + "]" * 1000 + "\n"),
    "a truncated 9000x9000 PNG logo": _config_corrupt_logo,
    "a PIN hash too costly to check": _config_text(
        'admin_pin_hash = "scrypt$n=1048576,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$'
        'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"\nwarning_seconds = 5\n'
    ),
    "a home folder that does not exist": _config_text('logo_file = "~nosuchuser/logo.png"\n'),
}


def _content_copy(folder: Path) -> Path:
    target = folder / "content"
    shutil.copytree(bundled_content_dir(), target)
    return target


def _content_empty_title(folder: Path) -> Path:
    root = _content_copy(folder)
    path = root / "sites" / "spine.md"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join("title:\n" if line.startswith("title:") else line for line in lines),
        encoding="utf-8",
    )
    return root


def _content_laughs(folder: Path) -> Path:
    root = _content_copy(folder)
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        bomb.append(f"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}]")
    (root / "questions.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    return root


def _content_fifo(folder: Path) -> Path:
    root = _content_copy(folder)
    (root / "glossary.yaml").unlink()
    os.mkfifo(root / "glossary.yaml")
    return root


CONTENTS: dict[str, Callable[[Path], Path]] = {
    "an empty site title": _content_empty_title,
    "a billion laughs": _content_laughs,
    "a FIFO as the glossary": _content_fifo,
}


def _smoke(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args, "--smoke"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S,
    )


def _assert_started(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr[-2000:]
    assert "startup_ms=" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", sorted(CONFIGS))
@pytest.mark.parametrize("mode", [[], ["--kiosk"]], ids=["consultation", "kiosk"])
def test_the_program_starts_on_hostile_settings(case: str, mode: list[str], tmp_path: Path) -> None:
    config = CONFIGS[case](tmp_path)
    _assert_started(_smoke([*mode, "--config", str(config)], tmp_path))


@pytest.mark.parametrize("case", sorted(CONTENTS))
def test_the_program_starts_on_its_own_content_when_a_folder_is_hostile(
    case: str, tmp_path: Path
) -> None:
    content = CONTENTS[case](tmp_path)
    _assert_started(_smoke(["--content", str(content)], tmp_path))
