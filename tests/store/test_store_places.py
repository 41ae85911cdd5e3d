"""Bad places for a workspace give one clear line and leave the place exactly as it was."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_helpers import ARTICLE_TEXT, make_article, sentence_claims

from workbench.store import Status, Workspace, WorkspaceError


def _fingerprint(path: Path) -> tuple[str, list[str]]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


@contextmanager
def mounted_tmpfs(mount_point: Path, size: str, *, read_only: bool = False) -> Iterator[Path]:
    """A small file system of its own: really read-only, or really full, even for root."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    mount_point.mkdir()
    options = f"size={size}" + (",ro" if read_only else "")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_default_workspace_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "team.sqlite"))
    assert Workspace.default_url() == str(tmp_path / "team.sqlite")
    with Workspace() as ws:
        assert ws.place == str(tmp_path / "team.sqlite")
    assert (tmp_path / "team.sqlite").exists()


def test_default_workspace_lives_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    with Workspace() as ws:
        ws.add_article(make_article(), [], who="")

    assert (tmp_path / "data" / "fact-check-workbench" / "workspace.sqlite").is_file()


def test_a_text_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 20)
    before = _fingerprint(notes)

    with pytest.raises(WorkspaceError, match="is not a workspace"):
        Workspace(str(notes))

    assert _fingerprint(notes) == before


def test_a_damaged_workspace_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    with Workspace(str(path)) as ws:
        ws.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(data))
    before = _fingerprint(path)

    with pytest.raises(WorkspaceError, match="damaged"):
        Workspace(str(path))

    assert _fingerprint(path) == before


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "contacts.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
        connection.execute("INSERT INTO people VALUES ('Ann')")
    connection.close()
    before = _fingerprint(other)

    with pytest.raises(WorkspaceError, match="not a Fact-Check Workbench workspace"):
        Workspace(str(other))

    assert _fingerprint(other) == before


def test_a_workspace_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    with Workspace(str(path)) as ws:
        ws.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = _fingerprint(path)

    with pytest.raises(WorkspaceError, match="newer version"):
        Workspace(str(path))

    assert _fingerprint(path) == before


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace(str(tmp_path / "no" / "such" / "workspace.sqlite"))
    assert not (tmp_path / "no").exists()


def test_a_folder_given_as_the_workspace_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="is a folder"):
        Workspace(str(tmp_path))


def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    if os.geteuid() == 0:  # root ignores permission bits: use a read-only file system instead
        with mounted_tmpfs(folder, "1m", read_only=True):
            with pytest.raises(WorkspaceError, match="read-only"):
                Workspace(str(folder / "workspace.sqlite"))
            assert list(folder.iterdir()) == []
        return
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(WorkspaceError, match="read-only"):
            Workspace(str(folder / "workspace.sqlite"))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_read_only_data_folder_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A file where the data folder should be: no one, not even root, can create the folder.
    (tmp_path / "data").write_text("in the way")
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    with pytest.raises(WorkspaceError, match="cannot create the data folder"):
        Workspace()


