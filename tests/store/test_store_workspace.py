"""The workspace API as the CLI and the GUI use it, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from store_helpers import ARTICLE_TEXT, make_article, sentence_claims

from workbench.claims.types import ClaimKind
from workbench.store import StaleWriteError, Status, Workspace, content_sha256


def test_claims_come_back_numbered_in_article_order(workspace: Workspace) -> None:
    extracted = sentence_claims(ARTICLE_TEXT)
    article = workspace.add_article(make_article(), list(reversed(extracted)), who="ann")

    claims = workspace.claims(article.id)

    assert [c.number for c in claims] == [1, 2, 3, 4]
    assert [c.text for c in claims] == [c.text for c in extracted]
    assert all(ARTICLE_TEXT[c.start : c.end] == c.text for c in claims)
    first = claims[0]
    assert first.kind is ClaimKind.STATISTIC
    assert first.status is Status.UNCHECKED
    assert first.reasons == extracted[0].reasons
    assert first.spans == extracted[0].spans
    assert first.score == pytest.approx(extracted[0].score)
    assert workspace.claim_by_number(article.id, 3).text == extracted[2].text


def test_article_keeps_its_metadata_and_is_found_by_hash_path_or_number(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(path="/news/jobs.txt"), [], who="ann")

    assert article.sha256 == content_sha256(ARTICLE_TEXT)
    assert (article.title, article.byline, article.date) == ("Jobs", "A. Reporter", "2019-05-30")
    assert article.text == ARTICLE_TEXT
    assert article.imported_at.tzinfo is not None
    assert workspace.find_article(sha256=article.sha256) == article
    assert workspace.find_article(source_path="/news/jobs.txt") == article
    assert workspace.find_article(source_path="/news/other.txt") is None
    assert workspace.resolve_article(str(article.id)) == article
    assert workspace.resolve_article("/news/jobs.txt") == article
    with pytest.raises(LookupError, match="no article"):
        workspace.resolve_article("/news/missing.txt")
    with pytest.raises(LookupError):
        workspace.resolve_article("999")


def test_every_change_is_in_the_history_with_who_and_old_and_new(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="extractor-run")
    claim = workspace.claims(article.id)[0]

    workspace.set_status(claim.id, Status.VERIFIED, who="ann")
    workspace.set_note(claim.id, "ONS labour market bulletin", who="ann")
    with_source = workspace.add_source(claim.id, "https://ons.gov.uk/x", title="ONS", who="bob")
    workspace.remove_source(with_source.sources[0].id, who="bob")
    workspace.set_status(claim.id, "disputed", who="bob")

    changes = [(h.who, h.field, h.old, h.new) for h in workspace.history(claim.id)]
    assert changes == [
        ("extractor-run", "created", "", "extractor"),
        ("ann", "status", "unchecked", "verified"),
        ("ann", "note", "", "ONS labour market bulletin"),
        ("bob", "source", "", "https://ons.gov.uk/x"),
        ("bob", "source", "https://ons.gov.uk/x", ""),
        ("bob", "status", "verified", "disputed"),
    ]
    final = workspace.claim(claim.id)
    assert final.status is Status.DISPUTED
    assert final.note == "ONS labour market bulletin"
    assert final.sources == ()
    assert final.version == 6
    assert final.changed_by == "bob"


def test_a_whole_articles_history_comes_in_one_call(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="ann")
    other = workspace.add_article(
        make_article(path="/news/other.txt"), sentence_claims(ARTICLE_TEXT), who="ann"
    )
    first, second, *_ = workspace.claims(article.id)
    workspace.set_status(first.id, Status.VERIFIED, who="bob")
    workspace.set_dismissed(second.id, True, who="bob")
    workspace.set_status(workspace.claims(other.id)[0].id, Status.DISPUTED, who="bob")

    histories = workspace.histories(article.id)

    claims = workspace.claims(article.id, include_dismissed=True)
    assert histories == {c.id: workspace.history(c.id) for c in claims}
    assert [h.field for h in histories[first.id]] == ["created", "status"]
    assert [h.field for h in histories[second.id]] == ["created", "dismissed"]


def test_a_change_that_changes_nothing_leaves_no_history(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    claim = workspace.claims(article.id)[0]

    again = workspace.set_status(claim.id, Status.UNCHECKED, who="ann")

    assert again.version == claim.version
    assert len(workspace.history(claim.id)) == 1


def test_sources_are_kept_with_their_details(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    claim = workspace.claims(article.id)[1]

    workspace.add_source(
        claim.id, "https://a.example", title="A", accessed="2019-06-01", comment="p. 4", who="ann"
    )
    workspace.add_source(claim.id, "https://b.example", who="ann")

    sources = workspace.claims(article.id)[1].sources
    assert [(s.url, s.title, s.accessed, s.comment) for s in sources] == [
        ("https://a.example", "A", "2019-06-01", "p. 4"),
        ("https://b.example", "", "", ""),
    ]
    with pytest.raises(ValueError, match="URL"):
        workspace.add_source(claim.id, "  ", who="ann")


def test_claims_added_by_hand_and_moved_follow_the_text(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    start = ARTICLE_TEXT.index("the lowest rate")
    end = ARTICLE_TEXT.index(" since 1975")

    by_hand = workspace.add_claim(article.id, start, end, who="ann")

    assert by_hand.by_hand and by_hand.text == "the lowest rate"
    assert [c.id for c in workspace.claims(article.id)].index(by_hand.id) == 1  # sits in article order
    moved = workspace.set_bounds(by_hand.id, start, end + len(" since 1975"), who="ann")
    assert moved.text == "the lowest rate since 1975"
    assert [h.field for h in workspace.history(by_hand.id)] == ["created", "bounds", "text"]
    with pytest.raises(ValueError, match="outside"):
        workspace.add_claim(article.id, 10, len(ARTICLE_TEXT) + 5, who="ann")
    with pytest.raises(ValueError):
        workspace.set_bounds(by_hand.id, 20, 20, who="ann")


def test_dismissed_claims_hide_but_keep_their_numbers(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    second = workspace.claims(article.id)[1]

    workspace.set_dismissed(second.id, True, who="ann")

    shown = workspace.claims(article.id)
    assert [c.number for c in shown] == [1, 3, 4]
    assert len(workspace.claims(article.id, include_dismissed=True)) == 4
    assert workspace.list_articles()[0].claims == 3
    workspace.set_dismissed(second.id, False, who="ann")
    assert [c.number for c in workspace.claims(article.id)] == [1, 2, 3, 4]


def test_library_lists_articles_with_their_progress(workspace: Workspace) -> None:
    first = workspace.add_article(
        make_article(path="/a.txt", title="A"), sentence_claims(ARTICLE_TEXT), who=""
    )
    second = workspace.add_article(make_article(path="/b.txt", title="B"), [], who="")
    claims = workspace.claims(first.id)
    workspace.set_status(claims[0].id, Status.VERIFIED, who="ann")
    workspace.set_status(claims[1].id, Status.DISPUTED, who="ann")

    summaries = workspace.list_articles()

    assert [(s.id, s.title, s.claims, s.checked, s.disputed) for s in summaries] == [
        (first.id, "A", 4, 2, 1),
        (second.id, "B", 0, 0, 0),
    ]


def test_removing_an_article_removes_its_claims(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    claim = workspace.claims(article.id)[0]
    workspace.add_source(claim.id, "https://x.example", who="ann")

    workspace.remove_article(article.id)

    assert workspace.list_articles() == []
    with pytest.raises(LookupError):
        workspace.claim(claim.id)
    with pytest.raises(LookupError):
        workspace.remove_article(article.id)


def test_bad_requests_say_what_is_wrong(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    claim = workspace.claims(article.id)[0]

    with pytest.raises(ValueError, match="unknown status 'maybe'"):
        workspace.set_status(claim.id, "maybe", who="ann")
    with pytest.raises(LookupError, match="no claim 4242"):
        workspace.set_status(4242, Status.VERIFIED, who="ann")
    with pytest.raises(LookupError, match="has no claim 9"):
        workspace.claim_by_number(article.id, 9)
    with pytest.raises(LookupError):
        workspace.claim_by_number(article.id, 0)
    with pytest.raises(LookupError):
        workspace.claims(article.id + 100)


def test_two_windows_never_overwrite_each_other_silently(workspace_url: str) -> None:
    with Workspace(workspace_url) as window_a, Workspace(workspace_url) as window_b:
        article = window_a.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
        seen_by_a = window_a.claims(article.id)[0]
        before = datetime.now(UTC)

        window_b.set_status(seen_by_a.id, Status.DISPUTED, who="bob", expected_version=seen_by_a.version)
        with pytest.raises(StaleWriteError) as stale:
            window_a.set_status(seen_by_a.id, Status.VERIFIED, who="ann", expected_version=seen_by_a.version)

        assert stale.value.who == "bob"
        assert stale.value.when is not None and stale.value.when >= before.replace(microsecond=0)
        assert "changed by bob at" in str(stale.value) and "reload?" in str(stale.value)
        refreshed = window_a.claim(seen_by_a.id)  # the reload
        assert refreshed.status is Status.DISPUTED
        window_a.set_status(seen_by_a.id, Status.VERIFIED, who="ann", expected_version=refreshed.version)
        assert window_b.claim(seen_by_a.id).status is Status.VERIFIED
        assert [h.who for h in window_b.history(seen_by_a.id)][-2:] == ["bob", "ann"]


def test_work_done_on_a_worker_thread_is_seen_everywhere(workspace: Workspace) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    claims = workspace.claims(article.id)
    failures: list[BaseException] = []

    def mark_all() -> None:
        try:
            for claim in claims:
                workspace.set_status(claim.id, Status.VERIFIED, who="worker")
        except BaseException as error:  # handed back to the test thread
            failures.append(error)

    worker = threading.Thread(target=mark_all)
    worker.start()
    worker.join(timeout=60)

    assert failures == []
    assert {c.status for c in workspace.claims(article.id)} == {Status.VERIFIED}


def test_everything_is_still_there_after_reopening(workspace_url: str) -> None:
    with Workspace(workspace_url) as first:
        article = first.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
        claim = first.claims(article.id)[2]
        first.set_status(claim.id, Status.VERIFIED, who="ann")
        first.add_source(claim.id, "https://x.example", who="ann")
        before = first.claims(article.id)

    with Workspace(workspace_url) as again:
        assert again.claims(article.id) == before
        assert len(again.history(claim.id)) == 3


def test_a_window_can_tell_cheaply_when_another_changed_the_workspace(workspace_url: str) -> None:
    with Workspace(workspace_url) as window_a, Workspace(workspace_url) as window_b:
        article = window_a.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
        claim = window_a.claims(article.id)[0]
        seen = window_a.change_token()
        assert window_a.change_token() == seen  # nothing happened

        window_b.set_note(claim.id, "checked by phone", who="bob")
        after_note = window_a.change_token()
        assert after_note != seen
        window_b.add_article(make_article(path="/news/second.txt"), [], who="bob")
        after_add = window_a.change_token()
        assert after_add != after_note
        window_b.remove_article(article.id)
        assert window_a.change_token() != after_add


def test_the_database_itself_refuses_to_rewrite_history(workspace: Workspace, workspace_url: str) -> None:
    article = workspace.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    claim = workspace.claims(article.id)[0]
    workspace.set_status(claim.id, Status.DISPUTED, who="ann")
    engine = sa.create_engine(workspace_url if "://" in workspace_url else f"sqlite:///{workspace_url}")

    with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(sa.text("UPDATE history SET new = 'verified' WHERE field = 'status'"))

    engine.dispose()
    assert workspace.history(claim.id)[-1].new == "disputed"
