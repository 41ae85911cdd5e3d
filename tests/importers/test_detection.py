"""Format detection by content, pasted text, web archives, Nexis exports and language."""

from __future__ import annotations

import io
import shutil
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest

from tests.importers.conftest import assert_offsets_consistent
from workbench.importers import ArticleImportError, import_file, import_text


def test_txt_that_is_really_html_is_read_as_a_page(tmp_path: Path, data: Path) -> None:
    file = tmp_path / "saved.txt"
    shutil.copy(data / "rust-book-foreword.html", file)
    article = import_file(file)
    assert article.format == "html" and article.title == "Foreword"
    assert "<p>" not in article.text and "Keyboard shortcuts" not in article.text


def test_pdf_without_extension_is_found_by_its_signature(tmp_path: Path, data: Path) -> None:
    file = tmp_path / "download"
    shutil.copy(data / "word-processor-essay.pdf", file)
    article = import_file(file)
    assert article.format == "pdf" and article.warnings == ()
    assert "The Evolution of the Word Processor" in article.text


def test_docx_named_pdf_is_read_as_word_with_a_warning(tmp_path: Path, data: Path) -> None:
    file = tmp_path / "release.pdf"
    shutil.copy(data / "delivery-drone-press-release.docx", file)
    article = import_file(file)
    assert article.format == "docx"
    assert article.warnings == ("the file is named .pdf but is really a Word document",)


def test_saved_page_comment_gives_the_address(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html>\n<!-- saved from url=(0047)https://www.example-news.org/2024/05/budget.html -->\n"
        "<html><head><title>Budget passes | Example News</title></head><body><article>"
        + "<p>The budget passed by 52 votes to 48 after a late-night session in the chamber.</p>" * 4
        + "</article></body></html>"
    )
    file = tmp_path / "Budget passes.html"
    file.write_text(page, encoding="utf-8")
    article = import_file(file)
    assert article.url == "https://www.example-news.org/2024/05/budget.html"
    assert "52 votes to 48" in article.text


