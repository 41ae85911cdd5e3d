"""What a fact-checker sees in the checklist: which sentences, in what shape, with which explanations."""

from __future__ import annotations

import pytest

from workbench.assets import sample_article
from workbench.claims import (
    DEFAULT_THRESHOLD,
    ClaimExtractor,
    ClaimKind,
    ExtractedClaim,
    ExtractionCancelled,
    language_note,
)


def _claims(extractor: ClaimExtractor, text: str) -> list[ExtractedClaim]:
    claims = extractor.extract(text)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0
        for part in claim.spans:
            assert claim.start <= part.start < part.end <= claim.end
    return claims


def _only(extractor: ClaimExtractor, sentence: str) -> ExtractedClaim:
    claims = _claims(extractor, sentence)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def test_sample_article_checklist(extractor: ClaimExtractor) -> None:
    text = sample_article().read_text(encoding="utf-8")
    claims = _claims(extractor, text)
    shown = [c.text for c in claims if c.score >= DEFAULT_THRESHOLD]
    assert any("44 Russian diplomats" in c and "up from 40" in c for c in shown)
    assert any("58 declared diplomatic staff" in c for c in shown)
    assert any("strikes against Syrian targets in April 2018" in c for c in shown)
    assert not any("18:23" in c.text or "Putin approach to May preceded" in c.text for c in claims)
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_closing_quotation_mark_belongs_to_the_sentence_it_closes(extractor: ClaimExtractor) -> None:
    text = 'A Whitehall source said: "That\'s where the reaching-out happened." The talks lasted two hours.'
    claims = _claims(extractor, text)
    assert claims[0].text == 'A Whitehall source said: "That\'s where the reaching-out happened."'
    assert claims[1].text == "The talks lasted two hours."


def test_curly_quotes_close_their_sentence(extractor: ClaimExtractor) -> None:
    text = "The minister said: “We cut waiting lists by 20%.” Critics disputed the figure."
    claims = _claims(extractor, text)
    assert claims[0].text.endswith("by 20%.”")
    quote = [p for p in claims[0].spans if p.label == "QUOTE"]
    assert quote and text[quote[0].start : quote[0].end] == "“We cut waiting lists by 20%.”"


def test_a_straight_mark_closes_a_curly_quotation(extractor: ClaimExtractor) -> None:
    """Pages mix marks (“…," she said): the next quotation's opening mark starts the next claim."""
    text = (
        '“The end of the year is a popular time for expensive purchases," Jessica Caldwell said. '
        '"Shoppers can look forward to financing rates 2% lower."'
    )
    first, second = _claims(extractor, text)
    assert first.text.endswith("Jessica Caldwell said.")
    assert second.text.startswith('"Shoppers')
    quote = [text[p.start : p.end] for p in first.spans if p.label == "QUOTE"]
    assert quote == ['“The end of the year is a popular time for expensive purchases,"']


def test_a_quotation_running_over_two_sentences_is_quoted_in_both(extractor: ClaimExtractor) -> None:
    text = (
        '"The president wants the option of a bigger deal with China. Bigger than the little deal" '
        "announced in October, said Derek Scissors, a China scholar."
    )
    first, second = _claims(extractor, text)
    quote = [text[p.start : p.end] for p in second.spans if p.label == "QUOTE"]
    assert quote == ['Bigger than the little deal"']
    assert any(p.label == "QUOTE" for p in first.spans)


def test_a_title_in_quotation_marks_is_no_quotation(extractor: ClaimExtractor) -> None:
    """“Melvin and Howard” names a film; a checker should not read the claim as someone's words."""
    text = "The film “Melvin and Howard” won two Oscars in 1981, and the “interim” board sold it in 1990."
    claim = _only(extractor, text)
    parts = {(text[p.start : p.end], p.label) for p in claim.spans}
    assert ("“Melvin and Howard”", "TITLE") in parts
    assert not any(label in ("QUOTE", "PERSON") for _, label in parts)
    assert claim.kind is not ClaimKind.QUOTE


def test_paragraph_break_always_ends_a_sentence(extractor: ClaimExtractor) -> None:
    text = (
        "The council published its transport report on Monday.\n\n"
        "The bridge, the report says, cost £40m and opened to traffic in the spring of 2012\n\n"
        "It carries 30,000 cars a day, the council said."
    )
    claims = _claims(extractor, text)
    assert [c.text for c in claims] == [
        "The council published its transport report on Monday.",
        "The bridge, the report says, cost £40m and opened to traffic in the spring of 2012",
        "It carries 30,000 cars a day, the council said.",
    ]


