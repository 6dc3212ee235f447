"""Emit Qt signals from Python safely on every supported PySide6 release.

PySide6 6.12.0 returns the bool from ``SignalInstance.emit()`` with one reference
too few: each emit from Python takes a reference away from ``True`` or ``False``,
and after about a thousand emits the interpreter aborts with "bool_dealloc".
Older releases (6.11) do not. At import we measure whether this PySide6 does it,
and if so every emit gives the missing reference back. Holding an extra reference
to ``True`` or ``False`` is harmless, so the fix is safe even if the probe misjudges.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    fired = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    results: list[object] = []
    before = sys.getrefcount(True) + sys.getrefcount(False)
    for _ in range(8):
        results.append(probe.fired.emit())  # type: ignore[func-returns-value]
    held = sys.getrefcount(True) + sys.getrefcount(False) - before
    lost = 8 - held
    for result in results:  # give back what the probe itself took
        if lost > 0:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
    results.clear()
    return lost > 0


_MENDS_REFERENCES = _emit_loses_a_reference()


def emit(signal: SignalInstance, *args: Any) -> None:
    """Emit a signal, correcting PySide6 6.12.0's reference count of the result."""
    result = signal.emit(*args)  # type: ignore[func-returns-value]
    if _MENDS_REFERENCES:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
