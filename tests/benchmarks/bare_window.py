"""The yardstick for start-up: a bare PySide6 main window, timed like `mbc-guide --smoke`."""

import time

STARTED_AT = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"startup_ms={(time.perf_counter() - STARTED_AT) * 1000:.0f}", flush=True)
        self.app.quit()


def main() -> None:
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("A bare window"))
    watcher = _FirstPaint(app)
    window.installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
