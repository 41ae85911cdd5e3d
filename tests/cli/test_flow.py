"""The headless flow a script runs: import → claims → mark → report, and the PDF says what was marked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_extract_says_on_stderr_when_the_article_is_not_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "artigo.txt"
    article.write_text(
        "O governo anunciou ontem que a inflação caiu para 4,2% em outubro, segundo os dados oficiais "
        "divulgados pelo instituto de estatística, que também reviu os números de setembro.",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "extract", str(article), "--format", "json")
    assert code == 0
    assert isinstance(json.loads(out), list), "stdout stays the JSON scripts read"
    assert "tuned for English" in err


def test_extract_prints_claims_with_offsets_into_the_article(
    capsys: pytest.CaptureFixture[str], sample_article: Path
) -> None:
    code, out, _ = run(capsys, "extract", str(sample_article), "--format", "json")
    assert code == 0
    records = json.loads(out)
    text = sample_article.read_text(encoding="utf-8")
    shown = json.loads(run(capsys, "show", str(sample_article), "--format", "json")[1])["text"]
    assert records, "the sample article has claims"
    for record in records:
        assert {"source", "text", "start", "end", "score", "kind"} <= record.keys()
        assert shown[record["start"] : record["end"]] == record["text"]
        assert 0.0 <= record["score"] <= 1.0
    assert any("58" in r["text"] for r in records)
    assert not any(r["text"].startswith("30 May 2019, 18:23") for r in records), "the dateline is not a claim"
    assert "Sky News" in text


def test_import_mark_report_round_trip(
    capsys: pytest.CaptureFixture[str], sample_article: Path, db_url: str, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", db_url, "import", str(sample_article))
    assert code == 0
    article_id = out.split("\t")[0]

    code, out, _ = run(capsys, "claims", article_id, "--db", db_url, "--format", "json")
    claims = json.loads(out)
    first, second = claims[0], claims[1]

    note = 'Called the embassy: "<b>confirmed</b>" & </para> — Łukasz, Дмитрий, Zoë'
    assert (
        run(
            capsys,
            "mark",
            article_id,
            str(first["number"]),
            "--status",
            "verified",
            "--note",
            note,
            "--db",
            db_url,
        )[0]
        == 0
    )
    assert (
        run(
            capsys, "mark", str(sample_article), str(second["number"]), "--status", "disputed", "--db", db_url
        )[0]
        == 0
    )

    claims = {
        c["number"]: c
        for c in json.loads(run(capsys, "claims", article_id, "--db", db_url, "--format", "json")[1])
    }
    assert claims[first["number"]]["status"] == "verified"
    assert claims[first["number"]]["note"] == note
    assert claims[first["number"]]["changed_by"] == "Test Checker"
    assert claims[second["number"]]["status"] == "disputed"

    listed = json.loads(run(capsys, "list", "--db", db_url, "--format", "json")[1])
    assert listed[0]["checked"] == 2 and listed[0]["disputed"] == 1

    report = tmp_path / "report.pdf"
    code, out, _ = run(capsys, "report", article_id, "-o", str(report), "--db", db_url)
    assert code == 0 and report.is_file()
    text = pdf_text(report)
    assert "Putin approach to May" in text
    assert note in text, "the note prints literally, markup and all"
    assert first["text"][:40] in text


def test_reimporting_the_same_file_resumes(
    capsys: pytest.CaptureFixture[str], sample_article: Path, db_url: str
) -> None:
    out = run(capsys, "import", str(sample_article), "--db", db_url)[1]
    article_id = out.split("\t")[0]
    run(capsys, "mark", article_id, "1", "--status", "verified", "--db", db_url)
    code, out, _ = run(capsys, "import", str(sample_article), "--db", db_url)
    assert code == 0
    assert out.split("\t")[:2] == [article_id, "resumed"]
    claims = json.loads(run(capsys, "claims", article_id, "--all", "--db", db_url, "--format", "json")[1])
    assert [c["status"] for c in claims if c["number"] == 1] == ["verified"]


def test_unreadable_input_is_one_clear_line_and_exit_1(tmp_path: Path, db_url: str) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 this is not really a pdf")
    missing = tmp_path / "missing.docx"
    for path in (broken, missing):
        result = subprocess.run(
            [sys.executable, "-m", "workbench", "extract", str(path), "--db", db_url],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert path.name in lines[0]
        assert "Traceback" not in result.stderr


def test_unknown_article_and_claim_are_clear_errors(
    capsys: pytest.CaptureFixture[str], sample_article: Path, db_url: str
) -> None:
    code, _, err = run(capsys, "claims", "999", "--db", db_url)
    assert code == 1 and "999" in err
    article_id = run(capsys, "import", str(sample_article), "--db", db_url)[1].split("\t")[0]
    code, _, err = run(capsys, "mark", article_id, "9999", "--status", "verified", "--db", db_url)
    assert code == 1 and "9999" in err


def test_report_formats_by_extension_with_a_review_url(
    capsys: pytest.CaptureFixture[str], sample_article: Path, db_url: str, tmp_path: Path
) -> None:
    article_id = run(capsys, "import", str(sample_article), "--db", db_url)[1].split("\t")[0]
    run(capsys, "mark", article_id, "1", "--status", "disputed", "--note", '=HYPERLINK("x")', "--db", db_url)
    out = tmp_path / "review.jsonld"
    url = "https://factcheck.example/putin-may"
    assert run(capsys, "report", article_id, "-o", str(out), "--review-url", url, "--db", db_url)[0] == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert len(reviews) == 1
    assert reviews[0]["url"].startswith(url)
    assert reviews[0]["reviewRating"]["alternateName"].lower() == "disputed"
    csv_out = tmp_path / "claims.csv"
    assert run(capsys, "report", article_id, "-o", str(csv_out), "--db", db_url)[0] == 0
    assert "'=HYPERLINK" in csv_out.read_text(encoding="utf-8-sig"), "no formula injection into spreadsheets"
    code, _, err = run(capsys, "report", article_id, "-o", str(tmp_path / "x.docx"), "--db", db_url)
    assert code == 1 and "x.docx" in err
