"""Sentences as a news reader sees them, on top of the parser's segmentation.

The parser sometimes starts a sentence with the quotation mark that closes the previous one
(``He said: "It happened.`` | ``"``). A closing quotation mark belongs to the sentence it closes, so it
is moved back. A quotation ending in "!" or "?" and followed by its attribution (``"Vote!" Trump
tweeted.``) is one sentence to a news reader, so the two are joined. Paragraph breaks are handled
before parsing: every block is its own ``Doc``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from workbench.claims.blocks import is_table_row

_CLOSING_ONLY = {"”", "’", "»"}
_AMBIGUOUS = {'"', "'", "''"}
_TRAILING = {")", "]", "”", "’", "»", '"', "'", "''"}
# "LONDON (Reuters) - " or "WASHINGTON — ": the wire dateline that opens a story's first sentence.
WIRE_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'’/-]+(?:[ ,]+[A-Z][A-Za-z.'’/-]+){0,4}\s*(?:\([^()\n]{1,40}\)\s*)?[-—–]{1,2}\s+"
)


_ATTRIBUTION_VERBS = {
    "said", "says", "say", "tweeted", "wrote", "writes", "told", "tells", "added", "adds", "asked", "asks",
    "explained", "insisted", "warned", "replied", "responded", "posted", "shouted", "declared", "claimed",
    "continued", "recalled", "noted", "argued", "joked", "cried", "wondered",
}  # fmt: skip
_MAX_ATTRIBUTION_TOKENS = 14


def is_attribution_tail(sentence: Span, *, any_length: bool = False) -> bool:
    """True for a sentence whose main verb is a speech verb with nothing said after it ("Trump
    tweeted.", "said Derek Scissors, a China scholar"); short ones only unless ``any_length``."""
    root = sentence.root
    too_long = len(sentence) > _MAX_ATTRIBUTION_TOKENS and not any_length
    if too_long or root.lower_ not in _ATTRIBUTION_VERBS:
        return False
    return not any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > root.i for c in root.children)


def ends_with_closing_quote(sentence: Span) -> bool:
    last = sentence[-1]
    if last.text in _CLOSING_ONLY:
        return True
    return last.text in _AMBIGUOUS and not leaves_quote_open(sentence.text)


_DOUBLE_MARK_RE = re.compile('["“”]')


def leaves_quote_open(text: str) -> bool:
    """True if ``text`` leaves a double quotation open.

    Curly and straight marks are often mixed (“It happened," he said), so a straight mark closes
    whichever quotation is open and opens one only when none is.
    """
    depth = 0
    for mark in _DOUBLE_MARK_RE.finditer(text):  # only the marks: sentences ask this of long prefixes
        ch, i = mark.group(), mark.start()
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(depth - 1, 0)
        elif depth or not is_inch_mark(text, i):
            depth = depth - 1 if depth else 1
    return depth > 0


def is_inch_mark(text: str, i: int) -> bool:
    """Whether the straight double mark at ``text[i]``, when no quotation is open, is an inch sign
    ('a 34" monitor', '70"+ TV'); inside a quotation a mark after a digit closes it ('"it was 5"')."""
    return i > 0 and text[i - 1].isdigit() and not (i + 1 < len(text) and text[i + 1].isalpha())


def news_sentences(doc: Doc) -> list[Span]:
    """The doc's sentences with closing quotation marks and brackets moved to the sentence they close.

    A row of a Markdown table is one sentence, whatever full stops its cells hold.
    """
    if len(doc) and is_table_row(doc.text):
        return [doc[:]]
    sentences: list[Span] = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        if sentences:
            previous = sentences[-1]
            moved = start
            while moved < end:
                token = doc[moved]
                closes = token.text in _CLOSING_ONLY or (
                    token.text in _AMBIGUOUS and leaves_quote_open(doc[previous.start : moved].text)
                )
                if not (closes or (token.text in _TRAILING and moved > start)):
                    break
                moved += 1
            if moved > start:
                sentences[-1] = doc[previous.start : moved]
                start = moved
        if (
            sentences
            and start < end
            and ends_with_closing_quote(sentences[-1])
            and is_attribution_tail(doc[start:end])
        ):
            sentences[-1] = doc[sentences[-1].start : end]
        elif start < end and any(not t.is_punct and not t.is_space for t in doc[start:end]):
            sentences.append(doc[start:end])
        elif start < end and sentences:
            sentences[-1] = doc[sentences[-1].start : end]
    return sentences
