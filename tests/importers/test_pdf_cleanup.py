"""PDF clean-up on generated pages that reproduce the traps of real ones (layouts made with reportlab)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.importers.conftest import assert_offsets_consistent
from workbench.assets import resource_path
from workbench.importers import import_file

_BODY = [
    "The regional government announced on Monday that it would spend",
    "a further 40 million euros on flood defences, after two winters in",
    "which the river burst its banks. Officials said the money would be",
    "spent over five years and would protect about 12,000 homes.",
]


def _font() -> str:
    pdfmetrics.registerFont(TTFont("DejaVu", str(resource_path("fonts", "DejaVuSans.ttf"))))
    return "DejaVu"


def _report(path: Path, pages: list[list[str]], *, header: str = "", footer: str = "") -> None:
    font = _font()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        pdf.setFont(font, 9)
        if header:
            pdf.drawString(72, height - 40, header)
        if footer:
            pdf.drawString(72, 30, footer.format(page=number))
            pdf.drawRightString(width - 72, 30, str(number))
        pdf.setFont(font, 11)
        y = height - 100
        for line in lines:
            if not line:
                y -= 14
                continue
            pdf.drawString(72, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()


def test_running_headers_footers_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    file = tmp_path / "report.pdf"
    pages = [[f"Section {n}. " + _BODY[0], *_BODY[1:]] for n in range(1, 5)]
    _report(
        file, pages, header="Flood Defence Review 2024 — Draft for consultation", footer="Ref FDR/{page}/2024"
    )
    article = import_file(file)
    assert "Flood Defence Review" not in article.text
    assert "FDR/" not in article.text
    assert "Flood Defence Review 2024 — Draft for consultation" in article.margins
    for n in range(1, 5):
        assert f"Section {n}. The regional government announced" in article.text
    assert all(not p.isdigit() for p in article.paragraph_texts()), "bare page numbers are dropped"
    assert_offsets_consistent(article)


def test_end_of_line_hyphenation_is_joined_and_real_hyphens_kept(tmp_path: Path) -> None:
    file = tmp_path / "hyphens.pdf"
    lines = [
        "The finance minister said the well-known scheme had cost the gov-",
        "ernment more than expected, and that the well-",
        "known problems of the ex-",
        "isting system would be fixed by a cross-party committee next year.",
    ]
    _report(file, [lines])
    text = import_file(file).text
    assert "government" in text and "existing" in text
    assert "well-known problems" in text, "a hyphen seen elsewhere in the document is a real one"
    assert "gov- ernment" not in text and "ex- isting" not in text


def test_ligatures_become_plain_letters(tmp_path: Path) -> None:
    file = tmp_path / "ligatures.pdf"
    _report(
        file, [["The of\ufb01cial \ufb01gures show a signi\ufb01cant \ufb02ow of funds to the af\ufb02uent."]]
    )
    text = import_file(file).text
    assert "official figures show a significant flow of funds to the affluent." in text
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in text)


def test_transcript_line_numbers_are_stripped(tmp_path: Path) -> None:
    file = tmp_path / "transcript.pdf"
    font = _font()
    pdf = canvas.Canvas(str(file), pagesize=A4)
    _width, height = A4
    spoken = [
        "CHIEF JUSTICE: We will hear argument first this morning in case",
        "number 07-1315, Knowles against Mirzayance.",
    ] * 6
    for number, line in enumerate(spoken, start=1):
        y = height - 100 - 20 * number
        pdf.setFont(font, 10)
        pdf.drawRightString(60, y, str(number))
        pdf.drawString(90, y, line)
    pdf.save()
    text = import_file(file).text
    assert "CHIEF JUSTICE: We will hear argument first this morning in case number 07-1315" in text
    assert not any(line.strip().isdigit() for line in text.splitlines())


def test_pdf_metadata_gives_title_author_and_date(tmp_path: Path) -> None:
    file = tmp_path / "meta.pdf"
    pdf = canvas.Canvas(str(file), pagesize=A4)
    pdf.setTitle("Flood spending rises")
    pdf.setAuthor("Jane Reporter")
    pdf.setFont(_font(), 11)
    pdf.drawString(72, 700, _BODY[0])
    pdf.save()
    article = import_file(file)
    assert (article.title, article.byline) == ("Flood spending rises", "Jane Reporter")
    assert len(article.date) == 10 and article.date[:2] == "20"


def test_two_columns_are_read_column_by_column(tmp_path: Path) -> None:
    file = tmp_path / "columns.pdf"
    font = _font()
    pdf = canvas.Canvas(str(file), pagesize=A4)
    _width, height = A4
    left = ["Left column starts the story of the", "harbour project, which began in", "2019 with a loan."]
    right = [
        "Right column ends it: the harbour",
        "opened in 2023, two years late and",
        "30 percent over budget.",
    ]
    pdf.setFont(font, 10)
    for index, line in enumerate(left):
        y = height - 100 - 13 * index
        pdf.drawString(50, y, line)
    for index, b in enumerate(right):
        y = height - 100 - 13 * index
        pdf.drawString(310, y, b)
    pdf.save()
    text = import_file(file).text
    assert text.index("harbour project, which began in 2019 with a loan.") < text.index(
        "Right column ends it"
    )
    assert "opened in 2023, two years late and 30 percent over budget." in text


def test_footnote_marks_stay_in_their_sentence_and_footnotes_follow_the_body(tmp_path: Path) -> None:
    file = tmp_path / "footnotes.pdf"
    font = _font()
    pdf = canvas.Canvas(str(file), pagesize=A4)
    # The footnote comes first in the content stream, as in the US Copyright Office's DMCA summary.
    pdf.setFont(font, 8)
    pdf.drawString(72, 60, "1 Pub. L. No. 105-304, 112 Stat. 2860 (Oct. 28, 1998).")
    pdf.setFont(font, 11)
    first = "The Digital Millennium Copyright Act (DMCA) was signed into law by"
    lines = [first, "President Clinton on October 28, 1998, and implements two treaties.", *_BODY]
    for index, line in enumerate(lines):
        pdf.drawString(72, 700 - 14 * index, line)
    # The raised mark is drawn after its line, so pdfium reports it as a line of its own.
    mark_x = 72 + pdfmetrics.stringWidth("The Digital Millennium Copyright Act (DMCA)", font, 11)
    pdf.setFont(font, 7)
    pdf.drawString(mark_x, 704, "1")
    pdf.save()
    paragraphs = import_file(file).paragraph_texts()
    signed = next(p for p in paragraphs if "was signed into law by President Clinton" in p)
    assert signed.startswith("The Digital Millennium Copyright Act (DMCA)")
    assert "1" in signed[: signed.index("was signed")], "the mark stays where it was printed"
    footnote = next(i for i, p in enumerate(paragraphs) if "Pub. L. No. 105-304" in p)
    assert footnote == len(paragraphs) - 1, "the footnote follows the body text"


def test_pages_without_text_are_skipped_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "mixed.pdf"
    pdf = canvas.Canvas(str(file), pagesize=A4)
    pdf.setFont(_font(), 11)
    pdf.drawString(72, 700, _BODY[0])
    pdf.showPage()
    pdf.rect(72, 72, 400, 600, fill=1)  # a scanned page: an image, no text
    pdf.save()
    article = import_file(file)
    assert article.text == _BODY[0]
    assert article.warnings == ("pages without a text layer (scanned?) skipped: 1 of 2",)
