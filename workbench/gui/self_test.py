"""``workbench open --self-test``: proves an installed or frozen app works, end to end, offscreen.

Checks that the shipped claim classifier loads, imports the bundled sample, extracts its claims, marks
one in a throwaway workspace, writes the PDF report, reads its text back, and builds the main window
with its icon. Exit status 0 only if every step worked; the failing step is named on stderr.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path

import pypdfium2
from PySide6.QtWidgets import QApplication

from workbench.assets import resource_path, sample_article
from workbench.claims import ClaimExtractor
from workbench.claims.pipeline import CLASSIFIER_NAME, MODEL_FOLDER, load_pipeline
from workbench.opening import open_file
from workbench.report import ReportOptions, write_report
from workbench.store import Status, Workspace


def _pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def run_self_test(app: QApplication) -> int:
    step = "start"
    try:
        step = "load the claims pipeline"
        nlp = load_pipeline()
        shipped = resource_path("models", MODEL_FOLDER, "config.cfg").is_file()
        if shipped and CLASSIFIER_NAME not in nlp.component_names:
            raise AssertionError(f"the shipped classifier {MODEL_FOLDER!r} is not in the pipeline")
        with tempfile.TemporaryDirectory(prefix="workbench-self-test-") as folder:
            step = "open the workspace"
            workspace = Workspace(f"sqlite:///{Path(folder) / 'workspace.sqlite'}")
            try:
                step = "import the sample and extract claims"
                opened = open_file(workspace, sample_article(), ClaimExtractor(), who="self-test")
                claims = workspace.claims(opened.article.id)
                if not claims:
                    raise AssertionError("no claims found in the sample article")
                step = "mark a claim"
                marked = workspace.set_status(claims[0].id, Status.VERIFIED, who="self-test")
                workspace.set_note(marked.id, "self-test note Zoë & <b>", who="self-test")
                step = "write the PDF report"
                report = Path(folder) / "report.pdf"
                write_report(
                    opened.article,
                    workspace.claims(opened.article.id, include_dismissed=True),
                    report,
                    options=ReportOptions(checker="self-test"),
                )
                step = "read the report back"
                text = " ".join(_pdf_text(report).split())
                if "self-test note Zoë & <b>" not in text:
                    raise AssertionError("the note is missing from the report")
            finally:
                workspace.close()
            step = "load the main window"
            from workbench.gui.main_window import MainWindow

            window = MainWindow(db=f"sqlite:///{Path(folder) / 'window.sqlite'}")
            if app.windowIcon().isNull() or window.windowIcon().isNull():
                raise AssertionError("the application icon is missing")
            window.close()
            app.processEvents()
    except Exception:
        print(f"self-test FAILED at: {step}", file=sys.stderr)
        traceback.print_exc()
        return 1
    classifier = "trained classifier" if shipped else "no trained classifier shipped"
    print(f"self-test passed: {len(claims)} claims ({classifier}), report read back")
    return 0
