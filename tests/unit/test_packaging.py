"""The installed wheel finds its resources from any directory; the core never imports Qt."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.qt_free import qt_modules_imported_by

ROOT = Path(__file__).resolve().parents[2]
QT_FREE_MODULES = [
    "desktop_app.content.loader",
    "desktop_app.content.render",
    "desktop_app.content.glossary",
    "desktop_app.content.links",
    "desktop_app.content.cache",
    "desktop_app.atomic_file",
    "desktop_app.content_commands",
    "desktop_app.body_diagram",
    "desktop_app.resources",
    "desktop_app.cli",
]


@pytest.mark.parametrize("module", QT_FREE_MODULES)
def test_core_modules_never_import_qt(module: str) -> None:
    assert qt_modules_imported_by(f"import {module}") == []


def test_installed_wheel_runs_content_check_from_another_directory(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
        cwd=tmp_path,
    )
    wheel = next(wheel_dir.glob("mbc_guide-*.whl"))
    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    fresh_python = venv / "bin" / "python"
    fresh_site = Path(
        subprocess.run(
            [str(fresh_python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # The fresh environment borrows the third-party libraries, not this source tree.
    (fresh_site / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-compile",
            "--target",
            str(fresh_site),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [
            str(fresh_python),
            "-c",
            "import desktop_app, desktop_app.resources as r; print(desktop_app.__file__); "
            "print(r.resources_dir()); print(r.templates_dir())",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=elsewhere,
    ).stdout.splitlines()
    assert all(line.startswith(str(fresh_site)) for line in where), where
    check = subprocess.run(
        [str(fresh_python), "-m", "desktop_app", "content", "check"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "OK: 8 sites" in check.stdout
