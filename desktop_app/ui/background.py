"""Run slow work (building and saving a PDF) off the GUI thread, reporting back by signal."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class ExpectedFailure(Exception):
    """A failure whose message is written for people (a full disk, a missing folder)."""


class _JobSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class BackgroundJob(QRunnable):
    """Runs `work` in the thread pool; the callbacks run on the GUI thread afterwards.

    The worker never touches a widget: it only emits a signal, which Qt delivers to the
    receivers in the GUI thread.
    """

    def __init__(
        self,
        work: Callable[[], object],
        on_success: Callable[[object], None],
        on_failure: Callable[[str], None],
        generic_failure: str,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work = work
        self._generic_failure = generic_failure
        self.signals = _JobSignals()
        self.signals.succeeded.connect(on_success)
        self.signals.failed.connect(on_failure)

    def run(self) -> None:
        try:
            result = self._work()
        except ExpectedFailure as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # the log keeps the traceback; the person gets a plain message
            log.error("background job failed: %s", _without_message(exc))
            self.signals.failed.emit(self._generic_failure)
        else:
            self.signals.succeeded.emit(result)


def _without_message(exc: BaseException) -> str:
    """The exception's type and where it was raised, but not its message.

    Messages can quote what they failed on (a paragraph of the handout with the
    patient's name in it), and logs never hold names or notes.
    """
    frames = "".join(traceback.format_tb(exc.__traceback__))
    return f"{type(exc).__module__}.{type(exc).__qualname__}\n{frames}".rstrip()


def start(job: BackgroundJob) -> BackgroundJob:
    """Queue a job on the global thread pool and return it (keep a reference until done)."""
    QThreadPool.globalInstance().start(job)
    return job
