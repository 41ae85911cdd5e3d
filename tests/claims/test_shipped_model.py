"""The trained claim classifier shipped in resources/ loads into the pipeline and scores sensibly."""

from __future__ import annotations

import json

from workbench.claims import ClaimExtractor, load_pipeline
from workbench.claims.evidence import FEATURES
from workbench.claims.pipeline import CLASSIFIER_NAME, classifier_path

MAX_SHIPPED_BYTES = 20 * 1024 * 1024


def test_shipped_classifier_is_small_and_complete() -> None:
    folder = classifier_path()
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    assert 0 < size <= MAX_SHIPPED_BYTES
    weights = json.loads((folder / "combination.json").read_text(encoding="utf-8"))
    assert {"bias", "classifier", *FEATURES} <= set(weights)


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
