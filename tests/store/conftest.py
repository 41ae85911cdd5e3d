"""Store fixtures: every workspace test runs on SQLite and on a real, throwaway PostgreSQL server."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pg_throwaway
from store_helpers import fresh_postgres_database

from workbench.store import Workspace


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[pg_throwaway.ThrowawayPostgres | str]:
    """A PostgreSQL server for the session: WORKBENCH_TEST_PG_URL, or one this fixture starts and stops."""
    given = os.environ.get("WORKBENCH_TEST_PG_URL", "").strip()
    if given:
        yield given
        return
    try:
        server = pg_throwaway.start()
    except pg_throwaway.NoPostgres as reason:
        message = f"PostgreSQL tests cannot run: {reason}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run them)")
        print(f"\n*** SKIPPING POSTGRESQL STORE TESTS: {reason} ***", file=sys.stderr)
        pytest.skip(message)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def workspace_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The address of a new, empty workspace on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "workspace.sqlite")
    server = request.getfixturevalue("postgres_server")
    return fresh_postgres_database(server)


@pytest.fixture
def workspace(workspace_url: str) -> Iterator[Workspace]:
    ws = Workspace(workspace_url)
    try:
        yield ws
    finally:
        ws.close()
