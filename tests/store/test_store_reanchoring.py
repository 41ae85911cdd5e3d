"""Reopening a file whose text changed: verdicts follow their claims, lost claims are flagged."""

from __future__ import annotations

from store_helpers import ARTICLE_TEXT, make_article, sentence_claims

from workbench.assets import sample_article
from workbench.claims.types import ExtractedClaim
from workbench.store import Status, Workspace
from workbench.store.anchoring import sentence_spans

# The same story, updated: a line on top, claim 1 reworded, claim 3 cut, a new sentence at the end.
UPDATED_TEXT = (
    "Updated 31 May with the minister's response. "
    "Unemployment fell to 3.8% in April, the lowest jobless rate since 1975. "
    'The minister said the figures were "a triumph". '
    "Exports to China doubled between 2015 and 2018. "
    "Wages rose 3.3% in the year to March."
)


def _checked_article(workspace: Workspace) -> tuple[int, list[int]]:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="ann")
    ids = [c.id for c in workspace.claims(article.id)]
    workspace.set_status(ids[0], Status.VERIFIED, who="ann")
    workspace.set_note(ids[0], "ONS table A01", who="ann")
    workspace.set_status(ids[1], Status.DISPUTED, who="ann")
    workspace.add_source(ids[1], "https://example.org/transcript", who="ann")
    workspace.set_status(ids[2], Status.VERIFIED, who="ann")
    return article.id, ids


def test_unchanged_text_resumes_without_touching_anything(workspace: Workspace) -> None:
    article_id, _ = _checked_article(workspace)
    before = workspace.claims(article_id, include_dismissed=True)

    report = workspace.reimport(article_id, make_article(), sentence_claims(ARTICLE_TEXT), who="bob")

    assert not report.text_changed
    assert "unchanged" in report.summary()
    assert workspace.claims(article_id, include_dismissed=True) == before
    assert workspace.earlier_texts(article_id) == []


def test_verdicts_follow_their_claims_into_the_changed_text(workspace: Workspace) -> None:
    article_id, (reworded, moved, cut, untouched) = _checked_article(workspace)

    report = workspace.reimport(
        article_id, make_article(UPDATED_TEXT), sentence_claims(UPDATED_TEXT), who="bob"
    )

    article = workspace.article(article_id)
    assert article.text == UPDATED_TEXT
    by_id = {c.id: c for c in workspace.claims(article_id)}
    # Claim 2 moved word for word: still disputed, with its source, anchored in the new text.
    assert by_id[moved].status is Status.DISPUTED
    assert by_id[moved].sources[0].url == "https://example.org/transcript"
    assert UPDATED_TEXT[by_id[moved].start : by_id[moved].end] == by_id[moved].text
    assert not by_id[moved].text_changed
    # Claim 1 was reworded: anchored to the new words, old words kept, verdict and note kept.
    assert by_id[reworded].text == "Unemployment fell to 3.8% in April, the lowest jobless rate since 1975."
    assert by_id[reworded].previous_text == "Unemployment fell to 3.8% in April, the lowest rate since 1975."
    assert (by_id[reworded].status, by_id[reworded].note) == (Status.VERIFIED, "ONS table A01")
    # Claim 3 was cut: flagged, its old wording and verdict kept, nothing highlighted.
    assert by_id[cut].text_changed
    assert by_id[cut].text == "Critics say the number hides a rise in zero-hours contracts."
    assert by_id[cut].status is Status.VERIFIED
    assert by_id[cut].start == by_id[cut].end
    assert by_id[untouched].status is Status.UNCHECKED and not by_id[untouched].text_changed
    # The new sentences are new claims; the old ones were not duplicated.
    texts = [c.text for c in workspace.claims(article_id)]
    new_ones = ["Updated 31 May with the minister's response.", "Wages rose 3.3% in the year to March."]
    assert sorted(set(texts) - {by_id[i].text for i in (reworded, moved, cut, untouched)}) == new_ones
    assert len(texts) == 6
    # And the user is told.
    assert (report.kept, report.added) == (2, 2)
    assert [(c.claim_id, c.new_text) for c in report.reworded] == [(reworded, by_id[reworded].text)]
    assert [c.claim_id for c in report.lost] == [cut]
    summary = report.summary()
    assert "changed" in summary and "1 reworded" in summary and "1 no longer found" in summary
    assert "2 new claims" in summary
    # The text the verdicts were given on is kept, with who replaced it and when.
    (earlier,) = workspace.earlier_texts(article_id)
    assert earlier.text == ARTICLE_TEXT and earlier.replaced_by == "bob"
    assert earlier.imported_at < earlier.replaced_at == article.imported_at
    # The history says who re-anchored what.
    assert ("bob", "text_changed", "no", "yes") in [
        (h.who, h.field, h.old, h.new) for h in workspace.history(cut)
    ]
    assert "text" in [h.field for h in workspace.history(reworded)]


def test_a_lost_claim_is_found_again_when_its_words_come_back(workspace: Workspace) -> None:
    article_id, (_, _, cut, _) = _checked_article(workspace)
    workspace.reimport(article_id, make_article(UPDATED_TEXT), sentence_claims(UPDATED_TEXT), who="bob")

    report = workspace.reimport(article_id, make_article(), sentence_claims(ARTICLE_TEXT), who="bob")

    back = workspace.claim(cut)
    assert not back.text_changed
    assert ARTICLE_TEXT[back.start : back.end] == back.text
    assert back.status is Status.VERIFIED
    assert cut not in [c.claim_id for c in report.lost]


