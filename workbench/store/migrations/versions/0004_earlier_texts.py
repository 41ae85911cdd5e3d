"""Keep an article's earlier texts: verdicts were given on them, so re-importing never discards one.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "earlier_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_earlier_texts_article_id_articles", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_earlier_texts"),
    )
    op.create_index("ix_earlier_texts_article_id", "earlier_texts", ["article_id"])


def downgrade() -> None:
    op.drop_table("earlier_texts")
