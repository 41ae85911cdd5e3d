"""Which parts of an article are prose, and which are headlines, datelines, bylines, captions, boilerplate."""

from __future__ import annotations

import pytest

from workbench.claims.blocks import (
    MAX_BLOCK_CHARS,
    BlockRole,
    classify_block,
    dateline_date,
    find_dateline,
    split_blocks,
)


@pytest.mark.parametrize(
    "line",
    [
        "30 May 2019, 18:23 | Updated: 30 May 2019, 21:03",
        "Thursday 30 May 2019 18:23, UK",
        "Published: 14:02 BST, 3 June 2021",
        "Updated March 4, 2022 at 9:15 a.m. ET",
        "2023-11-02T08:30",
    ],
)
def test_datelines_are_recognised(line: str) -> None:
    assert classify_block(line, first=False) is BlockRole.DATELINE


@pytest.mark.parametrize(
    "sentence",
    [
        # dates and times inside a sentence make no dateline
        "The strikes took place on 14 April 2018 at 04:00 local time, the ministry said.",
        "There are 44 Russian diplomats in Britain, up from 40 in January.",
        # a byline names the author; a sentence opening "By the way" or "By 2030" is the article
        "By the way, the average policy costs about $12,000.",
        "By 2030, the company expects to employ 4,000 people.",
        "By March, cases had doubled.",
        "By Tuesday, the death toll had risen to 40, officials said.",
        "By contrast, Germany spent 1.2% of its GDP on defence.",
        "Smith, a former editor of the Times, resigned on Monday.",
        # a list item that states something, even in capitals, is no heading
        "- Inflation rose to 2.3%",
        "2. UK GDP GREW BY 0.4% IN THE FIRST QUARTER.",
        "• NATO has 32 members",
    ],
)
def test_prose_that_only_looks_like_a_dateline_byline_or_heading(sentence: str) -> None:
    assert classify_block(sentence, first=False) is BlockRole.PROSE


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("By Deborah Haynes, foreign affairs editor", BlockRole.BYLINE),
        ("Jane Smith, Political Correspondent", BlockRole.BYLINE),
        ("By The Associated Press", BlockRole.BYLINE),
        ("BY JANE SMITH AND TOM BROWN", BlockRole.BYLINE),
        ("By Jane Smith.", BlockRole.BYLINE),
        ("Image: Theresa May and Vladimir Putin at the G20. Pic: Reuters", BlockRole.CAPTION),
        ("Sergei Skripal in 2004 / Getty Images", BlockRole.CAPTION),
        ("Read more: Skripal poisoning suspect named", BlockRole.BOILERPLATE),
        ("SEE MORE: Hong Kong protests: 800 students under siege in university", BlockRole.BOILERPLATE),
        ("More: Free science projects for kids at home", BlockRole.BOILERPLATE),
        ("WATCH: The moment the bridge collapsed", BlockRole.BOILERPLATE),
        ("Also read: Ten charts that explain the budget", BlockRole.BOILERPLATE),
        ("Also on rt.com Journalists & politicians decry the ‘coup’ in Bolivia", BlockRole.BOILERPLATE),
        ("This article was originally published by Futurism. Read the original.", BlockRole.BOILERPLATE),
        ("Keith Bradsher contributed reporting from Hong Kong.", BlockRole.BYLINE),
        ("Fox News’ Jessica Napoli contributed to this report.", BlockRole.BYLINE),
        ("Click here to subscribe to our newsletter", BlockRole.BOILERPLATE),
        ("Advertisement", BlockRole.BOILERPLATE),
        ("What happens next", BlockRole.HEADING),
        ("1. CALL TO ORDER/FLAG SALUTE", BlockRole.HEADING),
        ("4. REPORT FROM CLOSED SESSION", BlockRole.HEADING),
        ("https://www.barrons.com/articles/home-depot-stock-earnings-51574168486", BlockRole.BOILERPLATE),
        ("Write to Al Root at allen.root@dowjones.com", BlockRole.BOILERPLATE),
        ("This copy is for your personal, non-commercial use only.", BlockRole.BOILERPLATE),
        ("Share this article on Facebook", BlockRole.BOILERPLATE),
    ],
)
def test_non_prose_blocks(line: str, role: BlockRole) -> None:
    assert classify_block(line, first=False) is role


def test_first_short_line_without_full_stop_is_the_headline() -> None:
    text = "Putin approach to May preceded 'reopening of diplomatic channels'\n\nIt was not a formal meeting."
    roles = [block.role for block in split_blocks(text)]
    assert roles == [BlockRole.HEADLINE, BlockRole.PROSE]


def test_block_offsets_point_into_the_text() -> None:
    text = "  Headline here\n\n\n  First paragraph, indented.  \r\n\nSecond one.\n"
    for block in split_blocks(text):
        assert text[block.start : block.end] == block.text
        assert block.text == block.text.strip()


def test_hard_wrapped_lines_stay_one_block_but_short_lines_do_not() -> None:
    text = (
        "The government said on Tuesday that unemployment had fallen to 4.1 per cent\n"
        "in the three months to March, the lowest rate since 1975.\n"
        "- Inflation rose to 2.3%\n"
        "- Wages grew by 3%\n"
    )
    blocks = split_blocks(text)
    assert [b.text.split()[0] for b in blocks] == ["The", "-", "-"]
    assert "1975." in blocks[0].text


def test_very_long_paragraphs_are_cut_at_sentence_ends() -> None:
    sentence = "The council approved 12 new homes on the old depot site last week. "
    text = sentence * (3 * MAX_BLOCK_CHARS // len(sentence))
    blocks = split_blocks(text)
    assert len(blocks) >= 3
    assert all(len(b.text) <= MAX_BLOCK_CHARS for b in blocks)
    assert all(b.text.endswith("week.") for b in blocks)


def test_find_dateline_reads_the_sample_style_dateline() -> None:
    text = "Headline of the story\n\n30 May 2019, 18:23 | Updated: 30 May 2019, 21:03\n\nBody text here."
    assert find_dateline(text) == "30 May 2019, 18:23 | Updated: 30 May 2019, 21:03"
    assert find_dateline("Just a sentence about 2019.") is None


@pytest.mark.parametrize(
    ("dateline", "iso"),
    [
        ("30 May 2019, 18:23 | Updated: 30 May 2019, 21:03", "2019-05-30"),
        ("Updated March 4, 2022 at 9:15 a.m. ET", "2022-03-04"),
        ("Thursday 1st October 2020 07:00, UK", "2020-10-01"),
        ("2023-11-02T08:30", "2023-11-02"),
        ("Updated: 18:23", None),
    ],
)
def test_dateline_gives_the_article_date(dateline: str, iso: str | None) -> None:
    assert dateline_date(dateline) == iso


def test_a_lone_line_without_full_stop_is_prose_not_a_headline() -> None:
    [block] = split_blocks("His son walked out with a billion and a half dollars from China -")
    assert block.role is BlockRole.PROSE
