"""File ▸ Open URL: download one page with trafilatura's fetcher and import it like a saved file."""

from __future__ import annotations

import math
import socket
import threading
from configparser import ConfigParser
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

from trafilatura.downloads import fetch_response
from trafilatura.settings import use_config
from trafilatura.utils import Response

from workbench.importers.base import ArticleImportError, ImportedArticle

DEFAULT_MAX_BYTES = (
    20 * 1024 * 1024
)  # a news page with inline data is a few MB; 20 MB is trafilatura's own cap


def _config(timeout: float, max_bytes: int) -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, math.ceil(timeout))))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max_bytes))
    config.set("DEFAULT", "MIN_FILE_SIZE", "1")
    config.set("DEFAULT", "SLEEP_TIME", "0")
    # A desktop user may open an intranet page on purpose; SSRF blocking protects servers, not us.
    config.set("DEFAULT", "SSRF_PROTECTION", "off")
    # Never silently accept a page over a connection whose certificate failed: it could be altered.
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")
    config.set("DEFAULT", "MAX_REDIRECTS", "5")
    return config


def _why_unreachable(host: str, port: int, timeout: float) -> str:
    try:
        socket.getaddrinfo(host, port)
    except (socket.gaierror, UnicodeError):
        return f"cannot find the server {host} — are you offline?"
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except TimeoutError:
        return f"the server {host} did not answer within {timeout:g} s"
    except OSError:
        return f"cannot connect to {host} — are you offline, or is the site down?"
    return f"the download failed or took longer than {timeout:g} s, or the page is larger than the limit"


def _download(url: str, config: ConfigParser, deadline: float) -> Response | None:
    """trafilatura's fetch, bounded by an overall deadline (its retries could otherwise add up)."""
    outcome: list[Response | BaseException | None] = []

    def run() -> None:
        try:
            outcome.append(fetch_response(url, decode=False, config=config))
        except BaseException as error:  # handed back to the caller below
            outcome.append(error)

    worker = threading.Thread(target=run, name="workbench-fetch", daemon=True)
    worker.start()
    worker.join(deadline)
    if not outcome:
        # The worker stops on its own at the socket timeout; nobody waits for it.
        raise TimeoutError
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def fetch_url(url: str, *, timeout: float = 20.0, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportedArticle:
    """Download a page (HTML, PDF, …) and import it; raise ArticleImportError with one clear line.

    ``timeout`` bounds the whole download in seconds; ``max_bytes`` caps its size, so a huge or
    endless response is cut off rather than filling memory.
    """
    from workbench.importers import import_bytes

    url = url.strip()
    parsed = urlparse(url if "://" in url else f"https://{url}")
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ArticleImportError(
            url or "(no address)", "is not a web address (http:// or https://)", name=url
        )
    url = parsed.geturl()
    name = parsed.hostname + (parsed.path if parsed.path not in ("", "/") else "")
    try:
        response = _download(url, _config(timeout, max_bytes), timeout)
    except TimeoutError as error:
        raise ArticleImportError(
            url, f"the server did not send the page within {timeout:g} s", name=name
        ) from error
    except ValueError as error:  # raised by the size cap on compressed responses
        raise ArticleImportError(url, f"the page is larger than {max_bytes // 1024} KB", name=name) from error
    if response is None:
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        raise ArticleImportError(url, _why_unreachable(parsed.hostname, port, timeout), name=name)
    if response.status != 200:
        raise ArticleImportError(url, f"the server answered HTTP {response.status}", name=name)
    data = response.data or b""
    if len(data) > max_bytes:
        raise ArticleImportError(url, f"the page is larger than {max_bytes // 1024} KB", name=name)
    try:
        article = import_bytes(data, Path(parsed.path.rsplit("/", 1)[-1] or parsed.hostname))
    except ArticleImportError as error:
        raise ArticleImportError(url, error.reason, name=name) from error
    return replace(article, url=article.url or response.url or url, source_path="")
