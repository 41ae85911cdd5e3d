"""Finding a claim again in an article's changed text.

A claim is anchored the way web annotations are: by its exact words plus the text just before and
after them. Finding it again tries, in order: the exact words (the occurrence whose surroundings match
best, nearest where it used to be); the old surroundings with similar words between them; and a fuzzy
match against the new text's sentences and the newly extracted claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT_CHARS = 32  # how much text before and after a claim identifies where it sits
FUZZY_MIN_RATIO = 0.75  # a rewording at least this similar is the same claim, reworded
CONTEXT_MIN_RATIO = 0.5  # between unchanged surroundings, a looser likeness is enough
_SENTENCE = re.compile(r"[^\s][^.!?\n]*(?:[.!?]+[\"'”’)\]]*|$)", re.MULTILINE)


@dataclass(frozen=True)
class Anchor:
    quote: str
    prefix: str = ""  # up to CONTEXT_CHARS characters just before the quote
    suffix: str = ""  # up to CONTEXT_CHARS characters just after it
    position: float = 0.0  # where it was, as a fraction of the old text's length


@dataclass(frozen=True)
class Location:
    start: int
    end: int
    exact: bool  # the very same words


def anchor_in(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``."""
    return Anchor(
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        position=start / len(text) if text else 0.0,
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence bounds, enough to find a reworded sentence without a language model."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def locate(
    anchor: Anchor,
    text: str,
    candidates: Iterable[tuple[int, int]] = (),
    taken: frozenset[tuple[int, int]] = frozenset(),
) -> Location | None:
    """Where the anchored claim is in ``text``, or None when it cannot be found.

    Args:
        candidates: spans worth comparing with the quote for a fuzzy match (new claims, sentences).
        taken: spans already given to other claims, never handed out twice.
    """
    if not anchor.quote.strip():
        return None
    exact = _exact(anchor, text, taken)
    if exact is not None:
        return exact
    between = _between_context(anchor, text, taken)
    if between is not None:
        return between
    return _fuzzy(anchor, text, candidates, taken)


def _exact(anchor: Anchor, text: str, taken: frozenset[tuple[int, int]]) -> Location | None:
    hits = [(m, m + len(anchor.quote)) for m in _occurrences(text, anchor.quote)]
    hits = [hit for hit in hits if hit not in taken]
    if not hits:
        return None
    expected = anchor.position * len(text)

    def fit(hit: tuple[int, int]) -> tuple[int, float]:
        start, end = hit
        context = _common_suffix(anchor.prefix, text[max(0, start - CONTEXT_CHARS) : start]) + _common_prefix(
            anchor.suffix, text[end : end + CONTEXT_CHARS]
        )
        return context, -abs(start - expected)

    start, end = max(hits, key=fit)
    return Location(start, end, exact=True)


def _between_context(anchor: Anchor, text: str, taken: frozenset[tuple[int, int]]) -> Location | None:
    """The old surroundings are still there: whatever now sits between them, if it is alike."""
    prefix, suffix = anchor.prefix, anchor.suffix
    if len(prefix) < CONTEXT_CHARS // 2 or len(suffix) < CONTEXT_CHARS // 2:
        return None  # at the very start or end of the text, one side alone says too little
    best: tuple[float, int, int] | None = None
    reach = 3 * len(anchor.quote) + 2 * CONTEXT_CHARS
    for after_prefix in (m + len(prefix) for m in _occurrences(text, prefix)):
        found = text.find(suffix, after_prefix, after_prefix + reach + len(suffix))
        if found < 0:
            continue
        start, end = _trimmed(text, after_prefix, found)
        if end <= start or (start, end) in taken:
            continue
        ratio = _ratio(anchor.quote, text[start:end])
        if ratio >= CONTEXT_MIN_RATIO and (best is None or ratio > best[0]):
            best = (ratio, start, end)
    return None if best is None else Location(best[1], best[2], exact=False)


def _fuzzy(
    anchor: Anchor, text: str, candidates: Iterable[tuple[int, int]], taken: frozenset[tuple[int, int]]
) -> Location | None:
    spans = {*candidates, *sentence_spans(text)} - taken
    best: tuple[float, float, int, int] | None = None
    expected = anchor.position * len(text)
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(anchor.quote)
    for start, end in spans:
        matcher.set_seq1(text[start:end])
        if matcher.real_quick_ratio() < FUZZY_MIN_RATIO or matcher.quick_ratio() < FUZZY_MIN_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio < FUZZY_MIN_RATIO:
            continue
        key = (ratio, -abs(start - expected), start, end)
        if best is None or key > best:
            best = key
    return None if best is None else Location(best[2], best[3], exact=False)


def overlaps(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    start, end = span
    return any(start < other_end and other_start < end for other_start, other_end in others)


def _occurrences(text: str, needle: str) -> list[int]:
    found = []
    at = text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
