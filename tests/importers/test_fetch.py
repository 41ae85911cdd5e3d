"""File ▸ Open URL against a local server on 127.0.0.1: pages, PDFs, errors, timeout, size cap, offline."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn

import pytest

from workbench.importers import ArticleImportError, fetch_url

DATA = Path(__file__).resolve().parent / "data"
_PAGE = (DATA / "rust-book-foreword.html").read_bytes()
_PDF = (DATA / "word-processor-essay.pdf").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/book/foreword.html":
            self._send(200, "text/html; charset=utf-8", _PAGE)
        elif self.path == "/essay":  # a PDF with no extension in its address
            self._send(200, "application/pdf", _PDF)
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", _PAGE)
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_536 + b"</p>"
            try:
                for _ in range(200):  # about 13 MB, far past the cap the test sets
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up: fine
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_and_imports_a_page(server: str) -> None:
    article = fetch_url(f"{server}/book/foreword.html", timeout=5)
    assert article.format == "html"
    assert article.title == "Foreword"
    assert "Rust has further developed into a truly global" in article.text
    assert article.url == f"{server}/book/foreword.html"
    assert article.source_path == ""


def test_fetches_a_pdf_by_its_content(server: str) -> None:
    article = fetch_url(f"{server}/essay", timeout=5)
    assert article.format == "pdf"
    assert "The Evolution of the Word Processor" in article.text


def test_http_error_is_reported(server: str) -> None:
    with pytest.raises(ArticleImportError, match="the server answered HTTP 404"):
        fetch_url(f"{server}/missing", timeout=5)


def test_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(ArticleImportError) as caught:
        fetch_url(f"{server}/slow", timeout=1)
    assert time.monotonic() - started < 3, "gave up at the timeout, not after the server answered"
    assert "1 s" in str(caught.value)


def test_size_cap(server: str) -> None:
    with pytest.raises(ArticleImportError, match="larger than"):
        fetch_url(f"{server}/huge", timeout=5, max_bytes=1_000_000)


def test_not_a_web_address() -> None:
    with pytest.raises(ArticleImportError, match="is not a web address"):
        fetch_url("ftp://example.org/file.txt")


def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ArticleImportError, match=r"cannot connect to 127\.0\.0\.1"):
        fetch_url(f"http://127.0.0.1:{port}/", timeout=2)


def test_offline_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: Any, **kwargs: Any) -> NoReturn:
        raise socket.gaierror(socket.EAI_NONAME, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(ArticleImportError) as caught:
        fetch_url("https://news.example.org/2024/05/budget", timeout=2)
    message = str(caught.value)
    assert message.startswith("news.example.org/2024/05/budget: ")
    assert "are you offline?" in message
