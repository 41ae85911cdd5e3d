"""The history is append-only: the database itself refuses to rewrite a history line.

Rows still go when their claim is deleted (removing an article), but no line can be edited.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MESSAGE = "the history of a claim is append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER history_append_only BEFORE UPDATE ON history "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )
        return
    op.execute(
        "CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER history_append_only BEFORE UPDATE ON history "
        "FOR EACH ROW EXECUTE FUNCTION history_append_only()"
    )


def downgrade() -> None:
    op.execute(
        "DROP TRIGGER history_append_only" + ("" if op.get_bind().dialect.name == "sqlite" else " ON history")
    )
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION history_append_only()")
