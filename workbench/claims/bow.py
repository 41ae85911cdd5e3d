"""``workbench.ClaimBOW.v1``: spaCy's bag-of-n-grams text classifier over several token attributes.

spaCy's ``TextCatBOW`` hashes n-grams of the exact token text only, so "44" and "58", or "Tax" and "tax",
never share a weight. This model hashes n-grams of several attributes at once (by default the lower-case
form and the word shape, where every number of the same form looks alike) into one sparse linear layer.
It is as cheap to run as spaCy's own and needs no other component's annotation. Besides Docs it takes
sentence Spans, so a pipeline can score sentences without copying each into a Doc of its own.
"""

from __future__ import annotations

from functools import partial
from typing import Any, cast

import numpy
from spacy.attrs import IDS
from spacy.ml.models.textcat import resize_and_set_ref
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Logistic, Model, SparseLinear_v2, chain, resizable, softmax_activation, with_cpu
from thinc.layers.resizable import resize_linear_weighted
from thinc.types import Floats2d, Ints1d

# Mixed into each attribute's hashes so equal values of different attributes land in different rows.
_ATTRIBUTE_SALT = 0x9E3779B97F4A7C15
_NEG_VALUE = -5000.0


def _extract_forward(model: Model[list[Doc], Any], docs: list[Doc], is_train: bool) -> tuple[Any, Any]:
    # Runs on the CPU (the model is wrapped in with_cpu), so plain numpy is fine here.
    attr_ids: list[int | str] = model.attrs["attr_ids"]
    ngram_size: int = model.attrs["ngram_size"]
    batch_keys = []
    batch_vals = []
    whole_docs: dict[int, Any] = {}  # sentences of one Doc share one to_array call
    for doc in docs:
        if isinstance(doc, Span):
            if id(doc.doc) not in whole_docs:
                whole_docs[id(doc.doc)] = doc.doc.to_array(attr_ids)
            array = whole_docs[id(doc.doc)][doc.start : doc.end]
        else:
            array = doc.to_array(attr_ids)
        columns = numpy.asarray(array, dtype="uint64").reshape((len(doc), len(attr_ids)))
        grams = []
        for j in range(len(attr_ids)):
            unigrams = numpy.ascontiguousarray(columns[:, j])
            salt = numpy.uint64((_ATTRIBUTE_SALT * (j + 1)) & 0xFFFFFFFFFFFFFFFF)
            grams.append(unigrams ^ salt)
            for n in range(2, ngram_size + 1):
                if len(doc) >= n:
                    grams.append(numpy.asarray(model.ops.ngrams(n, cast(Ints1d, unigrams))) ^ salt)
        keys = numpy.concatenate(grams) if grams else numpy.zeros((0,), dtype="uint64")
        unique_keys, counts = numpy.unique(keys, return_counts=True)
        batch_keys.append(unique_keys)
        batch_vals.append(counts)
    lengths = numpy.asarray([len(k) for k in batch_keys], dtype="int32")
    all_keys = numpy.concatenate(batch_keys) if batch_keys else numpy.zeros((0,), dtype="uint64")
    all_vals = numpy.asarray(numpy.concatenate(batch_vals) if batch_vals else numpy.zeros((0,)), dtype="f")

    def backprop(d_output: Any) -> list[Doc]:
        return []

    return (all_keys, all_vals, lengths), backprop


def _extract_ngrams(attrs: list[str], ngram_size: int) -> Model[list[Doc], Any]:
    unknown = [a for a in attrs if a.upper() not in IDS]
    if unknown:
        raise ValueError(f"unknown token attribute(s) for workbench.ClaimBOW.v1: {', '.join(unknown)}")
    return Model(
        "extract_attr_ngrams",
        _extract_forward,
        attrs={"attr_ids": [IDS[a.upper()] for a in attrs], "ngram_size": ngram_size},
    )


def build_claim_bow(
    exclusive_classes: bool,
    ngram_size: int,
    attrs: list[str],
    length: int = 262144,
    nO: int | None = None,
) -> Model[list[Doc], Floats2d]:
    """Sparse linear classifier over hashed n-grams of ``attrs`` (e.g. ``["LOWER", "SHAPE"]``)."""
    length = 2 ** (length - 1).bit_length()
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    fill_defaults: dict[str, float] = {"b": _NEG_VALUE, "W": 0.0}
    output_layer: Model[Floats2d, Floats2d] = softmax_activation() if exclusive_classes else Logistic()
    resizable_layer: Model[Floats2d, Floats2d] = resizable(
        sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults=fill_defaults)
    )
    model = with_cpu(chain(_extract_ngrams(attrs, ngram_size), resizable_layer), resizable_layer.ops)
    model = chain(model, with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model


# Registered without the decorator, which is untyped and would hide the function's signature from mypy.
registry.architectures.register("workbench.ClaimBOW.v1", func=build_claim_bow)
