"""`workbench open` imports nothing heavy before the window: spaCy, SQLAlchemy and the parsers load after its
first paint."""

from __future__ import annotations

import json
import subprocess
import sys

# Each costs 0.2-0.7 s of interpreter time; imported with the window's modules they delay its first paint.
HEAVY = ("spacy", "thinc", "sqlalchemy", "alembic", "trafilatura", "docx", "pypdfium2", "reportlab")


def test_window_modules_leave_the_heavy_libraries_for_later() -> None:
    probe = (
        "import json, sys\n"
        "import workbench.cli.main, workbench.gui.app, workbench.gui.main_window\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout) == []
