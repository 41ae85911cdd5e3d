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

from workbench.claims.evidence import FEATURES, _logit, analyse_sentence
from workbench.claims.pipeline import CLASSIFIER_NAME, DEFAULT_THRESHOLD, _english, build_pipeline

ROOT = Path(__file__).resolve().parent.parent


def design_matrix(model_dir: Path, texts: list[str]) -> np.ndarray:
    """One row per text: the classifier's logit, then one 0/1 column per evidence feature."""
    nlp = build_pipeline(_english(), model_dir)
    textcat = nlp.get_pipe(CLASSIFIER_NAME)
    column = list(textcat.labels).index("CHECKWORTHY")  # type: ignore[attr-defined]
    rows = []
    docs = list(nlp.pipe(texts, batch_size=64))
    scores = textcat.model.ops.to_numpy(textcat.predict(docs))  # type: ignore[attr-defined]
    for doc, score in zip(docs, scores, strict=True):
        evidence = analyse_sentence(doc[:])
        rows.append([_logit(float(score[column]))] + [float(f in evidence.features) for f in FEATURES])
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


def best_threshold(scores: np.ndarray, y: np.ndarray, beta: float = 1.0) -> tuple[float, float]:
    """The score threshold with the highest positive-class F-beta, and that F-beta."""
    best = (0.5, 0.0)
    for t in np.linspace(0.05, 0.95, 181):
        predicted = scores >= t
        tp = float((predicted & (y == 1)).sum())
        precision = tp / max(predicted.sum(), 1)
        recall = tp / max((y == 1).sum(), 1)
        f = (1 + beta**2) * precision * recall / max(beta**2 * precision + recall, 1e-9)
        if f > best[1]:
            best = (float(t), f)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path, help="trained classifier folder (a spaCy pipeline)")
    parser.add_argument("--calib", type=Path, default=ROOT / "training/output/corpus/calib.jsonl")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--beta", type=float, default=1.0, help="F-beta that places the default threshold")
    args = parser.parse_args()

    items = [json.loads(line) for line in args.calib.read_text(encoding="utf-8").splitlines() if line]
    x = design_matrix(args.model_dir, [i["text"] for i in items])
    y = np.asarray([float(i["label"]) for i in items])
    w = fit_logistic(x, y, args.l2)
    scores = 1.0 / (1.0 + np.exp(-(np.hstack([np.ones((len(x), 1)), x]) @ w)))
    threshold, f_beta = best_threshold(scores, y, args.beta)
    shift = math.log(threshold / (1 - threshold)) - math.log(DEFAULT_THRESHOLD / (1 - DEFAULT_THRESHOLD))
    only_classifier = 1.0 / (1.0 + np.exp(-x[:, 0]))
    best_f1 = best_threshold(scores, y)[1]
    print(f"calib F{args.beta:g} {f_beta:.3f} at threshold {threshold:.3f}; best F1 {best_f1:.3f} "
          f"(classifier alone: {best_threshold(only_classifier, y)[1]:.3f})")  # fmt: skip
    hits = float((scores >= threshold)[y == 1].sum())
    precision, recall = hits / max(float((scores >= threshold).sum()), 1), hits / float((y == 1).sum())
    print(f"calib at the default threshold: precision {precision:.3f}, recall {recall:.3f}")
    weights = {"bias": float(w[0] - shift), "classifier": float(w[1])}
    weights.update({f: round(float(v), 4) for f, v in zip(FEATURES, w[2:], strict=True)})
    (args.model_dir / "combination.json").write_text(json.dumps(weights, indent=2) + "\n", encoding="utf-8")
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:14} {value:+.3f}")


if __name__ == "__main__":
    main()