def test_a_sentence_a_page_broke_into_paragraphs_is_one_claim(extractor: ClaimExtractor) -> None:
    """Some pages put each line of a paragraph in its own element; the break is not a sentence's end."""
    text = (
        "Veteran actress Kate Henshaw, who in 2008 won the\n\n"
        "Africa Movie Academy Award for Best Actress, has taken\n\n"
        "to her Instagram page to share 12 new photos.\n\n"
        "The council approved the plan on Monday\n\n"
        "It will cost £40m, the council said.\n\n"
        "copyright Inexhibit 2019"
    )
    claims = _claims(extractor, text)
    assert claims[0].text.startswith("Veteran actress") and claims[0].text.endswith("12 new photos.")
    parts = {(text[p.start : p.end], p.label) for p in claims[0].spans}
    assert ("2008", "DATE") in parts
    assert [c.text for c in claims[1:]] == [
        "The council approved the plan on Monday",
        "It will cost £40m, the council said.",
    ]


def test_a_markdown_table_row_is_one_claim(extractor: ClaimExtractor) -> None:
    """A row's full stops do not cut it: the player and his figures stay together."""
    text = (
        "Defensive snap counts from Thursday's game:\n\n"
        "| Pos | Player | Plays | % | Stats |\n"
        "|---|---|---|---|---|\n"
        "| LB | Joe Schobert | 74 | 100% | 7 tackles (10 combined). 1 sack, 2 INT. |\n"
        "| DL | Larry Ogunjobi | 63 | 85% | 3 tackles (3 combined). |\n"
    )
    rows = [c for c in _claims(extractor, text) if "tackles" in c.text]
    assert [c.text.split(" | ")[1] for c in rows] == ["Joe Schobert", "Larry Ogunjobi"]
    assert rows[0].text.endswith("2 INT. |")
    assert ("85%", "PERCENT") in {(text[p.start : p.end], p.label) for p in rows[1].spans}
    assert not any(set(c.text) <= set("|-: ") for c in _claims(extractor, text))


def test_a_title_or_unit_before_its_full_stop_ends_no_sentence(extractor: ClaimExtractor) -> None:
    text = (
        "Two members of the House, Rt. Hon. Ben Nzeribe and Sgt. Ada Obi, died on Tuesday. "
        "The recipe needs 2 tsp. salt and 1 Tbsp. sugar for 4 people."
    )
    assert [c.text for c in _claims(extractor, text)] == [
        "Two members of the House, Rt. Hon. Ben Nzeribe and Sgt. Ada Obi, died on Tuesday.",
        "The recipe needs 2 tsp. salt and 1 Tbsp. sugar for 4 people.",
    ]


def test_headline_dateline_byline_caption_and_boilerplate_are_left_out(extractor: ClaimExtractor) -> None:
    text = (
        "Council approves 300 new homes\n\n"
        "By Jane Smith, local democracy reporter\n\n"
        "Tuesday 4 June 2019 09:12, UK\n\n"
        "Councillors approved 300 homes on the former airfield on Monday, by nine votes to four.\n\n"
        "Image: The airfield site in 2018. Pic: PA\n\n"
        "Read more: Why the airfield closed\n\n"
        "Will the roads cope?\n\n"
        "Construction is expected to start in 2021."
    )
    claims = _claims(extractor, text)
    assert [c.text for c in claims] == [
        "Councillors approved 300 homes on the former airfield on Monday, by nine votes to four.",
        "Construction is expected to start in 2021.",
    ]


def test_wire_dateline_is_trimmed_from_the_first_sentence(extractor: ClaimExtractor) -> None:
    text = "LONDON (Reuters) - British inflation rose to 2.1% in May, official figures showed on Wednesday."
    claim = _only(extractor, text)
    assert claim.text.startswith("British inflation rose")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Unemployment fell to 3.9% in the three months to June, a 40-year low.", ClaimKind.STATISTIC),
        ("The new line carries 12,000 passengers a day at a cost of $2.4bn.", ClaimKind.STATISTIC),
        ("Crime in the city is higher than in any other part of the country.", ClaimKind.COMPARISON),
        ("More than 100 people died in the floods, officials said.", ClaimKind.STATISTIC),
        ("Air pollution caused the closure of the school, the inspectors found.", ClaimKind.CAUSAL),
        ("Energy prices will rise again next winter, the regulator predicts.", ClaimKind.PREDICTION),
        ('The minister told parliament: "Our policy has not changed."', ClaimKind.QUOTE),
        ("The Kremlin has repeatedly denied any involvement.", ClaimKind.QUOTE),
        ("President Macron visited Berlin on Tuesday to meet Chancellor Merkel.", ClaimKind.EVENT),
    ],
)
def test_each_claim_kind(extractor: ClaimExtractor, sentence: str, kind: ClaimKind) -> None:
    claim = _only(extractor, sentence)
    assert claim.kind is kind
    assert claim.reasons, "every claim explains its score"