def test_placing_a_lost_claim_by_hand_re_anchors_it(workspace: Workspace) -> None:
    article_id, (_, _, cut, _) = _checked_article(workspace)
    workspace.reimport(article_id, make_article(UPDATED_TEXT), sentence_claims(UPDATED_TEXT), who="bob")
    start = UPDATED_TEXT.index("Wages")

    placed = workspace.set_bounds(cut, start, len(UPDATED_TEXT), who="ann")

    assert not placed.text_changed
    assert placed.text == "Wages rose 3.3% in the year to March."


def test_claims_made_by_hand_are_re_anchored_too(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), [], who="ann")
    start = ARTICLE_TEXT.index("the lowest rate")
    by_hand = workspace.add_claim(article.id, start, start + len("the lowest rate since 1975"), who="ann")
    workspace.set_status(by_hand.id, Status.VERIFIED, who="ann")
    changed = "Breaking: " + ARTICLE_TEXT

    workspace.reimport(article.id, make_article(changed), [], who="ann")

    moved = workspace.claim(by_hand.id)
    assert changed[moved.start : moved.end] == "the lowest rate since 1975"
    assert moved.by_hand and moved.status is Status.VERIFIED


def test_the_sample_article_as_a_newsroom_updates_it(workspace: Workspace) -> None:
    """A real article, edited the usual ways: a correction on top, a typo fixed, a fact updated, a cut."""
    original = sample_article().read_text(encoding="utf-8")
    spans = sentence_spans(original)
    claims = [ExtractedClaim(original[s:e], s, e, 0.6) for s, e in spans if e - s > 40]
    article = workspace.add_article(make_article(original, "/news/putin-may.txt"), claims, who="ann")
    stored = workspace.claims(article.id)
    for claim in stored:
        workspace.set_status(claim.id, Status.VERIFIED, who="ann")
    cut = next(c.text for c in stored if c.text.startswith("Dr Turner's trip"))
    reworded_from = next(c.text for c in stored if c.text.startswith("Christian Turner"))
    reworded_to = reworded_from.replace("one of Britain's two", "one of the UK's two")
    updated = "Correction: an earlier version of this story misnamed the summit.\n\n" + original.replace(
        cut, ""
    ).replace(reworded_from, reworded_to).replace("November", "late November")

    new_claims = [ExtractedClaim(updated[s:e], s, e, 0.6) for s, e in sentence_spans(updated) if e - s > 40]
    report = workspace.reimport(
        article.id, make_article(updated, "/news/putin-may.txt"), new_claims, who="ann"
    )

    after = {c.id: c for c in workspace.claims(article.id)}
    lost = [c for c in after.values() if c.text_changed]
    assert [c.text for c in lost] == [cut]
    reworded = {c.previous_text: c.text for c in after.values() if c.previous_text}
    assert reworded_to in reworded.values()
    assert reworded[reworded_from] == reworded_to
    for claim in after.values():
        assert claim.text_changed or updated[claim.start : claim.end] == claim.text
        if claim.id in {c.id for c in stored}:
            assert claim.status is Status.VERIFIED  # every verdict kept
    assert report.kept == len(stored) - 1 - len(report.reworded)
    assert report.added == 1  # the correction line
    assert len(report.reworded) == 2  # Turner's title, and the sentence where November became late November


def test_a_cut_claim_among_look_alike_sentences_is_lost_not_moved_onto_a_neighbour(
    workspace: Workspace,
) -> None:
    template = "Spending on roads in ward {n} rose by {n}% to £{m}m, the council said."
    sentences = [template.format(n=n, m=n * 3) for n in range(1, 9)]
    original = " ".join(sentences)
    article = workspace.add_article(make_article(original), sentence_claims(original), who="ann")
    before = workspace.claims(article.id)
    cut = before[4]
    reworded = before[6]
    sentences[4] = "Figures for one ward were withdrawn."
    sentences[6] = sentences[6].replace("the council said", "the council's report said")
    updated = " ".join(sentences)

    report = workspace.reimport(article.id, make_article(updated), sentence_claims(updated), who="ann")

    assert [c.claim_id for c in report.lost] == [cut.id]
    assert [c.claim_id for c in report.reworded] == [reworded.id]
    assert report.kept == 6
    for claim in workspace.claims(article.id):
        if claim.id in {c.id for c in before} and claim.id != cut.id:
            assert updated[claim.start : claim.end] == claim.text
            original_number = next(c.number for c in before if c.id == claim.id)
            assert f"ward {original_number} " in claim.text or claim.id == reworded.id


def test_a_dismissed_claim_that_is_gone_is_flagged_but_not_reported(workspace: Workspace) -> None:
    article_id, (_, _, cut, _) = _checked_article(workspace)
    workspace.set_dismissed(cut, True, who="ann")

    report = workspace.reimport(
        article_id, make_article(UPDATED_TEXT), sentence_claims(UPDATED_TEXT), who="bob"
    )

    assert report.lost == ()
    assert "no longer found" not in report.summary()
    assert workspace.claim(cut).text_changed


def test_a_claim_still_lost_after_a_second_change_stays_inside_the_text(workspace: Workspace) -> None:
    article_id, (_, _, cut, _) = _checked_article(workspace)
    workspace.reimport(article_id, make_article(UPDATED_TEXT), sentence_claims(UPDATED_TEXT), who="bob")
    shorter = "Exports to China doubled between 2015 and 2018."

    report = workspace.reimport(article_id, make_article(shorter), sentence_claims(shorter), who="bob")

    lost = workspace.claim(cut)
    assert lost.text_changed and cut in [c.claim_id for c in report.lost]
    assert 0 <= lost.start == lost.end <= len(shorter)
    assert all(0 <= c.start <= c.end <= len(shorter) for c in workspace.claims(article_id))
