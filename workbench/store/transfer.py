"""Copying articles with everything checked about them from one workspace database to another.

Behind File ▸ Export workspace (to a single portable SQLite file) and File ▸ Import workspace.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, select

from workbench.store.models import Article, Claim, EarlierText, History, Source

_ARTICLES: Table = Article.__table__  # type: ignore[assignment]  # declarative tables are Tables
_CLAIMS: Table = Claim.__table__  # type: ignore[assignment]
_SOURCES: Table = Source.__table__  # type: ignore[assignment]
_HISTORY: Table = History.__table__  # type: ignore[assignment]
_EARLIER_TEXTS: Table = EarlierText.__table__  # type: ignore[assignment]


@dataclass
class CopiedArticles:
    article_ids: list[int] = field(default_factory=list)  # in the target, in the source's order
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (title, sha256) already in the target


@dataclass(frozen=True)
class Provenance:
    """A history line added to every copied claim, saying where it came from."""

    who: str
    at: datetime
    origin: str


def copy_articles(
    source: Connection,
    target: Connection,
    article_ids: Sequence[int] | None = None,
    *,
    keep_ids: bool,
    skip_sha256: Collection[str] = (),
    provenance: Provenance | None = None,
) -> CopiedArticles:
    """Copy articles with their claims, sources and full history, inside the callers' transactions.

    Args:
        article_ids: which articles (all when None).
        keep_ids: keep the source's ids (only into an empty workspace), else let the target number them.
        skip_sha256: content hashes the target already holds; those articles are skipped.
    """
    copied = CopiedArticles()
    query = select(_ARTICLES).order_by(_ARTICLES.c.id)
    if article_ids is not None:
        query = query.where(_ARTICLES.c.id.in_(list(article_ids)))
    article_map: dict[int, int] = {}
    for row in source.execute(query).mappings():
        if row["sha256"] in skip_sha256:
            copied.skipped.append((row["title"], row["sha256"]))
            continue
        values = _values(row, keep_ids)
        new_id = target.execute(insert(_ARTICLES).values(**values).returning(_ARTICLES.c.id)).scalar_one()
        article_map[row["id"]] = new_id
        copied.article_ids.append(new_id)
    if not article_map:
        return copied
    old_articles = list(article_map)
    claim_rows = (
        source.execute(select(_CLAIMS).where(_CLAIMS.c.article_id.in_(old_articles)).order_by(_CLAIMS.c.id))
        .mappings()
        .all()
    )
    claim_map = _insert_mapped(target, _CLAIMS, claim_rows, keep_ids, {"article_id": article_map})
    earlier_rows = (
        source.execute(
            select(_EARLIER_TEXTS)
            .where(_EARLIER_TEXTS.c.article_id.in_(old_articles))
            .order_by(_EARLIER_TEXTS.c.id)
        )
        .mappings()
        .all()
    )
    _insert_mapped(target, _EARLIER_TEXTS, earlier_rows, keep_ids, {"article_id": article_map})
    for table in (_SOURCES, _HISTORY):
        rows = (
            source.execute(
                select(table)
                .join(_CLAIMS, _CLAIMS.c.id == table.c.claim_id)
                .where(_CLAIMS.c.article_id.in_(old_articles))
                .order_by(table.c.id)
            )
            .mappings()
            .all()
        )
        _insert_mapped(target, table, rows, keep_ids, {"claim_id": claim_map})
    if provenance is not None and claim_map:
        target.execute(
            insert(_HISTORY),
            [
                {
                    "claim_id": new,
                    "at": provenance.at,
                    "who": provenance.who,
                    "field": "imported",
                    "old": "",
                    "new": provenance.origin,
                }
                for new in claim_map.values()
            ],
        )
    return copied


def _values(row: Any, keep_ids: bool) -> dict[str, Any]:
    values = dict(row)
    if not keep_ids:
        del values["id"]
    return values


def _insert_mapped(
    target: Connection,
    table: Table,
    rows: Sequence[Any],
    keep_ids: bool,
    foreign: dict[str, dict[int, int]],
) -> dict[int, int]:
    """Insert rows with their foreign keys translated; returns old id → new id."""
    if not rows:
        return {}
    values = []
    for row in rows:
        value = _values(row, keep_ids)
        for column, mapping in foreign.items():
            value[column] = mapping[row[column]]
        values.append(value)
    new_ids = (
        target.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), values)
        .scalars()
        .all()
    )
    return {row["id"]: new_id for row, new_id in zip(rows, new_ids, strict=True)}
