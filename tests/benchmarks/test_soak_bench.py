"""The long soak: 200,000 actions on the real window, both modes at once (`make bench`).

Consultation mode takes 120,000 actions and kiosk mode 80,000. It prints each mode's
summary (seconds, memory at the first and last measurement, growth, actions of each
kind); each must exit 0 with under 10 MB of growth. About 40 minutes on two cores.
"""

from __future__ import annotations

import json

import pytest

from tests.gui.test_soak import finish_soak, start_soak

pytestmark = pytest.mark.benchmark
RUNS = {"consultation": 120_000, "kiosk": 80_000}
TIME_LIMIT_S = 4 * 3600


def test_two_hundred_thousand_actions_in_both_modes() -> None:
    processes = {mode: start_soak(mode, actions, seed=7) for mode, actions in RUNS.items()}
    summaries = {mode: finish_soak(p, TIME_LIMIT_S) for mode, p in processes.items()}
    for summary in summaries.values():  # both modes' figures, before either may fail
        print(json.dumps({k: v for k, v in summary.items() if k != "stderr"}))
    for mode, summary in summaries.items():
        assert summary["returncode"] == 0, (mode, summary["stderr"][-3000:])  # type: ignore[index]
        assert float(summary["growth_mb"]) < 10.0, (mode, summary["growth_mb"])  # type: ignore[arg-type]
    assert sum(RUNS.values()) >= 200_000
