"""Alembic migrations of the workspace schema; run programmatically by ``workbench.store.schema``."""
