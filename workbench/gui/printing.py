"""File ▸ Print: the verification report through Qt's print support, with a print preview.

The report is written as a PDF first (off the GUI thread when a :class:`TaskRunner` is given), and
the preview's paint handler draws that PDF's pages onto the printer, each rendered with pdfium at the
printer's resolution (capped, so a 1200 dpi printer does not need half a gigabyte per page). So
printing gives the same pages as the exported PDF: same layout, same page breaks, same numbers.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from workbench.report import ReportOptions, write_report
from workbench.store.records import ArticleRecord, ClaimRecord, HistoryEntry

from .tasks import TaskRunner

log = logging.getLogger(__name__)

MAX_PRINT_DPI = 300  # enough for text on paper; a page at 300 dpi is about 35 MB while it is drawn
# The print preview keeps every page's image in memory at once: a lower resolution, shared out so
# all pages together stay near PREVIEW_BUDGET bytes (96 dpi up to ~50 pages, less for longer ones;
# Qt holds about two copies while the preview is built).
PREVIEW_DPI = 96
MIN_PREVIEW_DPI = 36
PREVIEW_BUDGET = 150_000_000


def render_pdf_to_printer(pdf_path: str | Path, printer: QPrinter, *, max_dpi: int = MAX_PRINT_DPI) -> int:
    """Draw every page of the PDF onto ``printer``, one printer page per PDF page; returns the count.

    Each page is scaled to fit the printer's paper, keeping its aspect ratio, and centred. When the
    painter records for a print preview (a picture engine), pages are rendered at a lower resolution.
    """
    document = pdfium.PdfDocument(str(pdf_path))
    painter = QPainter()
    try:
        if len(document) == 0:
            return 0
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        dpi = min(max(printer.resolution(), 72), max_dpi)
        image_format = QImage.Format.Format_RGB32
        if painter.paintEngine().type() == QPaintEngine.Type.Picture:  # the preview records every page
            dpi = min(dpi, _preview_dpi(document))
            image_format = QImage.Format.Format_RGB888  # 3 bytes a pixel instead of 4
        for index in range(len(document)):
            if index:
                printer.newPage()
            page = document[index]
            width_pt, height_pt = page.get_size()
            target = painter.viewport()
            bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
            pixels = QImage(
                bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
            )
            # An image that owns its pixels: pdfium's buffer goes away with the bitmap.
            image = pixels.copy() if image_format == pixels.format() else pixels.convertToFormat(image_format)
            fitted = QSize(round(width_pt), round(height_pt)).scaled(
                target.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            x = target.x() + (target.width() - fitted.width()) // 2
            y = target.y() + (target.height() - fitted.height()) // 2
            painter.drawImage(QRect(x, y, fitted.width(), fitted.height()), image)
            page.close()
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def _preview_dpi(document: pdfium.PdfDocument) -> int:
    """The resolution at which all pages of the preview fit the memory budget."""
    square_inches = sum(w * h for w, h in (document.get_page_size(i) for i in range(len(document)))) / 72**2
    fitting = int((PREVIEW_BUDGET / 3 / max(square_inches, 1.0)) ** 0.5)
    return max(MIN_PREVIEW_DPI, min(PREVIEW_DPI, fitting))


def printer_for(options: ReportOptions) -> QPrinter:
    """A high-resolution printer set to the report's paper, with no margins (the PDF has its own)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = QPageSize.PageSizeId.Letter if options.page_size == "Letter" else QPageSize.PageSizeId.A4
    printer.setPageSize(QPageSize(size))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


class ReportPrintJob(QObject):
    """One File ▸ Print: writes the report PDF to a temporary folder, then shows the print preview.

    Signals:
        preview_opened(): the PDF is written and the print preview dialog is showing.
        failed(str): the report could not be written or shown; the message says why.
        finished(): the preview was closed (printed or cancelled); the temporary PDF is gone.
    """

    preview_opened = Signal()
    failed = Signal(str)
    finished = Signal()

    def __init__(self, parent: QWidget, options: ReportOptions) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._options = options
        self._folder = Path(tempfile.mkdtemp(prefix="workbench-print-"))
        self.pdf_path = self._folder / "verification-report.pdf"
        self.printer = printer_for(options)
        self.dialog: QPrintPreviewDialog | None = None
        self.pages_painted = 0

    def start(
        self,
        article: ArticleRecord,
        claims: Sequence[ClaimRecord],
        history: Mapping[int, Sequence[HistoryEntry]] | None,
        tasks: TaskRunner | None,
    ) -> None:
        claims = tuple(claims)  # the worker gets its own copy of plain, frozen records
        path, options = self.pdf_path, self._options

        def write(_context: object = None) -> Path:
            return write_report(article, claims, path, format="pdf", options=options, history=history)

        def begin() -> None:
            if tasks is not None:
                tasks.run(write, lane="nlp", on_done=self._on_written, on_error=self._on_failed)
                return
            try:
                write()
            except Exception as error:  # reported through ``failed``, as the worker path does
                self._on_failed(error)
            else:
                self._on_written(path)

        # From the event loop, never inside this call: by then the caller has connected to the
        # job's signals, even when the task runner is synchronous (as in tests).
        QTimer.singleShot(0, self, begin)

    def _on_written(self, _path: object) -> None:
        dialog = QPrintPreviewDialog(self.printer, self._parent_widget)
        dialog.setWindowTitle("Print verification report")
        dialog.paintRequested.connect(self._on_paint_requested)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        self.preview_opened.emit()

    def _on_paint_requested(self, printer: QPrinter) -> None:
        try:
            self.pages_painted = render_pdf_to_printer(self.pdf_path, printer)
        except Exception as error:  # a paint handler must not raise into Qt
            log.exception("printing the report failed")
            self.failed.emit(f"The report could not be printed: {error}")

    def _on_failed(self, error: BaseException) -> None:
        self.failed.emit(f"The report could not be prepared for printing: {error}")
        self._cleanup()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self._cleanup()

    def _cleanup(self) -> None:
        # The job itself stays (its parent owns it): deleting it here would pull the object out from
        # under whoever is still connected to ``finished``. It holds no more than a QPrinter.
        shutil.rmtree(self._folder, ignore_errors=True)
        self.finished.emit()


def print_report(
    parent: QWidget,
    article: ArticleRecord,
    claims: Sequence[ClaimRecord],
    options: ReportOptions,
    history: Mapping[int, Sequence[HistoryEntry]] | None = None,
    *,
    tasks: TaskRunner | None = None,
) -> ReportPrintJob:
    """Write the report and open the print preview (non-blocking); returns the job to watch.

    Work starts on the next turn of the event loop: the PDF is written on the runner's worker (with
    ``tasks``) or right there (without), and the preview opens when it is done. Connect to the job's
    ``failed`` signal to show errors.
    """
    job = ReportPrintJob(parent, options)
    job.start(article, claims, history, tasks)
    return job
