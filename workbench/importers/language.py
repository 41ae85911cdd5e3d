"""Guess an article's language from its text (py3langid: BSD licence, model shipped in the wheel)."""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

_SAMPLE_CHARS = 6000  # enough for a stable guess; classifying whole books only costs time
_MIN_LETTERS = 40  # below this a guess is noise


_loading = threading.Lock()


@cache
def _load_identifier() -> Any:
    # py3langid ships no type information; its two names used here are plain classes and strings.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _identifier() -> Any:
    # Loading decompresses a 4 MB model (0.4 s): under the lock, a warm-up thread and an import that
    # arrive together load it once.
    with _loading:
        return _load_identifier()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return ""
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= 0.5 else ""
