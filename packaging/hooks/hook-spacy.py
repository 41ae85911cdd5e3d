"""Replaces pyinstaller-hooks-contrib's spaCy hook, which bundles every language and the test suite.

spaCy 3.8 fills its function registry lazily from dotted names (``spacy/registrations.py``), so the
modules behind those names must be collected although nothing imports them statically.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

# English is what we run; ja/ko/th/vi/zh are imported by spacy.registrations whatever the language;
# xx is the multi-language fallback spacy.blank("xx") needs.
KEPT_LANGUAGES = {"en", "ja", "ko", "th", "vi", "zh", "xx"}


def _wanted(name: str) -> bool:
    parts = name.split(".")
    if len(parts) > 1 and parts[1] == "tests":
        return False
    if len(parts) > 2 and parts[1] == "lang":
        language = parts[2]
        # Top-level helpers of spacy.lang (char_classes, punctuation…) are modules, not languages.
        shared_module = language in {
            "char_classes",
            "lex_attrs",
            "norm_exceptions",
            "punctuation",
            "tokenizer_exceptions",
        }
        return shared_module or language in KEPT_LANGUAGES
    return True


hiddenimports = collect_submodules("spacy", filter=_wanted)
datas = collect_data_files("spacy", excludes=["tests/**", "lang/**"]) + copy_metadata("spacy")
