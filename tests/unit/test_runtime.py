"""The runtime: Python 3.12 or newer, where PySide6 6.12.0 cannot wear away None or True.

On Python 3.11, PySide6 6.12.0 takes one reference from None on every call into Qt that
returns nothing (and from True/False on every Signal.emit); the program aborted after a
few thousand actions. From 3.12 on those objects are immortal.
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

ROOT = Path(__file__).resolve().parents[2]
FIND_PYTHON = ROOT / "tools" / "find-python"


class _Sender(QObject):
    fired = Signal()


def test_the_program_runs_on_python_3_12_or_newer() -> None:
    assert sys.version_info >= (3, 12)


def test_ten_thousand_calls_into_qt_leave_none_and_true_as_they_were() -> None:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    label, sender = QLabel(), _Sender()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(10_000):
        label.setText("x")
        label.update()
        sender.fired.emit()
    assert sys.getrefcount(None) >= none_before
    assert sys.getrefcount(True) >= true_before


def test_find_python_names_an_interpreter_that_qualifies() -> None:
    found = subprocess.run(
        ["sh", str(FIND_PYTHON)], capture_output=True, text=True, check=True
    ).stdout.strip()
    version = subprocess.run(
        [found, "-c", "import sys; print(sys.version_info >= (3, 12))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert version == "True"


def test_find_python_says_what_to_install_when_only_an_old_python_is_there(
    tmp_path: Path,
) -> None:
    if glob.glob("/usr/bin/python3.1[2-9]") or glob.glob("/usr/local/bin/python3.1[2-9]"):
        pytest.skip("this machine has a system Python 3.12+, which find-python rightly finds")
    old = tmp_path / "python3"
    old.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")  # answers no to the version check
    old.chmod(0o755)
    result = subprocess.run(
        ["/bin/sh", str(FIND_PYTHON)],
        capture_output=True,
        text=True,
        env={"PATH": f"{tmp_path}:/usr/bin:/bin", "HOME": str(tmp_path)},
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "needs Python 3.12 or newer" in result.stderr
    assert "PYTHON=" in result.stderr
    assert os.access(FIND_PYTHON, os.X_OK)
