"""5,000 hostile content folders through check, list and report (run by `make bench`).

The same generator and checks as tests/unit/test_hostile_content.py, which runs 500 in
`make test`; MBC_HOSTILE_BENCH_CASES changes the number here. Prints the figures: the
folders tried, how many failed and how, and the time per folder.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.unit.test_hostile_content import describe, figures, run_cases

pytestmark = pytest.mark.benchmark

CASES = int(os.environ.get("MBC_HOSTILE_BENCH_CASES", "5000"))


def test_hostile_content_folders(tmp_path: Path) -> None:
    start = time.perf_counter()
    failed = run_cases(range(CASES), tmp_path)
    seconds = time.perf_counter() - start
    print(
        f"\nhostile content: {figures(failed, CASES)}; {seconds:.1f} s, "
        f"{1000 * seconds / CASES:.1f} ms a folder"
    )
    assert failed == [], describe(failed)
