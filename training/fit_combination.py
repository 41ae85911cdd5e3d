"""Learn how the classifier's score and the linguistic evidence combine into one claim score.

Runs the English pipeline with a freshly trained classifier over the ``calib`` split (ClaimBuster
sentences that neither spaCy's training nor its checkpoint choice saw), then fits an L2-regularised
logistic regression over ``[classifier logit, evidence features…]``. The intercept is shifted so that
the score reaches ``DEFAULT_THRESHOLD`` where F-beta of the check-worthy class peaks on this split
(F1 by default, the measure the benchmarks report; ``--beta 2`` would favour recall, placing it where
calib recall is 0.91 at precision 0.59, which shows nearly every sentence of a news article). The
weights go to ``combination.json`` beside the classifier, which ``claim_evidence`` reads as its config.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

from workbench.claims.evidence import DEFAULT_WEIGHTS, FEATURES, _logit, analyse_sentence
from workbench.claims.pipeline import CLASSIFIER_NAME, TENSOR_CLASSIFIER_NAME, _english, build_pipeline
from workbench.claims.types import DEFAULT_THRESHOLD

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = [float(t) for t in np.linspace(0.05, 0.95, 181)]


def classifier_names(model_dir: Path) -> list[str]:
    """The shipped folder's classifiers as the app names them, in the order of the weights."""
    names = [CLASSIFIER_NAME]
    if "textcat_tensor" in (model_dir / "config.cfg").read_text(encoding="utf-8"):
        names.append(TENSOR_CLASSIFIER_NAME)
    return names


def design_matrix(model_dir: Path, texts: list[str]) -> np.ndarray:
    """One row per text: each classifier's logit, then one 0/1 column per evidence feature."""
    nlp = build_pipeline(_english(), model_dir)
    docs = list(nlp.pipe(texts, batch_size=64))
    logits = []
    for name in classifier_names(model_dir):
        textcat = nlp.get_pipe(name)
        column = list(textcat.labels).index("CHECKWORTHY")  # type: ignore[attr-defined]
        scores = textcat.model.ops.to_numpy(textcat.predict(docs))  # type: ignore[attr-defined]
        logits.append([_logit(float(score[column])) for score in scores])
    rows = []
    for i, doc in enumerate(docs):
        evidence = analyse_sentence(doc[:])
        rows.append([values[i] for values in logits] + [float(f in evidence.features) for f in FEATURES])
    return np.asarray(rows, dtype="float64")


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Weights (intercept first) of an L2-regularised logistic regression, by Newton's method."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        gradient = xb.T @ (p - y) + penalty * w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_with_signs(x: np.ndarray, y: np.ndarray, l2: float, signs: np.ndarray) -> np.ndarray:
    """``fit_logistic`` with each weight kept to its sign (+1: at least 0, -1: at most 0, 0: free).

    Active set: while a weight has the wrong sign, the worst one is fixed at 0 and the rest refitted. A
    feature the product says counts for a claim (a number, a date) then never shows as counting against
    it only because the classifiers already read it, and the reverse for hedges and intentions.
    """
    free = np.ones(x.shape[1], dtype=bool)
    while True:
        w = np.zeros(x.shape[1] + 1)
        fitted = fit_logistic(x[:, free], y, l2)
        w[0], w[1:][free] = fitted[0], fitted[1:]
        wrong = signs * w[1:]
        if wrong.min() >= 0:
            return w
        free[int(np.argmin(wrong))] = False


def f_beta_at(scores: np.ndarray, y: np.ndarray, threshold: float, beta: float = 1.0) -> float:
    """Positive-class F-beta when every score at or above ``threshold`` is flagged."""
    predicted = scores >= threshold
    tp = float((predicted & (y == 1)).sum())
    precision = tp / max(float(predicted.sum()), 1.0)
    recall = tp / max(float((y == 1).sum()), 1.0)
    return (1 + beta**2) * precision * recall / max(beta**2 * precision + recall, 1e-9)


def best_threshold(scores: np.ndarray, y: np.ndarray, beta: float = 1.0) -> tuple[float, float]:
    """The score threshold with the highest positive-class F-beta, and that F-beta."""
    return max(((float(t), f_beta_at(scores, y, t, beta)) for t in THRESHOLDS), key=lambda tf: tf[1])


def best_threshold_across(scores: np.ndarray, y: np.ndarray, sources: np.ndarray, beta: float = 1.0) -> float:
    """The threshold with the highest mean F-beta over the sources: each genre counts the same."""
    masks = [sources == name for name in sorted(set(sources))]
    return max(THRESHOLDS, key=lambda t: float(np.mean([f_beta_at(scores[m], y[m], t, beta) for m in masks])))


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve: the chance a random positive outscores a random negative."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    positives = float((y == 1).sum())
    negatives = float(len(y) - positives)
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) / max(positives * negatives, 1.0))


