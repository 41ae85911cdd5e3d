"""Reproduce the shipped claim classifiers with one command (about 5 minutes on one core).

    .venv/bin/python training/train.py            # prepare data, spacy train ×2, fit combination, ship

Steps: ``prepare.py`` builds the corpus from ``../shared/eval/``; ``spacy train`` trains the two
classifiers on one thread: the bag-of-n-grams one with ``training/textcat.cfg`` and, unless
``--no-tensor``, the one over the English model's frozen token vectors with ``training/tensor.cfg``;
both (without the English components borrowed for training, which the app's pipeline already has) are
saved into one folder; ``fit_combination.py`` learns how the classifiers and the linguistic evidence
combine; the folder goes to ``resources/models/claims-textcat``.
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
CODE = "training/architectures.py"


def run(*args: str) -> None:
    print("$", " ".join(args), flush=True)
    # One thread: training must leave the other core to the people working beside it.
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    subprocess.run(args, check=True, cwd=ROOT, env=env)


def export(bow: Path, tensor: Path | None, target: Path) -> None:
    """Save only the classifiers (``textcat``, ``textcat_tensor``): the app adds them to its pipeline."""
    import spacy

    sys.path.insert(0, str(ROOT / "training"))
    import architectures  # noqa: F401  (the classifiers' architectures must be registered to load)

    nlp = spacy.load(bow)
    for name in [n for n in nlp.pipe_names if n != "textcat"]:
        nlp.remove_pipe(name)
    if tensor is not None:
        nlp.add_pipe("textcat", name="textcat_tensor", source=spacy.load(tensor))
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-ship", action="store_true", help="train and fit, but leave resources/ alone")
    parser.add_argument("--no-tensor", action="store_true", help="train the bag-of-n-grams classifier only")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="scratch folder (for experiments)")
    parser.add_argument("--prepare", action="append", default=[], help="an option for prepare.py")
    parser.add_argument("--tensor-option", action="append", default=[],
                        help="an override for the tensor classifier's spacy train (--tensor-option=--a.b=c)")
    # Any other option is an override for the bag-of-n-grams `spacy train`, e.g. --training.max_steps=6000.
    args, overrides = parser.parse_known_args()
    python = sys.executable
    corpus = args.output / "corpus"
    paths = ("--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy"))
    run(python, "training/prepare.py", "--out", str(corpus), *args.prepare)
    bow, tensor = args.output / "textcat", args.output / "tensor"
    run(python, "-m", "spacy", "train", "training/textcat.cfg", "--code", CODE, "--output", str(bow),
        *paths, *overrides)  # fmt: skip
    if not args.no_tensor:
        run(python, "-m", "spacy", "train", "training/tensor.cfg", "--code", CODE, "--output", str(tensor),
            *paths, *args.tensor_option)  # fmt: skip
    shipped = args.output / "claims-textcat"
    export(bow / "model-best", None if args.no_tensor else tensor / "model-best", shipped)
    run(python, "training/fit_combination.py", str(shipped),
        "--calib", str(corpus / "calib.jsonl"), "--valid", str(corpus / "valid.jsonl"))  # fmt: skip
    if not args.no_ship:
        if SHIPPED.exists():
            shutil.rmtree(SHIPPED)
        shutil.copytree(shipped, SHIPPED)
        size = sum(f.stat().st_size for f in SHIPPED.rglob("*") if f.is_file())
        print(f"shipped {SHIPPED.relative_to(ROOT)} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