def test_a_full_disk_loses_only_the_change_being_made(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    with Workspace(str(path)) as ws:
        article = ws.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
        claim = ws.claims(article.id)[0]
        ws.set_status(claim.id, Status.VERIFIED, who="ann")
        # Cap the file at its current size: SQLite then reports SQLITE_FULL, as on a full disk.
        with sqlite3.connect(path) as connection:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.close()
        _cap_pages(ws, pages)
        big = make_article(text="A long article. " * 20000, path="/news/big.txt")

        with pytest.raises(WorkspaceError, match=r"disk .* is full"):
            ws.add_article(big, sentence_claims(big.text), who="ann")

        assert [a.id for a in ws.list_articles()] == [article.id]
        assert ws.claim(claim.id).status is Status.VERIFIED


def test_a_really_full_disk_loses_only_the_change_being_made(tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "small", "16m") as disk:
        with Workspace(str(disk / "workspace.sqlite")) as ws:
            article = ws.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
            claim = ws.claims(article.id)[0]
            ws.set_status(claim.id, Status.VERIFIED, who="ann")
            filler = disk / "filler.bin"
            with contextlib.suppress(OSError), filler.open("wb", buffering=0) as stream:
                while True:  # until the disk is full
                    stream.write(b"x" * 65536)
            big = make_article(text="A long article. " * 200_000, path="/news/big.txt")  # 3.2 MB

            with pytest.raises(WorkspaceError, match=r"disk .* is full"):
                ws.add_article(big, [], who="ann")

            assert [a.id for a in ws.list_articles()] == [article.id]
            assert ws.claim(claim.id).status is Status.VERIFIED
            filler.unlink()  # room again: work goes on
            ws.add_article(big, [], who="ann")
            assert len(ws.list_articles()) == 2
        connection = sqlite3.connect(disk / "workspace.sqlite")
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            connection.close()


def _cap_pages(ws: Workspace, pages: int) -> None:
    from sqlalchemy import event

    engine = ws._engine  # the test reaches in: there is no public way to fill a disk
    engine.dispose()

    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")


def test_an_unreachable_team_server_is_named(tmp_path: Path) -> None:
    url = f"postgresql://checker:secret@/workbench?host={tmp_path}&port=1"
    with pytest.raises(WorkspaceError, match="cannot reach") as error:
        Workspace(url)
    assert "secret" not in str(error.value)


def test_a_team_workspace_without_postgresqls_client_library_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The desktop bundle takes libpq from the system; without it psycopg cannot be imported.
    for name in [m for m in sys.modules if m == "psycopg" or m.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(WorkspaceError, match="libpq5") as error:
        Workspace("postgresql://checker:secret@db.example/workbench")
    assert "secret" not in str(error.value)


def test_unsupported_addresses_are_refused() -> None:
    with pytest.raises(WorkspaceError, match="unsupported"):
        Workspace("mysql://localhost/workbench")
    with pytest.raises(WorkspaceError, match="must be a file"):
        Workspace("sqlite://")


def _raw_engine(url: str) -> sa.Engine:
    if "://" not in url:
        return sa.create_engine(f"sqlite:///{url}")
    return sa.create_engine(url)


def test_a_workspace_from_a_newer_version_is_refused_on_every_backend(workspace_url: str) -> None:
    with Workspace(workspace_url) as ws:
        article = ws.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
    engine = _raw_engine(workspace_url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))

    with pytest.raises(WorkspaceError, match=r"newer version .*schema 9999"):
        Workspace(workspace_url)

    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == "9999"
        assert connection.execute(sa.text("SELECT count(*) FROM claims")).scalar_one() == 4
        assert connection.execute(sa.text("SELECT title FROM articles")).scalar_one() == article.title
    engine.dispose()


def test_a_database_holding_other_tables_is_refused_on_every_backend(workspace_url: str) -> None:
    engine = _raw_engine(workspace_url)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE payroll (name TEXT, salary INTEGER)"))

    with pytest.raises(WorkspaceError, match="not a Fact-Check Workbench workspace"):
        Workspace(workspace_url)

    with engine.connect() as connection:
        assert sa.inspect(connection).get_table_names() == ["payroll"]
    engine.dispose()


def test_a_workspace_held_by_another_program_says_busy_and_keeps_what_was_saved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("workbench.store.database.SQLITE_BUSY_TIMEOUT_S", 0.3)
    path = tmp_path / "workspace.sqlite"
    with Workspace(str(path)) as ws:
        article = ws.add_article(make_article(), sentence_claims(ARTICLE_TEXT), who="")
        claim = ws.claims(article.id)[0]
        ws.set_status(claim.id, Status.VERIFIED, who="ann")
        other_program = sqlite3.connect(path, isolation_level=None)
        other_program.execute("BEGIN EXCLUSIVE")  # holds the file, as a stuck program might
        try:
            with pytest.raises(WorkspaceError, match="busy in another program"):
                ws.set_status(claim.id, Status.DISPUTED, who="ann")
        finally:
            other_program.execute("ROLLBACK")
            other_program.close()
        assert ws.set_status(claim.id, Status.DISPUTED, who="ann").status is Status.DISPUTED
