"""Helpers for the importer tests: the committed real-world files and an offsets check."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any, NoReturn

import pytest

from workbench.importers import ImportedArticle

DATA = Path(__file__).resolve().parent / "data"


def assert_offsets_consistent(article: ImportedArticle) -> None:
    """Paragraph spans cover the text exactly, separated by one blank line, none empty."""
    assert article.paragraphs, "an imported article has at least one paragraph"
    rebuilt = "\n\n".join(article.text[start:end] for start, end in article.paragraphs)
    assert rebuilt == article.text
    for start, end in article.paragraphs:
        paragraph = article.text[start:end]
        assert paragraph and paragraph == paragraph.strip() and "\n\n" not in paragraph


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Fail loudly if anything resolves a host name or opens a connection; return what was tried."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> NoReturn:
        attempts.append(args)
        raise OSError("network access during a local import")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts
