"""The ``workbench`` command line: the desktop app, and the same work headless.

Command names and JSON field names are a contract that scripts rely on; add, never rename.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from workbench import __version__, importers
from workbench.checklist import on_checklist, report_claims
from workbench.claims import DEFAULT_THRESHOLD
from workbench.cli import records as rec
from workbench.identity import default_checker
from workbench.importers import ArticleImportError
from workbench.store import Status, WorkspaceError

if TYPE_CHECKING:
    from workbench.store import Workspace


class CommandError(Exception):
    """A user-facing failure: printed as one line on stderr, exit status 1."""


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("the threshold is a score between 0 and 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="workspace database, a SQLAlchemy URL (default: $WORKBENCH_DB, else the data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Fact-Check Workbench: find the claims in an article, check them, report.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", parents=[common], help="open the desktop app (on FILE if given)")
    p.add_argument("file", nargs="?", help="article file to open")
    p.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)

    p = sub.add_parser("extract", parents=[common], help="print the claims of each file; nothing is stored")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    p.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD, help="lowest score shown")

    p = sub.add_parser("show", parents=[common], help="print the imported article: metadata and text")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser(
        "import", parents=[common], help="import files into the workspace and find their claims"
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("list", parents=[common], help="list the articles in the workspace")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("claims", parents=[common], help="list an article's claims with their status")
    p.add_argument("article", metavar="ARTICLE", help="article id (see 'workbench list') or file path")
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    p.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD, help="lowest score shown")
    p.add_argument("--all", action="store_true", help="every claim, whatever its score, dismissed ones too")

    p = sub.add_parser("mark", parents=[common], help="set a claim's status and note")
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument("claim", metavar="CLAIM", type=int, help="the claim's number as shown in the checklist")
    p.add_argument("--status", choices=[s.value for s in Status], help="new status")
    p.add_argument("--note", help="new note (replaces the old one)")
    p.add_argument(
        "--who",
        default=None,
        help="checker name recorded in the history (default: $WORKBENCH_CHECKER or login)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("report", parents=[common], help="write the verification report")
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="output file (.pdf, .csv, .json, .jsonld)"
    )
    p.add_argument("--format", choices=("pdf", "csv", "json", "claimreview"), default=None)
    p.add_argument("--checker", default=None, help="checker name printed on the report")
    p.add_argument("--organisation", default="", help="organisation printed on the report")
    p.add_argument(
        "--review-url",
        default="",
        help="where the fact-check is published (each ClaimReview's url points there)",
    )
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    p.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        help="lowest score of an unchecked claim reported",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "open"
    try:
        if command == "open":
            return _run_app(
                getattr(args, "file", None), self_test=getattr(args, "self_test", False), db=_db(args)
            )
        handler = _HANDLERS[command]
        return handler(args, sys.stdout)
    except (ArticleImportError, WorkspaceError, CommandError, LookupError) as error:
        print(f"workbench: {_message(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130


def _message(error: Exception) -> str:
    if isinstance(error, LookupError) and error.args:
        return str(error.args[0])
    return str(error)


def _db(args: argparse.Namespace) -> str | None:
    db: str | None = getattr(args, "db", None)
    return db


def _workspace(args: argparse.Namespace) -> Workspace:
    # SQLAlchemy and Alembic load here (0.4 s), not on import: `workbench open` starts the window first.
    from workbench.store import Workspace

    return Workspace(_db(args))


def _run_app(file: str | None, *, self_test: bool, db: str | None) -> int:
    # Imported here so the headless commands never load Qt.
    from workbench.gui.app import run_app

    return run_app(file, db=db, self_test=self_test)


def _emit(records: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.claims import ClaimExtractor, language_note

    extractor = ClaimExtractor()
    everything: list[dict[str, Any]] = []
    failed = False
    for name in args.files:
        try:
            article = importers.import_file(name)
        except ArticleImportError as error:
            print(f"workbench: {error}", file=sys.stderr)
            failed = True
            continue
        # On stderr, like the GUI's notes, so the JSON on stdout stays what scripts read.
        for note in (*article.warnings, language_note(article.text)):
            if note:
                print(f"workbench: {name}: {note}", file=sys.stderr)
        claims = [c for c in extractor.extract(article.text) if c.score >= args.threshold]
        records = [rec.extracted_claim(name, c) for c in claims]
        if args.format == "text":
            out.write(f"== {name}: {len(records)} claims\n")
            for number, claim in enumerate(claims, 1):
                out.write(f"{number:3d}. [{claim.score:.2f} {claim.kind.value}] {claim.text}\n")
        elif args.format == "jsonl":
            _emit(records, "jsonl", out)
        else:
            everything.extend(records)
    if args.format == "json":
        _emit(everything, "json", out)
    return 1 if failed else 0


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    article = importers.import_file(args.file)
    if args.format == "json":
        json.dump(rec.imported_article(article), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for label, value in (
        ("Title", article.title),
        ("Byline", article.byline),
        ("Date", article.date),
        ("URL", article.url),
    ):
        if value:
            out.write(f"{label}: {value}\n")
    out.write("\n" + article.text + "\n")
    return 0


def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.claims import ClaimExtractor
    from workbench.opening import open_file

    workspace = _workspace(args)
    extractor = ClaimExtractor()
    results: list[dict[str, Any]] = []
    failed = False
    try:
        for name in args.files:
            try:
                opened = open_file(workspace, name, extractor, who=default_checker())
            except ArticleImportError as error:
                print(f"workbench: {error}", file=sys.stderr)
                failed = True
                continue
            article = opened.article
            claims = workspace.claims(article.id)
            for message in opened.messages:
                print(f"workbench: {Path(name).name}: {message}", file=sys.stderr)
            if args.format == "json":
                record = rec.article_summary(article, claims)
                record["resumed"] = opened.resumed
                results.append(record)
            else:
                state = "resumed" if opened.resumed else "imported"
                out.write(
                    f"{article.id}\t{state}\t{len(claims)} claims\t{article.title or Path(name).name}\n"
                )
    finally:
        workspace.close()
    if args.format == "json":
        _emit(results, "json", out)
    return 1 if failed else 0


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    workspace = _workspace(args)
    try:
        summaries = workspace.list_articles()
    finally:
        workspace.close()
    if args.format == "json":
        _emit([rec.summary(s) for s in summaries], "json", out)
        return 0
    for s in summaries:
        out.write(
            f"{s.id}\t{s.checked}/{s.claims} checked\t{s.disputed} disputed\t{s.title or s.source_path}\n"
        )
    return 0


def _cmd_claims(args: argparse.Namespace, out: TextIO) -> int:
    workspace = _workspace(args)
    try:
        article = workspace.resolve_article(args.article)
        claims = workspace.claims(article.id, include_dismissed=args.all)
    finally:
        workspace.close()
    if not args.all:
        claims = [c for c in claims if on_checklist(c, args.threshold)]
    if args.format in ("json", "jsonl"):
        _emit([rec.stored_claim(article, c) for c in claims], args.format, out)
        return 0
    for c in claims:
        note = f"  — {c.note}" if c.note else ""
        out.write(f"{c.number:3d}. {c.status.value:9s} [{c.score:.2f} {c.kind.value}] {c.text}{note}\n")
    return 0


def _cmd_mark(args: argparse.Namespace, out: TextIO) -> int:
    if args.status is None and args.note is None:
        raise CommandError("mark: say --status, --note or both")
    who = args.who if args.who is not None else default_checker()
    workspace = _workspace(args)
    try:
        article = workspace.resolve_article(args.article)
        claim = workspace.claim_by_number(article.id, args.claim)
        if args.status is not None:
            claim = workspace.set_status(claim.id, Status(args.status), who=who)
        if args.note is not None:
            claim = workspace.set_note(claim.id, args.note, who=who)
    finally:
        workspace.close()
    if args.format == "json":
        json.dump(rec.stored_claim(article, claim), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(f"{claim.number}. {claim.status.value}: {claim.text}\n")
    return 0


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.report import ReportOptions, format_for_path, write_report

    try:
        fmt = format_for_path(args.output, args.format)
    except ValueError as error:
        raise CommandError(str(error)) from None
    workspace = _workspace(args)
    try:
        article = workspace.resolve_article(args.article)
        claims = report_claims(workspace.claims(article.id, include_dismissed=True), args.threshold)
        history = workspace.histories(article.id)
    finally:
        workspace.close()
    options = ReportOptions(
        checker=args.checker if args.checker is not None else default_checker(),
        organisation=args.organisation,
        page_size=args.page_size,
        review_url=args.review_url,
    )
    try:
        path = write_report(article, claims, args.output, format=fmt, options=options, history=history)
    except OSError as error:
        raise CommandError(f"cannot write {args.output}: {error.strerror or error}") from None
    out.write(f"{path}\n")
    return 0


_HANDLERS = {
    "extract": _cmd_extract,
    "show": _cmd_show,
    "import": _cmd_import,
    "list": _cmd_list,
    "claims": _cmd_claims,
    "mark": _cmd_mark,
    "report": _cmd_report,
}
