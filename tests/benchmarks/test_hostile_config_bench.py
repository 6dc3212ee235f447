"""Hostile clinic config files at scale (run by `make bench`, not `make test`).

- 5,000 generated configs through `load_or_default` and `config check`, each under
  CASE_SECONDS and every one passing the same checks as tests/unit/test_hostile_config.py
- 100 of them through the real command line (`config check` and `handout --config`)

The seeds start where the unit test's do not reach, so the benchmark explores new cases;
MBC_HOSTILE_BENCH_CASES and MBC_HOSTILE_BENCH_SEED change them. Add any case that fails to
REGRESSION_CASES in the unit test.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest

from tests.unit.test_hostile_config import (
    CASE_SECONDS,
    Built,
    case_names,
    config_file,
    run_cases,
    run_command_line,
    run_command_lines,
    sample,
)

pytestmark = pytest.mark.benchmark

BENCH_CASES = int(os.environ.get("MBC_HOSTILE_BENCH_CASES", "5000"))
BENCH_SEED = int(os.environ.get("MBC_HOSTILE_BENCH_SEED", "1000000"))
COMMAND_LINE_CASES = 100


def test_five_thousand_hostile_configs(tmp_path: Path) -> None:
    figures = run_cases(case_names(BENCH_SEED, BENCH_CASES), tmp_path)
    times = sorted(figures.times)
    p99 = times[int(len(times) * 0.99)]
    print(
        f"\nhostile configs: {figures.summary()}\n"
        f"per case: median {statistics.median(times) * 1000:.0f} ms, 99th percentile "
        f"{p99 * 1000:.0f} ms, slowest {times[-1]:.2f} s (limit {CASE_SECONDS:.0f} s); "
        f"{figures.cases / figures.seconds:.0f} cases/s"
    )
    assert not figures.failures, figures.summary()


def test_a_hundred_through_the_real_command_line(tmp_path: Path) -> None:
    cases = sample(case_names(BENCH_SEED, BENCH_CASES), COMMAND_LINE_CASES)
    warm = tmp_path / "warm"
    warm.mkdir()
    assert run_command_line(Built(config_file(warm, 'clinic_name = "Warm-up"\n')), warm) == []
    started = time.perf_counter()
    failures = run_command_lines(cases, tmp_path)
    print(
        f"\n{len(cases)} hostile configs through `config check` and `handout` in "
        f"{time.perf_counter() - started:.0f} s: {len(failures)} failed"
    )
    assert not failures, failures