def test_canonical_link_and_metadata(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html lang="en"><head><title>Port strike ends - The Courier</title>
    <link rel="canonical" href="https://courier.example.com/news/port-strike-ends">
    <meta property="og:title" content="Port strike ends after nine days">
    <meta name="author" content="Ana Pereira">
    <meta property="article:published_time" content="2024-03-14T09:30:00Z">
    </head><body><article><h1>Port strike ends after nine days</h1>"""
    page += (
        "<p>Dock workers returned on Thursday after accepting a 6 percent pay rise over two years.</p>" * 4
    )
    page += "</article></body></html>"
    file = tmp_path / "strike.html"
    file.write_text(page, encoding="utf-8")
    article = import_file(file)
    assert article.title == "Port strike ends after nine days"
    assert article.byline == "Ana Pereira"
    assert article.date == "2024-03-14"
    assert article.url == "https://courier.example.com/news/port-strike-ends"


def test_web_archive_mhtml(tmp_path: Path, data: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Foreword - The Rust Programming Language"
    message["Snapshot-Content-Location"] = "https://doc.rust-lang.org/book/foreword.html"
    message.make_related()
    message.add_related(
        (data / "rust-book-foreword.html").read_text(encoding="utf-8"),
        subtype="html",
        headers=["Content-Location: https://doc.rust-lang.org/book/foreword.html"],
    )
    file = tmp_path / "foreword.mhtml"
    file.write_bytes(message.as_bytes())
    article = import_file(file)
    assert article.format == "mhtml"
    assert article.url == "https://doc.rust-lang.org/book/foreword.html"
    assert "Rust has further developed into a truly global" in article.text


def test_pasted_plain_text() -> None:
    article = import_text(
        "Rates held at 5.25%\r\n\r\nThe central bank kept its main rate unchanged on Thursday."
    )
    assert article.title == "Rates held at 5.25%"
    assert article.paragraph_texts() == [
        "Rates held at 5.25%",
        "The central bank kept its main rate unchanged on Thursday.",
    ]
    assert article.source_path == "" and article.format == "txt"


def test_pasted_html(data: Path) -> None:
    article = import_text((data / "rust-book-foreword.html").read_text(encoding="utf-8"))
    assert article.format == "html" and article.title == "Foreword"


def test_pasting_nothing_is_an_error() -> None:
    with pytest.raises(ArticleImportError, match=r"^clipboard: nothing to import"):
        import_text("  \n ")


def test_hard_wrapped_text_is_unwrapped_but_lists_are_not(tmp_path: Path) -> None:
    file = tmp_path / "wire.txt"
    file.write_text(
        "Storm closes schools\n\n"
        "Schools across the region were closed on Friday as the storm brought winds of up to\n"
        "120 km/h and left about 30,000 homes without power, the utility company said.\n\n"
        "- 214 schools closed\n- 30,000 homes without power\n"
    )
    paragraphs = import_file(file).paragraph_texts()
    assert paragraphs[1].startswith("Schools across the region") and "\n" not in paragraphs[1]
    assert paragraphs[2] == "- 214 schools closed\n- 30,000 homes without power"


def _nexis_docx(path: Path) -> None:
    document = docx.Document()
    for line in [
        "Documents (2)",
        "1. Council tax to rise by 5%",
        "",
        "Council tax to rise by 5%",
        "The Guardian (London)",
        "March 4, 2024 Monday 6:00 AM GMT",
        "Section:\u00a0UK NEWS; Version:2",
        "Length:\u00a0120 words",
        "Byline:\u00a0Jane Smith",
        "Body",
        "Council tax bills in England will rise by up to 5% in April, the government confirmed.",
        "Local authorities say the increase will not cover rising social care costs.",
        "End of Document",
        "Ferry fares frozen",
        "The Herald (Glasgow)",
        "March 5, 2024 Tuesday",
        "Byline:\u00a0Tom Brown",
        "Body",
        "Ferry fares on Scotland's west coast will be frozen for another year.",
        "End of Document",
    ]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())


def test_nexis_export_fields_become_metadata(tmp_path: Path) -> None:
    file = tmp_path / "nexis.docx"
    _nexis_docx(file)
    article = import_file(file)
    assert article.title == "Council tax to rise by 5%"
    assert article.byline == "Jane Smith"
    assert article.date == "2024-03-04"
    assert article.site == "The Guardian (London)"
    assert "Council tax bills in England will rise by up to 5% in April" in article.text
    assert "Ferry fares on Scotland's west coast" in article.text
    assert "Length:" not in article.text and "End of Document" not in article.text
    assert article.warnings == ("this Nexis export holds 2 articles; the details shown are the first one's",)
    assert_offsets_consistent(article)


def test_word_headers_and_footers_are_kept_apart(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "EMBARGOED UNTIL 00:01 TUESDAY"
    document.sections[0].footer.paragraphs[0].text = "Press office: 020 7946 0000"
    document.add_paragraph("Hospital waiting lists fell for the third month in a row.")
    file = tmp_path / "release.docx"
    document.save(str(file))
    article = import_file(file)
    assert article.text == "Hospital waiting lists fell for the third month in a row."
    assert article.margins == ("EMBARGOED UNTIL 00:01 TUESDAY", "Press office: 020 7946 0000")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Die Bundesregierung hat am Dienstag beschlossen, die Steuern für kleine Unternehmen zu senken.",
            "de",
        ),
        ("El gobierno anunció el martes que reducirá los impuestos a las pequeñas empresas del país.", "es"),
        ("Правительство во вторник объявило о снижении налогов для малого бизнеса в стране.", "ru"),
        ("The government announced on Tuesday that it would cut taxes for small businesses.", "en"),
    ],
)
def test_language_is_detected_and_text_kept_faithfully(text: str, language: str) -> None:
    article = import_text(text)
    assert article.language == language
    assert article.text == text


def test_save_as_complete_folder_opens_its_page(tmp_path: Path, data: Path) -> None:
    page = tmp_path / "Foreword - The Rust Programming Language.html"
    shutil.copy(data / "rust-book-foreword.html", page)
    resources = tmp_path / "Foreword - The Rust Programming Language_files"
    resources.mkdir()
    (resources / "book.js").write_text("document.write('not the article')")
    article = import_file(resources)
    assert article.source_path == str(page) and article.title == "Foreword"


def test_readability_takes_over_when_trafilatura_finds_nothing(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    article = import_file(data / "rust-book-foreword.html")
    assert "Rust has further developed into a truly global" in article.text
    assert article.warnings == (
        "the article body was found by the readability fallback; check it is complete",
    )


def test_word_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Unemployment fell to ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(
        parse_xml(f"<w:del {w} w:id='1' w:author='Ed'><w:r><w:delText>4.2</w:delText></w:r></w:del>")
    )
    paragraph._p.append(parse_xml(f"<w:ins {w} w:id='2' w:author='Ed'><w:r><w:t>3.9</w:t></w:r></w:ins>"))
    paragraph.add_run(" percent in May.")
    file = tmp_path / "edited.docx"
    document.save(str(file))
    assert import_file(file).text == "Unemployment fell to 3.9 percent in May."


def test_relative_canonical_link_is_resolved_against_the_saved_address(tmp_path: Path) -> None:
    page = (
        "<!-- saved from url=(0040)https://news.example.net/world/story?ref=x -->\n<html><head>"
        '<title>Story</title><link rel="canonical" href="/world/story-123"></head><body><article>'
        + "<p>Officials counted 1,204 ballots by hand in the disputed district on Sunday.</p>" * 4
        + "</article></body></html>"
    )
    file = tmp_path / "story.html"
    file.write_text(page, encoding="utf-8")
    assert import_file(file).url == "https://news.example.net/world/story-123"


def test_pasted_text_with_a_lone_surrogate_is_imported() -> None:
    article = import_text("Prices rose 3% \ud800 in March, the statistics office said.")
    assert article.text.startswith("Prices rose 3% ") and "in March" in article.text


def test_byline_line_names_the_author(tmp_path: Path) -> None:
    file = tmp_path / "story.txt"
    file.write_text(
        "Bridge reopens after repairs\n\nBy Maria Lopez, Transport Correspondent\n\n"
        "The bridge reopened on Monday after 14 months of repairs costing 38 million dollars.\n"
    )
    article = import_file(file)
    assert article.byline == "Maria Lopez, Transport Correspondent"
    assert article.title == "Bridge reopens after repairs"
