"""The one importer interface, the registry of formats, and format detection.

Each format is a small :class:`ArticleImporter` subclass that names its extensions and knows how to
recognise its own bytes. :func:`importer_for` picks one by sniffing the content first (a ``.txt`` that
is really HTML, a PDF without an extension) and by extension second.
"""

from __future__ import annotations

import io
import zipfile
from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from workbench.importers.base import ArticleImportError, ImportedArticle

_HTML_TAGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls/.msg container
# A password-protected .docx is not a ZIP but an OLE2 container with this stream (named in UTF-16).
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")


class ArticleImporter(ABC):
    """Reads one file format into an :class:`ImportedArticle`.

    Subclasses set ``format`` (the short name stored with the article), ``extensions`` (lower case,
    with the dot) and ``binary`` (True when a file of the format must carry its signature), and
    implement :meth:`sniff` and :meth:`parse`.
    """

    format: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]
    binary: ClassVar[bool] = False
    description: ClassVar[str] = ""

    @classmethod
    def sniff(cls, head: bytes, data: bytes) -> bool:
        """True when the bytes are certainly this format (``head`` is the first 4 KiB)."""
        return False

    @abstractmethod
    def parse(self, data: bytes, path: Path) -> ImportedArticle:
        """Read the whole file; raise ArticleImportError naming ``path`` and the reason on failure."""


_REGISTRY: list[type[ArticleImporter]] = []


def register(importer: type[ArticleImporter]) -> type[ArticleImporter]:
    """Class decorator adding an importer to the registry (sniffed in registration order)."""
    _REGISTRY.append(importer)
    return importer


def registered() -> tuple[type[ArticleImporter], ...]:
    return tuple(_REGISTRY)


def zip_members(data: bytes) -> set[str]:
    """Names inside a ZIP archive, or an empty set when the bytes are not a readable archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return set()


def zip_mimetype(data: bytes) -> str:
    """The ``mimetype`` member OpenDocument and EPUB files start with (stored uncompressed)."""
    if data[30:38] == b"mimetype":
        return data[38:120].split(b"PK", 1)[0].decode("ascii", "replace").strip()
    return ""


def looks_like_html(head: bytes) -> bool:
    """True for bytes that open like an HTML document (after a BOM, comments or an XML prolog).

    A plain scan rather than a regular expression: a regex with repeated comment groups backtracks
    for minutes on a head made of many comments that lead nowhere.
    """
    head = head[:4096].lstrip(b"\xef\xbb\xbf")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head[2:].replace(b"\x00", b"")
    head = head.lower().lstrip()
    if head.startswith(b"<?xml"):
        head = head[head.find(b">") + 1 :].lstrip() if b">" in head else b""
    while head.startswith(b"<!--"):
        end = head.find(b"-->")
        if end < 0:
            return False
        head = head[end + 3 :].lstrip()
    if head.startswith(b"<!doctype"):
        return head[9:].lstrip().startswith(b"html")
    return head.startswith(_HTML_TAGS)


def _by_extension(suffix: str) -> type[ArticleImporter] | None:
    for importer in _REGISTRY:
        if suffix in importer.extensions:
            return importer
    return None


def importer_for(data: bytes, path: Path) -> tuple[type[ArticleImporter], list[str]]:
    """Choose the importer for a file's bytes; return it and any warnings about a misleading name."""
    head = data[:4096]
    suffix = path.suffix.lower()
    named = _by_extension(suffix)
    sniffed = next((importer for importer in _REGISTRY if importer.sniff(head, data)), None)
    if sniffed is not None:
        warnings: list[str] = []
        if suffix and named is not None and named is not sniffed and (named.binary or sniffed.binary):
            warnings.append(
                f"the file is named {suffix} but is really {sniffed.description or sniffed.format}"
            )
        return sniffed, warnings
    if head.startswith(_OLE2_MAGIC) and _ENCRYPTED_OOXML in data:
        raise ArticleImportError(
            path, "is protected by a password; open it in Word, remove the password, save, and try again"
        )
    if head.startswith(_OLE2_MAGIC):
        raise ArticleImportError(
            path, "is an old binary Office file (.doc); open it in Word or LibreOffice and save it as .docx"
        )
    if named is not None and named.binary:
        what = named.description or named.format
        if head.startswith(b"PK"):
            reason = f"is not really {what} (damaged, truncated, or some other ZIP archive)"
        else:
            reason = f"is not really {what} (damaged, truncated or renamed)"
        raise ArticleImportError(path, reason)
    if named is not None:
        return named, []
    if head.startswith(b"PK"):
        raise ArticleImportError(path, "is a ZIP archive that is not a Word, OpenDocument or EPUB file")
    fallback = _by_extension(".txt")
    if fallback is None:  # pragma: no cover - the text importer is always registered
        raise ArticleImportError(path, f"unsupported file type {suffix or '(no extension)'}")
    return fallback, []
