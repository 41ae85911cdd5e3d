"""Reproduce the shipped claim classifier with one command (about 2 minutes on one core).

    .venv/bin/python training/train.py            # prepare data, spacy train, fit combination, ship

Steps: ``prepare.py`` builds the corpus from ``../shared/eval/``; ``spacy train`` trains the classifier
with ``training/textcat.cfg`` on one thread; ``fit_combination.py`` learns how the classifier and the
linguistic evidence combine; the best model's classifier (without the English model's components it
borrowed for training, which the app's pipeline already has) goes to ``resources/models/claims-textcat``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "training" / "output"
SHIPPED = ROOT / "resources" / "models" / "claims-textcat"


def run(*args: str) -> None:
    print("$", " ".join(args), flush=True)
    # One thread: training must leave the other core to the people working beside it.
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    subprocess.run(args, check=True, cwd=ROOT, env=env)


def export(model: Path, target: Path) -> None:
    """Save only the classifier: the app adds it to its own English pipeline."""
    import spacy

    import workbench.claims.bow  # noqa: F401  (the classifier's architecture must be registered to load)

    nlp = spacy.load(model)
    for name in [n for n in nlp.pipe_names if n != "textcat"]:
        nlp.remove_pipe(name)
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    shutil.copy(model / "combination.json", target / "combination.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-ship", action="store_true", help="train and fit, but leave resources/ alone")
    args = parser.parse_args()
    python = sys.executable
    corpus = OUTPUT / "corpus"
    model = OUTPUT / "textcat"
    run(python, "training/prepare.py", "--out", str(corpus))
    run(python, "-m", "spacy", "train", "training/textcat.cfg", "--code", "workbench/claims/bow.py",
        "--output", str(model), "--paths.train", str(corpus / "train.spacy"),
        "--paths.dev", str(corpus / "dev.spacy"))  # fmt: skip
    calib = str(corpus / "calib.jsonl")
    run(python, "training/fit_combination.py", str(model / "model-best"), "--calib", calib)
    if not args.no_ship:
        export(model / "model-best", SHIPPED)
        size = sum(f.stat().st_size for f in SHIPPED.rglob("*") if f.is_file())
        print(f"shipped {SHIPPED.relative_to(ROOT)} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
