"""The workspace schema as typed SQLAlchemy 2 models.

The schema itself is created and evolved only by the Alembic migrations in ``migrations/``; these
models describe the newest revision and are what the store queries with.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import Boolean, DateTime, Dialect, Float, ForeignKey, Integer, MetaData, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so later migrations (and SQLite batch moves) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite keeps no time zone, so it is stored as UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the workspace stores aware datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime, str: Text}


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_path: Mapped[str] = mapped_column(default="", index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(default="")
    byline: Mapped[str] = mapped_column(default="")
    date: Mapped[str] = mapped_column(default="")
    url: Mapped[str] = mapped_column(default="")
    language: Mapped[str] = mapped_column(default="")
    format: Mapped[str] = mapped_column(default="")
    text: Mapped[str]
    imported_at: Mapped[datetime]


class Claim(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    text: Mapped[str]
    start_offset: Mapped[int]
    end_offset: Mapped[int]
    score: Mapped[float] = mapped_column(Float, default=0.0)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(default="")
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)
    by_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    reasons: Mapped[str] = mapped_column(default="[]")  # JSON list of {text, weight}
    spans: Mapped[str] = mapped_column(default="[]")  # JSON list of {start, end, label}
    # Re-anchoring (revision 0002): the claim's words were not found in the article's newer text.
    text_changed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    previous_text: Mapped[str] = mapped_column(default="", server_default="")  # wording before a change
    version: Mapped[int] = mapped_column(default=1)  # optimistic concurrency: bumped on every change
    created_at: Mapped[datetime]
    changed_by: Mapped[str] = mapped_column(default="")
    changed_at: Mapped[datetime | None]


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    url: Mapped[str]
    title: Mapped[str] = mapped_column(default="")
    accessed: Mapped[str] = mapped_column(default="")
    comment: Mapped[str] = mapped_column(default="")
    added_by: Mapped[str] = mapped_column(default="")
    added_at: Mapped[datetime]


class History(Base):
    """Append-only: one row per changed field, never updated or deleted on its own."""

    __tablename__ = "history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    who: Mapped[str] = mapped_column(default="")
    field: Mapped[str] = mapped_column(String(32))
    old: Mapped[str] = mapped_column(default="")
    new: Mapped[str] = mapped_column(default="")


class EarlierText(Base):
    """An article's text before a re-import replaced it (revision 0004)."""

    __tablename__ = "earlier_texts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str]
    imported_at: Mapped[datetime]
    replaced_at: Mapped[datetime]
    replaced_by: Mapped[str] = mapped_column(default="")
