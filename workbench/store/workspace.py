"""The workspace: every article, claim, verdict, source and change, kept safe in one database.

Guarantees:

- Every public method runs in its own short transaction and hands back plain records: when it returns,
  the change is committed (SQLite in WAL mode with synchronous=NORMAL survives the app being killed at
  any moment; a power cut can cost at most the last moments, never the file's integrity).
- Every change to a claim bumps its ``version`` and adds one history line per changed field (who, when,
  old, new); the database refuses to edit history lines.
- A change made with ``expected_version`` that someone else has overtaken raises ``StaleWriteError``
  naming them, instead of silently overwriting their work.
- The engine may be shared by threads (the GUI's worker and others); sessions never are. SQLite
  writers take the write lock up front (BEGIN IMMEDIATE); PostgreSQL writers lock the claim's row.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.engine import URL, CursorResult
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from workbench.claims.types import CheckablePart, ClaimKind, ExtractedClaim, Reason
from workbench.importers.base import ImportedArticle
from workbench.store import anchoring, database, transfer
from workbench.store.errors import StaleWriteError, WorkspaceError
from workbench.store.models import Article, Claim, History, Source
from workbench.store.models import EarlierText as EarlierTextRow
from workbench.store.records import (
    ArticleRecord,
    ArticleSummary,
    ClaimChange,
    ClaimRecord,
    EarlierText,
    HistoryEntry,
    ImportReport,
    ReanchorReport,
    SourceRecord,
    Status,
)
from workbench.store.schema import known_revisions, upgrade_to_head


def content_sha256(text: str) -> str:
    """The identity of an article's content: SHA-256 of its imported text (UTF-8).

    The text, not the file bytes, because claim offsets point into the text: a file re-saved with the
    same words is the same article, and any change to the words is a changed article.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


