"""Store fixtures: every workspace test runs on SQLite and on a real, throwaway PostgreSQL server."""

from __future__ import annotations

import itertools
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pg_throwaway

from workbench.claims.types import CheckablePart, ClaimKind, ExtractedClaim, Reason
from workbench.importers.base import ImportedArticle
from workbench.store import Workspace

ARTICLE_TEXT = (
    "Unemployment fell to 3.8% in April, the lowest rate since 1975. "
    'The minister said the figures were "a triumph". '
    "Critics say the number hides a rise in zero-hours contracts. "
    "Exports to China doubled between 2015 and 2018."
)


def sentence_claims(text: str) -> list[ExtractedClaim]:
    """One claim per sentence of ``text``, the way the extractor would hand them over."""
    claims = []
    for number, match in enumerate(re.finditer(r"[^ ].*?[.!?](?= |$)", text)):
        start, end = match.span()
        claims.append(
            ExtractedClaim(
                text=text[start:end],
                start=start,
                end=end,
                score=0.5 + 0.01 * number,
                kind=ClaimKind.STATISTIC,
                reasons=(Reason("has a number", 0.4),),
                spans=(CheckablePart(start, start + 3, "QUANTITY"),),
            )
        )
    return claims


def make_article(
    text: str = ARTICLE_TEXT, path: str = "/news/article.txt", title: str = "Jobs"
) -> ImportedArticle:
    return ImportedArticle(
        text=text,
        title=title,
        byline="A. Reporter",
        date="2019-05-30",
        url="https://example.org/a",
        language="en",
        source_path=path,
        format="txt",
    )


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


_databases = itertools.count(1)


def fresh_postgres_database(server: pg_throwaway.ThrowawayPostgres | str) -> str:
    """A new, empty database on the server, so each test starts from nothing."""
    import sqlalchemy as sa

    admin_url = server if isinstance(server, str) else server.url()
    name = f"workbench_test_{os.getpid()}_{next(_databases)}"
    engine = sa.create_engine(
        sa.make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return (
        sa.make_url(admin_url)
        .set(drivername="postgresql+psycopg", database=name)
        .render_as_string(hide_password=False)
    )


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
