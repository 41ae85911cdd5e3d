"""Measure claim detection on the public development sets in ``../shared/eval/`` and print one table.

Every figure comes from ``ClaimExtractor.extract`` (the code path of ``workbench extract``): a sentence set
item counts as flagged when the extractor returns a claim for it scoring at least the threshold.

    .venv/bin/python benchmarks/claims_quality.py [--threshold 0.5] [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import bisect
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


def auc(scores: list[float], gold: list[bool]) -> float:
    """Area under the ROC curve: the chance that a positive outscores a negative (ties count half)."""
    positives = [s for s, g in zip(scores, gold, strict=True) if g]
    negatives = sorted(s for s, g in zip(scores, gold, strict=True) if not g)
    wins = 0.0
    for p in positives:
        below, not_above = bisect.bisect_left(negatives, p), bisect.bisect_right(negatives, p)
        wins += below + (not_above - below) / 2
    return wins / max(len(positives) * len(negatives), 1)


def best_score(extractor: ClaimExtractor, text: str) -> float:
    """The highest score the extractor gives any claim of ``text`` (0 when it finds none)."""
    return max((c.score for c in extractor.extract(text)), default=0.0)


def f1_row(name: str, target: str, items: list[tuple[str, bool]], extractor: ClaimExtractor, t: float) -> Row:
    scores = [best_score(extractor, text) for text, _ in items]
    gold = [g for _, g in items]
    tp = sum(s >= t and g for s, g in zip(scores, gold, strict=True))
    fp = sum(s >= t and not g for s, g in zip(scores, gold, strict=True))
    fn = sum(g and s < t for s, g in zip(scores, gold, strict=True))
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return Row(name, "F1 of the positive class", f"{f1:.3f}", target,
               f"P {precision:.3f} R {recall:.3f} (n={len(items)}, {tp + fn} positive); "
               f"ranking AUC {auc(scores, gold):.3f}")  # fmt: skip


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
    scored: list[tuple[float, bool]] = []  # each sentence's best overlapping claim score, and its label
    for article in articles:
        # Rebuild the article from its sentences at their offsets; the lost characters between two
        # sentences become line breaks (the eval README's advice).
        chars: list[str] = []
        for s in sorted(article["sentences"], key=lambda s: s["start_char"]):
            chars.extend("\n" * (s["start_char"] - len(chars)))
            chars[s["start_char"] :] = s["sentence"]
        text = "".join(chars)
        claims = extractor.extract(text)
        claim_ids = {c["sentence_id"] for c in article["claims"]}
        for s in article["sentences"]:
            start, end = s["start_char"], s["end_char"] + 1  # end_char is inclusive
            best = max((c.score for c in claims if c.start < end and c.end > start), default=0.0)
            scored.append((best, s["id"] in claim_ids))
    sentences, claimed = len(scored), sum(g for _, g in scored)
    recalled = sum(score >= t and g for score, g in scored)
    flagged = sum(score >= t for score, _ in scored)
    # For reference: the recall if the threshold were moved until 45% of the sentences are flagged.
    cut = sorted((score for score, _ in scored), reverse=True)[int(0.45 * sentences) - 1]
    at_45 = sum(score >= cut and g for score, g in scored) / claimed
    return Row("NewsClaims dev (18 articles, whole)", "recall of claim sentences",
               f"{recalled / claimed:.3f}", "≥ 0.90 flagging ≤ 45%",
               f"{recalled}/{claimed} recalled; {flagged}/{sentences} sentences flagged "
               f"({flagged / sentences:.1%}); recall {at_45:.3f} at a threshold flagging 45%")  # fmt: skip


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
