"""Choosing a report format and writing a report file."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from workbench.store.records import ArticleRecord, ClaimRecord, HistoryEntry

from .atomic import atomic_output
from .claimreview import write_claimreview
from .csv_report import write_csv
from .json_report import write_json
from .model import VerificationReport, build_report
from .options import DEFAULT_OPTIONS, ReportOptions
from .pdf import write_pdf

FORMATS = ("pdf", "csv", "json", "claimreview")

_BY_EXTENSION = {".pdf": "pdf", ".csv": "csv", ".json": "json", ".jsonld": "claimreview"}

_WRITERS: dict[str, Callable[[VerificationReport, BinaryIO], None]] = {
    "pdf": write_pdf,
    "csv": write_csv,
    "json": write_json,
    "claimreview": write_claimreview,
}


def format_for_path(path: str | os.PathLike[str], explicit: str | None = None) -> str:
    """The report format for ``path``: ``explicit`` if given, else from the file's extension.

    Raises:
        ValueError: the format is unknown, or the extension names none and no format was given.
    """
    if explicit:
        name = explicit.strip().lower()
        if name not in FORMATS:
            raise ValueError(f"unknown report format {explicit!r}; choose one of {', '.join(FORMATS)}")
        return name
    suffix = Path(path).suffix.lower()
    try:
        return _BY_EXTENSION[suffix]
    except KeyError:
        known = ", ".join(f"{ext} ({fmt})" for ext, fmt in _BY_EXTENSION.items())
        shown = f"extension {suffix!r}" if suffix else "no extension"
        raise ValueError(
            f"cannot tell the report format of {Path(path).name!r} ({shown}); "
            f"use one of {known}, or name the format ({', '.join(FORMATS)})"
        ) from None


def write_report(
    article: ArticleRecord,
    claims: Sequence[ClaimRecord],
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # shadows the builtin: the public name others already call with
    options: ReportOptions = DEFAULT_OPTIONS,
    history: Mapping[int, Sequence[HistoryEntry]] | None = None,
) -> Path:
    """Write the verification report for ``article`` to ``path`` and return the path written.

    ``claims`` may include dismissed ones: they are counted as dismissed, not listed as claims to
    check. The file is written to a temporary name and renamed, so it is complete or absent.

    Raises:
        ValueError: unknown format or page size, or a claim with an unknown status.
        OSError: the file could not be written (the folder is missing, no permission, disk full).
    """
    target = Path(path)
    name = format_for_path(target, format)
    report = build_report(article, claims, options, history)
    with atomic_output(target) as stream:
        _WRITERS[name](report, stream)
    return target
