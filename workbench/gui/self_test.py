"""``workbench open --self-test``: proves an installed or frozen app works, end to end, offscreen.

Checks that the shipped claim classifier loads, imports the bundled sample, extracts its claims, marks
one in a throwaway workspace, writes the PDF report and reads its text back, imports that PDF and a
Word document through the article importers, loads every size of the icon, and opens the main window
on a throwaway workspace (its form, its migrations). These are the places a bundle breaks when a data
file or a lazily imported module is left out. Nothing of the user's (workspace, settings) is touched.
Exit status 0 only if every step worked; the failing step is named on stderr.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path

import pypdfium2
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from workbench.assets import resource_path, sample_article
from workbench.claims import ClaimExtractor
from workbench.claims.pipeline import CLASSIFIER_NAME, MODEL_FOLDER, load_pipeline
from workbench.importers import import_file
from workbench.opening import open_file
from workbench.report import ReportOptions, write_report
from workbench.store import Status, Workspace

NOTE = "self-test note Zoë & <b>"
WORD_TEXT = "The self-test wrote this Word paragraph in 2026."
WINDOW_TIMEOUT_MS = 60_000


def _pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def _words(text: str) -> str:
    return " ".join(text.split())


def _write_word_document(path: Path) -> None:
    """A small .docx with a header, made with python-docx (which needs its bundled templates)."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Self-test header"
    document.add_heading("Self-test article", level=1)
    document.add_paragraph(WORD_TEXT)
    document.save(str(path))


def _open_window(folder: Path) -> None:
    """Build the main window on a workspace in ``folder``, wait until it is open, close it again."""
    from workbench.gui.main_window import MainWindow

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)  # not the user's
    window = MainWindow(db=f"sqlite:///{folder / 'window.sqlite'}", settings=settings)
    outcome: list[str] = []
    loop = QEventLoop()
    window.workspace_ready.connect(lambda: (outcome.append(""), loop.quit()))
    window.failed.connect(lambda message: (outcome.append(message or "failed"), loop.quit()))
    QTimer.singleShot(WINDOW_TIMEOUT_MS, loop.quit)
    try:
        loop.exec()
        if not outcome:
            raise AssertionError(f"the window's workspace did not open in {WINDOW_TIMEOUT_MS // 1000} s")
        if outcome[0]:
            raise AssertionError(f"the window could not open its workspace: {outcome[0]}")
    finally:
        window.close()  # closes the workspace, so the folder can be removed


def run_self_test(app: QApplication) -> int:
    """Run every step; print what passed, or which step failed and why. Returns the exit status."""
    step = "load the claims pipeline"
    try:
        nlp = load_pipeline()
        shipped = resource_path("models", MODEL_FOLDER, "config.cfg").is_file()
        if shipped and CLASSIFIER_NAME not in nlp.component_names:
            raise AssertionError(f"the shipped classifier {MODEL_FOLDER!r} is not in the pipeline")
        with tempfile.TemporaryDirectory(prefix="workbench-self-test-") as name:
            folder = Path(name)
            step = "open the workspace"
            workspace = Workspace(f"sqlite:///{folder / 'workspace.sqlite'}")
            try:
                step = "import the sample and extract claims"
                opened = open_file(workspace, sample_article(), ClaimExtractor(), who="self-test")
                claims = workspace.claims(opened.article.id)
                if not claims:
                    raise AssertionError("no claims found in the sample article")
                step = "mark a claim"
                marked = workspace.set_status(claims[0].id, Status.VERIFIED, who="self-test")
                workspace.set_note(marked.id, NOTE, who="self-test")
                step = "write the PDF report"
                report = folder / "report.pdf"
                write_report(
                    opened.article,
                    workspace.claims(opened.article.id, include_dismissed=True),
                    report,
                    options=ReportOptions(checker="self-test"),
                )
            finally:
                workspace.close()
            step = "read the report back"
            if NOTE not in _words(_pdf_text(report)):
                raise AssertionError("the note is missing from the report")
            step = "import a PDF article"
            if NOTE not in _words(import_file(report).text):
                raise AssertionError("the PDF importer lost the report's text")
            step = "import a Word article"
            word = folder / "article.docx"
            _write_word_document(word)
            if WORD_TEXT not in _words(import_file(word).text):
                raise AssertionError("the Word importer lost the document's text")
            step = "load the application icon"
            from workbench.gui.app import ICON_SIZES, app_icon

            sizes = {size.width() for size in app_icon().availableSizes()}
            if not set(ICON_SIZES) <= sizes:
                raise AssertionError(f"icon sizes missing: {sorted(set(ICON_SIZES) - sizes)}")
            step = "open the main window on a workspace"
            _open_window(folder)
            app.processEvents()
    except Exception:
        print(f"self-test FAILED at: {step}", file=sys.stderr)
        traceback.print_exc()
        return 1
    classifier = "trained classifier" if shipped else "no trained classifier shipped"
    print(f"self-test passed: {len(claims)} claims ({classifier}); report read back; PDF and Word import")
    return 0
