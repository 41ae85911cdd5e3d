"""Helpers shared by the store tests and the store benchmark: sample articles, fresh PostgreSQL databases."""

from __future__ import annotations

import itertools
import os
import re

import sqlalchemy as sa
from pg_throwaway import ThrowawayPostgres

from workbench.claims.types import CheckablePart, ClaimKind, ExtractedClaim, Reason
from workbench.importers.base import ImportedArticle

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


_databases = itertools.count(1)


def fresh_postgres_database(server: ThrowawayPostgres | str) -> str:
    """A new, empty database on the server, so each test starts from nothing."""
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
