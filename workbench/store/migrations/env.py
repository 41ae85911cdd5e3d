"""Alembic environment: always handed an open connection by ``workbench.store.schema``."""

from __future__ import annotations

from alembic import context

from workbench.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can alter tables only by copying them
)
with context.begin_transaction():
    context.run_migrations()
