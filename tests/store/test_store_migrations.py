"""Older workspaces open in this version with nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from store_helpers import fresh_postgres_database

from workbench.importers.base import ImportedArticle
from workbench.store import Status, Workspace, WorkspaceError
from workbench.store.schema import HEAD_REVISION, MIGRATIONS_DIR

FIXTURE = Path(__file__).resolve().parent / "data" / "first-schema-workspace.sqlite"
TABLES = ("articles", "claims", "sources", "history")


def test_the_code_expects_the_newest_migration() -> None:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    assert script.get_heads() == [HEAD_REVISION]


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the first schema's tables, in the first schema's columns."""
    first = sqlite3.connect(f"file:{FIXTURE}?mode=ro&immutable=1", uri=True)
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        dumped = {}
        for table in TABLES:
            columns = ", ".join(f'"{row[1]}"' for row in first.execute(f"PRAGMA table_info({table})"))
            dumped[table] = connection.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()
        return dumped
    finally:
        connection.close()
        first.close()


def _assert_the_first_schemas_work_is_all_there(ws: Workspace) -> None:
    """What the checkers did in the first-schema workspace, as the app shows it now."""
    jobs, bridge = ws.list_articles()
    assert (jobs.title, jobs.claims, jobs.checked, jobs.disputed) == ("Jobs figures", 4, 2, 1)
    claims = ws.claims(jobs.id, include_dismissed=True)
    assert [c.number for c in claims] == [1, 2, 3, 4, 5]
    first = claims[0]
    assert first.status is Status.VERIFIED
    assert first.note == "ONS labour market bulletin, table A01"
    assert [(s.url, s.title, s.accessed) for s in first.sources] == [
        ("https://www.ons.gov.uk/a01", "ONS A01", "2019-05-31")
    ]
    assert [(h.who, h.field, h.new) for h in ws.history(first.id)] == [
        ("ann", "created", "extractor"),
        ("ann", "status", "verified"),
        ("ann", "note", "ONS labour market bulletin, table A01"),
        ("ann", "source", "https://www.ons.gov.uk/a01"),
    ]
    by_hand = next(c for c in claims if c.by_hand)
    assert by_hand.text == "the lowest rate"
    assert [c.text for c in claims if c.dismissed] == [
        "Critics say the number hides a rise in zero-hours contracts."
    ]
    quote = next(c for c in claims if c.status is Status.DISPUTED)
    assert quote.sources[0].comment == "said “a success”"
    assert quote.reasons[0].text == "has a number" and quote.spans[0].label == "QUANTITY"
    assert not any(c.text_changed or c.previous_text for c in claims)
    (zoe,) = ws.claims(bridge.id)
    assert zoe.status is Status.VERIFIED and zoe.changed_by == "zoë"
    assert ws.article(bridge.id).text.startswith("Zoë Ångström")
    # And the migrated workspace works on: the columns the new schema added are in use.
    report = ws.reimport(bridge.id, _changed(ws.article(bridge.id).text), [], who="ann")
    assert report.text_changed and len(report.lost) == 1


def _changed(text: str) -> ImportedArticle:
    assert text.startswith("Zoë Ångström said the bridge cost £2bn.")
    return ImportedArticle(text="The bridge opened in 2012 after long delays.", source_path="/news/bridge.md")


def test_a_first_schema_workspace_opens_with_nothing_lost(tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, copy)
    before = _rows(copy)

    with Workspace(str(copy)) as ws:
        after_opening = _rows(copy)
        _assert_the_first_schemas_work_is_all_there(ws)

    assert after_opening == before  # every old value, byte for byte
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    finally:
        connection.close()


@pytest.mark.postgres
def test_a_first_schema_team_workspace_opens_with_nothing_lost(postgres_server: object) -> None:
    url = fresh_postgres_database(postgres_server)  # type: ignore[arg-type]
    _make_first_schema_postgres_workspace(url)

    with Workspace(url) as ws:
        _assert_the_first_schemas_work_is_all_there(ws)


def _make_first_schema_postgres_workspace(url: str) -> None:
    """The fixture's rows in a PostgreSQL database built by the first migration alone."""
    target = sa.create_engine(url)
    source = sa.create_engine(f"sqlite:///file:{FIXTURE}?mode=ro&immutable=1&uri=true")
    try:
        with target.begin() as connection:
            connection.exec_driver_sql("SET TIME ZONE 'UTC'")
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS_DIR))
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
            old = sa.MetaData()
            old.reflect(source)
            new = sa.MetaData()
            new.reflect(connection)
            with source.connect() as reading:
                for table in TABLES:
                    rows = [dict(r) for r in reading.execute(sa.select(old.tables[table])).mappings()]
                    connection.execute(new.tables[table].insert(), rows)
                    sequence = f"pg_get_serial_sequence('{table}', 'id')"
                    connection.exec_driver_sql(f"SELECT setval({sequence}, (SELECT max(id) FROM {table}))")
    finally:
        target.dispose()
        source.dispose()


def test_a_failed_upgrade_leaves_the_old_workspace_as_it_was(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from workbench.store import schema

    broken = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, broken, ignore=shutil.ignore_patterns("__pycache__"))
    (broken / "versions" / "9000_broken.py").write_text(
        '"""A migration that fails halfway."""\n'
        "from alembic import op\n"
        f"revision = '9000'\ndown_revision = {HEAD_REVISION!r}\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade() -> None:\n"
        "    op.execute('UPDATE claims SET note = \\'overwritten\\'')\n"
        "    op.execute('THIS IS NOT SQL')\n"
    )
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", broken)
    monkeypatch.setattr(schema, "HEAD_REVISION", "9000")
    schema.known_revisions.cache_clear()
    schema._script_directory.cache_clear()
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, copy)
    before = _rows(copy)
    try:
        with pytest.raises(WorkspaceError, match=r"failed .*it was left as it was"):
            Workspace(str(copy))
    finally:
        schema.known_revisions.cache_clear()
        schema._script_directory.cache_clear()

    assert _rows(copy) == before
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert connection.execute("SELECT count(*) FROM claims WHERE note = 'overwritten'").fetchone() == (0,)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
