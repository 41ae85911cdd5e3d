"""Guess an article's language from its text (py3langid: BSD licence, model shipped in the wheel)."""

from __future__ import annotations

from functools import cache
from typing import Any

_SAMPLE_CHARS = 6000  # enough for a stable guess; classifying whole books only costs time
_MIN_LETTERS = 40  # below this a guess is noise


@cache
def _identifier() -> Any:
    # py3langid ships no type information; its two names used here are plain classes and strings.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return ""
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= 0.5 else ""
