"""Finding a claim's words again in a changed text (no database involved)."""

from __future__ import annotations

from workbench.store.anchoring import Claimed, anchor_in, locate, sentence_spans


def test_of_two_identical_sentences_the_one_with_the_same_surroundings_is_chosen() -> None:
    old = "In Leeds, turnout was 60%. In York, the count was late. Turnout was 60%. The end."
    start = old.index("Turnout")
    anchor = anchor_in(old, start, start + len("Turnout was 60%."))
    new = (
        "Turnout was 60%. In Leeds, the vote was calm. In York, the count was late. Turnout was 60%. The end."
    )

    found = locate(anchor, new)

    assert found is not None and found.exact
    assert new[found.start - 10 : found.start] == "was late. "


def test_a_part_of_a_sentence_reworded_between_unchanged_text_is_found() -> None:
    old = "The council said on Monday that the bridge cost £2bn to build, more than planned, officials said."
    start = old.index("the bridge")
    anchor = anchor_in(old, start, old.index(", more"))
    new = (
        "The council said on Monday that the new bridge had cost £2.1bn to build, "
        "more than planned, officials said."
    )

    found = locate(anchor, new)

    assert found is not None and not found.exact
    assert new[found.start : found.end] == "the new bridge had cost £2.1bn to build"


def test_a_reworded_sentence_is_found_among_the_new_sentences() -> None:
    old = "Prices rose. Exports to China doubled between 2015 and 2018. Nothing else."
    start = old.index("Exports")
    anchor = anchor_in(old, start, old.index(" Nothing"))
    new = "A new opening. Exports to China almost doubled between 2015 and 2018. A new ending."

    found = locate(anchor, new)

    assert found is not None and not found.exact
    assert new[found.start : found.end] == "Exports to China almost doubled between 2015 and 2018."


def test_words_that_are_gone_are_not_found() -> None:
    old = "Prices rose. Exports to China doubled between 2015 and 2018. Nothing else."
    start = old.index("Exports")
    anchor = anchor_in(old, start, old.index(" Nothing"))

    assert locate(anchor, "Prices rose. The weather was fine in Madrid all week. Nothing else.") is None


def test_a_span_already_given_to_another_claim_is_not_given_again() -> None:
    text = "Turnout was 60%. Turnout was 60%."
    anchor = anchor_in(text, 0, 16)

    claimed = Claimed(len(text))
    claimed.add(0, 16)

    found = locate(anchor, text, claimed=claimed)

    assert found is not None and (found.start, found.end) == (17, 33)


def test_sentences_are_split_without_a_language_model() -> None:
    text = 'He said "It is done." Then he left!\nA heading\nLast one'
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        'He said "It is done."',
        "Then he left!",
        "A heading",
        "Last one",
    ]