@pytest.mark.parametrize(
    "sentence",
    [
        "Witnesses said Rudolph started the fight when the two were on the ground.",
        "The showroom in Corso Monforte 15 presents a light installation by Michael Anastassiades.",
        "Night mode uses the wide-angle camera of the iPhone 11, Apple said on Tuesday.",
    ],
)
def test_a_number_that_counts_nothing_makes_no_statistic(extractor: ClaimExtractor, sentence: str) -> None:
    """ "the two", a street number or a model number is no figure a checker would look up."""
    assert _only(extractor, sentence).kind is not ClaimKind.STATISTIC


def test_checkable_parts_point_at_numbers_dates_and_names(extractor: ClaimExtractor) -> None:
    text = "There are 44 Russian diplomats in Britain, up from 40 in January, according to official records."
    claim = _only(extractor, text)
    parts = {(text[p.start : p.end], p.label) for p in claim.spans}
    assert ("44", "QUANTITY") in parts
    assert ("January", "DATE") in parts
    assert ("Britain", "PLACE") in parts
    assert ("up from 40", "COMPARISON") in parts
    assert ("official records", "SOURCE") in parts


@pytest.mark.parametrize(
    ("sentence", "person", "date"),
    [
        (
            "An approach by President Vladimir Putin to Theresa May last year preceded the talks.",
            "Theresa May",
            "last year",
        ),
        ("Theresa May said on Tuesday that 58 staff would leave.", "Theresa May", "Tuesday"),
        ("Brian May sold 40,000 tickets in June 2019.", "Brian May", "June 2019"),
    ],
)
def test_a_month_that_is_a_surname_is_part_of_the_persons_name(
    extractor: ClaimExtractor, sentence: str, person: str, date: str
) -> None:
    """ "Theresa May" is a person to check, not a place (Theresa) and a date (May last year)."""
    (claim,) = extractor.extract(sentence)
    parts = {(sentence[p.start : p.end], p.label) for p in claim.spans}
    assert (person, "PERSON") in parts
    assert (date, "DATE") in parts
    assert not any(label in ("PLACE", "DATE") and "May" in text for text, label in parts if text != date)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("In May last year, the council approved 12 new homes.", "May last year"),
        ("On Sunday May 5, 300 people marched through the town.", "Sunday May 5"),
        ("Last May the council approved 12 new homes.", "Last May"),
    ],
)
def test_a_month_after_a_word_leading_into_a_date_stays_a_date(
    extractor: ClaimExtractor, sentence: str, date: str
) -> None:
    (claim,) = extractor.extract(sentence)
    parts = {(sentence[p.start : p.end], p.label) for p in claim.spans}
    assert (date, "DATE") in parts


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("Oil rose to $55.12 per barrel on Tuesday, traders said.", ("$55.12", "MONEY")),
        ("The Chargers lost 24-17 on Sunday and have now lost 12 games.", ("24-17", "QUANTITY")),
        (
            "Prices rose 3% in May, Eswar Prasad, a professor at Cornell, said.",
            ("Eswar Prasad, a professor at Cornell", "SOURCE"),
        ),
        ("The fight broke out about 11pm on Thursday, police said.", ("11pm", "TIME")),
        ("The Islanders beat Pittsburgh 5-4 and are 14-0-1 in 15 games.", ("14-0-1", "QUANTITY")),
    ],
)
def test_checkable_parts_hold_what_a_checker_looks_up(
    extractor: ClaimExtractor, sentence: str, part: tuple[str, str]
) -> None:
    """The currency with the amount, both numbers of a score, the source without its comma."""
    claim = _only(extractor, sentence)
    assert part in {(sentence[p.start : p.end], p.label) for p in claim.spans}


def test_adding_assists_is_no_attribution(extractor: ClaimExtractor) -> None:
    """ "…, he added." reports what someone said; "Marchand added three assists" is the game."""
    game = _only(extractor, "Brad Marchand added three assists as Boston won 4-2.")
    said = _only(extractor, "The plant closed in 2019, the mayor added.")
    assert not any(p.label == "SOURCE" for p in game.spans)
    assert game.kind is ClaimKind.STATISTIC
    assert any(p.label == "SOURCE" for p in said.spans)


def test_a_reference_marker_is_no_figure(extractor: ClaimExtractor) -> None:
    text = "Eating slowly was linked to eating less at dinner (14, 15)."
    claim = _only(extractor, text)
    assert not claim.spans
    assert claim.kind is not ClaimKind.STATISTIC


