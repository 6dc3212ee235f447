"""Run slow work (building and saving a PDF) off the GUI thread, reporting back by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.ui.signals import emit

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
            emit(self.signals.failed, str(exc))
        except Exception:  # the log keeps the traceback; the person gets a plain message
            log.exception("background job failed")
            emit(self.signals.failed, self._generic_failure)
        else:
            emit(self.signals.succeeded, result)


def start(job: BackgroundJob) -> BackgroundJob:
    """Queue a job on the global thread pool and return it (keep a reference until done)."""
    QThreadPool.globalInstance().start(job)
    return job
