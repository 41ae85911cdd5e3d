"""The PDF report read back: everything an editor needs is in it, printed literally."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from workbench.report import ReportOptions, write_report
from workbench.store.records import ArticleRecord, ClaimRecord, HistoryEntry, SourceRecord, Status

from .conftest import NOTES


def squash(text: str) -> str:
    """Text with white space and bidi marks removed and Arabic letter forms unified (NFKC), so words
    wrapped across lines still match."""
    return re.sub(r"[\s\u200e\u200f\u202a-\u202e]+", "", unicodedata.normalize("NFKC", text))


def pdftotext(path: Path) -> str:
    exe = shutil.which("pdftotext")
    assert exe, "pdftotext (poppler-utils) is needed: run scripts/system-deps.sh test"
    result = subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdf_text(path: Path) -> list[str]:
    """The text of each page as poppler reads it (it puts right-to-left runs in logical order)."""
    pages = pdftotext(path).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@pytest.fixture
def report_pdf(
    tmp_path: Path,
    article: ArticleRecord,
    claims: list[ClaimRecord],
    options: ReportOptions,
    history: dict[int, list[HistoryEntry]],
) -> Path:
    return write_report(article, claims, tmp_path / "report.pdf", options=options, history=history)


def test_every_claim_note_status_source_and_the_hash_are_printed(
    report_pdf: Path, article: ArticleRecord, claims: list[ClaimRecord]
) -> None:
    text = squash("".join(pdf_text(report_pdf)))
    assert squash(article.sha256) in text
    for claim in claims:
        assert squash(claim.text) in text, claim.number
        if claim.dismissed:
            continue
        assert squash(f"Claim {claim.number}") in text
        for source in claim.sources:
            assert squash(source.url) in text
            assert squash(source.title) in text
            assert squash(source.accessed) in text
        if claim.changed_by:
            assert squash(f"Status set by {claim.changed_by}") in text
    for number, note in NOTES.items():
        if note:
            # An emoji the font cannot draw prints as its code point, never as an empty box.
            shown = note.replace("🙂", "[U+1F642]").replace("📞", "[U+1F4DE]")
            assert squash(shown) in text, number
    assert "VERIFIED" in text and "DISPUTED" in text and "UNCHECKED" in text


def test_markup_in_user_text_prints_literally(report_pdf: Path) -> None:
    text = squash("".join(pdf_text(report_pdf)))
    assert squash("<b>3.8%</b> is right & the 1974") in text
    assert squash("</para><para> <font size=40>big</font>") in text
    assert squash("with &amp; literally") in text
    assert squash("Łódź & <Ελλάδα>: a test of </para> reporting") in text


def test_cover_carries_provenance_and_summary(report_pdf: Path, article: ArticleRecord) -> None:
    cover = pdf_text(report_pdf)[0]
    for expected in (
        article.title, "By Дмитрий Zoë O'Brien", "2019-05-30", "łódź <draft>.html", article.url,
        "Zoë <Checker> & Co", "Ελλάδα Fact Check", "28 November 2026, 02:30 UTC", article.sha256,
    ):  # fmt: skip
        assert squash(expected) in squash(cover), expected
    # 6 claims to check: 2 verified, 2 disputed, 2 unchecked; 1 dismissed.
    assert squash("Of 6 claims to check, 2 verified, 2 disputed and 2 unchecked; 1 more set aside") in squash(
        cover
    )
    assert squash("Not yet checked: #4, #8") in squash(cover)


def test_disputed_first_and_dismissed_not_listed_as_claims_to_check(
    report_pdf: Path, claims: list[ClaimRecord]
) -> None:
    text = squash("\n".join(pdf_text(report_pdf)))
    attention = text.index(squash("Attention: disputed claims"))
    everything = text.index(squash("All claims in article order"))
    dismissed_section = text.index(squash("Dismissed as not check-worthy"))
    for claim in claims:
        if claim.status is Status.DISPUTED:
            assert attention < text.index(squash(claim.text)) < everything
    dismissed = next(c for c in claims if c.dismissed)
    assert squash(f"Claim {dismissed.number}") not in text
    assert text.index(squash(dismissed.text)) > dismissed_section
    listed = text[everything:dismissed_section]
    assert squash(dismissed.text) not in listed
    for claim in claims:
        if not claim.dismissed:
            assert squash(f"Claim {claim.number}") in listed


def test_pages_are_numbered_x_of_y_with_running_header(report_pdf: Path, article: ArticleRecord) -> None:
    pages = pdf_text(report_pdf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        if number > 1:
            assert squash("Łódź & <Ελλάδα>") in squash(page)


def test_metadata_and_fonts(report_pdf: Path, article: ArticleRecord) -> None:
    reader = pypdf.PdfReader(report_pdf)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == f"Verification report: {article.title}"
    assert meta.author is not None and "Zoë <Checker> & Co" in meta.author and "Łukasz" in meta.author
    assert meta.subject is not None and article.sha256 in meta.subject
    used = set()
    for page in reader.pages:
        resources = page["/Resources"]["/Font"]
        for name in re.findall(r"/(\S+) [\d.]+ Tf", page.get_contents().get_data().decode("latin-1")):
            font = resources["/" + name].get_object()
            used.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"], f"{font['/BaseFont']} is not embedded"
    assert used and all("DejaVuSans" in name for name in used)


@pytest.mark.parametrize(("size", "width", "height"), [("A4", 595.3, 841.9), ("Letter", 612.0, 792.0)])
def test_page_size_follows_the_preference(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord], size: str, width: float, height: float
) -> None:
    path = write_report(article, claims, tmp_path / "r.pdf", options=ReportOptions(page_size=size))
    box = pypdf.PdfReader(path).pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == (width, height)


def test_right_to_left_quotes_read_in_order(report_pdf: Path) -> None:
    # pdftotext puts right-to-left runs back into logical order only if they were drawn in visual order.
    text = unicodedata.normalize("NFKC", pdftotext(report_pdf))
    text = re.sub("[\u200e\u200f\u202a-\u202e]", "", text)
    assert "שלום עולם" in text
    assert unicodedata.normalize("NFKC", "قال الوزير") in text


def test_annotated_article_marks_every_claim_in_place(report_pdf: Path, claims: list[ClaimRecord]) -> None:
    pages = pdf_text(report_pdf)
    appendix = squash("".join(pages)).split(squash("Appendix: the article with its claims marked"), 1)[1]
    for claim in claims:
        if claim.dismissed:
            assert squash(f"[{claim.number} ") not in appendix
            continue
        word = {"verified": "✓VERIFIED", "disputed": "✗DISPUTED", "unchecked": "?UNCHECKED"}[claim.status]
        assert squash(f"[{claim.number} {word}]") + squash(claim.text) in appendix


def test_claims_whose_words_left_the_text_are_flagged_not_dropped(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord]
) -> None:
    lost = replace(claims[0], text="Unemployment fell to 4% in May.", start=40, end=40, text_changed=True)
    reworded = replace(claims[1], previous_text="The bridge cost £40 million.")
    path = write_report(article, [lost, reworded, *claims[2:]], tmp_path / "r.pdf")
    text = squash("".join(pdf_text(path)))
    assert squash("Unemployment fell to 4% in May.") in text
    assert squash("⚠ Text changed: these words are no longer in the article.") in text
    assert squash("⚠ Reworded since it was checked. It read: The bridge cost £40 million.") in text
    assert squash("Not marked below (their words are no longer in the text): #2.") in text


def test_a_report_with_no_claims_says_so(tmp_path: Path, article: ArticleRecord) -> None:
    text = squash("".join(pdf_text(write_report(article, [], tmp_path / "r.pdf"))))
    assert squash("Of 0 claims to check, 0 verified, 0 disputed and 0 unchecked") in text
    assert squash("No check-worthy claims were found in this article.") in text
    assert squash(article.text.split("\n")[0]) in text  # the appendix still prints the article


def test_extreme_text_wraps_and_spans_pages(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord]
) -> None:
    unbroken = "Ж" * 12_000  # one "word" longer than several pages of lines
    sources = tuple(SourceRecord(i, f"https://example.org/{'q' * 300}/{i}", f"Source {i}", "2026-11-01")
                    for i in range(60))  # fmt: skip
    huge = replace(claims[0], note=unbroken + " end.", sources=sources)
    title = "A very long headline " * 60
    # Cover fields sit in table rows, which cannot split across pages: absurd ones are shortened.
    silly = replace(article, title=title, byline="B " * 8000, source_path="/p/" + "s" * 9000)
    path = write_report(silly, [huge], tmp_path / "r.pdf")
    pages = pdf_text(path)
    assert len(pages) > 5
    text = squash("".join(pages))
    assert text.count("Ж") == len(unbroken)  # across pages, so running headers come between its parts
    assert squash("ЖЖЖ end.") in text
    assert squash(f"https://example.org/{'q' * 300}/59") in text
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert squash("(7,503 more characters not shown)") in text


def test_right_to_left_notes_that_wrap_keep_their_lines_in_reading_order(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord]
) -> None:
    hebrew = " ".join(["שלום", "עולם", "מילים", "רבות", "בעברית", "כאן", "ועוד", "קצת"] * 12)
    arabic = "قال الوزير إن الاقتصاد ينمو بسرعة كبيرة هذا العام " * 6
    # No punctuation where the direction changes: poppler, reading back, misplaces such neutrals.
    mixed = f"The minister said {hebrew} and then left."
    noted = [replace(claims[0], note=mixed), replace(claims[1], note=arabic.strip()), *claims[2:]]
    text = squash(pdftotext(write_report(article, noted, tmp_path / "r.pdf")))
    # poppler reads each line back into logical order; the lines themselves must come in reading order.
    assert squash(mixed) in text
    assert squash(arabic) in text


def test_outline_and_links_lead_to_each_claim(report_pdf: Path, claims: list[ClaimRecord]) -> None:
    reader = pypdf.PdfReader(report_pdf)
    sections: dict[str, list[tuple[str, int]]] = {}
    current = ""
    for item in reader.outline:
        if isinstance(item, list):
            sections[current] = [(child.title, reader.get_destination_page_number(child)) for child in item]
        else:
            current = item.title
            sections[current] = []
    assert list(sections)[:3] == ["Summary", "Attention: 2 disputed", "All claims"]
    assert "Appendix: annotated article" in sections
    listed = [title.split(".")[0] for title, _ in sections["All claims"]]
    assert listed == [str(c.number) for c in claims if not c.dismissed]
    pages = pdf_text(report_pdf)
    for title, page in sections["All claims"] + sections["Attention: 2 disputed"]:
        assert f"Claim {title.split('.')[0]}" in pages[page]  # the bookmark opens the claim's page
    targets = [
        annot.get_object()["/Dest"]
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/Dest" in annot.get_object()
    ]
    assert len(targets) >= 6  # summary numbers and the appendix markers link to the entries
