"""``workbench_month_surnames``: "Theresa May" is a person, not a place and a date.

The small English model reads a month that is also a surname as the month: "to Theresa May last year"
becomes a place (Theresa) and a date (May last year), and "Theresa May said" no entity at all. The
checker then sees the wrong checkable parts highlighted, and the claim's reasons name a place. This
component runs after the entity recogniser and makes such a month, right after a capitalised name, the
end of a person's name; a date that goes on after it ("last year") stays a date. A month followed by a
number ("May 2019", "June 5") or after a word that leads into a date ("In May", "Sunday May 5") is left
alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

_SURNAME_MONTHS = frozenset({"April", "May", "June", "August"})
# Capitalised at the start of a sentence, yet they lead into a date, not a name.
_DATE_LEADS = frozenset(
    {"in", "on", "by", "since", "until", "till", "from", "through", "during", "before", "after", "last",
     "next", "this", "that", "every", "each", "early", "late", "mid", "of", "to", "and", "or"}
)  # fmt: skip


def fix_month_surnames(doc: Doc) -> Doc:
    """Make a surname that is also a month (May, June, April, August) part of a person's name."""
    ents = list(doc.ents)
    by_token = {i: span for span in ents for i in range(span.start, span.end)}
    changed = False
    for month in doc:
        if month.text not in _SURNAME_MONTHS or month.i == 0:
            continue
        entity = by_token.get(month.i)
        if entity is not None and entity.label_ == "PERSON":
            continue
        if entity is not None and (entity.label_ != "DATE" or entity.start != month.i):
            continue
        after = doc[month.i + 1] if month.i + 1 < len(doc) else None
        if after is not None and (after.like_num or after.text == "Day"):
            continue  # "May 2019", "June 5", "May Day"
        before = doc[month.i - 1]
        if not (before.is_alpha and before.is_title) or before.lower_ in _DATE_LEADS:
            continue
        before_entity = by_token.get(before.i)
        if before_entity is not None and (before_entity.label_ in ("DATE", "TIME") or len(before_entity) > 1):
            continue  # "Sunday May 5"; "New York May Day" (a given name is one word)
        start = before_entity.start if before_entity is not None else before.i
        keep = [s for s in ents if s is not entity and s is not before_entity]
        keep.append(Span(doc, start, month.i + 1, label="PERSON"))
        if entity is not None and entity.end > month.i + 1:
            keep.append(Span(doc, month.i + 1, entity.end, label="DATE"))  # "last year"
        ents = sorted(keep, key=lambda s: s.start)
        by_token = {i: span for span in ents for i in range(span.start, span.end)}
        changed = True
    if changed:
        doc.set_ents(ents)
    return doc


Language.component("workbench_month_surnames", func=fix_month_surnames)


# Entity types the small model gives a person's bare surname by mistake ("Trump" as ORG, "Steenburgen"
# as a place). Dates are left alone: "in May" stays a month in an article about Theresa May.
_MISTAKEN_FOR_NAMES = frozenset(
    {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
)
_POSSESSIVE = ("'s", "’s")


def _name_key(span: Span) -> str:
    text = span.text
    for ending in _POSSESSIVE:
        text = text.removesuffix(ending)
    return text.strip().lower()


class ArticlePeople:
    """The surnames of the people an article has named in full so far: a later bare surname is a person.

    News writing names a person in full once ("Mary Steenburgen") and by surname after; the small
    English model often reads the surname alone as an organisation or a place. One article's paragraphs
    are separate Docs, so the extractor keeps one of these per article and hands it each Doc in order.
    """

    def __init__(self) -> None:
        self._surnames: set[str] = set()

    def learn(self, doc: Doc) -> None:
        """Remember the surnames of the people ``doc`` names in full (two or more capitalised words)."""
        for ent in doc.ents:
            words = [t for t in ent if not t.is_punct]
            if ent.label_ == "PERSON" and len(words) >= 2 and all(t.text[:1].isupper() for t in words):
                surname = words[-1].text
                for ending in _POSSESSIVE:
                    surname = surname.removesuffix(ending)
                if len(surname) > 2 and surname.isalpha():
                    self._surnames.add(surname.lower())

    def relabel(self, doc: Doc) -> None:
        """Make a one-word entity that is a known person's surname ("Trump", "Trump's") a PERSON.

        Only surnames, and only one-word entities: a product the model once took for a person
        ("MacBook Pro") must not turn every later mention into a person.
        """
        if not self._surnames:
            return
        ents = list(doc.ents)
        changed = False
        for n, ent in enumerate(ents):
            words = [t for t in ent if t.text not in _POSSESSIVE]
            if (
                ent.label_ in _MISTAKEN_FOR_NAMES
                and len(words) == 1
                and ent.text[:1].isupper()
                and _name_key(ent) in self._surnames
            ):
                ents[n] = Span(doc, ent.start, ent.end, label="PERSON")
                changed = True
        if changed:
            doc.set_ents(ents)
