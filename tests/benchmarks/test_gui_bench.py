"""Start-up and site-page speed, measured side by side (run by `make bench`)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.app import Controller, choose_content, make_application

HERE = Path(__file__).parent
RUNS = 7


def _seconds_to_first_paint(command: list[str]) -> float:
    """From spawning the process to its `startup_ms=` line: start to first painted window.

    The process's own exit afterwards is not part of start-up, for either program.
    """
    # Both programs may keep compiled bytecode, as an installed program does (the
    # sandbox sets PYTHONDONTWRITEBYTECODE, which only slows our own many modules).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = time.perf_counter() - started
        process.stdout.read()
        assert process.wait(timeout=60) == 0
    assert line.startswith("startup_ms="), line
    return elapsed


def test_smoke_start_up_is_at_most_twice_a_bare_window() -> None:
    ours: list[float] = []
    bare: list[float] = []
    smoke = [sys.executable, "-m", "desktop_app", "--smoke"]
    yardstick = [sys.executable, str(HERE / "bare_window.py")]
    _seconds_to_first_paint(smoke)  # warm the file cache for both
    _seconds_to_first_paint(yardstick)
    for _ in range(RUNS):  # interleaved, so machine load hits both alike
        ours.append(_seconds_to_first_paint(smoke))
        bare.append(_seconds_to_first_paint(yardstick))
    ratio = statistics.median(ours) / statistics.median(bare)
    print(
        f"\nstart-up to first paint, from process spawn, median of {RUNS}: "
        f"mbc-guide {statistics.median(ours) * 1000:.0f} ms, "
        f"bare PySide6 window {statistics.median(bare) * 1000:.0f} ms, ratio {ratio:.2f}"
    )
    assert ratio <= 2.0


def test_choosing_a_site_shows_its_page_in_under_50_ms() -> None:
    app = make_application()
    library = choose_content(None).library
    assert library is not None
    controller = Controller(app, library)
    window = controller.window
    window.resize(1280, 860)
    window.show()
    QApplication.processEvents()
    cold_started = time.perf_counter()
    window.show_site(library.sites[0].id)  # a visit before the idle prebuild has run
    cold_ms = (time.perf_counter() - cold_started) * 1000
    window.show_map()
    window.start_prebuilding()  # what the program does in idle moments after start-up
    while not window.site_pages.is_prebuilt():
        QApplication.processEvents()
    rounds: dict[str, list[float]] = {site.id: [] for site in library.sites}
    for _ in range(5):
        for site in library.sites:
            started = time.perf_counter()
            controller.selection.set_selected(site.id, True)
            window.show_site(site.id)
            window.site_page.viewport().repaint()
            QApplication.processEvents()
            rounds[site.id].append((time.perf_counter() - started) * 1000)
            window.show_map()
            controller.selection.set_selected(site.id, False)
    timings = {site_id: statistics.median(values) for site_id, values in rounds.items()}
    worst = max(timings.values())
    figures = ", ".join(f"{k} {v:.1f}" for k, v in timings.items())
    print(f"\nchoose a site and see its page, median of 5 (ms): {figures}; worst {worst:.1f}")
    print(f"first visit before prebuilding: {cold_ms:.1f} ms")
    window.close()
    assert worst < 50
