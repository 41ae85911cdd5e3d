"""Names as a news reader follows them: "Theresa May" is a person; "Trump" after "Donald Trump" is too."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from workbench.claims import ClaimExtractor
from workbench.claims.names import ArticlePeople


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.set_ents([Span(doc, start, end, label=label) for start, end, label in ents])
    return doc


def test_a_surname_after_the_full_name_is_the_same_person(extractor: ClaimExtractor) -> None:
    text = (
        "Oscar-winning actress Mary Steenburgen wrote the song in 2017.\n\n"
        "Two years later, Steenburgen bought a house in Nashville for $2 million."
    )
    claims = extractor.extract(text)
    parts = {(text[p.start : p.end], p.label) for c in claims for p in c.spans}
    assert ("Steenburgen", "PERSON") in parts
    assert not any(word == "Steenburgen" and label != "PERSON" for word, label in parts)


def test_only_one_word_surnames_are_carried_over() -> None:
    people = ArticlePeople()
    people.learn(_doc(["The", "MacBook", "Pro", "sold", "well"], [(1, 3, "PERSON")]))
    people.learn(_doc(["Theresa", "May", "spoke"], [(0, 2, "PERSON")]))
    later = _doc(
        ["MacBook", "Pro", "sales", "in", "May", "and", "May", "'s", "team"],
        [(0, 2, "ORG"), (4, 5, "DATE"), (6, 8, "ORG")],
    )
    people.relabel(later)
    assert [(e.text, e.label_) for e in later.ents] == [
        ("MacBook Pro", "ORG"),  # a product the model once took for a person stays a product
        ("May", "DATE"),  # "in May" stays a month in an article about Theresa May
        ("May 's", "PERSON"),
    ]
