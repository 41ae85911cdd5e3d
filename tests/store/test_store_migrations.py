"""Older workspaces open in this version with nothing lost."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from workbench.store.schema import HEAD_REVISION, MIGRATIONS_DIR


def test_the_code_expects_the_newest_migration() -> None:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    assert script.get_heads() == [HEAD_REVISION]
