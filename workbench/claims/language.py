"""A cheap check of whether a text is English, so the user learns when claim detection is off its ground."""

from __future__ import annotations

import re

_ENGLISH_FUNCTION_WORDS = frozenset(
    {
        "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as", "be",
        "by", "at", "this", "are", "from", "have", "has", "not", "but", "had", "an", "they", "he", "she",
        "his", "her", "their", "which", "or", "were", "been", "will", "would", "said", "its", "who", "we",
        "you", "i", "our", "there", "also", "after", "than", "more", "about", "into", "when", "can", "one",
    }
)  # fmt: skip
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
NOTE = "claim detection is tuned for English"


def language_note(text: str) -> str | None:
    """A short warning when ``text`` does not look English; None for English (or too little to tell)."""
    words = [w.lower() for w in _WORD_RE.findall(text[:20_000])]
    if len(words) < 8:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    return None if share >= 0.12 else NOTE
