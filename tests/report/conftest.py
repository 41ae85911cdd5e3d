"""A hostile article and claim set: markup in notes, many scripts, emoji, formula-like text."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from workbench.claims.types import CheckablePart, ClaimKind, Reason
from workbench.report import ReportOptions
from workbench.store.records import ArticleRecord, ClaimRecord, HistoryEntry, SourceRecord, Status

PARAGRAPHS = [
    "Łódź & <Ελλάδα>: a test of </para> reporting",
    "Unemployment fell to 3.8% in April, the lowest since 1974, the minister said.",
    "The bridge cost £42 million, twice the original estimate.",
    'Дмитрий Петров said the plant would close "by 2030", according to officials.',
    "The spokesman quoted the sign שלום עולם and the reply قال الوزير in the square.",
    "Exports to Greece rose 12% last year.",
    "It was a lovely day in the park.",
    "Zoë noted that 1 in 5 adults have never voted.",
]
TEXT = "\n\n".join(PARAGRAPHS)
LONG_URL = "https://example.org/archive/" + "x1y2z3" * 40 + "?q=<tag>&b=1"

NOTES = {
    2: "Checked against ONS data: <b>3.8%</b> is right & the 1974 comparison holds.",
    3: "=HYPERLINK(\"http://evil.example\",\"click\") </para><para> <font size=40>big</font>",
    4: "+1 for Дмитрий; Łukasz confirmed by phone 📞 and 😀 then 🙂",
    5: "-2 points: the quote is real. Ελλάδα\nsecond line with &amp; literally",
    6: "@SUM(A1:A2) Greek figures differ: 9% not 12%.",
    8: "",
}


def _span(phrase: str, label: str) -> CheckablePart:
    start = TEXT.index(phrase)
    return CheckablePart(start, start + len(phrase), label)


def _claim(number: int, sentence: str, status: Status, **extra: object) -> ClaimRecord:
    start = TEXT.index(sentence)
    fields: dict[str, object] = {
        "id": 100 + number,
        "article_id": 1,
        "number": number,
        "text": sentence,
        "start": start,
        "end": start + len(sentence),
        "score": 0.5 + number / 20,
        "kind": ClaimKind.STATISTIC,
        "status": status,
        "note": NOTES.get(number, ""),
        "version": 3,
    }
    fields.update(extra)
    return ClaimRecord(**fields)  # type: ignore[arg-type]


@pytest.fixture
def article() -> ArticleRecord:
    return ArticleRecord(
        id=1,
        title="Łódź & <Ελλάδα>: a test of </para> reporting",
        byline="By Дмитрий Zoë O'Brien",
        date="2019-05-30",
        url="https://news.example.com/story?id=1&x=<2>",
        language="en",
        source_path="/home/editor/articles/łódź <draft>.html",
        format="html",
        sha256=hashlib.sha256(TEXT.encode()).hexdigest(),
        text=TEXT,
        imported_at=datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
    )


WHEN = datetime(2026, 11, 27, 15, 30, tzinfo=UTC)


@pytest.fixture
def claims() -> list[ClaimRecord]:
    return [
        _claim(
            2, PARAGRAPHS[1], Status.VERIFIED,
            spans=(_span("3.8%", "PERCENT"), _span("1974", "DATE")),
            reasons=(Reason("has a percentage", 0.3), Reason("attributed", 0.1)),
            sources=(
                SourceRecord(1, "https://www.ons.gov.uk/lms", "ONS <labour> market & stats", "2026-11-20"),
                SourceRecord(2, LONG_URL, "Archive", "2026-11-21", comment="=cmd|' /C calc'!A0"),
            ),
            changed_by="Łukasz", changed_at=WHEN,
        ),
        _claim(3, PARAGRAPHS[2], Status.DISPUTED, kind=ClaimKind.COMPARISON,
               spans=(_span("£42 million", "MONEY"),), changed_by="Zoë", changed_at=WHEN),
        _claim(4, PARAGRAPHS[3], Status.UNCHECKED, kind=ClaimKind.QUOTE),
        _claim(5, PARAGRAPHS[4], Status.VERIFIED, kind=ClaimKind.QUOTE, changed_by="Łukasz", changed_at=WHEN),
        _claim(6, PARAGRAPHS[5], Status.DISPUTED, changed_by="Дмитрий", changed_at=WHEN,
               sources=(SourceRecord(3, "https://elstat.gr/trade", "ΕΛΣΤΑΤ", "2026-11-22"),)),
        _claim(7, PARAGRAPHS[6], Status.UNCHECKED, kind=ClaimKind.OTHER, dismissed=True, changed_by="Zoë"),
        _claim(8, PARAGRAPHS[7], Status.UNCHECKED),
    ]  # fmt: skip


@pytest.fixture
def history() -> dict[int, list[HistoryEntry]]:
    return {
        102: [
            HistoryEntry(102, WHEN, "Łukasz", "status", "unchecked", "verified"),
            HistoryEntry(102, datetime(2026, 11, 27, 15, 0, tzinfo=UTC), "Zoë", "note", "", "first look"),
        ]
    }


@pytest.fixture
def options() -> ReportOptions:
    return ReportOptions(
        checker="Zoë <Checker> & Co",
        organisation="Ελλάδα Fact Check",
        generated_at=datetime(2026, 11, 28, 2, 30, tzinfo=UTC),
    )
