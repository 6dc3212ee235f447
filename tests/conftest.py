"""Shared test set-up: headless Qt, and the content fixtures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def minimal_content(tmp_path: Path) -> Path:
    """A writable copy of the smallest valid content folder."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", target)
    return target
