"""Finding a claim again in an article's changed text.

A claim is anchored the way web annotations are: by its exact words plus the text just before and
after them. Finding it again tries the exact words first (the occurrence whose surroundings match
best, nearest where it used to be). Failing that, it proposes reworded places: similar words between
the old surroundings, and fuzzy matches among the new text's sentences and newly extracted claims,
each scored by likeness, surroundings and distance; the caller hands places out best score first, so
one claim never takes a place that fits another better.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

CONTEXT_CHARS = 32  # how much text before and after a claim identifies where it sits
FUZZY_MIN_RATIO = 0.75  # a rewording at least this similar is the same claim, reworded
CONTEXT_MIN_RATIO = 0.5  # between unchanged surroundings, a looser likeness is enough
CONTEXT_BONUS = 0.25  # unchanged surroundings make a place likelier
DISTANCE_WEIGHT = 0.2  # a place across the whole text costs this much likeness
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


class Claimed:
    """Spans of the new text already given to claims."""

    def __init__(self, text_length: int) -> None:
        self._spans: set[tuple[int, int]] = set()
        self._covered = bytearray(text_length)

    def add(self, start: int, end: int) -> None:
        self._spans.add((start, end))
        self._covered[start:end] = b"\x01" * (end - start)

    def __contains__(self, span: object) -> bool:
        return span in self._spans

    def mostly_covered(self, start: int, end: int) -> bool:
        """Half or more of the span already belongs to claims (a sentence cannot be two claims)."""
        return end > start and 2 * self._covered.count(1, start, end) >= end - start


@dataclass(frozen=True)
class Proposal:
    """A place the claim may have moved to, reworded; higher scores are likelier."""

    score: float
    location: Location
    by_context: bool  # found between the claim's old surroundings


def locate(
    anchor: Anchor,
    text: str,
    candidates: Sequence[tuple[int, int]] | None = None,
    claimed: Claimed | None = None,
) -> Location | None:
    """Where the anchored claim is in ``text``, or None when it cannot be found.

    Args:
        candidates: spans worth comparing with the quote for a fuzzy match (new claims, sentences);
            None means the text's sentences.
        claimed: spans already given to other claims: never handed out twice, and a sentence mostly
            given already is no candidate for a fuzzy match.
    """
    claimed = claimed if claimed is not None else Claimed(len(text))
    found = locate_exact(anchor, text, claimed)
    if found is not None:
        return found
    options = propose(anchor, text, sentence_spans(text) if candidates is None else candidates, claimed)
    return max(options, key=lambda p: p.score).location if options else None


def locate_exact(anchor: Anchor, text: str, claimed: Claimed | None = None) -> Location | None:
    """The claim's very words: of several occurrences, the one in the most similar surroundings."""
    if not anchor.quote.strip():
        return None
    hits = [(m, m + len(anchor.quote)) for m in _occurrences(text, anchor.quote)]
    hits = [hit for hit in hits if claimed is None or hit not in claimed]
    if not hits:
        return None
    expected = anchor.position * len(text)

    def fit(hit: tuple[int, int]) -> tuple[int, float]:
        start, end = hit
        before = text[max(0, start - CONTEXT_CHARS) : start]
        after = text[end : end + CONTEXT_CHARS]
        context = _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)
        return context, -abs(start - expected)

    start, end = max(hits, key=fit)
    return Location(start, end, exact=True)


def propose(
    anchor: Anchor, text: str, candidates: Sequence[tuple[int, int]], claimed: Claimed
) -> list[Proposal]:
    """Every plausible reworded place for the claim, scored by likeness, surroundings and distance.

    Callers weighing several claims at once should hand out places best score first.
    """
    if not anchor.quote.strip():
        return []
    expected = anchor.position * len(text)

    def distance_penalty(start: int) -> float:
        return DISTANCE_WEIGHT * abs(start - expected) / max(len(text), 1)

    found = [
        Proposal(ratio + CONTEXT_BONUS - distance_penalty(start), Location(start, end, exact=False), True)
        for ratio, start, end in _between_context(anchor, text, claimed)
    ]
    found += [
        Proposal(ratio - distance_penalty(start), Location(start, end, exact=False), False)
        for ratio, start, end in _fuzzy(anchor, text, candidates, claimed)
    ]
    return found


def _between_context(anchor: Anchor, text: str, claimed: Claimed) -> list[tuple[float, int, int]]:
    """The old surroundings are still there: whatever now sits between them, if it is alike."""
    prefix, suffix = anchor.prefix, anchor.suffix
    if len(prefix) < CONTEXT_CHARS // 2 or len(suffix) < CONTEXT_CHARS // 2:
        return []  # at the very start or end of the text, one side alone says too little
    found = []
    reach = 3 * len(anchor.quote) + 2 * CONTEXT_CHARS
    for after_prefix in (m + len(prefix) for m in _occurrences(text, prefix)):
        suffix_at = text.find(suffix, after_prefix, after_prefix + reach + len(suffix))
        if suffix_at < 0:
            continue
        start, end = _trimmed(text, after_prefix, suffix_at)
        if end <= start or (start, end) in claimed or claimed.mostly_covered(start, end):
            continue
        ratio = _ratio(anchor.quote, text[start:end], CONTEXT_MIN_RATIO)
        if ratio >= CONTEXT_MIN_RATIO:
            found.append((ratio, start, end))
    return found


def _fuzzy(
    anchor: Anchor, text: str, candidates: Sequence[tuple[int, int]], claimed: Claimed
) -> list[tuple[float, int, int]]:
    spans = [(start, end) for start, end in set(candidates) if not claimed.mostly_covered(start, end)]
    matches = process.extract(
        anchor.quote,
        [text[start:end] for start, end in spans],
        scorer=fuzz.ratio,
        score_cutoff=100 * FUZZY_MIN_RATIO,
        limit=None,
    )
    return [(score / 100, *spans[index]) for _, score, index in matches]


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


def _ratio(a: str, b: str, at_least: float = 0.0) -> float:
    """Likeness of two strings, 0..1 (1 - normalised insertions and deletions); 0 below ``at_least``."""
    return float(fuzz.ratio(a, b, score_cutoff=100 * at_least)) / 100


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
