"""Runs the Alembic migrations on open, so any older workspace opens in this version."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from workbench.store.errors import WorkspaceError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest schema revision; a test checks it matches the newest migration file.
HEAD_REVISION = "0004"
# Any number will do; it keeps two app instances from migrating one PostgreSQL database at once.
_PG_MIGRATION_LOCK = 0x57_42_53_43


@cache
def known_revisions() -> frozenset[str]:
    """Every revision the migrations folder knows (a workspace at any other one is from the future)."""
    return frozenset(script.revision for script in _script_directory().walk_revisions())


def upgrade_to_head(engine: Engine, place: str) -> None:
    """Bring the workspace to ``HEAD_REVISION`` in one transaction; a no-op when it is already there.

    Raises:
        WorkspaceError: the workspace is from a newer version, or the migration failed (and was rolled
            back, leaving the workspace as it was).
    """
    with engine.connect() as connection:
        if current_revision(connection) == HEAD_REVISION:
            connection.rollback()
            return
        connection.rollback()
    writer = engine.execution_options(sqlite_immediate=True)
    with writer.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite's own rule for schema changes: foreign keys off, so a table rebuilt by a migration
            # does not cascade-delete the rows that point at it; checked again before committing.
            _raw_sqlite(connection, "PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                if not sqlite:
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
                    )
                current = current_revision(connection)  # again, now that no one else can be migrating
                if current == HEAD_REVISION:
                    return
                if current is not None and current not in known_revisions():
                    from workbench.store.database import newer_version_message

                    raise WorkspaceError(newer_version_message(place, current))
                if current is None and inspect(connection).get_table_names():
                    raise WorkspaceError(
                        f"{place} already holds other tables and is not a Fact-Check Workbench "
                        "workspace; give an empty database"
                    )
                try:
                    _run_alembic_upgrade(connection)
                except DBAPIError as error:
                    detail = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
                    raise WorkspaceError(
                        f"updating the workspace {place} to this version failed ({detail}); "
                        "it was left as it was"
                    ) from error
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise WorkspaceError(
                        f"updating the workspace {place} would break links between its records; "
                        "nothing was changed"
                    )
        finally:
            if sqlite:
                _raw_sqlite(connection, "PRAGMA foreign_keys=ON")


def _raw_sqlite(connection: Connection, statement: str) -> None:
    """Run a PRAGMA outside any transaction (inside one, SQLite ignores foreign_keys)."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(statement)
    finally:
        cursor.close()


def current_revision(connection: Connection) -> str | None:
    try:
        return MigrationContext.configure(connection).get_current_revision()
    except DBAPIError:
        raise
    except Exception as error:  # e.g. several heads stored by a foreign tool
        raise WorkspaceError(f"the workspace's schema version cannot be read: {error}") from None


def _run_alembic_upgrade(connection: Connection) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


@cache
def _script_directory() -> ScriptDirectory:
    return ScriptDirectory(str(MIGRATIONS_DIR))
