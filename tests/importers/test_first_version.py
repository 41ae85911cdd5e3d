"""Smoke tests of the first version: every format gives text and paragraph offsets that line up."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from workbench.importers import ArticleImportError, import_file, import_text


def _check_offsets(article) -> None:  # type: ignore[no-untyped-def]
    assert article.paragraphs
    for start, end in article.paragraphs:
        chunk = article.text[start:end]
        assert chunk == chunk.strip() and chunk and "\n\n" not in chunk
    joined = "\n\n".join(article.text[s:e] for s, e in article.paragraphs)
    assert joined == article.text


def test_plain_text_in_a_legacy_encoding(tmp_path: Path) -> None:
    file = tmp_path / "note.txt"
    file.write_bytes(
        "Städte wachsen\r\n\r\nDie Bevölkerung wuchs um 5 % auf 1,2 Millionen Einwohner.\r\n".encode("cp1252")
    )
    article = import_file(file)
    assert article.title == "Städte wachsen"
    assert "Bevölkerung wuchs um 5 %" in article.text
    assert article.source_path == str(file.absolute())
    _check_offsets(article)


def test_word_body_keeps_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Council budget rises", level=1)
    document.add_paragraph("Spending rose by 12% last year.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Roads"
    table.rows[0].cells[1].text = "£4m"
    document.add_paragraph("The mayor defended the rise.")
    file = tmp_path / "budget.docx"
    document.save(str(file))
    article = import_file(file)
    assert article.text.index("12%") < article.text.index("Roads | £4m") < article.text.index("mayor")
    _check_offsets(article)


def test_pdf_text_layer(tmp_path: Path) -> None:
    file = tmp_path / "report.pdf"
    pdf = canvas.Canvas(str(file), pagesize=A4)
    pdf.drawString(72, 750, "Unemployment fell to 3.9 percent in May.")
    pdf.save()
    article = import_file(file)
    assert "Unemployment fell to 3.9 percent in May." in article.text


def test_scanned_pdf_says_ocr(tmp_path: Path) -> None:
    file = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(file), pagesize=A4)
    pdf.rect(100, 100, 200, 200, fill=1)
    pdf.save()
    with pytest.raises(ArticleImportError, match="no text layer — OCR it first"):
        import_file(file)


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (bytes(range(256)) * 40, "does not look like text"), (b"%PDF-1.7\n1 0 obj", "damaged")],
)
def test_bad_files_give_one_clear_line(tmp_path: Path, content: bytes, reason: str) -> None:
    file = tmp_path / ("bad.pdf" if content.startswith(b"%PDF") else "bad.txt")
    file.write_bytes(content)
    with pytest.raises(ArticleImportError, match=reason) as caught:
        import_file(file)
    assert str(caught.value).startswith(file.name) and "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleImportError, match="file not found"):
        import_file(tmp_path / "nope.html")


def test_pasted_html_is_read_as_a_page() -> None:
    page = (
        "<html><head><title>Rates held</title></head><body><article>"
        + ("<p>The central bank held rates at 5.25 percent on Tuesday, the fourth pause in a row.</p>" * 5)
        + "</article></body></html>"
    )
    article = import_text(page)
    assert article.format == "html" and "5.25 percent" in article.text and "<p>" not in article.text
