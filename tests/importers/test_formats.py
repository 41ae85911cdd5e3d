"""One small real-world file per format (see data/README.md for where each came from)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.importers.conftest import assert_offsets_consistent
from workbench.assets import sample_article
from workbench.importers import SUPPORTED_EXTENSIONS, import_file


def test_plain_text_news_article() -> None:
    article = import_file(sample_article())
    assert article.format == "txt"
    assert article.title == "Putin approach to May preceded 'reopening of diplomatic channels'"
    assert "An approach by President Vladimir Putin to Theresa May" in article.text
    assert article.language == "en"
    assert article.source_path == str(sample_article().absolute())
    assert_offsets_consistent(article)


def test_same_file_gives_the_same_offsets_every_time() -> None:
    first, second = import_file(sample_article()), import_file(sample_article())
    assert (first.text, first.paragraphs) == (second.text, second.paragraphs)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_plain_text_in_other_encodings_and_windows_line_endings(tmp_path: Path, encoding: str) -> None:
    original = import_file(sample_article())
    source = sample_article().read_text(encoding="utf-8").replace("\n", "\r\n")
    file = tmp_path / "article.txt"
    file.write_bytes(source.encode(encoding, errors="replace"))
    article = import_file(file)
    assert article.title == original.title
    assert "\r" not in article.text
    if encoding != "cp1252":  # cp1252 cannot hold every character of the original
        assert article.text == original.text


def test_legacy_encoding_with_accents_is_read_faithfully(tmp_path: Path) -> None:
    file = tmp_path / "lettre.txt"
    text = "Hausse des impôts\n\nLe gouvernement a annoncé mardi une hausse de 3,5 % des impôts "
    text += "sur les sociétés, "
    text += "selon le ministère de l'Économie. Les entreprises réagiront la semaine prochaine."
    file.write_bytes(text.encode("latin-1"))
    article = import_file(file)
    assert "annoncé mardi une hausse de 3,5 %" in article.text and "l'Économie" in article.text
    assert article.title == "Hausse des impôts"
    assert article.language == "fr"


def test_saved_web_page_keeps_the_article_and_drops_the_chrome(data: Path, no_network: list[Any]) -> None:
    article = import_file(data / "rust-book-foreword.html")
    assert article.format == "html"
    assert article.title == "Foreword"
    assert article.text.startswith("The Rust programming language has come a long way in a few short years")
    assert "Rust has further developed into a truly global" in article.text
    # the sidebar's table of contents, the keyboard-shortcut help and the scripts are page chrome
    assert "Keyboard shortcuts" not in article.text
    assert "Getting Started" not in article.text
    assert "function" not in article.text
    assert not no_network
    assert_offsets_consistent(article)


def test_markdown_keeps_headings_and_list_items_as_paragraphs(data: Path) -> None:
    article = import_file(data / "rust-readme.md")
    paragraphs = article.paragraph_texts()
    assert article.format == "md"
    assert "Why Rust?" in paragraphs
    assert any(p.startswith("• Performance: Fast and memory-efficient") for p in paragraphs)
    assert "**" not in article.text and "](" not in article.text
    assert_offsets_consistent(article)


def test_word_press_release(data: Path) -> None:
    article = import_file(data / "delivery-drone-press-release.docx")
    assert article.format == "docx"
    assert article.title == "ReleCloud Announces the Launch of a New Delivery Drone"
    assert article.byline == "Akash Ravi"
    assert article.date == "2024-04-03"
    assert "can carry packages up to 5 kg" in article.text
    assert_offsets_consistent(article)


def test_pdf_essay_keeps_paragraphs_and_headings_apart(data: Path) -> None:
    article = import_file(data / "word-processor-essay.pdf")
    paragraphs = article.paragraph_texts()
    assert article.format == "pdf"
    assert paragraphs[0] == "The Evolution of the Word Processor"
    assert "Pre-Digital Era (19th - Early 20th Century)" in paragraphs
    assert "Patented in 1868 by Christopher Latham Sholes" in article.text
    assert all(len(p) < 1500 for p in paragraphs), "lines were rejoined into paragraphs, not one blob"
    assert_offsets_consistent(article)


def test_opendocument_text(data: Path) -> None:
    article = import_file(data / "textract-sample.odt")
    assert article.format == "odt"
    assert article.text == "Sample OppenOffice Writer file with tabs and multiple spaces"
    assert article.byline == "evan" and article.date == "2012-01-17"


def test_rtf_with_info_group(data: Path) -> None:
    article = import_file(data / "markitdown-sample.rtf")
    assert article.format == "rtf"
    assert article.title == "This is a Sample RTF File"
    assert article.byline == "Adam Fourney"
    assert "correctly convert RTF files." in article.text
    assert "\\" not in article.text and "{" not in article.text


def test_epub_chapters_in_spine_order(data: Path) -> None:
    article = import_file(data / "markitdown-sample.epub")
    assert article.format == "epub"
    assert article.title == "Test EPUB Document" and article.byline == "Test Author"
    paragraphs = article.paragraph_texts()
    assert paragraphs.index("Chapter 1: Test Content") < paragraphs.index("Chapter 2: More Content")
    assert "• A bullet point" in paragraphs, "list items stay items"
    assert_offsets_consistent(article)


def test_open_dialog_extensions_cover_every_format() -> None:
    for extension in (".txt", ".md", ".html", ".htm", ".mhtml", ".docx", ".pdf", ".odt", ".rtf", ".epub"):
        assert extension in SUPPORTED_EXTENSIONS
    assert all(ext.startswith(".") and ext == ext.lower() for ext in SUPPORTED_EXTENSIONS)


def test_rtf_paragraph_marks_and_pictures(tmp_path: Path) -> None:
    picture = "{\\pict\\pngblip " + "89504e470d0a1a0a" * 4000 + "}"
    file = tmp_path / "memo.rtf"
    file.write_text(
        "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Times;}}\\f0 Bus fares rise\\par "
        + picture
        + "Fares will rise by 4\\'80 cents from June, the operator said.\\par }",
        encoding="ascii",
    )
    article = import_file(file)
    assert article.paragraph_texts() == [
        "Bus fares rise",
        "Fares will rise by 4€ cents from June, the operator said.",
    ]
