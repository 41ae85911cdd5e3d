"""The report package is core: it must work headless, without Qt loaded."""

from __future__ import annotations

import subprocess
import sys


def test_report_package_does_not_import_qt() -> None:
    code = (
        "import sys, workbench.report, workbench.report.pdf\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
