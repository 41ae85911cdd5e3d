"""``workbench.ClaimTensor.v1``: a text classifier that reads the English model's own token vectors.

The English pipeline's ``tok2vec`` already computes a 96-wide context vector per token (``Doc.tensor``)
for the tagger and the parser. This model pools those vectors over a sentence (mean and max) and puts a
small feed-forward network on top, so it adds no CNN at run time: it needs ``tok2vec`` to have run, and
trains with that ``tok2vec`` frozen (``training/tensor.cfg``). Like ``workbench.ClaimBOW.v1`` it takes
sentence Spans as well as Docs. It catches what word n-grams miss: the shape of an assertion (a
subject, a finite verb, an object) whatever the words.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Model, Relu, Softmax, chain
from thinc.types import Floats2d


def _pool(width: int, docs: list[Doc]) -> numpy.ndarray:
    """One row per Doc or Span: the mean, then the max, of its token vectors."""
    rows = numpy.zeros((len(docs), 2 * width), dtype="f")
    for i, doc in enumerate(docs):
        whole = doc.doc if isinstance(doc, Span) else doc
        tensor = whole.tensor
        if tensor is None or tensor.ndim != 2 or tensor.shape[0] != len(whole):
            raise ValueError(
                "workbench.ClaimTensor.v1 needs Doc.tensor from the English model's tok2vec: "
                "run tok2vec before this classifier"
            )
        if tensor.shape[1] != width:
            raise ValueError(
                f"workbench.ClaimTensor.v1 expects {width}-wide token vectors, not {tensor.shape}"
            )
        vectors = tensor[doc.start : doc.end] if isinstance(doc, Span) else tensor
        if len(vectors):
            rows[i, :width] = vectors.mean(axis=0)
            rows[i, width:] = vectors.max(axis=0)
    return rows


def _forward(model: Model[list[Doc], Floats2d], docs: list[Doc], is_train: bool) -> tuple[Floats2d, Any]:
    network: Model[Floats2d, Floats2d] = model.layers[0]
    # Standardised with the training set's mean and spread (fixed: they get no gradient).
    rows = (_pool(model.attrs["width"], docs) - model.get_param("mean")) * model.get_param("scale")
    scores, backprop_network = network(model.ops.asarray2f(rows), is_train)

    def backprop(d_scores: Floats2d) -> list[Doc]:
        backprop_network(d_scores)
        return []  # the token vectors belong to the frozen tok2vec

    return scores, backprop


def _init(model: Model[list[Doc], Floats2d], X: Any = None, Y: Any = None) -> None:
    # Every width is known from the config and the labels, so no sample Doc (which would need a tensor
    # before tok2vec has run) is pushed through.
    network: Model[Floats2d, Floats2d] = model.layers[0]
    if Y is not None and not network.layers[-1].has_dim("nO"):
        network.layers[-1].set_dim("nO", int(Y.shape[1]))
    network.initialize()
    width = 2 * model.attrs["width"]
    model.set_param("mean", model.ops.alloc1f(width))
    model.set_param("scale", model.ops.xp.ones((width,), dtype="f"))


def standardise(nlp: Language, docs: list[Doc], name: str = "textcat") -> None:
    """Fix the classifier's input standardisation to the pooled vectors of ``docs`` (run through tok2vec)."""
    model = nlp.get_pipe(name).model  # type: ignore[attr-defined]
    rows = _pool(model.attrs["width"], list(nlp.get_pipe("tok2vec").pipe(docs)))  # type: ignore[attr-defined]
    model.set_param("mean", model.ops.asarray1f(rows.mean(axis=0)))
    model.set_param("scale", model.ops.asarray1f(1.0 / (rows.std(axis=0) + 1e-6)))


def build_claim_tensor(
    width: int, hidden: int, dropout: float, nO: int | None = None
) -> Model[list[Doc], Floats2d]:
    """Mean- and max-pooled ``Doc.tensor`` (``width`` wide) → two ReLU layers → softmax."""
    network: Model[Floats2d, Floats2d] = chain(
        Relu(nO=hidden, nI=2 * width, dropout=dropout),
        Relu(nO=hidden, nI=hidden, dropout=dropout),
        Softmax(nO=nO, nI=hidden),
    )
    model: Model[list[Doc], Floats2d] = Model(
        "claim_tensor",
        _forward,
        init=_init,
        layers=[network],
        params={"mean": None, "scale": None},
        attrs={"width": width, "multi_label": False},
    )
    return model


# Registered without the decorator, which is untyped and would hide the function's signature from mypy.
registry.architectures.register("workbench.ClaimTensor.v1", func=build_claim_tensor)
