"""File ▸ Export workspace and Import workspace: a finished check handed over as one file."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from store_helpers import ARTICLE_TEXT, make_article, sentence_claims

from workbench.store import ClaimRecord, Status, Workspace, WorkspaceError

FIRST_SCHEMA = Path(__file__).resolve().parent / "data" / "first-schema-workspace.sqlite"


def _checked(ws: Workspace) -> tuple[int, int]:
    jobs = ws.add_article(
        make_article(path="/news/jobs.txt", title="Jobs"), sentence_claims(ARTICLE_TEXT), who="ann"
    )
    other_text = "Rents rose 9% in London last year. The mayor blamed landlords."
    other = ws.add_article(
        make_article(other_text, "/news/rents.txt", "Rents"), sentence_claims(other_text), who="ann"
    )
    first, second, third, _ = ws.claims(jobs.id)
    ws.set_status(first.id, Status.VERIFIED, who="ann")
    ws.set_note(first.id, "ONS table A01", who="ann")
    ws.add_source(first.id, "https://ons.gov.uk/a01", title="ONS", accessed="2019-06-01", who="ann")
    ws.set_status(second.id, Status.DISPUTED, who="bob")
    ws.set_dismissed(third.id, True, who="bob")
    return jobs.id, other.id


def _as_seen(claims: list[ClaimRecord]) -> list[tuple[object, ...]]:
    return [
        (
            c.number,
            c.text,
            c.start,
            c.end,
            c.status,
            c.note,
            c.dismissed,
            c.kind,
            c.reasons,
            c.spans,
            [(s.url, s.title, s.accessed, s.comment) for s in c.sources],
        )
        for c in claims
    ]


def test_an_exported_check_arrives_whole_in_another_workspace(workspace: Workspace, tmp_path: Path) -> None:
    jobs_id, _ = _checked(workspace)
    exported = tmp_path / "handover.workbench"

    assert workspace.export_workspace(exported) == 2

    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("handover", ".handover"))) == [
        "handover.workbench"
    ]
    with sqlite3.connect(exported) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    with Workspace(str(tmp_path / "editor.sqlite")) as editor:
        report = editor.import_workspace(exported, who="editor")

        assert [a.title for a in report.added] == ["Jobs", "Rents"]
        assert "Imported 2 articles from handover.workbench" in report.summary()
        imported = report.added[0]
        assert imported.text == ARTICLE_TEXT
        assert _as_seen(editor.claims(imported.id, include_dismissed=True)) == _as_seen(
            workspace.claims(jobs_id, include_dismissed=True)
        )
        first = editor.claims(imported.id)[0]
        assert [(h.who, h.field) for h in editor.history(first.id)] == [
            ("ann", "created"),
            ("ann", "status"),
            ("ann", "note"),
            ("ann", "source"),
            ("editor", "imported"),
        ]


def test_importing_into_the_team_workspace_and_twice_adds_each_article_once(
    workspace: Workspace, tmp_path: Path
) -> None:
    with Workspace(str(tmp_path / "checker.sqlite")) as checker:
        _checked(checker)
        checker.export_workspace(tmp_path / "handover.workbench")

    first = workspace.import_workspace(tmp_path / "handover.workbench", who="editor")
    again = workspace.import_workspace(tmp_path / "handover.workbench", who="editor")

    assert len(first.added) == 2
    assert again.added == () and again.skipped == ("Jobs", "Rents")
    assert "skipped 2 already in this workspace" in again.summary()
    assert [s.title for s in workspace.list_articles()] == ["Jobs", "Rents"]
    jobs = workspace.list_articles()[0]
    assert (jobs.claims, jobs.checked, jobs.disputed) == (3, 2, 1)


def test_an_articles_earlier_texts_travel_with_it(workspace: Workspace, tmp_path: Path) -> None:
    jobs_id, _ = _checked(workspace)
    changed = ARTICLE_TEXT.replace("3.8%", "3.9%")
    workspace.reimport(jobs_id, make_article(changed, "/news/jobs.txt", "Jobs"), [], who="ann")
    workspace.export_workspace(tmp_path / "handover.workbench", [jobs_id])

    with Workspace(str(tmp_path / "editor.sqlite")) as editor:
        (jobs,) = editor.import_workspace(tmp_path / "handover.workbench").added
        assert jobs.text == changed
        assert [(e.text, e.replaced_by) for e in editor.earlier_texts(jobs.id)] == [(ARTICLE_TEXT, "ann")]


def test_some_articles_can_be_exported_alone(workspace: Workspace, tmp_path: Path) -> None:
    _, rents_id = _checked(workspace)

    assert workspace.export_workspace(tmp_path / "rents.workbench", [rents_id]) == 1

    with Workspace(str(tmp_path / "editor.sqlite")) as editor:
        report = editor.import_workspace(tmp_path / "rents.workbench")
        assert [a.title for a in report.added] == ["Rents"]
        assert len(editor.claims(report.added[0].id)) == 2


def test_a_workspace_from_the_first_version_can_be_imported_and_is_left_alone(tmp_path: Path) -> None:
    before = hashlib.sha256(FIRST_SCHEMA.read_bytes()).hexdigest()

    with Workspace(str(tmp_path / "editor.sqlite")) as editor:
        report = editor.import_workspace(FIRST_SCHEMA)
        assert [a.title for a in report.added] == ["Jobs figures", "Bridge"]
        assert editor.claims(report.added[0].id)[0].status is Status.VERIFIED

    assert hashlib.sha256(FIRST_SCHEMA.read_bytes()).hexdigest() == before
    assert not Path(f"{FIRST_SCHEMA}-wal").exists()


def test_a_file_that_is_not_a_workspace_cannot_be_imported(tmp_path: Path) -> None:
    notes = tmp_path / "notes.workbench"
    notes.write_text("just some notes")

    with Workspace(str(tmp_path / "editor.sqlite")) as editor:
        with pytest.raises(WorkspaceError, match="not a workspace"):
            editor.import_workspace(notes)
        with pytest.raises(WorkspaceError, match="does not exist"):
            editor.import_workspace(tmp_path / "missing.workbench")
        assert editor.list_articles() == []
    assert notes.read_text() == "just some notes"


def test_exporting_to_a_missing_folder_says_so_and_leaves_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    _checked(workspace)

    with pytest.raises(WorkspaceError, match="does not exist"):
        workspace.export_workspace(tmp_path / "nowhere" / "handover.workbench")
    with pytest.raises(WorkspaceError, match="is a folder"):
        workspace.export_workspace(tmp_path)

    assert not (tmp_path / "nowhere").exists()
    assert not [p for p in tmp_path.iterdir() if "partial" in p.name]


def test_a_file_from_a_newer_version_or_damaged_cannot_be_imported(tmp_path: Path) -> None:
    future = tmp_path / "future.workbench"
    with Workspace(str(tmp_path / "checker.sqlite")) as checker:
        _checked(checker)
        checker.export_workspace(future)
    with sqlite3.connect(future) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    damaged = tmp_path / "damaged.workbench"
    data = bytearray((tmp_path / "future.workbench").read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    damaged.write_bytes(bytes(data))

    with Workspace(str(tmp_path / "editor.sqlite")) as editor:
        with pytest.raises(WorkspaceError, match="newer version"):
            editor.import_workspace(future)
        with pytest.raises(WorkspaceError, match="damaged"):
            editor.import_workspace(damaged)
        assert editor.list_articles() == []
