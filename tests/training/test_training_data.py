"""The training scripts' own rules: our label files, the held-out splits and where the threshold sits.

They read no data from beside the project (the tests run on a fresh clone), only the scripts in training/
and the label files, which hold positions and labels.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np
import pytest

TRAINING = Path(__file__).resolve().parents[2] / "training"
sys.path.insert(0, str(TRAINING))

import fit_combination  # noqa: E402
import prepare  # noqa: E402


@pytest.mark.parametrize(
    ("name", "columns"),
    [("checkthat2019_lines.tsv", 3), ("news_corpus.tsv", 4), ("claimbuster_crowd.tsv", 2)],
)
def test_label_files_hold_positions_and_labels_only(name: str, columns: int) -> None:
    """No sentence text may be committed (the corpus's licence): only where it is, and its label."""
    rows = prepare.read_labels(name)
    assert len(rows) > 4000
    assert all(len(row) == columns for row in rows)
    assert {row[-1] for row in rows} <= {"CFS", "UFS", "NFS", "X"}
    assert all(all(field.isdigit() for field in row[1:-1]) for row in rows), "positions are numbers"
    assert all(len(row[0]) <= 32 and " " not in row[0] for row in rows), "a file or sentence id"
    with (TRAINING / "labels" / name).open(encoding="utf-8") as f:
        keys = [tuple(r[:-1]) for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    assert len(set(keys)) == len(keys), "each sentence is labelled once"


def test_a_page_is_never_both_trained_on_and_measured() -> None:
    rows = [(f"sentence {i}", "CHECKWORTHY", "news", f"page{i % 400}") for i in range(4000)]
    splits = prepare.split_by_group(rows, seed=13)
    shares = {name: len(items) / len(rows) for name, items in splits.items()}
    assert shares["train"] == pytest.approx(0.70, abs=0.05)
    assert shares["calib"] == pytest.approx(0.15, abs=0.04)
    assert shares["valid"] == pytest.approx(0.15, abs=0.04)
    page_of = {text: group for text, _, _, group in rows}
    pages = {name: {page_of[text] for text, _, _ in items} for name, items in splits.items()}
    assert not pages["train"] & pages["calib"]
    assert not pages["train"] & pages["valid"]
    assert not pages["calib"] & pages["valid"]


def test_labelling_more_pages_never_moves_a_measured_page_into_training() -> None:
    """Labels arrive in rounds: a page held out to measure must stay held out when others are added."""
    first = [(f"sentence {i}", "OTHER", "news", f"page{i % 50}") for i in range(500)]
    more = first + [(f"new sentence {i}", "OTHER", "news", f"page{i % 50 + 50}") for i in range(500)]

    def parts(rows: list[tuple[str, str, str, str]]) -> dict[str, set[str]]:
        split = prepare.split_by_group(rows, 13)
        return {name: {text for text, _, _ in items} for name, items in split.items()}

    before, after = parts(first), parts(more)
    assert before["valid"] and before["calib"]
    for name in ("train", "calib", "valid"):
        assert before[name] <= after[name]


def test_the_default_threshold_serves_every_genre_not_only_the_largest() -> None:
    """A large genre whose claims score high must not set the threshold for a small one alone."""
    rng = np.random.default_rng(0)
    big_y = rng.random(2000) < 0.25
    big = np.where(big_y, rng.uniform(0.6, 1.0, 2000), rng.uniform(0.0, 0.7, 2000))
    small_y = rng.random(300) < 0.4
    small = np.where(small_y, rng.uniform(0.2, 0.6, 300), rng.uniform(0.0, 0.3, 300))
    scores, y = np.concatenate([big, small]), np.concatenate([big_y, small_y]).astype(float)
    sources = np.asarray(["big"] * 2000 + ["small"] * 300)

    pooled, _ = fit_combination.best_threshold(scores, y)
    across = fit_combination.best_threshold_across(scores, y, sources)

    def f1(mask: np.ndarray, t: float) -> float:
        return fit_combination.f_beta_at(scores[mask], y[mask], t)

    small_genre = sources == "small"
    assert f1(small_genre, across) > f1(small_genre, pooled) + 0.1
    mean = [(f1(sources == "big", t) + f1(small_genre, t)) / 2 for t in (pooled, across)]
    assert mean[1] > mean[0]


def test_evidence_weights_keep_the_sign_the_product_gives_them() -> None:
    """A feature that only repeats what the classifier already knows must not flip to the wrong sign."""
    rng = np.random.default_rng(1)
    classifier = rng.normal(size=3000)
    y = (rng.random(3000) < 1 / (1 + np.exp(-2 * classifier))).astype(float)
    # "gives a number": fires mostly on sentences the classifier already likes, and a little less often
    # on the check-worthy ones among them, so on its own it would come out negative.
    number = ((classifier > 0) & (rng.random(3000) < np.where(y == 1, 0.6, 0.9))).astype(float)
    x = np.column_stack([classifier, number])

    free = fit_combination.fit_logistic(x, y, 1.0)
    kept = fit_combination.fit_with_signs(x, y, 1.0, np.asarray([1.0, 1.0]))

    assert free[2] < 0
    assert kept[2] == 0.0
    np.testing.assert_allclose(kept[:2], fit_combination.fit_logistic(x[:, :1], y, 1.0), atol=1e-6)
