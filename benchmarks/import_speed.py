"""Import speed on the real-world corpus, beside the claims step it feeds: run on demand, not in tests.

    .venv/bin/python benchmarks/import_speed.py [--corpus ../shared/corpus] [--no-claims]

Reports HTML pages per second, PDF pages per second and Word files per second (each file imported
once, after one warm-up import so library loading is not counted), and for comparison the seconds
the claims step takes on the same HTML articles.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from workbench.importers import import_file  # noqa: E402


def _time_imports(files: list[Path]) -> tuple[float, list[float], list[str]]:
    import_file(files[0])  # warm-up: imports, model loading, caches
    per_file: list[float] = []
    texts: list[str] = []
    started = time.perf_counter()
    for file in files:
        one = time.perf_counter()
        texts.append(import_file(file).text)
        per_file.append(time.perf_counter() - one)
    return time.perf_counter() - started, per_file, texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--no-claims", action="store_true", help="skip timing the claims step")
    args = parser.parse_args()

    html = sorted((args.corpus / "html").glob("*.html"))
    seconds, per_file, texts = _time_imports(html)
    print(
        f"html: {len(html)} pages in {seconds:.2f} s = {len(html) / seconds:.1f} pages/s "
        f"(median {statistics.median(per_file) * 1000:.0f} ms, slowest {max(per_file) * 1000:.0f} ms)"
    )

    pdfs = sorted((args.corpus / "pdf").glob("*.pdf"))
    pages = 0
    for file in pdfs:
        document = pdfium.PdfDocument(str(file))
        pages += len(document)
        document.close()
    seconds, per_file, _ = _time_imports(pdfs)
    print(
        f"pdf: {len(pdfs)} files, {pages} pages in {seconds:.2f} s = {pages / seconds:.1f} pages/s "
        f"(slowest file {max(per_file):.2f} s)"
    )

    docx = sorted(p for p in (args.corpus / "docx").iterdir() if p.suffix.lower() == ".docx")
    seconds, per_file, _ = _time_imports(docx)
    print(f"docx: {len(docx)} files in {seconds:.2f} s = {len(docx) / seconds:.1f} files/s")

    if not args.no_claims:
        from workbench.claims import ClaimExtractor

        extractor = ClaimExtractor()
        extractor.extract(texts[0])
        started = time.perf_counter()
        for text in texts:
            extractor.extract(text)
        claims_seconds = time.perf_counter() - started
        print(
            f"claims on the same {len(texts)} HTML articles: {claims_seconds:.2f} s = "
            f"{len(texts) / claims_seconds:.1f} articles/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
