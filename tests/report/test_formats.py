"""CSV, JSON and ClaimReview read back; format choice; a failed export leaves no file behind."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import workbench.report as report_package
from workbench.report import FORMATS, ReportOptions, format_for_path, write_report
from workbench.report import writer as report_writer
from workbench.store.records import ArticleRecord, ClaimRecord, HistoryEntry, Status

from .test_pdf import pdftotext


@pytest.mark.parametrize(
    ("name", "explicit", "expected"),
    [
        ("r.pdf", None, "pdf"),
        ("R.PDF", None, "pdf"),
        ("r.csv", None, "csv"),
        ("r.json", None, "json"),
        ("r.jsonld", None, "claimreview"),
        ("r.txt", "claimreview", "claimreview"),
        ("report", "PDF", "pdf"),
    ],
)
def test_format_from_extension_or_explicit(name: str, explicit: str | None, expected: str) -> None:
    assert format_for_path(name, explicit) == expected
    assert expected in FORMATS


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"'report\.docx'.*\.pdf.*\.jsonld"):
        format_for_path("report.docx")
    with pytest.raises(ValueError, match="no extension"):
        format_for_path("report")
    with pytest.raises(ValueError, match="unknown report format 'xml'"):
        format_for_path("r.pdf", "xml")


def _original(cell: str, value: str) -> str:
    """Undo the spreadsheet guard: an apostrophe is added only before a formula-like start."""
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert cell == "'" + value
        return cell[1:]
    return cell


def test_csv_has_every_claim_and_field_intact_and_no_formulas(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord], options: ReportOptions,
    history: dict[int, list[HistoryEntry]],
) -> None:  # fmt: skip
    path = write_report(article, claims, tmp_path / "r.csv", options=options, history=history)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(claims)
    by_number = {int(row["number"]): row for row in rows}
    for claim in claims:
        row = by_number[claim.number]
        assert _original(row["text"], claim.text) == claim.text
        assert _original(row["note"], claim.note) == claim.note
        assert row["status"] == ("dismissed" if claim.dismissed else claim.status)
        assert row["article_sha256"] == article.sha256
        assert row["source_urls"].split("\n") == ([s.url for s in claim.sources] or [""])
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert by_number[3]["note"].startswith("'=HYPERLINK(")
    # Only a cell's first character makes a formula; a later line is kept exactly as typed.
    assert by_number[2]["source_comments"].split("\n") == ["", "=cmd|' /C calc'!A0"]
    assert by_number[2]["checkable_parts"] == "PERCENT: 3.8%\nDATE: 1974"
    assert "Łukasz status: unchecked → verified" in by_number[2]["history"]
    assert by_number[5]["text"] == claims[3].text  # Hebrew and Arabic in logical order, untouched
    first = by_number[2]
    expected = {
        "kind": "statistic", "score": "0.600", "changed_by": "Łukasz",
        "changed_at": "2026-11-27T15:30:00+00:00",
        "by_hand": "no", "start": str(claims[0].start), "end": str(claims[0].end), "version": "3",
        "dismissed": "no", "text_changed": "no", "claim_id": "102",
    }  # fmt: skip
    assert {key: first[key] for key in expected} == expected
    assert first["source_titles"] == "ONS <labour> market & stats\nArchive"
    assert first["source_accessed"] == "2026-11-20\n2026-11-21"
    assert first["reasons"] == "has a percentage (+0.30)\nattributed (+0.10)"
    assert first["checkers"] == "Zoë <Checker> & Co, Łukasz, Zoë, Дмитрий"


def test_json_holds_the_whole_check(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord], options: ReportOptions,
    history: dict[int, list[HistoryEntry]],
) -> None:  # fmt: skip
    path = write_report(article, claims, tmp_path / "r.json", options=options, history=history)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "fact-check-workbench/report" and data["schema_version"] == 1
    assert data["generated_at"] == "2026-11-28T02:30:00+00:00"
    assert data["article"]["sha256"] == article.sha256 and data["article"]["text"] == article.text
    assert data["summary"] == {
        "verified": 2, "disputed": 2, "unchecked": 2, "dismissed": 1, "to_check": 6, "total": 7,
    }  # fmt: skip
    assert [c["number"] for c in data["claims"]] == [c.number for c in claims]
    first = data["claims"][0]
    assert first["note"] == claims[0].note
    assert [p["text"] for p in first["checkable_parts"]] == ["3.8%", "1974"]
    assert [s["url"] for s in first["sources"]] == [s.url for s in claims[0].sources]
    assert [h["field"] for h in first["history"]] == ["note", "status"]  # oldest first
    assert data["checkers"][0] == "Zoë <Checker> & Co"


REQUIRED_REVIEW = {"@context", "@type", "url", "claimReviewed", "itemReviewed", "author", "datePublished",
                   "reviewRating"}  # fmt: skip


def test_claimreview_has_the_required_fields_for_each_checked_claim(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord], options: ReportOptions
) -> None:
    path = write_report(article, claims, tmp_path / "r.jsonld", options=options)
    reviews = json.loads(path.read_text(encoding="utf-8"))
    checked = [c for c in claims if not c.dismissed and c.status is not Status.UNCHECKED]
    assert [r["claimReviewed"] for r in reviews] == [c.text for c in checked]
    for review, claim in zip(reviews, checked, strict=True):
        assert review.keys() >= REQUIRED_REVIEW
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert {"ratingValue", "bestRating", "worstRating", "alternateName"} <= rating.keys()
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["alternateName"] == {"verified": "Verified", "disputed": "Disputed"}[claim.status]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"]["name"] == "Дмитрий Zoë O'Brien"
        assert item["datePublished"] == "2019-05-30"
        assert item["appearance"]["url"] == article.url
        assert review["author"] == {"@type": "Organization", "name": "Ελλάδα Fact Check"}
        assert review["datePublished"] == "2026-11-27"
        assert review["url"] == f"https://news.example.com/story?id=1&x=<2>#claim-{claim.number}"


def test_claimreview_url_is_the_review_page_when_given(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord]
) -> None:
    options = ReportOptions(review_url="https://factcheck.example/putin-may")
    reviews = json.loads(write_report(article, claims, tmp_path / "r.jsonld", options=options).read_text())
    assert reviews[0]["url"] == "https://factcheck.example/putin-may#claim-2"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failed_export_leaves_the_old_file_and_no_debris(
    tmp_path: Path,
    article: ArticleRecord,
    claims: list[ClaimRecord],
    fmt: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "report.out"
    target.write_bytes(b"previous report")

    def broken(report: object, stream: object) -> None:
        stream.write(b"half a file")  # type: ignore[attr-defined]
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(report_writer._WRITERS, fmt, broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_report(article, claims, target, format=fmt)
    assert target.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.out"]


def test_missing_folder_and_bad_options_are_clear_errors(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord]
) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        write_report(article, claims, tmp_path / "nowhere" / "r.pdf")
    with pytest.raises(ValueError, match="page size must be one of A4, Letter"):
        write_report(article, claims, tmp_path / "r.pdf", options=ReportOptions(page_size="A5"))
    assert list(tmp_path.iterdir()) == []


def _check(value: object, schema: dict[str, Any], where: str = "$") -> None:
    """The subset of JSON Schema our schema uses: type, const, enum, required, properties, items."""
    types = schema.get("type")
    if types is not None:
        allowed = types if isinstance(types, list) else [types]
        python = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float),
                  "boolean": bool, "null": type(None)}  # fmt: skip
        ok = any(isinstance(value, python[t]) and not (t in ("integer", "number") and isinstance(value, bool))
                 for t in allowed)  # fmt: skip
        assert ok, f"{where}: {value!r} is not {allowed}"
    if "const" in schema:
        assert value == schema["const"], where
    if "enum" in schema:
        assert value in schema["enum"], where
    if isinstance(value, dict):
        missing = set(schema.get("required", ())) - value.keys()
        assert not missing, f"{where}: missing {missing}"
        undocumented = value.keys() - schema.get("properties", {}).keys()
        assert not undocumented, f"{where}: not in the schema: {undocumented}"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                _check(value[key], sub, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _check(item, schema["items"], f"{where}[{i}]")


def test_json_matches_its_published_schema(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord], options: ReportOptions,
    history: dict[int, list[HistoryEntry]],
) -> None:  # fmt: skip
    schema = json.loads((Path(report_package.__file__).parent / "report.schema.json").read_text())
    data = json.loads(write_report(article, claims, tmp_path / "r.json", options=options, history=history)
                      .read_text(encoding="utf-8"))  # fmt: skip
    _check(data, schema)
    with pytest.raises(AssertionError, match="missing"):
        _check({k: v for k, v in data.items() if k != "summary"}, schema)


@pytest.mark.parametrize("fmt", FORMATS)
def test_badly_decoded_text_is_written_not_crashed_on(
    tmp_path: Path, article: ArticleRecord, claims: list[ClaimRecord], fmt: str
) -> None:
    # A lone surrogate is what Python gives for bytes decoded with errors="surrogateescape".
    broken = [replace(claims[0], note="caf\udce9 ok", text=claims[0].text), *claims[1:]]
    path = write_report(article, broken, tmp_path / "r.out", format=fmt)
    if fmt == "pdf":
        assert "caf\ufffd ok" in pdftotext(path)
    else:  # the first claim is verified, so it is in every format
        assert "caf? ok" in path.read_text(encoding="utf-8-sig")