def test_the_attribution_of_a_left_out_question_is_left_out_too(extractor: ClaimExtractor) -> None:
    """With the question gone, "X, the former director of Y, said at an event" checks nothing."""
    text = (
        '"Why would anyone cut rates now?" He Jianxiong, the former executive director of the IMF '
        "for China, said at a Nov. 6 event at the Peterson Institute in Washington. Rates fell 2% in October."
    )
    assert [c.text for c in _claims(extractor, text)] == ["Rates fell 2% in October."]


def test_an_inch_sign_opens_no_quotation(extractor: ClaimExtractor) -> None:
    text = 'The 34" monitor costs $499 this week. I absolutely love it, and so will you.'
    claims = _claims(extractor, text)
    assert not any(p.label == "QUOTE" for c in claims for p in c.spans)
    assert claims[0].text == 'The 34" monitor costs $499 this week.'


def test_opinions_intentions_and_instructions_score_below_facts(extractor: ClaimExtractor) -> None:
    fact = _only(extractor, "The company cut 1,200 jobs in Ohio in 2019, according to state filings.")
    for weak in (
        "I think this is a terrible idea.",
        "We want to make sure that everyone is heard.",
        "Please keep your comments short and to the point.",
        "Perhaps things might be different one day.",
    ):
        claim = _only(extractor, weak)
        assert claim.score < DEFAULT_THRESHOLD <= fact.score, (weak, claim.score, fact.score)
        assert any(r.weight < 0 for r in claim.reasons), weak


def test_questions_are_not_claims(extractor: ClaimExtractor) -> None:
    assert _claims(extractor, "Did the government spend £350m a week on the EU?") == []


def test_progress_reaches_the_end_and_cancelling_stops(extractor: ClaimExtractor) -> None:
    text = "\n\n".join(f"Paragraph {i} says that {i * 7} people attended the meeting." for i in range(60))
    seen: list[tuple[int, int]] = []
    claims = extractor.extract(text, progress=lambda done, total: seen.append((done, total)))
    assert len(claims) == 60
    assert seen[0] == (0, len(text)) and seen[-1] == (len(text), len(text))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    found: list[ExtractedClaim] = []
    with pytest.raises(ExtractionCancelled):
        for claim in extractor.extract_iter(text, cancelled=cancelled):
            found.append(claim)
    assert 0 < len(found) < 60


def test_empty_and_wrong_input(extractor: ClaimExtractor) -> None:
    assert extractor.extract("") == []
    assert extractor.extract("   \n\n  ") == []
    with pytest.raises(TypeError, match="str"):
        extractor.extract(b"bytes are not text")  # type: ignore[arg-type]


def test_a_bare_pipeline_is_refused_with_a_clear_error() -> None:
    import spacy

    with pytest.raises(ValueError, match="claim_evidence"):
        ClaimExtractor(spacy.blank("en"))


def test_language_note() -> None:
    english = "The council said on Monday that it would build 300 new homes on the site of the old airfield."
    german = "Der Stadtrat hat am Montag beschlossen, auf dem Flugplatz dreihundert Wohnungen zu bauen."
    assert language_note(english) is None
    assert language_note(german) == "claim detection is tuned for English"
    assert language_note("Hi") is None


def test_subheadings_that_state_a_claim_are_kept(extractor: ClaimExtractor) -> None:
    text = (
        "Ten myths about the flu\n\n"
        "Doctors hear the same misunderstandings every winter.\n\n"
        "What the evidence says\n\n"
        "Myth 4: Cold weather causes the flu\n\n"
        "The flu is caused by a virus, not by low temperatures.\n\n"
        "Myth 5: Taking a hot bath kills the virus\n\n"
        "Hot water does not reach the lungs.\n\n"
        "Myth 6: There are pills that prevent the flu\n\n"
        "Antivirals shorten an illness; a vaccine prevents it."
    )
    texts = [c.text for c in _claims(extractor, text)]
    assert "Myth 4: Cold weather causes the flu" in texts
    # A clause as the subject ("Taking a hot bath kills…") or "there are…" states a claim too.
    assert "Myth 5: Taking a hot bath kills the virus" in texts
    assert "Myth 6: There are pills that prevent the flu" in texts
    assert "What the evidence says" not in texts
    assert "Ten myths about the flu" not in texts


def test_the_pipeline_is_shared_between_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from workbench.claims import load_pipeline

    with ThreadPoolExecutor(max_workers=4) as pool:
        pipelines = list(pool.map(lambda _: load_pipeline(), range(8)))
    assert all(p is pipelines[0] for p in pipelines)


def test_quotation_and_its_attribution_are_one_sentence(extractor: ClaimExtractor) -> None:
    text = "“The governor has created 40,000 jobs!” Trump tweeted on Monday. Turnout was 44%."
    claims = _claims(extractor, text)
    assert [c.text for c in claims] == [
        "“The governor has created 40,000 jobs!” Trump tweeted on Monday.",
        "Turnout was 44%.",
    ]
