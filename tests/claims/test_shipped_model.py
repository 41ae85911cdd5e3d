"""The trained claim classifier shipped in resources/ loads into the pipeline and scores sensibly."""

from __future__ import annotations

import json

import pytest
import spacy

from workbench.claims import ClaimExtractor, load_pipeline
from workbench.claims.evidence import DEFAULT_WEIGHTS, FEATURE_PHRASES, FEATURES
from workbench.claims.pipeline import CLASSIFIER_NAME, TENSOR_CLASSIFIER_NAME, classifier_path

MAX_SHIPPED_BYTES = 20 * 1024 * 1024


def test_shipped_classifier_is_small_and_complete() -> None:
    folder = classifier_path()
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    assert 0 < size <= MAX_SHIPPED_BYTES
    weights = json.loads((folder / "combination.json").read_text(encoding="utf-8"))
    assert {"bias", "classifier", *FEATURES} <= set(weights)


def test_evidence_never_counts_the_wrong_way_in_a_claims_reasons(extractor: ClaimExtractor) -> None:
    """Numbers, dates and names count for a claim and hedges against it, as the reasons panel says."""
    weights = json.loads((classifier_path() / "combination.json").read_text(encoding="utf-8"))
    wrong = [f for f in FEATURES if weights[f] * DEFAULT_WEIGHTS[f] < 0]
    assert not wrong, f"these would show with the wrong sign: {wrong}"
    (claim,) = extractor.extract("Officials may have spent $4 million on the bridge in May 2019, Smith said.")
    sign_of = {FEATURE_PHRASES[f]: DEFAULT_WEIGHTS[f] for f in FEATURES}
    shown = [r for r in claim.reasons if r.text in sign_of]
    assert shown, "the money, the date and the attribution are among the reasons"
    assert all(r.weight * sign_of[r.text] > 0 for r in shown)


def test_classifiers_tell_checkworthy_from_unimportant_and_non_factual() -> None:
    """ClaimBuster's three classes: check-worthy, unimportant factual and non-factual sentences."""
    nlp = load_pipeline()
    for name in (CLASSIFIER_NAME, TENSOR_CLASSIFIER_NAME):
        assert set(nlp.get_pipe(name).labels) == {"CHECKWORTHY", "UNIMPORTANT", "OTHER"}  # type: ignore[attr-defined]


def test_classifier_is_part_of_the_one_pipeline() -> None:
    nlp = load_pipeline()
    assert CLASSIFIER_NAME in nlp.component_names
    assert nlp.pipe_names[-1] == "claim_evidence"
    assert load_pipeline() is nlp, "the pipeline is loaded once per process"


def test_classifier_separates_a_checkable_statistic_from_small_talk(extractor: ClaimExtractor) -> None:
    fact = extractor.extract("Unemployment in this state has doubled to 8.2 percent since 2009.")
    talk = extractor.extract("Well, thank you very much, it is good to be here tonight.")
    classifier_of = {c.text: c.reasons for c in (*fact, *talk)}
    fact_reason = next(r for r in classifier_of[fact[0].text] if "classifier" in r.text)
    talk_reason = next(r for r in classifier_of[talk[0].text] if "classifier" in r.text)
    assert fact_reason.weight > 0 > talk_reason.weight
    assert fact[0].score > 0.8 and talk[0].score < 0.2


def test_second_classifier_reads_the_english_models_token_vectors() -> None:
    nlp = load_pipeline()
    assert TENSOR_CLASSIFIER_NAME in nlp.component_names
    weights = json.loads((classifier_path() / "combination.json").read_text(encoding="utf-8"))
    assert weights["tensor_classifier"] > 0, "the second classifier's opinion counts towards the score"
    doc = nlp("Smoking causes lung cancer in most patients.")
    (sentence,) = doc._.claim_sentences
    classifier = nlp.get_pipe(TENSOR_CLASSIFIER_NAME)
    scores = classifier.predict([sentence])  # type: ignore[attr-defined]
    assert "CHECKWORTHY" in classifier.labels  # type: ignore[attr-defined]
    assert scores.shape == (1, len(classifier.labels))  # type: ignore[attr-defined]
    assert abs(float(scores.sum()) - 1.0) < 1e-4, "one probability per class, summing to one"
    assert any("classifiers" in r.text for r in sentence._.claim_reasons)


def test_second_classifier_says_what_it_needs_when_tok2vec_did_not_run() -> None:
    nlp = load_pipeline()
    bare = spacy.blank("en")("Smoking causes lung cancer.")
    with pytest.raises(ValueError, match="tok2vec"):
        nlp.get_pipe(TENSOR_CLASSIFIER_NAME).predict([bare])  # type: ignore[attr-defined]
