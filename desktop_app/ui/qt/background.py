"""Run slow work (building and saving a PDF) off the GUI thread, reporting back by signal."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import NoReturn

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class ExpectedFailure(Exception):
    """A failure whose message is written for people (a full disk, a missing folder)."""


class _JobSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class BackgroundJob[R]:
    """Runs `work` in the thread pool; the callbacks run on the GUI thread afterwards.

    `on_success` gets what `work` returned (of type R).

    The worker never touches a widget: it only emits a signal, which Qt delivers to the
    receivers in the GUI thread. Not a QRunnable: PySide6 6.12 keeps a reference to a
    QRunnable started with auto-delete off for good (measured: 5 of 5 left), and with
    auto-delete on the worker thread would destroy the job's signal object, which
    belongs to the GUI thread. The pool gets the bound `run` instead and lets it go.
    """

    def __init__(
        self,
        work: Callable[[], R],
        on_success: Callable[[R], None],
        on_failure: Callable[[str], None],
        generic_failure: str,
        token: object = None,
    ) -> None:
        self.token = token  # how the callbacks tell this job from another
        self._work = work
        self._generic_failure = generic_failure
        self.signals = _JobSignals()
        self.signals.succeeded.connect(on_success)
        self.signals.failed.connect(on_failure)

    def run(self) -> None:
        work, self._work = self._work, _spent  # what the work held goes with the work
        try:
            result = work()
        except ExpectedFailure as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # the log keeps the traceback; the person gets a plain message
            log.error("background job failed: %s", _without_message(exc))
            self.signals.failed.emit(self._generic_failure)
        else:
            self.signals.succeeded.emit(result)


def _spent() -> NoReturn:
    raise RuntimeError("a background job runs once")


def _without_message(exc: BaseException) -> str:
    """The exception's type and where it was raised, but not its message.

    Messages can quote what they failed on (a paragraph of the handout with the
    patient's name in it), and logs never hold names or notes.
    """
    frames = "".join(traceback.format_tb(exc.__traceback__))
    return f"{type(exc).__module__}.{type(exc).__qualname__}\n{frames}".rstrip()


def start[R](job: BackgroundJob[R]) -> BackgroundJob[R]:
    """Queue a job on the global thread pool and return it.

    Keep the returned job until its callback has run: the GUI thread must hold the last
    reference, so its signal object is destroyed there and not in the worker.
    """
    QThreadPool.globalInstance().start(job.run)
    return job
