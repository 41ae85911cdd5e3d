"""The article view paints the claims around what is on screen, whatever the article's length."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from workbench.claims.types import ClaimKind
from workbench.gui.article_view import ArticleHighlighter
from workbench.store import ClaimRecord, Status

SENTENCE = "In 2019 the council spent £4.2m on 58 new buses. "


def claims_over(text: str) -> list[ClaimRecord]:
    found, start = [], text.find(SENTENCE)
    while start != -1:
        found.append(
            ClaimRecord(
                id=len(found) + 1,
                article_id=1,
                number=len(found) + 1,
                text=SENTENCE.strip(),
                start=start,
                end=start + len(SENTENCE) - 1,
                score=0.9,
                kind=ClaimKind.STATISTIC,
                status=Status.UNCHECKED,
                note="",
                version=1,
                changed_at=datetime.now(UTC),
            )
        )
        start = text.find(SENTENCE, start + 1)
    return found


def test_a_long_article_paints_only_around_the_view_and_follows_the_scroll(qtbot: QtBot) -> None:
    view = QTextEdit()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    text = "\n\n".join(SENTENCE * 3 for _ in range(1500))  # 4,500 claims
    highlighter = ArticleHighlighter(view)
    highlighter.set_article(text)
    claims = claims_over(text)
    highlighter.set_claims(claims)
    painted = highlighter.painted_claims()
    assert 0 < len(painted) < len(claims) / 10
    assert painted[0].id == 1

    last = claims[-1]
    highlighter.select(last)
    assert last in highlighter.painted_claims()
    assert any(s.cursor.selectedText() == last.text for s in view.extraSelections())
    assert claims[0] not in highlighter.painted_claims()

    view.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: claims[0] in highlighter.painted_claims(), timeout=2000)


def test_the_claim_under_a_click_is_found_in_a_long_article() -> None:
    text = "Intro.\n\n" + SENTENCE * 2000
    view = QTextEdit()
    highlighter = ArticleHighlighter(view)
    highlighter.set_article(text)
    claims = claims_over(text)
    highlighter.set_claims(claims)
    middle = claims[1234]
    assert highlighter.claim_at(middle.start + 5) == middle
    assert highlighter.claim_at(0) is None
    view.deleteLater()
