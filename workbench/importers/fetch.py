"""File ▸ Open URL: download one page with trafilatura's fetcher and import it like a saved file."""

from __future__ import annotations

import math
import socket
from configparser import ConfigParser
from pathlib import Path
from urllib.parse import urlparse

from trafilatura.downloads import fetch_response
from trafilatura.settings import use_config

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


def fetch_url(url: str, *, timeout: float = 20.0, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportedArticle:
    """Download a page (HTML, PDF, …) and import it; raise ArticleImportError with one clear line.

    ``timeout`` bounds connecting and each wait for data (whole seconds, at least 1); ``max_bytes``
    caps the download, so a huge or endless response is cut off rather than filling memory.
    """
    from workbench.importers import import_bytes

    url = url.strip()
    parsed = urlparse(url if "://" in url else f"https://{url}")
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ArticleImportError(url or "(no address)", "is not a web address (http:// or https://)")
    url = parsed.geturl()
    name = parsed.hostname + (parsed.path if parsed.path not in ("", "/") else "")
    try:
        response = fetch_response(url, decode=False, config=_config(timeout, max_bytes))
    except ValueError as error:  # raised by the size cap on compressed responses
        raise ArticleImportError(name, f"the page is larger than {max_bytes // 1024} KB") from error
    if response is None:
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        raise ArticleImportError(name, _why_unreachable(parsed.hostname, port, timeout))
    if response.status != 200:
        raise ArticleImportError(name, f"the server answered HTTP {response.status}")
    data = response.data or b""
    if len(data) > max_bytes:
        raise ArticleImportError(name, f"the page is larger than {max_bytes // 1024} KB")
    article = import_bytes(data, Path(parsed.path.rsplit("/", 1)[-1] or parsed.hostname), source=name)
    from dataclasses import replace

    return replace(article, url=article.url or response.url or url, source_path="")
