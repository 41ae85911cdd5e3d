"""Open ZIP-based documents (DOCX, ODT, EPUB) safely: no zip bombs, no XML entity tricks."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from lxml import etree

from workbench.importers.base import ArticleImportError

# An article's DOCX/ODT/EPUB inflates to a few MB even with its pictures; 200 MB means a zip bomb or
# something that is not an article, and inflating more would exhaust memory before we could tell.
MAX_INFLATED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # compression ratios of real XML stay far below this; bombs reach thousands
_RATIO_FLOOR = 1024 * 1024  # small members may compress extremely well (repeated markup): allow it
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def open_archive(data: bytes, path: Path | str, kind: str) -> zipfile.ZipFile:
    """Open a ZIP container after checking its declared sizes; raise ArticleImportError if unsafe."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise ArticleImportError(
            path, f"is a damaged or truncated {kind} (the ZIP container is broken)"
        ) from error
    if len(members) > MAX_MEMBERS:
        raise ArticleImportError(path, f"holds {len(members)} files; a real {kind} holds far fewer")
    declared = sum(member.file_size for member in members)
    if declared > MAX_INFLATED_BYTES:
        raise ArticleImportError(
            path,
            f"would inflate to {declared // 2**20} MB (limit {MAX_INFLATED_BYTES // 2**20} MB): a zip bomb?",
        )
    for member in members:
        if member.file_size > _RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise ArticleImportError(
                path,
                f"has a member compressed {member.file_size // max(member.compress_size, 1)}"
                "-fold: a zip bomb?",
            )
    return archive


def check_inflated(archive: zipfile.ZipFile, path: Path | str, kind: str) -> None:
    """Inflate every member with a running cap: declared sizes can lie, the stream cannot."""
    total = 0
    try:
        for member in archive.infolist():
            with archive.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    total += len(chunk)
                    if total > MAX_INFLATED_BYTES:
                        raise ArticleImportError(
                            path, f"inflates past {MAX_INFLATED_BYTES // 2**20} MB: a zip bomb, not a {kind}"
                        )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise ArticleImportError(path, f"is a damaged or truncated {kind} ({error})") from error


def read_xml_member(
    archive: zipfile.ZipFile, name: str, path: Path | str, kind: str, *, allow_doctype: bool = False
) -> bytes:
    """A member's bytes, refusing entity declarations (and DOCTYPEs where the format has none)."""
    try:
        data = archive.read(name)
    except KeyError as error:
        raise ArticleImportError(path, f"is not a complete {kind} ({name} is missing)") from error
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError) as error:
        raise ArticleImportError(path, f"is a damaged or truncated {kind} ({error})") from error
    if _ENTITY_DECLARATION.search(data) or (not allow_doctype and _DOCTYPE.search(data)):
        raise ArticleImportError(
            path, f"contains XML entity declarations, which no real {kind} has (refused)"
        )
    return data


def parse_xml(data: bytes, path: Path | str, kind: str) -> Any:
    """Parse a document part: no entities resolved, no DTD loaded, no network, no huge trees.

    A new parser each time: lxml parsers must not be shared between threads.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise ArticleImportError(path, f"is a damaged {kind} (broken XML: {error.msg})") from error
