"""Where a workspace lives: turning ``--db`` values into engines, and refusing bad places.

Everything here checks a place *before* writing to it, so a wrong file, a read-only folder or a
workspace from a newer version gives one clear line and leaves the place as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from workbench import APP_ID
from workbench.store.errors import WorkspaceError

SQLITE_HEADER = b"SQLite format 3\x00"
WORKSPACE_FILE_NAME = "workspace.sqlite"
# Milliseconds a writer waits for another process's write to finish before giving up.
SQLITE_BUSY_TIMEOUT_S = 10.0


def default_url() -> str:
    """``WORKBENCH_DB`` when set, else the SQLite workspace in the user's data folder."""
    configured = os.environ.get("WORKBENCH_DB", "").strip()
    if configured:
        return configured
    folder = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    return f"sqlite:///{folder / WORKSPACE_FILE_NAME}"


def normalise_url(value: str) -> URL:
    """A SQLAlchemy URL for a ``--db`` value: a URL, or a plain path to a workspace file."""
    value = value.strip()
    if not value:
        raise WorkspaceError("no workspace given: pass a file path or a postgresql:// address")
    if "://" not in value:
        path = Path(value).expanduser()
        return make_url(f"sqlite:///{path.absolute()}")
    try:
        url = make_url(value)
    except ArgumentError:
        raise WorkspaceError(f"{value!r} is not a workspace address") from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        # psycopg 3 is the driver the app ships; a bare postgresql:// would ask for psycopg2.
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise WorkspaceError("a workspace must be a file: an in-memory SQLite database would be lost")
        return url.set(drivername="sqlite")
    raise WorkspaceError(f"unsupported workspace database {backend!r}: use a file or postgresql://")


def describe(url: URL) -> str:
    """The place for messages: the file path, or the server address without its password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def check_sqlite_place(path: Path, known_revisions: frozenset[str]) -> None:
    """Refuse a file or folder the workspace cannot safely use, without writing anything.

    Raises:
        WorkspaceError: the folder is missing or read-only, the file is not a workspace, is damaged,
            or was made by a newer version of the app.
    """
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder, not a workspace file")
    folder = path.parent
    if not folder.is_dir():
        raise WorkspaceError(f"cannot create the workspace {path}: the folder {folder} does not exist")
    exists = path.exists() and path.stat().st_size > 0
    if exists:
        _check_header(path)
    # WAL mode writes a -wal and a -shm file beside the database, so the folder must be writable too.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WorkspaceError(f"cannot write the workspace {path}: the folder {folder} is read-only")
    if exists and not os.access(path, os.R_OK | os.W_OK):
        raise WorkspaceError(f"cannot write the workspace {path}: the file is read-only")
    if exists:
        _check_revision(path, known_revisions)


def check_workspace_file(path: Path, known_revisions: frozenset[str]) -> None:
    """Refuse a file that is not a readable workspace (say, one handed over to import), writing nothing."""
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder, not a workspace file")
    if not path.is_file():
        raise WorkspaceError(f"{path} does not exist")
    if path.stat().st_size == 0:
        raise WorkspaceError(f"{path} is empty, not a workspace")
    _check_header(path)
    if _check_revision(path, known_revisions) is None:
        raise WorkspaceError(f"{path} is an empty database, not a workspace")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except OSError as error:
        raise WorkspaceError(f"cannot read the workspace {path}: {error.strerror}") from None
    if header != SQLITE_HEADER:
        raise WorkspaceError(f"{path} is not a workspace (it is not an SQLite database)")


def _check_revision(path: Path, known_revisions: frozenset[str]) -> str | None:
    revision = _sqlite_revision(path)
    if revision is not None and revision not in known_revisions:
        raise WorkspaceError(newer_version_message(str(path), revision))
    return revision


def newer_version_message(place: str, revision: str) -> str:
    return (
        f"the workspace {place} was made by a newer version of Fact-Check Workbench "
        f"(schema {revision}); update the app to open it"
    )


def _sqlite_revision(path: Path) -> str | None:
    """The workspace's schema revision, or None for an empty database, read without writing.

    ``immutable`` keeps SQLite from creating -wal/-shm files beside a file that may not be ours; a
    revision still sitting in another instance's WAL is caught again after opening.
    """
    uri = f"file:{quote(str(path))}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise WorkspaceError(f"cannot open the workspace {path}: {error}") from None
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "alembic_version" not in tables or "claims" not in tables:
            raise WorkspaceError(
                f"{path} is an SQLite database but not a Fact-Check Workbench workspace; choose another file"
            )
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise WorkspaceError(f"the workspace {path} is damaged and cannot be opened ({error})") from None
    finally:
        connection.close()
    return None if row is None else str(row[0])


def create_workspace_engine(url: URL) -> Engine:
    """An engine safe to share across threads; SQLite in WAL mode with foreign keys on."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S},
        )
        _tune_sqlite(engine)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except ImportError as error:
        # psycopg talks to the server through PostgreSQL's client library, libpq: bundled with the
        # pip install (psycopg[binary]), taken from the system in the desktop bundle.
        raise WorkspaceError(
            f"cannot open the team workspace {describe(url)}: PostgreSQL's client library (libpq) is "
            "not installed. Install it (Debian/Ubuntu: sudo apt install libpq5; Fedora: sudo dnf "
            f"install libpq) and try again. ({error})"
        ) from None


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, say when transactions begin (so DDL is transactional too).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # durable at every commit in WAL, but no fsync
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the write lock up front: two processes never deadlock upgrading a read lock.
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_single_file(path: Path) -> None:
    """Leave a closed SQLite workspace as one self-contained file (rollback journal, compacted)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("VACUUM")
    except sqlite3.Error as error:
        raise WorkspaceError(f"cannot finish the file {path}: {error}") from None
    finally:
        connection.close()