class Workspace:
    """One workspace database (an SQLite file, or a shared PostgreSQL database for a team)."""

    def __init__(self, url: str | None = None) -> None:
        """Open (creating and migrating as needed) the workspace at ``url``.

        Args:
            url: an SQLAlchemy URL, ``postgresql://…``, or a plain file path; None means
                ``Workspace.default_url()``.

        Raises:
            WorkspaceError: the place cannot hold a workspace; the message says why in one line.
        """
        self._url: URL = database.normalise_url(url if url is not None else self.default_url())
        self.place = database.describe(self._url)
        self.is_sqlite = self._url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            path = Path(str(self._url.database))
            if url is None and not os.environ.get("WORKBENCH_DB", "").strip():
                _make_data_folder(path.parent)  # the app's own folder; any other must already exist
            database.check_sqlite_place(path, known_revisions())
        self._engine = database.create_workspace_engine(self._url)
        try:
            with self._translated_errors():
                upgrade_to_head(self._engine, self.place)
        except BaseException:
            self._engine.dispose()
            raise
        self._sessionmaker = sessionmaker(self._engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self._engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )

    @staticmethod
    def default_url() -> str:
        """``WORKBENCH_DB`` when set, else an SQLite file in the user's data folder."""
        return database.default_url()

    @property
    def url(self) -> str:
        """The workspace's address, without any password."""
        return self._url.render_as_string(hide_password=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------------------

    def add_article(
        self, imported: ImportedArticle, claims: Sequence[ExtractedClaim], *, who: str = ""
    ) -> ArticleRecord:
        """Store an imported article with its extracted claims, numbered in article order."""
        text = imported.text
        for claim in claims:
            _check_bounds(text, claim.start, claim.end)
        now = _now()
        with self._write() as session:
            article_id = session.execute(
                insert(Article)
                .values(
                    source_path=_normal_path(imported.source_path),
                    sha256=content_sha256(text),
                    title=imported.title,
                    byline=imported.byline,
                    date=imported.date,
                    url=imported.url,
                    language=imported.language,
                    format=imported.format,
                    text=text,
                    imported_at=now,
                )
                .returning(Article.id)
            ).scalar_one()
            ordered = sorted(claims, key=lambda c: (c.start, c.end))
            if ordered:
                claim_ids = session.scalars(
                    insert(Claim).returning(Claim.id, sort_by_parameter_order=True),
                    [_new_claim_row(article_id, c, now, who) for c in ordered],
                ).all()
                _log_created(session, claim_ids, now, who)
            row = session.execute(select(*_ARTICLE_COLUMNS).where(Article.id == article_id)).one()
            return _article_record(row)

    def find_article(
        self, *, sha256: str | None = None, source_path: str | None = None
    ) -> ArticleRecord | None:
        """The newest article with this content hash and/or source path, or None."""
        if sha256 is None and source_path is None:
            raise ValueError("find_article needs sha256 or source_path")
        query = select(*_ARTICLE_COLUMNS).order_by(Article.id.desc()).limit(1)
        if sha256 is not None:
            query = query.where(Article.sha256 == sha256)
        if source_path is not None:
            query = query.where(Article.source_path == _normal_path(source_path))
        with self._read() as session:
            row = session.execute(query).first()
            return None if row is None else _article_record(row)

    def resolve_article(self, ref: str) -> ArticleRecord:
        """The article a user means by ``ref``: its id (``"3"``) or its file's path.

        Raises:
            LookupError: no such article in this workspace.
        """
        ref = ref.strip()
        if ref.isdigit():
            try:
                return self.article(int(ref))
            except LookupError:
                pass
        found = self.find_article(source_path=ref) if ref else None
        if found is None:
            raise LookupError(f"no article {ref!r} in the workspace (give its number or its file path)")
        return found

    def article(self, article_id: int) -> ArticleRecord:
        with self._read() as session:
            row = session.execute(select(*_ARTICLE_COLUMNS).where(Article.id == article_id)).first()
            if row is None:
                raise LookupError(f"no article {article_id} in the workspace")
            return _article_record(row)

    def list_articles(self) -> list[ArticleSummary]:
        """Every article, oldest first, with its claim counts (dismissed claims not counted)."""
        live = Claim.dismissed.is_(False)
        counts = (
            select(
                Claim.article_id,
                func.count().label("claims"),
                func.count().filter(Claim.status != Status.UNCHECKED.value).label("checked"),
                func.count().filter(Claim.status == Status.DISPUTED.value).label("disputed"),
            )
            .where(live)
            .group_by(Claim.article_id)
            .subquery()
        )
        query = (
            select(
                Article.id,
                Article.title,
                Article.source_path,
                Article.imported_at,
                func.coalesce(counts.c.claims, 0),
                func.coalesce(counts.c.checked, 0),
                func.coalesce(counts.c.disputed, 0),
            )
            .outerjoin(counts, counts.c.article_id == Article.id)
            .order_by(Article.id)
        )
        with self._read() as session:
            return [ArticleSummary(*row) for row in session.execute(query)]

    def remove_article(self, article_id: int) -> None:
        """Delete an article with its claims, sources and their history."""
        with self._write() as session:
            result: CursorResult[Any] = session.execute(  # type: ignore[assignment]  # DML gives a cursor
                delete(Article).where(Article.id == article_id)
            )
            if result.rowcount == 0:
                raise LookupError(f"no article {article_id} in the workspace")

    def reimport(
        self,
        article_id: int,
        imported: ImportedArticle,
        claims: Sequence[ExtractedClaim],
        *,
        who: str = "",
    ) -> ReanchorReport:
        """Bring a stored article up to its file's new text, keeping every verdict it can.

        Each existing claim is re-anchored in the new text (exact words with their surroundings, then a
        fuzzy match); claims that cannot be found are flagged ``text_changed`` with their old wording
        kept; ``claims`` (freshly extracted from the new text) that overlap no kept claim are added. Same
        text: nothing is touched. All in one transaction.
        """
        new_text = imported.text
        for extracted in claims:
            _check_bounds(new_text, extracted.start, extracted.end)
        now = _now()
        with self._write() as session:
            # Locked (PostgreSQL): a second window re-importing at once waits, then finds it done.
            row = session.execute(
                select(*_ARTICLE_COLUMNS).where(Article.id == article_id).with_for_update()
            ).first()
            if row is None:
                raise LookupError(f"no article {article_id} in the workspace")
            old = _article_record(row)
            if old.sha256 == content_sha256(new_text):
                return ReanchorReport(article=old, text_changed=False)
            existing = session.execute(
                select(*_CLAIM_COLUMNS).where(Claim.article_id == article_id).order_by(*_ARTICLE_ORDER)
            ).all()
            plan = _reanchor(old.text, new_text, existing, claims)
            for claim_id, changes, history in plan.updates:
                session.execute(
                    update(Claim)
                    .where(Claim.id == claim_id)
                    .values(**changes, version=Claim.version + 1, changed_by=who, changed_at=now)
                )
                for field_name, before, after in history:
                    _log(session, claim_id, now, who, field_name, before, after)
            if plan.added:
                added_ids = session.scalars(
                    insert(Claim).returning(Claim.id, sort_by_parameter_order=True),
                    [_new_claim_row(article_id, c, now, who) for c in plan.added],
                ).all()
                _log_created(session, added_ids, now, who)
            session.execute(
                insert(EarlierTextRow).values(
                    article_id=article_id,
                    sha256=old.sha256,
                    text=old.text,
                    imported_at=old.imported_at,
                    replaced_at=now,
                    replaced_by=who,
                )
            )
            session.execute(
                update(Article)
                .where(Article.id == article_id)
                .values(
                    source_path=_normal_path(imported.source_path) or old.source_path,
                    sha256=content_sha256(new_text),
                    # What the new import could not tell (say, a title) stays as it was known.
                    title=imported.title or old.title,
                    byline=imported.byline or old.byline,
                    date=imported.date or old.date,
                    url=imported.url or old.url,
                    language=imported.language or old.language,
                    format=imported.format or old.format,
                    text=new_text,
                    imported_at=now,
                )
            )
            numbers = {
                cid: n
                for n, cid in enumerate(
                    session.scalars(
                        select(Claim.id).where(Claim.article_id == article_id).order_by(*_ARTICLE_ORDER)
                    ),
                    start=1,
                )
            }
            article = _article_record(
                session.execute(select(*_ARTICLE_COLUMNS).where(Article.id == article_id)).one()
            )
            return ReanchorReport(
                article=article,
                text_changed=True,
                kept=plan.kept,
                reworded=tuple(
                    ClaimChange(cid, numbers[cid], before, after) for cid, before, after in plan.reworded
                ),
                lost=tuple(ClaimChange(cid, numbers[cid], before, "") for cid, before in plan.lost),
                added=len(plan.added),
            )

    def earlier_texts(self, article_id: int) -> list[EarlierText]:
        """The article's texts before each re-import replaced them, oldest first."""
        with self._read() as session:
            if session.get(Article, article_id) is None:
                raise LookupError(f"no article {article_id} in the workspace")
            rows = session.execute(
                select(
                    EarlierTextRow.sha256,
                    EarlierTextRow.text,
                    EarlierTextRow.imported_at,
                    EarlierTextRow.replaced_at,
                    EarlierTextRow.replaced_by,
                )
                .where(EarlierTextRow.article_id == article_id)
                .order_by(EarlierTextRow.replaced_at, EarlierTextRow.id)
            ).all()
            return [EarlierText(*row) for row in rows]

    def export_workspace(self, path: str | Path, article_ids: Sequence[int] | None = None) -> int:
        """Write the workspace (or some of its articles) to one portable file another checker can import.

        The file is a complete workspace (SQLite) holding the articles with their claims, verdicts,
        notes, sources and history. It is written beside ``path`` and moved into place only when
        complete, so a failed export never leaves half a file. Returns the number of articles written.
        """
        target = Path(path).expanduser().absolute()
        if target.is_dir():
            raise WorkspaceError(f"{target} is a folder; choose a file name to export to")
        if self.is_sqlite and target == Path(str(self._url.database)):
            raise WorkspaceError("choose another file: this is the workspace being exported")
        if not target.parent.is_dir():
            raise WorkspaceError(f"cannot export to {target}: the folder {target.parent} does not exist")
        if not os.access(target.parent, os.W_OK | os.X_OK):
            raise WorkspaceError(f"cannot export to {target}: the folder {target.parent} is read-only")
        partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
        _remove_sqlite_files(partial)
        try:
            with Workspace(str(partial)) as out, self._snapshot() as session, out._write() as out_session:
                copied = transfer.copy_articles(
                    session.connection(), out_session.connection(), article_ids, keep_ids=True
                )
            database.make_single_file(partial)
            os.replace(partial, target)
        except OSError as error:
            raise WorkspaceError(f"cannot export to {target}: {error.strerror or error}") from None
        finally:
            _remove_sqlite_files(partial)
        return len(copied.article_ids)

    def import_workspace(self, path: str | Path, *, who: str = "") -> ImportReport:
        """Add the articles of an exported workspace file (or any workspace file) to this one.

        Articles whose text is already here are skipped, so importing twice adds nothing. Imported
        claims keep their whole history, plus a line saying who imported them from which file. The
        file itself is never changed (an older one is migrated in a temporary copy).
        """
        source = Path(path).expanduser().absolute()
        database.check_workspace_file(source, known_revisions())
        now = _now()
        with tempfile.TemporaryDirectory(prefix="workbench-import-") as folder:
            copy = Path(folder) / "import.sqlite"
            try:
                shutil.copyfile(source, copy)
                if Path(f"{source}-wal").exists():  # changes another app has not folded in yet
                    shutil.copyfile(f"{source}-wal", f"{copy}-wal")
            except OSError as error:
                raise WorkspaceError(f"cannot read {source}: {error.strerror or error}") from None
            with Workspace(str(copy)) as incoming, self._write() as session:
                held = set(session.scalars(select(Article.sha256)))
                with incoming._read() as in_session:
                    copied = transfer.copy_articles(
                        in_session.connection(),
                        session.connection(),
                        keep_ids=False,
                        skip_sha256=held,
                        provenance=transfer.Provenance(who, now, f"imported from {source.name}"),
                    )
        return ImportReport(
            source=source.name,
            added=tuple(self.article(article_id) for article_id in copied.article_ids),
            skipped=tuple(title for title, _ in copied.skipped),
        )

    # -- claims -----------------------------------------------------------------------------------

    def claims(self, article_id: int, *, include_dismissed: bool = False) -> list[ClaimRecord]:
        """The article's claims in article order; numbers count dismissed claims too, so they stay put."""
        with self._read() as session:
            if session.get(Article, article_id) is None:
                raise LookupError(f"no article {article_id} in the workspace")
            rows = session.execute(
                select(*_CLAIM_COLUMNS).where(Claim.article_id == article_id).order_by(*_ARTICLE_ORDER)
            ).all()
            sources = _sources_by_claim(
                session, select(Source).join(Claim).where(Claim.article_id == article_id)
            )
            records = [_claim_record(row, number, sources) for number, row in enumerate(rows, start=1)]
        return records if include_dismissed else [r for r in records if not r.dismissed]

    def claim(self, claim_id: int) -> ClaimRecord:
        with self._read() as session:
            return _load_claim(session, claim_id)

    def claim_by_number(self, article_id: int, number: int) -> ClaimRecord:
        """The claim shown as ``number`` in the article's checklist.

        Raises:
            LookupError: the article has no claim with that number.
        """
        if number < 1:
            raise LookupError(f"article {article_id} has no claim {number}")
        with self._read() as session:
            claim_id = session.scalars(
                select(Claim.id)
                .where(Claim.article_id == article_id)
                .order_by(*_ARTICLE_ORDER)
                .offset(number - 1)
                .limit(1)
            ).first()
            if claim_id is None:
                raise LookupError(f"article {article_id} has no claim {number}")
            return _load_claim(session, claim_id)

    def set_status(
        self, claim_id: int, status: Status | str, *, who: str, expected_version: int | None = None
    ) -> ClaimRecord:
        """Mark a claim unchecked, verified or disputed.

        Raises:
            StaleWriteError: ``expected_version`` is given and someone changed the claim since.
        """
        try:
            value = Status(status)
        except ValueError:
            choices = ", ".join(s.value for s in Status)
            raise ValueError(f"unknown status {status!r} (choose {choices})") from None
        return self._change_claim(claim_id, {"status": value.value}, who, expected_version)

    def set_note(
        self, claim_id: int, note: str, *, who: str, expected_version: int | None = None
    ) -> ClaimRecord:
        return self._change_claim(claim_id, {"note": note}, who, expected_version)

    def set_dismissed(self, claim_id: int, dismissed: bool, *, who: str) -> ClaimRecord:
        return self._change_claim(claim_id, {"dismissed": dismissed}, who, None)

    def set_bounds(
        self, claim_id: int, start: int, end: int, *, who: str, expected_version: int | None = None
    ) -> ClaimRecord:
        """Move a claim's span within its article's text (its wording follows the span)."""
        with self._read() as session:
            article_id = session.scalar(select(Claim.article_id).where(Claim.id == claim_id))
            if article_id is None:
                raise LookupError(f"no claim {claim_id} in the workspace")
            text = session.scalar(select(Article.text).where(Article.id == article_id)) or ""
        _check_bounds(text, start, end)
        # Placing a claim by hand also re-anchors one whose words were lost in a changed text.
        changes = {"start_offset": start, "end_offset": end, "text": text[start:end], "text_changed": False}
        return self._change_claim(claim_id, changes, who, expected_version)

    def add_claim(self, article_id: int, start: int, end: int, *, who: str) -> ClaimRecord:
        """Add a claim the checker marked by hand."""
        now = _now()
        with self._write() as session:
            text = session.scalar(select(Article.text).where(Article.id == article_id))
            if text is None:
                raise LookupError(f"no article {article_id} in the workspace")
            _check_bounds(text, start, end)
            extracted = ExtractedClaim(text=text[start:end], start=start, end=end, score=0.0)
            row = _new_claim_row(article_id, extracted, now, who) | {"by_hand": True}
            claim_id = session.execute(insert(Claim).values(**row).returning(Claim.id)).scalar_one()
            _log(session, claim_id, now, who, "created", "", "by hand")
            return _load_claim(session, claim_id)

    def add_source(
        self,
        claim_id: int,
        url: str,
        *,
        title: str = "",
        accessed: str = "",
        comment: str = "",
        who: str,
    ) -> ClaimRecord:
        url = url.strip()
        if not url:
            raise ValueError("a source needs a URL or a reference")
        now = _now()
        with self._write() as session:
            _lock_claim(session, claim_id)
            session.execute(
                insert(Source).values(
                    claim_id=claim_id,
                    url=url,
                    title=title,
                    accessed=accessed,
                    comment=comment,
                    added_by=who,
                    added_at=now,
                )
            )
            _bump(session, claim_id, who, now)
            _log(session, claim_id, now, who, "source", "", url)
            return _load_claim(session, claim_id)

    def remove_source(self, source_id: int, *, who: str) -> ClaimRecord:
        now = _now()
        with self._write() as session:
            found = session.execute(select(Source.claim_id, Source.url).where(Source.id == source_id)).first()
            if found is None:
                raise LookupError(f"no source {source_id} in the workspace")
            claim_id, url = found
            _lock_claim(session, claim_id)
            session.execute(delete(Source).where(Source.id == source_id))
            _bump(session, claim_id, who, now)
            _log(session, claim_id, now, who, "source", url, "")
            return _load_claim(session, claim_id)

    def history(self, claim_id: int) -> list[HistoryEntry]:
        """Every change to the claim, oldest first."""
        with self._read() as session:
            rows = session.execute(
                select(History.claim_id, History.at, History.who, History.field, History.old, History.new)
                .where(History.claim_id == claim_id)
                .order_by(History.at, History.id)
            ).all()
            if not rows and session.get(Claim, claim_id) is None:
                raise LookupError(f"no claim {claim_id} in the workspace")
            return [HistoryEntry(*row) for row in rows]

    def histories(self, article_id: int) -> dict[int, list[HistoryEntry]]:
        """The history of every claim of the article (dismissed ones too), oldest first, in one query.

        The same as ``{c.id: history(c.id) for c in claims}``, for reports and the checklist's view.
        """
        with self._read() as session:
            if session.get(Article, article_id) is None:
                raise LookupError(f"no article {article_id} in the workspace")
            found: dict[int, list[HistoryEntry]] = {
                claim_id: []
                for claim_id in session.scalars(select(Claim.id).where(Claim.article_id == article_id))
            }
            rows = session.execute(
                select(History.claim_id, History.at, History.who, History.field, History.old, History.new)
                .join(Claim, Claim.id == History.claim_id)
                .where(Claim.article_id == article_id)
                .order_by(History.at, History.id)
            )
            for row in rows:
                found[row[0]].append(HistoryEntry(*row))
            return found

    def change_token(self) -> tuple[int, int, int, str]:
        """A cheap value that changes whenever anyone (any window, any checker) changes the workspace.

        Poll it to know when to reload: equal tokens mean nothing was added, changed or removed.
        """
        with self._read() as session:
            row = session.execute(
                select(
                    select(func.coalesce(func.max(History.id), 0)).scalar_subquery(),
                    select(func.count(Article.id)).scalar_subquery(),
                    select(func.coalesce(func.max(Article.id), 0)).scalar_subquery(),
                    select(func.max(Article.imported_at)).scalar_subquery(),
                )
            ).one()
            return int(row[0]), int(row[1]), int(row[2]), str(row[3] or "")

    # -- internals --------------------------------------------------------------------------------

    def _change_claim(
        self, claim_id: int, changes: dict[str, Any], who: str, expected_version: int | None
    ) -> ClaimRecord:
        """Apply ``changes`` to one claim, log each changed field, bump its version, all at once."""
        now = _now()
        with self._write() as session:
            current = _lock_claim(session, claim_id)
            if expected_version is not None and current.version != expected_version:
                raise StaleWriteError(claim_id, current.changed_by, current.changed_at)
            changed = {k: v for k, v in changes.items() if getattr(current, k) != v}
            if changed:
                session.execute(
                    update(Claim)
                    .where(Claim.id == claim_id)
                    .values(**changed, version=Claim.version + 1, changed_by=who, changed_at=now)
                )
                for field_name, old, new in _history_fields(current, changed):
                    _log(session, claim_id, now, who, field_name, old, new)
            return _load_claim(session, claim_id)

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._translated_errors(), self._sessionmaker.begin() as session:
            yield session

    @contextmanager
    def _snapshot(self) -> Iterator[Session]:
        """A read transaction that sees one moment throughout (an SQLite read transaction already does)."""
        if self.is_sqlite:
            with self._read() as session:
                yield session
            return
        repeatable = self._engine.execution_options(isolation_level="REPEATABLE READ")
        with (
            self._translated_errors(),
            Session(repeatable, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._translated_errors(), self._writer.begin() as session:
            yield session

    @contextmanager
    def _translated_errors(self) -> Iterator[None]:
        """Database failures become one-line WorkspaceErrors; the transaction is already rolled back."""
        try:
            yield
        except DBAPIError as error:
            raise WorkspaceError(_explain(error, self.place)) from error
        except SQLAlchemyError as error:
            raise WorkspaceError(f"workspace {self.place}: {error}") from error


# -- helpers ----------------------------------------------------------------------------------------

_ARTICLE_COLUMNS = (
    Article.id,
    Article.title,
    Article.byline,
    Article.date,
    Article.url,
    Article.language,
    Article.source_path,
    Article.format,
    Article.sha256,
    Article.text,
    Article.imported_at,
)
_CLAIM_COLUMNS = (
    Claim.id,
    Claim.article_id,
    Claim.text,
    Claim.start_offset,
    Claim.end_offset,
    Claim.score,
    Claim.kind,
    Claim.status,
    Claim.note,
    Claim.version,
    Claim.dismissed,
    Claim.by_hand,
    Claim.reasons,
    Claim.spans,
    Claim.changed_by,
    Claim.changed_at,
    Claim.text_changed,
    Claim.previous_text,
)
_ARTICLE_ORDER = (Claim.start_offset, Claim.end_offset, Claim.id)


def _article_record(row: Any) -> ArticleRecord:
    return ArticleRecord(*tuple(row))


def _claim_record(row: Any, number: int, sources: dict[int, list[SourceRecord]]) -> ClaimRecord:
    # Unpacked by position (the order of _CLAIM_COLUMNS): a checklist builds thousands of these.
    (
        claim_id, article_id, text, start, end, score, kind, status, note, version, dismissed, by_hand,
        reasons, spans, changed_by, changed_at, text_changed, previous_text,
    ) = row  # fmt: skip
    return ClaimRecord(
        id=claim_id,
        article_id=article_id,
        number=number,
        text=text,
        start=start,
        end=end,
        score=score,
        kind=_kind(kind),
        status=_STATUSES[status],
        note=note,
        version=version,
        dismissed=bool(dismissed),
        by_hand=bool(by_hand),
        reasons=_reasons(reasons),
        spans=_spans(spans),
        sources=tuple(sources.get(claim_id, ())),
        changed_by=changed_by,
        changed_at=changed_at,
        text_changed=bool(text_changed),
        previous_text=previous_text,
    )


_STATUSES = {status.value: status for status in Status}


@lru_cache(maxsize=4096)
def _reasons(stored: str) -> tuple[Reason, ...]:
    # Cached: most claims share a handful of reason lists, and the records are immutable.
    return tuple(Reason(r["text"], float(r["weight"])) for r in json.loads(stored))


@lru_cache(maxsize=4096)
def _spans(stored: str) -> tuple[CheckablePart, ...]:
    return tuple(CheckablePart(s["start"], s["end"], s["label"]) for s in json.loads(stored))


@lru_cache(maxsize=64)
def _kind(value: str) -> ClaimKind:
    try:
        return ClaimKind(value)
    except ValueError:  # a kind a newer extractor invented: still show the claim
        return ClaimKind.OTHER


def _load_claim(session: Session, claim_id: int) -> ClaimRecord:
    row = session.execute(select(*_CLAIM_COLUMNS).where(Claim.id == claim_id)).first()
    if row is None:
        raise LookupError(f"no claim {claim_id} in the workspace")
    start, end = row.start_offset, row.end_offset
    before = session.scalar(
        select(func.count())
        .select_from(Claim)
        .where(
            Claim.article_id == row.article_id,
            or_(
                Claim.start_offset < start,
                and_(Claim.start_offset == start, Claim.end_offset < end),
                and_(Claim.start_offset == start, Claim.end_offset == end, Claim.id < claim_id),
            ),
        )
    )
    sources = _sources_by_claim(session, select(Source).where(Source.claim_id == claim_id))
    return _claim_record(row, (before or 0) + 1, sources)


def _sources_by_claim(session: Session, query: Any) -> dict[int, list[SourceRecord]]:
    found: dict[int, list[SourceRecord]] = {}
    for source in session.scalars(query.order_by(Source.id)):
        found.setdefault(source.claim_id, []).append(
            SourceRecord(source.id, source.url, source.title, source.accessed, source.comment)
        )
    return found


def _lock_claim(session: Session, claim_id: int) -> Any:
    """Read the claim for changing it; on PostgreSQL the row stays locked until commit."""
    row = session.execute(select(*_CLAIM_COLUMNS).where(Claim.id == claim_id).with_for_update()).first()
    if row is None:
        raise LookupError(f"no claim {claim_id} in the workspace")
    return row


def _bump(session: Session, claim_id: int, who: str, now: datetime) -> None:
    session.execute(
        update(Claim)
        .where(Claim.id == claim_id)
        .values(version=Claim.version + 1, changed_by=who, changed_at=now)
    )


def _log(session: Session, claim_id: int, at: datetime, who: str, field: str, old: str, new: str) -> None:
    session.execute(insert(History).values(claim_id=claim_id, at=at, who=who, field=field, old=old, new=new))


def _log_created(session: Session, claim_ids: Sequence[int], at: datetime, who: str) -> None:
    rows = [
        {"claim_id": cid, "at": at, "who": who, "field": "created", "old": "", "new": "extractor"}
        for cid in claim_ids
    ]
    session.execute(insert(History), rows)


def _history_fields(current: Any, changed: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    if "start_offset" in changed or "end_offset" in changed:
        start = changed.get("start_offset", current.start_offset)
        end = changed.get("end_offset", current.end_offset)
        yield "bounds", f"{current.start_offset}-{current.end_offset}", f"{start}-{end}"
    for name in ("status", "note", "dismissed", "text", "text_changed"):
        if name in changed:
            yield name, _as_text(getattr(current, name)), _as_text(changed[name])


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _new_claim_row(article_id: int, claim: ExtractedClaim, now: datetime, who: str) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "text": claim.text,
        "start_offset": claim.start,
        "end_offset": claim.end,
        "score": float(claim.score),
        "kind": ClaimKind(claim.kind).value,
        "status": Status.UNCHECKED.value,
        "note": "",
        "dismissed": False,
        "by_hand": False,
        "reasons": json.dumps([{"text": r.text, "weight": r.weight} for r in claim.reasons]),
        "spans": json.dumps([{"start": s.start, "end": s.end, "label": s.label} for s in claim.spans]),
        "text_changed": False,
        "previous_text": "",
        "version": 1,
        "created_at": now,
        "changed_by": who,
        "changed_at": now,
    }


def _check_bounds(text: str, start: int, end: int) -> None:
    if not 0 <= start < end <= len(text):
        raise ValueError(f"claim bounds {start}-{end} are outside the article's text (0-{len(text)})")


def _normal_path(path: str) -> str:
    """Source paths are kept absolute, so the same file is found from any working folder."""
    return str(Path(path).expanduser().absolute()) if path else ""


def _make_data_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkspaceError(f"cannot create the data folder {folder}: {error.strerror}") from None


def _explain(error: DBAPIError, place: str) -> str:
    """One line for a database failure, in the checker's terms."""
    detail = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
    lowered = detail.lower()
    if "disk is full" in lowered or "no space left" in lowered or "could not extend file" in lowered:
        return f"the disk holding the workspace {place} is full: the last change was not saved"
    if "database is locked" in lowered or "database is busy" in lowered:
        return f"the workspace {place} is busy in another program: the last change was not saved; try again"
    if "malformed" in lowered or "not a database" in lowered or "file is encrypted" in lowered:
        return f"the workspace {place} is damaged ({detail})"
    if "readonly" in lowered or "read-only" in lowered:
        return f"the workspace {place} is read-only: the last change was not saved"
    if "connection" in lowered or "connect" in lowered or "server" in lowered:
        return f"cannot reach the workspace database {place}: {detail}"
    return f"workspace {place}: {detail}"


@dataclass
class _ReanchorPlan:
    updates: list[tuple[int, dict[str, Any], list[tuple[str, str, str]]]] = field(default_factory=list)
    added: list[ExtractedClaim] = field(default_factory=list)
    kept: int = 0
    reworded: list[tuple[int, str, str]] = field(default_factory=list)
    lost: list[tuple[int, str]] = field(default_factory=list)


def _reanchor(
    old_text: str, new_text: str, existing: Sequence[Any], extracted: Sequence[ExtractedClaim]
) -> _ReanchorPlan:
    """Decide, without writing, where each stored claim goes in ``new_text`` and which claims are new."""
    plan = _ReanchorPlan()
    fresh = {(c.start, c.end): c for c in extracted}
    candidates = sorted({*fresh, *anchoring.sentence_spans(new_text)})
    claimed = anchoring.Claimed(len(new_text))
    located: dict[int, anchoring.Location] = {}
    anchors = {
        row.id: (
            anchoring.Anchor(row.text, position=row.start_offset / max(len(old_text), 1))
            if row.text_changed
            else anchoring.anchor_in(old_text, row.start_offset, row.end_offset)
        )
        for row in existing
    }
    # Word-for-word finds first, so a fuzzy match never takes the place of a claim that is still there.
    for row in existing:
        found = anchoring.locate_exact(anchors[row.id], new_text, claimed)
        if found is not None:
            located[row.id] = found
            claimed.add(found.start, found.end)
    # Then reworded places, best-scoring first across all claims, so no claim takes another's place.
    candidates = [(start, end) for start, end in candidates if not claimed.mostly_covered(start, end)]
    proposals = sorted(
        (
            (proposal.score, row.id, proposal)
            for row in existing
            if row.id not in located
            for proposal in anchoring.propose(anchors[row.id], new_text, candidates, claimed)
        ),
        key=lambda item: (-item[0], item[1]),
    )
    for _, claim_id, proposal in proposals:
        place = proposal.location
        taken = (place.start, place.end) in claimed or claimed.mostly_covered(place.start, place.end)
        if claim_id in located or taken:
            continue
        located[claim_id] = place
        claimed.add(place.start, place.end)
    previous_end = 0
    for row in existing:  # article order, so a lost claim is placed after the claim before it
        found = located.get(row.id)
        changes: dict[str, Any] = {}
        history: list[tuple[str, str, str]] = []
        if found is None:
            spot = min(
                max(previous_end, round(row.start_offset * len(new_text) / max(len(old_text), 1))),
                len(new_text),
            )
            changes = {"start_offset": spot, "end_offset": spot, "spans": "[]"}
            if (spot, spot) != (row.start_offset, row.end_offset):
                history.append(("bounds", f"{row.start_offset}-{row.end_offset}", f"{spot}-{spot}"))
            if not row.text_changed:
                changes["text_changed"] = True
                history.append(("text_changed", "no", "yes"))
            if not row.dismissed:  # the user is told only about claims they still see
                plan.lost.append((row.id, row.text))
        else:
            previous_end = found.end
            new_words = new_text[found.start : found.end]
            changes = {"start_offset": found.start, "end_offset": found.end}
            if (found.start, found.end) != (row.start_offset, row.end_offset):
                history.append(
                    ("bounds", f"{row.start_offset}-{row.end_offset}", f"{found.start}-{found.end}")
                )
            if row.text_changed:
                changes["text_changed"] = False
                history.append(("text_changed", "yes", "no"))
            if new_words != row.text:
                changes["text"] = new_words
                changes["previous_text"] = row.previous_text or row.text
                history.append(("text", row.text, new_words))
                if not row.dismissed:
                    plan.reworded.append((row.id, row.text, new_words))
            else:
                plan.kept += not row.dismissed
            changes["spans"] = _moved_spans(row, found, fresh.get((found.start, found.end)))
        if history:
            plan.updates.append((row.id, changes, history))
    kept_spans = [(f.start, f.end) for f in located.values()]
    plan.added = [c for c in extracted if not anchoring.overlaps((c.start, c.end), kept_spans)]
    return plan


def _moved_spans(row: Any, found: anchoring.Location, fresh: ExtractedClaim | None) -> str:
    """The claim's checkable parts at its new place: fresh from the extractor, else shifted along."""
    if fresh is not None:
        parts = list(fresh.spans)
    elif found.exact:
        shift = found.start - row.start_offset
        parts = [
            CheckablePart(s["start"] + shift, s["end"] + shift, s["label"]) for s in json.loads(row.spans)
        ]
    else:
        parts = []
    return json.dumps([{"start": p.start, "end": p.end, "label": p.label} for p in parts])


def _remove_sqlite_files(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)
