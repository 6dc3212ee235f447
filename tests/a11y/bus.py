"""Start the program as a screen-reader user meets it: Xvfb, a private D-Bus session,
the accessibility bus, the real program from `.venv`, and a pyatspi client.

Everything it starts is stopped again when the `with` block ends. When a piece is
missing (no Xvfb, no at-spi2-core, no Debian pyatspi) `missing_pieces()` says which,
and the tests skip with that reason.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CLIENT = Path(__file__).with_name("atspi_client.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
APP_NAME = "mbc-guide"


def missing_pieces() -> list[str]:
    """What this machine lacks for the accessibility bus (empty when all is there)."""
    missing = [name for name in ("Xvfb", "dbus-daemon") if shutil.which(name) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append(f"{BUS_LAUNCHER} (Debian package at-spi2-core)")
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append("pyatspi for /usr/bin/python3 (Debian package python3-pyatspi)")
    return missing


KEYSYMS = {"Down": 0xFF54, "Up": 0xFF52, "space": 0x20, "Return": 0xFF0D, "Tab": 0xFF09}


class ScreenReader:
    """Talks to the pyatspi client: one JSON command out, one JSON answer back."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._process = process

    def ask(self, cmd: str, **values: Any) -> dict[str, Any]:
        """Send one command and return the client's answer."""
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(json.dumps({"cmd": cmd, **values}) + "\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError("the pyatspi client stopped")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def tree(self) -> list[dict[str, Any]]:
        """Every object of the program as a screen reader sees it."""
        answer = self.ask("dump")
        assert answer["ok"], answer
        nodes: list[dict[str, Any]] = answer["nodes"]
        return nodes

    def press(self, role: str, name: str, action: str = "Press", timeout: float = 10) -> None:
        """Do an action on the first showing object with this role and name."""
        answer = self.ask("act", role=role, name=name, action=action, timeout=timeout)
        assert answer["ok"], answer

    def keys(self, *names: str) -> None:
        """Press keys, by X keysym name ("Down", "space", "Return", "Tab")."""
        answer = self.ask("keys", keysyms=[KEYSYMS[name] for name in names])
        assert answer["ok"], answer

    def hold(self, x: int, y: int, seconds: float) -> None:
        """Press the pointer at (x, y) on the screen, hold it, and let go."""
        answer = self.ask("hold", x=x, y=y, seconds=seconds)
        assert answer["ok"], answer

    def wait_for(self, role: str | None, name: str | None, timeout: float = 10) -> bool:
        """Wait until a showing object with this role and name exists."""
        return bool(self.ask("wait", role=role, name=name, timeout=timeout)["ok"])

    def states(self, role: str, name: str, timeout: float = 10) -> list[str]:
        """The states of the first showing object with this role and name (no whole dump)."""
        answer = self.ask("wait", role=role, name=name, timeout=timeout)
        assert answer["ok"], answer
        states: list[str] = answer["states"]
        return states


def _start(command: list[str], env: dict[str, str], **kwargs: Any) -> subprocess.Popen[Any]:
    return subprocess.Popen(command, env=env, start_new_session=True, **kwargs)


def _stop(process: subprocess.Popen[Any]) -> None:
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


@contextmanager
def accessible_program(
    args: list[str], width: int = 1280, height: int = 800
) -> Iterator[ScreenReader]:
    """The program started with `args` on its own X display and accessibility bus."""
    started: list[subprocess.Popen[Any]] = []
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "AT_SPI"))}
    base.pop("DISPLAY", None)
    try:
        read_end, write_end = os.pipe()
        xvfb = _start(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
            ],
            base,
            pass_fds=(write_end,),
            stderr=subprocess.DEVNULL,
        )
        started.append(xvfb)
        os.close(write_end)
        with os.fdopen(read_end) as display_pipe:
            display = display_pipe.readline().strip()
        env = {**base, "DISPLAY": f":{display}"}
        dbus = _start(
            ["dbus-daemon", "--session", "--nofork", "--print-address"],
            env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        started.append(dbus)
        assert dbus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = dbus.stdout.readline().strip()
        started.append(
            _start([BUS_LAUNCHER, "--launch-immediately"], env, stderr=subprocess.DEVNULL)
        )
        app_env = {
            **env,
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
        }
        started.append(
            _start(
                [sys.executable, "-m", "desktop_app", *args],
                app_env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        client = _start(
            [SYSTEM_PYTHON, str(CLIENT)],
            env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        started.append(client)
        reader = ScreenReader(client)
        if not reader.ask("wait_app", name=APP_NAME, timeout=30)["ok"]:
            raise RuntimeError("the program never appeared on the accessibility bus")
        yield reader
    finally:
        for process in reversed(started):
            _stop(process)
