"""The handout page: who it is for, what to include, then preview, print or save the PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.content.model import ContentLibrary
from desktop_app.handout.request import (
    ClinicDetails,
    HandoutRequest,
    PageSize,
    Section,
)
from desktop_app.handout.user_text import MAX_NAME_LENGTH, MAX_NOTES_LENGTH
from desktop_app.ui.models.session import PatientSession
from desktop_app.ui.models.site_model import SiteSelectionModel
from desktop_app.ui.qt.background import BackgroundJob, ExpectedFailure, start
from desktop_app.ui.qt.reflow import ReflowScrollArea
from desktop_app.ui.widgets.headings import heading
from desktop_app.ui.widgets.pdf_pages import (
    JOB_TITLE,
    LoadedPdf,
    named_printer,
    print_pdf,
    printer_names,
)

SECTION_LABELS = {
    Section.DIAGRAM: "Body diagram",
    Section.SITES: "Summary and warning signs for each body part",
    Section.COMPARISON: "Comparison table",
    Section.DISCUSSED: "Options discussed today",
    Section.NOTES: "Notes",
    Section.QUESTIONS: "Questions",
    Section.GLOSSARY: "Glossary of words used",
    Section.SOURCES: "Sources and review dates",
}
BUILD_FAILED = "The handout could not be made. Please try again; if it fails again, tell IT."
RECEPTION = "Please ask at the reception desk."
KIOSK_NO_PRINTER = f"Printing is not available here right now. {RECEPTION}"
KIOSK_PRINT_FAILED = f"Your handout could not be printed. {RECEPTION}"
KIOSK_BUILD_FAILED = f"Your handout could not be made. {RECEPTION}"
KIOSK_PRINTED = "Your handout is printing. Please collect it from the printer."
NAME_HINTS = Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhSensitiveData

ChooseSavePath = Callable[[QWidget, str], Path | None]
Inform = Callable[[QWidget, str, str], None]


class _HandoutBuild:
    """The PDF build, to run off-thread; what it had to change in typed text is kept."""

    def __init__(self, library: ContentLibrary, request: HandoutRequest, staff: bool) -> None:
        self._library = library
        self._request = request
        self._staff = staff
        self.notices: list[str] = []

    def __call__(self) -> bytes:
        from desktop_app.handout.builder import render_handout

        rendered = render_handout(self._library, self._request)
        self.notices.extend(notice.message for notice in rendered.field_notices)
        if self._staff:  # a logo problem is for staff, never for a patient at a kiosk
            self.notices.extend(rendered.notices)
        return rendered.data


def choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save the PDF; tests replace this function."""
    path, _ = QFileDialog.getSaveFileName(parent, "Save the handout", suggested, "PDF (*.pdf)")
    if not path:
        return None
    return Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")


def inform(parent: QWidget, title: str, text: str) -> None:
    """Tell the person something in a dialog; tests replace this function."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def choose_printer(parent: QWidget, preferred: str = "") -> QPrinter | None:
    """Ask which printer and how; None when the person cancels. Tests replace this."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(JOB_TITLE)
    if preferred and preferred in printer_names():
        printer.setPrinterName(preferred)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


