"""The importers' entry points (re-exported by ``workbench.importers``): one call, one record, one error.

    import_file(path)            -> ImportedArticle   (File ▸ Open)
    import_text(text)            -> ImportedArticle   (Edit ▸ Paste as new article)
    fetch_url(url)               -> ImportedArticle   (File ▸ Open URL)

Every failure is an :class:`ArticleImportError` whose message is one line naming the file and the
reason; nothing else escapes, so the app and the workspace carry on.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

# Importing the format modules registers their importers. Their content sniffers cannot match each
# other's files (distinct signatures), so the order of registration does not matter. Most are
# imported only for that (hence the noqa below); html and plaintext also serve import_text.
from workbench.importers import epub, html, markdown, opendocument, pdf, plaintext, rtf, word  # noqa: F401
from workbench.importers.base import ArticleImportError, ImportedArticle
from workbench.importers.language import detect_language
from workbench.importers.registry import ArticleImporter, importer_for, looks_like_html, registered

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ArticleImportError",
    "ArticleImporter",
    "ImportedArticle",
    "import_bytes",
    "import_file",
    "import_text",
]

# The whole file is read into memory and parsed at once. 100 MB covers long PDF reports with
# pictures; larger files are books, scans or video renamed, and parsing them would take minutes and
# gigabytes of memory while the app waits.
MAX_FILE_BYTES = 100 * 1024 * 1024

SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(
    dict.fromkeys(ext for importer in registered() for ext in importer.extensions if ext)
)


# UTF-16 surrogates are no characters: a PDF's text layer can hand them out one by one, and neither
# spaCy nor SQLite nor a file can encode them. Each becomes U+FFFD, so every offset stays where it was.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _encodable(article: ImportedArticle) -> ImportedArticle:
    """The article with every surrogate in its text and metadata replaced by U+FFFD."""
    if not any(_SURROGATE_RE.search(value) for value in (article.text, article.title, article.byline)):
        return article
    clean = functools.partial(_SURROGATE_RE.sub, "\ufffd")
    return replace(
        article,
        text=clean(article.text),
        title=clean(article.title),
        byline=clean(article.byline),
        site=clean(article.site),
        margins=tuple(clean(margin) for margin in article.margins),
    )


def _finish(
    article: ImportedArticle, importer: type[ArticleImporter], source: Path | str, warnings: list[str]
) -> ImportedArticle:
    if not article.text.strip():
        raise ArticleImportError(source, "contains no article text")
    article = _encodable(article)
    language = detect_language(article.text) or article.language
    return replace(
        article,
        format=article.format or importer.format,
        language=language,
        warnings=tuple(warnings) + article.warnings,
    )


def import_bytes(data: bytes, name: Path, *, source: Path | str = "") -> ImportedArticle:
    """Import a file's bytes; ``name`` gives the extension hint and the name used in errors."""
    source = source or name
    if not data.strip():
        raise ArticleImportError(source, "the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise ArticleImportError(
            source, f"is {len(data) / 2**20:.0f} MB; files over {MAX_FILE_BYTES // 2**20} MB are not articles"
        )
    importer, warnings = importer_for(data, name)
    article = _guarded(importer, source, lambda: importer().parse(data, Path(source)))
    return _finish(article, importer, source, warnings)


def _guarded(
    importer: type[ArticleImporter], source: Path | str, parse: Callable[[], ImportedArticle]
) -> ImportedArticle:
    """Run a parser; turn any failure of the libraries underneath into one ArticleImportError."""
    try:
        return parse()
    except ArticleImportError:
        raise
    except (MemoryError, RecursionError) as error:
        raise ArticleImportError(
            source, f"is too large or too deeply nested to read ({type(error).__name__})"
        ) from error
    except Exception as error:  # a parser library failed on a malformed file: report it, never crash
        what = importer.description or importer.format
        detail = str(error).splitlines()[0][:200] if str(error) else ""
        raise ArticleImportError(
            source, f"could not be read as {what} ({type(error).__name__}: {detail})"
        ) from error


def _saved_page_of(folder: Path) -> Path:
    """The page a "Save as… complete" folder belongs to: ``X.html`` beside ``X_files``, or its only page."""
    for suffix in ("_files", "-Dateien", "_fichiers", "_archivos"):
        if folder.name.endswith(suffix):
            stem = folder.name[: -len(suffix)]
            for extension in (".html", ".htm", ".xhtml"):
                page = folder.with_name(stem + extension)
                if page.is_file():
                    return page
    pages = [
        p for p in folder.iterdir() if p.suffix.lower() in (".html", ".htm", ".mhtml", ".mht") and p.is_file()
    ]
    if len(pages) == 1:
        return pages[0]
    raise ArticleImportError(
        folder, "is a folder, not a file (open the article's page or document inside it)"
    )


def import_file(path: str | os.PathLike[str]) -> ImportedArticle:
    """Import one article file of any supported format; raise ArticleImportError on failure."""
    file = Path(path).expanduser().absolute()
    if not file.exists():
        raise ArticleImportError(file, "file not found")
    if file.is_dir():
        file = _saved_page_of(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleImportError(
                file, f"is {size / 2**20:.0f} MB; files over {MAX_FILE_BYTES // 2**20} MB are not articles"
            )
        data = file.read_bytes()
    except PermissionError as error:
        raise ArticleImportError(file, "cannot be read (permission denied)") from error
    except OSError as error:
        raise ArticleImportError(file, f"cannot be read ({error.strerror or error})") from error
    article = import_bytes(data, file)
    return replace(article, source_path=str(file))


def import_text(text: str, *, source: str = "clipboard") -> ImportedArticle:
    """Import pasted text: HTML when it looks like HTML, otherwise plain text."""
    if not text.strip():
        raise ArticleImportError(source, "nothing to import: the text is empty")
    data = text.encode("utf-8", errors="replace")  # lone surrogates from a clipboard become "?"
    if len(data) > MAX_FILE_BYTES:
        raise ArticleImportError(
            source,
            f"the text is {len(data) / 2**20:.0f} MB; over {MAX_FILE_BYTES // 2**20} MB is not an article",
        )
    if looks_like_html(data[:4096]):
        importer: type[ArticleImporter] = html.HtmlImporter
        article = _guarded(importer, source, lambda: html.extract_html(data, source))
    else:
        importer = plaintext.PlainTextImporter
        decoded = data.decode("utf-8")
        article = _guarded(
            importer, source, lambda: plaintext.article_from_text(decoded, format="txt", source=source)
        )
    return _finish(article, importer, source, [])