def report(name: str, scores: np.ndarray, y: np.ndarray, threshold: float) -> None:
    """Held-out figures of one source: F1 (P, R) at the threshold, the best F1 at any threshold, AUC."""
    predicted = scores >= threshold
    tp = float((predicted & (y == 1)).sum())
    precision, recall = tp / max(float(predicted.sum()), 1.0), tp / max(float((y == 1).sum()), 1.0)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    best_t, best_f1 = best_threshold(scores, y)
    print(f"  {name:12} n={len(y):5d} F1 {f1:.3f} (P {precision:.3f} R {recall:.3f}) at the default; "
          f"best F1 {best_f1:.3f} at {best_t:.2f}; AUC {auc(scores, y):.3f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path, help="trained classifier folder (a spaCy pipeline)")
    parser.add_argument("--calib", type=Path, default=ROOT / "training/output/corpus/calib.jsonl")
    parser.add_argument("--valid", type=Path, default=ROOT / "training/output/corpus/valid.jsonl",
                        help="held-out lines only reported on, never fitted")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--beta", type=float, default=1.0, help="F-beta that places the default threshold")
    parser.add_argument("--threshold-over", choices=("sources", "pooled"), default="sources",
                        help="place the threshold where the mean F-beta over calib's sources peaks "
                        "(each genre counts the same), or where F-beta of all of calib pooled peaks")
    parser.add_argument("--free-signs", action="store_true",
                        help="let evidence weights take either sign (by default each keeps the sign the "
                        "product gives it: numbers, dates, names count for a claim, hedges against)")
    args = parser.parse_args()

    items = [json.loads(line) for line in args.calib.read_text(encoding="utf-8").splitlines() if line]
    x = design_matrix(args.model_dir, [i["text"] for i in items])
    y = np.asarray([float(i["label"]) for i in items])
    names = classifier_names(args.model_dir)
    if args.free_signs:
        w = fit_logistic(x, y, args.l2)
    else:
        signs = np.asarray([1.0] * len(names) + [float(np.sign(DEFAULT_WEIGHTS[f])) for f in FEATURES])
        w = fit_with_signs(x, y, args.l2, signs)
    scores = 1.0 / (1.0 + np.exp(-(np.hstack([np.ones((len(x), 1)), x]) @ w)))
    sources = np.asarray([i.get("source", "calib") for i in items])
    threshold, f_beta = best_threshold(scores, y, args.beta)
    if args.threshold_over == "sources":
        threshold = best_threshold_across(scores, y, sources, args.beta)
        f_beta = f_beta_at(scores, y, threshold, args.beta)
    shift = math.log(threshold / (1 - threshold)) - math.log(DEFAULT_THRESHOLD / (1 - DEFAULT_THRESHOLD))
    only_classifier = 1.0 / (1.0 + np.exp(-x[:, 0]))
    best_f1 = best_threshold(scores, y)[1]
    print(f"calib F{args.beta:g} {f_beta:.3f} at threshold {threshold:.3f}; best F1 {best_f1:.3f} "
          f"(classifier alone: {best_threshold(only_classifier, y)[1]:.3f})")  # fmt: skip
    hits = float((scores >= threshold)[y == 1].sum())
    precision, recall = hits / max(float((scores >= threshold).sum()), 1), hits / float((y == 1).sum())
    print(f"calib at the default threshold: precision {precision:.3f}, recall {recall:.3f}")
    weights = {"bias": float(w[0] - shift), "classifier": float(w[1])}
    if len(names) > 1:
        weights["tensor_classifier"] = float(w[2])
    shifted = 1.0 / (1.0 + np.exp(-(np.hstack([np.ones((len(x), 1)), x]) @ w - shift)))
    print("held-out figures at the default threshold (calib is fitted on; valid is not):")
    for source in sorted(set(sources)):
        report(f"calib/{source}", shifted[sources == source], y[sources == source], DEFAULT_THRESHOLD)
    if args.valid.is_file():
        held = [json.loads(line) for line in args.valid.read_text(encoding="utf-8").splitlines() if line]
        xv = np.hstack([np.ones((len(held), 1)), design_matrix(args.model_dir, [i["text"] for i in held])])
        yv = np.asarray([float(i["label"]) for i in held])
        sv = 1.0 / (1.0 + np.exp(-(xv @ w - shift)))
        held_sources = np.asarray([i.get("source", "valid") for i in held])
        for source in sorted(set(held_sources)):
            mask = held_sources == source
            report(f"valid/{source}", sv[mask], yv[mask], DEFAULT_THRESHOLD)
    weights.update({f: round(float(v), 4) for f, v in zip(FEATURES, w[1 + len(names) :], strict=True)})
    (args.model_dir / "combination.json").write_text(json.dumps(weights, indent=2) + "\n", encoding="utf-8")
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:14} {value:+.3f}")


if __name__ == "__main__":
    main()