class HandoutPage(QWidget):
    """Builds a HandoutRequest from the session and the form; the PDF work runs off-thread."""

    pdfReady = Signal(bytes)  # every finished build, for preview and tests
    saved = Signal(str)
    printed = Signal()
    failed = Signal(str)

    def __init__(
        self,
        library: ContentLibrary,
        selection: SiteSelectionModel,
        session: PatientSession,
        clinic: ClinicDetails,
        consultation: bool,
        printer_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._selection = selection
        self._session = session
        self._clinic = clinic
        self._consultation = consultation
        self._printer_name = printer_name
        self._job: BackgroundJob[Any] | None = None
        # Jobs still running when the session was cleared: kept alive until they end,
        # and their results dropped (they belong to the last person).
        self._abandoned: list[BackgroundJob[Any]] = []
        # The job that reported last: its signal object is still delivering the report
        # when the callback runs, so it is let go only when the next job reports.
        self._reported: BackgroundJob[Any] | None = None
        self._notices: list[str] = []  # what the last build changed in typed text
        self.choose_save_path: ChooseSavePath = choose_save_path
        self.inform: Inform = inform
        # Consultation: the print dialog, the configured printer chosen in it. Kiosk: the
        # configured printer, with no dialog at all. Tests replace this.
        self.choose_printer: Callable[[QWidget], QPrinter | None] = (
            partial(choose_printer, preferred=printer_name)
            if consultation
            else lambda _parent: named_printer(printer_name)
        )
        self.preview_pages: list[QLabel] = []
        self._build_form()
        session.cleared.connect(self._on_session_cleared)

    # -- the form ----------------------------------------------------------
    def _build_form(self) -> None:
        outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._outer = outer
        outer.setContentsMargins(16, 12, 16, 16)
        form_page = QWidget()
        form_side = QVBoxLayout(form_page)
        form_side.setContentsMargins(0, 0, 8, 0)
        title = heading("Your handout")
        form_side.addWidget(title)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.name_edit.setPlaceholderText("Optional")
        self.name_edit.setAccessibleName("Patient name (optional)")
        self.name_edit.setInputMethodHints(NAME_HINTS)
        form.addRow("Your name" if not self._consultation else "Patient name", self.name_edit)
        self.prepared_edit = QLineEdit()
        self.prepared_edit.setMaxLength(MAX_NAME_LENGTH)
        self.prepared_edit.setAccessibleName("Prepared by")
        form.addRow("Prepared by", self.prepared_edit)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setAccessibleName("Date")
        form.addRow("Date", self.date_edit)
        self.page_size = QComboBox()
        self.page_size.addItem("A4", PageSize.A4)
        self.page_size.addItem("US Letter", PageSize.LETTER)
        self.page_size.setAccessibleName("Page size")
        form.addRow("Page size", self.page_size)
        self.large_print = QCheckBox("Large print")
        self.large_print.setAccessibleName("Large print")
        form.addRow("", self.large_print)
        form_side.addLayout(form)
        if not self._consultation:
            # A patient alone: today's date, the clinic's paper, nobody else's name.
            for field_widget in (self.prepared_edit, self.date_edit, self.page_size):
                form.setRowVisible(field_widget, False)
        self.section_boxes: dict[Section, QCheckBox] = {}
        sections_label = QLabel("Include")
        sections_label.setFont(self._bold(sections_label))
        form_side.addWidget(sections_label)
        for section in Section:
            box = QCheckBox(SECTION_LABELS[section])
            box.setAccessibleName(f"Include {SECTION_LABELS[section].lower()}")
            self.section_boxes[section] = box
            form_side.addWidget(box)
            # Kiosk: the whole handout (nothing was "discussed"); no list of boxes to fill.
            box.setVisible(self._consultation)
        sections_label.setVisible(self._consultation)
        notes_label = QLabel("Notes for the handout" if self._consultation else "Your notes")
        notes_label.setFont(self._bold(notes_label))
        form_side.addWidget(notes_label)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName("Notes for the handout")
        self.notes_edit.setInputMethodHints(NAME_HINTS)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.textChanged.connect(self._on_notes_changed)
        form_side.addWidget(self.notes_edit, 1)
        self.notes_count = QLabel()
        form_side.addWidget(self.notes_count)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton("Preview")
        self.preview_button.setAccessibleName("Preview the handout")
        self.preview_button.clicked.connect(self.preview)
        buttons.addWidget(self.preview_button)
        self.print_button = QPushButton("Print\u2026" if self._consultation else "Print my handout")
        self.print_button.setAccessibleName("Print the handout")
        self.print_button.clicked.connect(self.print_handout)
        buttons.addWidget(self.print_button)
        self.save_button = QPushButton("Save as PDF\u2026")
        self.save_button.setAccessibleName("Save the handout as a PDF file")
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(self._consultation)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form_side.addLayout(buttons)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleDescription("Handout status")
        form_side.addWidget(self.status)
        # The form scrolls rather than squeezing its rows at large text sizes.
        self.form_area = ReflowScrollArea()
        self.form_area.setAccessibleName("Handout settings")
        self.form_area.set_page(form_page)
        outer.addWidget(self.form_area, 2)
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setAccessibleName("Handout preview")
        self._show_preview_hint()
        outer.addWidget(self.preview_area, 3)
        for edit in (self.name_edit, self.prepared_edit):
            edit.textChanged.connect(self._store_fields)
        self._on_notes_changed()
        self._show_form()
        self.date_edit.dateChanged.connect(self._store_form)
        self.page_size.currentIndexChanged.connect(self._store_form)
        self.large_print.toggled.connect(self._store_form)
        for box in self.section_boxes.values():
            box.toggled.connect(self._store_form)

    @staticmethod
    def _bold(label: QLabel) -> QFont:
        font = label.font()
        font.setBold(True)
        return font

    def _show_preview_hint(self) -> None:
        hint = QLabel("Press \u201cPreview\u201d to see the handout pages here.")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.preview_area.setWidget(hint)
        self.preview_pages = []

    def _on_notes_changed(self) -> None:
        text = self.notes_edit.toPlainText()
        if len(text) > MAX_NOTES_LENGTH:
            self.notes_edit.setPlainText(text[:MAX_NOTES_LENGTH])
            return
        self.notes_count.setText(f"{len(text):,} of {MAX_NOTES_LENGTH:,} characters")
        self._store_fields()

    def _store_fields(self) -> None:
        self._session.set_fields(
            self.name_edit.text(), self.prepared_edit.text(), self.notes_edit.toPlainText()
        )

    def _store_form(self, *_: object) -> None:
        date = self.date_edit.date()
        self._session.consultation.change_handout_form(
            date=dt.date(date.year(), date.month(), date.day()),
            page_size=self.page_size.currentData(),
            large_print=self.large_print.isChecked(),
            sections=frozenset(s for s, box in self.section_boxes.items() if box.isChecked()),
        )

    def _show_form(self) -> None:
        """Show the consultation's handout form (a fresh one: today, the clinic's paper)."""
        form = self._session.consultation.handout_form
        shown = form.date or dt.date.today()
        widgets = (self.date_edit, self.page_size, self.large_print, *self.section_boxes.values())
        for widget in widgets:
            widget.blockSignals(True)  # showing the form is not changing it
        self.date_edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.page_size.setCurrentIndex(self.page_size.findData(form.page_size))
        self.large_print.setChecked(form.large_print)
        for section, box in self.section_boxes.items():
            box.setChecked(section in form.sections)
        for widget in widgets:
            widget.blockSignals(False)

    def _on_session_cleared(self) -> None:
        """A new patient: the form as it was when the program started."""
        if self._job is not None:
            self._abandoned.append(self._job)
            self._job = None
        self._reported = None
        self._set_busy(False)
        for edit in (self.name_edit, self.prepared_edit):
            edit.blockSignals(True)
            edit.setText("")  # unlike clear(), setText also empties the undo history
            edit.blockSignals(False)
        self.notes_edit.blockSignals(True)
        self.notes_edit.clear()  # clears the undo history too
        self.notes_edit.blockSignals(False)
        self.notes_count.setText(f"0 of {MAX_NOTES_LENGTH:,} characters")
        self._show_form()
        self.status.clear()
        self._show_preview_hint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Put the preview under the form when the form would not fit beside it."""
        super().resizeEvent(event)
        form = self.form_area.widget()
        needed = (form.minimumSizeHint().width() if form is not None else 0) + 420
        direction = (
            QBoxLayout.Direction.LeftToRight
            if self.width() >= needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self._outer.direction() != direction:
            self._outer.setDirection(direction)

    # -- the request -------------------------------------------------------
    def request(self) -> HandoutRequest:
        """The handout the consultation describes right now (what the form shows)."""
        return self._session.consultation.to_handout_request(self._clinic)

    def _run[R](
        self,
        work: Callable[[], R],
        on_success: Callable[[R], None],
        notices: list[str] | None = None,
    ) -> None:
        if self._job is not None:
            return  # one PDF at a time
        self._notices = notices if notices is not None else getattr(work, "notices", [])
        self._set_busy(True)
        # The callbacks know their job by this token, not by the job itself: the job's
        # signals hold the callbacks, and a callback holding the job would make a cycle
        # through Qt that Python's collector cannot see, so every job would stay for good.
        token = object()

        def still_wanted() -> bool:
            """False for a job that outlived a reset: its result belongs to nobody."""
            for index, abandoned in enumerate(self._abandoned):
                if abandoned.token is token:
                    self._reported = self._abandoned.pop(index)
                    return False
            self._reported, self._job = self._job, None
            self._set_busy(False)
            return True

        def finished(result: R) -> None:
            if still_wanted():
                on_success(result)

        def failed(message: str) -> None:
            if not still_wanted():
                return
            if not self._consultation:
                message = KIOSK_BUILD_FAILED
            self.status.setText(message)
            self.failed.emit(message)
            self.inform(self, "The handout", message)

        self._job = start(BackgroundJob(work, finished, failed, BUILD_FAILED, token))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(not busy)
        if busy:
            self.status.setText("Making the handout\u2026")

    def _build_work(self) -> _HandoutBuild:
        return _HandoutBuild(self._library, self.request(), self._consultation)

    def _with_notices(self, status: str) -> str:
        """A status line, with what the last build had to change (never the text itself)."""
        return " ".join([status, *self._notices])

    # -- preview -----------------------------------------------------------
    def preview(self) -> None:
        """Build the PDF off-thread, then show its real pages."""
        self._run(self._build_work(), self._show_pages)

    def _show_pages(self, result: bytes) -> None:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        width = max(300, self.preview_area.viewport().width() - 40)
        self.preview_pages = []
        with LoadedPdf(result) as pdf:
            count = pdf.page_count
            for page in range(count):
                label = QLabel()
                label.setPixmap(QPixmap.fromImage(pdf.render(page, width)))
                label.setAccessibleName(f"Handout page {page + 1} of {count}")
                layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
                self.preview_pages.append(label)
        self.preview_area.setWidget(holder)
        self.status.setText(self._with_notices(f"Preview: {count} pages."))
        self.pdfReady.emit(result)

    # -- print -------------------------------------------------------------
    def print_handout(self) -> None:
        """Print the same pages the preview shows."""
        if not self._consultation:
            self._print_in_kiosk()
            return
        if not printer_names():
            message = (
                "No printer is set up on this computer. "
                + (
                    "Save the handout as a PDF instead, or ask "
                    if self._consultation
                    else "Please ask "
                )
                + "at the reception desk."
            )
            self.status.setText(message)
            self.inform(self, "Printing", message)
            return
        self._run(self._build_work(), self._print_pages)

    def _print_pages(self, result: bytes) -> None:
        printer = self.choose_printer(self)
        if printer is None:
            self.status.setText("Printing cancelled.")
            return
        try:
            with LoadedPdf(result) as pdf:
                pages = print_pdf(pdf, printer)
        except OSError as exc:
            message = f"The handout could not be printed ({exc}). Check the printer and try again."
            self.status.setText(message)
            self.inform(self, "Printing", message)
            return
        self.status.setText(self._with_notices(f"Sent {pages} pages to the printer."))
        self.printed.emit()

    def _print_in_kiosk(self) -> None:
        """Straight to the configured printer; any trouble sends the person to reception."""
        printer = self.choose_printer(self)
        if printer is None:
            self._tell("Printing", KIOSK_NO_PRINTER)
            return
        self._run(self._build_work(), partial(self._send_to, printer))

    def _send_to(self, printer: QPrinter, result: bytes) -> None:
        try:
            with LoadedPdf(result) as pdf:
                print_pdf(pdf, printer)
        except OSError:
            self._tell("Printing", KIOSK_PRINT_FAILED)
            return
        self.status.setText(self._with_notices(KIOSK_PRINTED))
        self.printed.emit()

    def _tell(self, title: str, message: str) -> None:
        self.status.setText(message)
        self.failed.emit(message)
        self.inform(self, title, message)

    # -- save --------------------------------------------------------------
    def save(self) -> None:
        """Ask where, then build and write the PDF off-thread, atomically."""
        if not self._consultation:
            return
        suggested = f"handout-{self.date_edit.date().toString('yyyy-MM-dd')}.pdf"
        path = self.choose_save_path(self, suggested)
        if path is None:
            return
        build = self._build_work()

        def work() -> str:
            from desktop_app.handout.save import SaveError, write_pdf_atomically

            data = build()
            try:
                write_pdf_atomically(path, data)
            except SaveError as exc:
                raise ExpectedFailure(str(exc)) from exc
            return str(path)

        self._run(work, self._on_saved, build.notices)

    def _on_saved(self, result: str) -> None:
        self.status.setText(self._with_notices(f"Saved: {result}"))
        self.saved.emit(result)
