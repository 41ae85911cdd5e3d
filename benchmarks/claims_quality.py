"""Measure claim detection on the public development sets in ``../shared/eval/`` and print one table.

Every figure comes from ``ClaimExtractor.extract`` (the code path of ``workbench extract``): a sentence set
item counts as flagged when the extractor returns a claim for it scoring at least the threshold.

    .venv/bin/python benchmarks/claims_quality.py [--threshold 0.5] [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.assets import sample_article  # noqa: E402
from workbench.claims import DEFAULT_THRESHOLD, ClaimExtractor  # noqa: E402


@dataclass
class Row:
    set: str
    measure: str
    value: str
    target: str
    detail: str


def f1_row(name: str, target: str, items: list[tuple[str, bool]], extractor: ClaimExtractor, t: float) -> Row:
    tp = fp = fn = 0
    for text, gold in items:
        flagged = any(c.score >= t for c in extractor.extract(text))
        tp += flagged and gold
        fp += flagged and not gold
        fn += gold and not flagged
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return Row(name, "F1 of the positive class", f"{f1:.3f}", target,
               f"P {precision:.3f} R {recall:.3f} (n={len(items)}, {tp + fn} positive)")  # fmt: skip


def ct24_text(raw: str) -> str:
    """CheckThat! 2024 sentences read with QUOTE_NONE keep their CSV quoting; undo it."""
    if len(raw) >= 2 and raw.startswith('"') and raw.endswith('"'):
        return raw[1:-1].replace('""', '"')
    return raw


def checkthat2024(eval_dir: Path) -> list[tuple[str, bool]]:
    path = eval_dir / "checkthat2024" / "CT24_checkworthy_english_dev-test.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(ct24_text(r["Text"]), r["class_label"].strip() == "Yes") for r in rows]


def claimbuster_expert(eval_dir: Path) -> list[tuple[str, bool]]:
    # The eval README: the file names are swapped, groundtruth.csv holds the 1,032 expert-labelled ones.
    with (eval_dir / "claimbuster" / "groundtruth.csv").open(encoding="utf-8", newline="") as f:
        return [(r["Text"], r["Verdict"].strip() == "1") for r in csv.DictReader(f)]


def newsclaims(eval_dir: Path, extractor: ClaimExtractor, t: float) -> Row:
    articles = json.loads((eval_dir / "newsclaims_dev" / "articles.json").read_text(encoding="utf-8"))
    sentences = claimed = recalled = flagged = 0
    for article in articles:
        # Rebuild the article from its sentences at their offsets; the lost characters between two
        # sentences become line breaks (the eval README's advice).
        chars: list[str] = []
        for s in sorted(article["sentences"], key=lambda s: s["start_char"]):
            chars.extend("\n" * (s["start_char"] - len(chars)))
            chars[s["start_char"] :] = s["sentence"]
        text = "".join(chars)
        claims = [c for c in extractor.extract(text) if c.score >= t]
        claim_ids = {c["sentence_id"] for c in article["claims"]}
        for s in article["sentences"]:
            start, end = s["start_char"], s["end_char"] + 1  # end_char is inclusive
            hit = any(c.start < end and c.end > start for c in claims)
            sentences += 1
            flagged += hit
            if s["id"] in claim_ids:
                claimed += 1
                recalled += hit
    return Row("NewsClaims dev (18 articles, whole)", "recall of claim sentences",
               f"{recalled / claimed:.3f}", "≥ 0.90 flagging ≤ 45%",
               f"{recalled}/{claimed} recalled; {flagged}/{sentences} sentences flagged "
               f"({flagged / sentences:.1%})")  # fmt: skip


def sample(extractor: ClaimExtractor, t: float) -> Row:
    text = sample_article().read_text(encoding="utf-8")
    shown = [c.text for c in extractor.extract(text) if c.score >= t]
    everything = [c.text for c in extractor.extract(text)]
    checks = {
        "44/40 diplomats": any("44 Russian diplomats" in c for c in shown),
        "58 staff": any("58 declared diplomatic staff" in c for c in shown),
        "April 2018 strikes": any("April 2018" in c for c in shown),
        "no dateline": not any("18:23" in c for c in everything),
        "no headline": not any(c.startswith("Putin approach") for c in everything),
    }
    passed = sum(checks.values())
    return Row("sample article (Sky News)", "required claims in, dateline out",
               f"{passed}/{len(checks)}", "all",
               ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in checks.items())
               + f"; {len(shown)} of {len(everything)} sentences shown")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args()

    started = time.perf_counter()
    extractor = ClaimExtractor()
    t = args.threshold
    rows = [
        f1_row("CheckThat! 2024 English dev-test", "≥ 0.85", checkthat2024(args.eval_dir), extractor, t),
        f1_row("ClaimBuster expert set (CFS)", "≥ 0.90", claimbuster_expert(args.eval_dir), extractor, t),
        newsclaims(args.eval_dir, extractor, t),
        sample(extractor, t),
    ]
    print(f"threshold {t}")
    print("| set | measure | value | target | detail |")
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r.set} | {r.measure} | {r.value} | {r.target} | {r.detail} |")
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
