"""Show and print the real PDF pages, so the screen, the paper and the file never differ."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo


class PdfLoadError(RuntimeError):
    """QtPdf could not read the PDF the program made (a bug, not a user error)."""


class LoadedPdf:
    """A PDF held in memory, open for rendering.

    Every LoadedPdf loads into one QPdfDocument that lives as long as the program.
    With PySide6/QtPdf 6.12, each QPdfDocument that renders pages and is then destroyed
    leaves about 190 KB behind (measured over 60 handouts: 101.5 MB to 112.9 MB, against
    103.5 MB to 103.9 MB when one document is loaded again each time); a kiosk that
    previews a few hundred handouts a day would grow by tens of megabytes. The pages
    are used one PDF at a time (preview, then print), and a LoadedPdf whose turn has
    passed loads its bytes again before it renders.
    """

    _document: QPdfDocument | None = None
    _loaded_by: LoadedPdf | None = None

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._load()

    def _load(self) -> None:
        cls = type(self)
        if cls._document is None:
            cls._document = QPdfDocument()
        document = cls._document
        document.close()
        self._bytes = QByteArray(self._data)
        self._buffer = QBuffer()
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(self._buffer)
        cls._loaded_by = self
        if document.status() != QPdfDocument.Status.Ready:
            raise PdfLoadError(f"QtPdf could not read the handout ({document.error()})")

    @property
    def document(self) -> QPdfDocument:
        """The open document, holding this PDF."""
        if type(self)._loaded_by is not self:
            self._load()
        document = type(self)._document
        assert document is not None
        return document

    def close(self) -> None:
        """Done with these pages: the shared document lets go of this PDF's bytes."""
        cls = type(self)
        if cls._loaded_by is self and cls._document is not None:
            cls._document.close()
            cls._loaded_by = None
        self._buffer.close()

    def __enter__(self) -> LoadedPdf:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def page_count(self) -> int:
        """How many pages the PDF has."""
        return self.document.pageCount()

    def render(self, page: int, width_px: int) -> QImage:
        """One page as an image `width_px` wide, keeping the page's proportions."""
        document = self.document
        points = document.pagePointSize(page)
        height_px = round(width_px * points.height() / points.width())
        return document.render(page, QSize(width_px, height_px))


def printer_names() -> list[str]:
    """The printers this computer knows."""
    return list(QPrinterInfo.availablePrinterNames())


MAX_PRINT_DPI = 300
JOB_TITLE = "mbc-guide handout"
"""The print job's title, which print queues keep: never the patient's name."""


def named_printer(name: str) -> QPrinter | None:
    """A printer set up for the named system printer, or None when it is not available."""
    if not name or name not in printer_names():
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    if not printer.isValid():
        return None
    printer.setDocName(JOB_TITLE)
    return printer


def print_test_page(printer: QPrinter, lines: list[str]) -> None:
    """Print one page of plain lines (the staff test print); OSError when it cannot start."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        font = QFont("DejaVu Sans", 14)
        painter.setFont(font)
        step = round(painter.fontMetrics().lineSpacing() * 1.5)
        area = painter.viewport()
        for number, line in enumerate(lines):
            painter.drawText(area.left() + step, area.top() + step * (number + 2), line)
    finally:
        painter.end()


def print_pdf(pdf: LoadedPdf, printer: QPrinter) -> int:
    """Paint every page of the PDF onto the printer; returns the number of pages sent."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        # 300 dpi is print quality for text; a 1200 dpi printer would take seconds a page.
        resolution = min(printer.resolution(), MAX_PRINT_DPI)
        for page in range(pdf.page_count):
            if page:
                printer.newPage()
            target: QRect = painter.viewport()
            points = pdf.document.pagePointSize(page)
            width_px = round(points.width() / 72 * resolution)
            image = pdf.render(page, width_px)
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
    return pdf.page_count
