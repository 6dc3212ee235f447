"""20,000 hostile handouts (run by `make bench`, not `make test`).

The same seeded cases and checks as tests/unit/test_hostile_handout.py, ten times as
many: no exception, a complete PDF, notices for replaced and cut text, the text layer
read back with pypdf for every tenth case, and no case over CASE_LIMIT_S of CPU time.
MBC_HOSTILE_BENCH_CASES and MBC_HOSTILE_SEED change the count and the first seed.
"""

from __future__ import annotations

import os
import time

import pytest

from desktop_app.content.model import ContentLibrary
from tests.unit.test_hostile_handout import (
    failure_report,
    hostile_seeds,
    load_library,
    run_cases_in_parallel,
    summary,
    worker_count,
)

pytestmark = pytest.mark.benchmark


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    return load_library()


def test_twenty_thousand_hostile_handouts(library: ContentLibrary) -> None:
    count = int(os.environ.get("MBC_HOSTILE_BENCH_CASES", "20000"))
    first = int(os.environ.get("MBC_HOSTILE_SEED", "0"))
    start = time.perf_counter()
    results = run_cases_in_parallel(library, hostile_seeds(count, first), worker_count())
    print(f"\n{summary(results, time.perf_counter() - start)}")
    assert not any(r.problems for r in results), failure_report(results)
