"""File ▸ Print: the preview paints the report PDF's pages onto the printer, one for one."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from workbench.gui.printing import _preview_dpi, print_report, printer_for, render_pdf_to_printer
from workbench.gui.tasks import TaskRunner
from workbench.report import ReportOptions, write_report
from workbench.store.records import ArticleRecord, ClaimRecord, HistoryEntry


def test_printer_gets_one_page_per_report_page(
    qtbot: QtBot, tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord], options: ReportOptions
) -> None:
    report = write_report(article, claims, tmp_path / "report.pdf", options=options)
    printer = printer_for(options)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    painted = render_pdf_to_printer(report, printer, max_dpi=72)
    expected = len(pypdf.PdfReader(report).pages)
    assert painted == expected
    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == expected
    box = printed.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4, as the report


@pytest.mark.parametrize("use_worker", [False, True])
def test_print_report_opens_a_preview_that_paints_every_page_then_cleans_up(
    qtbot: QtBot,
    article: ArticleRecord,
    claims: list[ClaimRecord],
    history: dict[int, list[HistoryEntry]],
    use_worker: bool,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    tasks = TaskRunner(parent, synchronous=True) if use_worker else None
    options = ReportOptions(page_size="Letter")
    job = print_report(parent, article, claims, options, history, tasks=tasks)
    with qtbot.waitSignal(job.preview_opened, timeout=10_000):
        pass
    dialog = job.dialog
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.isVisible()
    pages = len(pypdf.PdfReader(job.pdf_path).pages)
    qtbot.waitUntil(lambda: job.pages_painted == pages, timeout=10_000)
    folder = job.pdf_path.parent
    with qtbot.waitSignal(job.finished, timeout=5_000):
        dialog.reject()
    assert not folder.exists()


@pytest.mark.parametrize("use_worker", [False, True])
def test_a_report_that_cannot_be_written_says_why(
    qtbot: QtBot, article: ArticleRecord, claims: list[ClaimRecord], use_worker: bool
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    tasks = TaskRunner(parent, synchronous=True) if use_worker else None
    job = print_report(parent, article, claims, ReportOptions(page_size="A3"), tasks=tasks)
    with qtbot.waitSignal(job.failed, timeout=5_000) as failure:
        pass
    assert "page size must be one of A4, Letter" in failure.args[0]
    assert job.dialog is None


def test_preview_resolution_shrinks_for_long_reports(tmp_path: Path) -> None:
    # The preview holds every page's image at once; printing renders one page at a time.
    from reportlab.pdfgen.canvas import Canvas

    def blank_pdf(pages: int) -> pdfium.PdfDocument:
        path = tmp_path / f"{pages}.pdf"
        canvas = Canvas(str(path))
        for _ in range(pages):
            canvas.showPage()
        canvas.save()
        return pdfium.PdfDocument(str(path))

    assert _preview_dpi(blank_pdf(10)) == 96
    long = _preview_dpi(blank_pdf(400))
    assert 36 <= long < 60
