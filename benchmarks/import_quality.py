"""Import quality on the real-world corpus (``../shared/corpus``): run on demand, not in tests.

    .venv/bin/python benchmarks/import_quality.py [--corpus ../shared/corpus] [--only html|pdf|docx|other]

HTML: the article-extraction-benchmark measure (4-token shingles as multisets, precision and recall
averaged over pages, F1 of the averages) of the imported text against the human-annotated body, plus
how often title, date and a canonical URL equal to the truth's are found. PDF and the other formats:
bag-of-words F1 against the reference text where one exists, and the end-of-line hyphen splits and
ligatures left in the output.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.importers import ArticleImportError, import_file  # noqa: E402

_TOKEN = re.compile(r"\w+", re.UNICODE)
_LIGATURES = re.compile("[\ufb00-\ufb06]")
# "Ex- isting" or "Ex-\nisting": a word cut at a line end. Suspended hyphens ("six- by 12-in",
# "single- or multi-turn") are real and not counted.
_HYPHEN_SPLIT = re.compile(
    r"\b[^\W\d_]{2,}[-\u00ad]\s+(?!(?:and|or|by|to|through|nor|as well as|und|oder|et|ou)\b)[a-z]{2,}\b"
)


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(max(0, len(tokens) - size + 1)))


def precision_recall(output: str, truth: str) -> tuple[float, float]:
    got, want = shingles(output), shingles(truth)
    matched = sum((got & want).values())
    if not got and not want:
        return 1.0, 1.0
    precision = matched / sum(got.values()) if got else 0.0
    recall = matched / sum(want.values()) if want else 0.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def bench_html(corpus: Path, verbose: bool) -> dict[str, float]:
    truth = json.loads((corpus / "html" / "ground-truth.json").read_text(encoding="utf-8"))
    precisions: list[float] = []
    recalls: list[float] = []
    found = Counter[str]()
    worst: list[tuple[float, str]] = []
    started = time.perf_counter()
    for page_id, expected in sorted(truth.items()):
        file = corpus / "html" / f"{page_id}.html"
        try:
            article = import_file(file)
            text = article.text
        except ArticleImportError as error:
            print(f"  error: {error}")
            text, article = "", None
        p, r = precision_recall(text, expected["articleBody"])
        precisions.append(p)
        recalls.append(r)
        worst.append((f1(p, r), page_id))
        if article is not None:
            found["title"] += bool(article.title)
            found["date"] += bool(article.date)
            found["author"] += bool(article.byline)
            found["url"] += _url_key(article.url) == _url_key(expected.get("url", ""))
    elapsed = time.perf_counter() - started
    n = len(truth)
    precision, recall = sum(precisions) / n, sum(recalls) / n
    if verbose:
        for score, page_id in sorted(worst)[:15]:
            print(f"  {score:.3f} {page_id}")
    return {
        "pages": n,
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "title": found["title"] / n,
        "date": found["date"] / n,
        "author": found["author"] / n,
        "canonical_url": found["url"] / n,
        "seconds": elapsed,
    }


def bag_f1(output: str, reference: str) -> float:
    got = Counter(t.lower() for t in _TOKEN.findall(output))
    want = Counter(t.lower() for t in _TOKEN.findall(_strip_markdown(reference)))
    matched = sum((got & want).values())
    if not matched:
        return 0.0
    return f1(matched / sum(got.values()), matched / sum(want.values()))


def _strip_markdown(text: str) -> str:
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"^\s*\|?[-:| ]+\|?\s*$", " ", text, flags=re.MULTILINE)  # table rules
    return unicodedata.normalize("NFKC", text)


def _reference_files(corpus: Path, folder: str) -> dict[str, Path]:
    manifest = json.loads((corpus / folder / "manifest.json").read_text(encoding="utf-8"))
    return {
        Path(entry["file"]).name: corpus / entry["reference_text"]
        for entry in manifest
        if entry.get("reference_text")
    }


def bench_documents(corpus: Path, folder: str, verbose: bool) -> dict[str, float]:
    references = _reference_files(corpus, folder)
    scores: dict[str, float] = {}
    hyphen_splits = ligatures = failures = 0
    files = sorted(
        p for p in (corpus / folder).iterdir() if p.is_file() and not p.name.startswith("manifest")
    )
    started = time.perf_counter()
    for file in files:
        try:
            article = import_file(file)
        except ArticleImportError as error:
            failures += 1
            print(f"  error: {error}")
            continue
        splits = len(_HYPHEN_SPLIT.findall(article.text))
        ligs = len(_LIGATURES.findall(article.text))
        hyphen_splits += splits
        ligatures += ligs
        line = f"  {file.name}: {len(article.text)} chars, {len(article.paragraphs)} paragraphs"
        line += f", title {article.title[:40]!r}, lang {article.language}"
        line += f", hyphen splits {splits}, ligatures {ligs}"
        if file.name in references:
            score = bag_f1(article.text, references[file.name].read_text(encoding="utf-8"))
            scores[file.name] = score
            line += f", bag-of-words F1 {score:.3f}"
        if verbose:
            print(line)
    elapsed = time.perf_counter() - started
    mean = sum(scores.values()) / len(scores) if scores else float("nan")
    return {
        "files": len(files),
        "failures": failures,
        "with_reference": len(scores),
        "bag_of_words_f1": mean,
        "hyphen_splits_left": hyphen_splits,
        "ligatures_left": ligatures,
        "seconds": elapsed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--only", choices=["html", "pdf", "docx", "other"])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    if args.only in (None, "html"):
        results["html"] = bench_html(args.corpus, args.verbose)
    for folder in ("pdf", "docx", "other"):
        if args.only in (None, folder):
            results[folder] = bench_documents(args.corpus, folder, args.verbose)
    for name, figures in results.items():
        shown = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
        print(f"{name}: {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
