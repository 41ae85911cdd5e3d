"""The fonts the PDF embeds: DejaVu Sans, whose glyphs cover Latin, Greek, Cyrillic, Hebrew and Arabic."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from workbench.assets import resource_path

FONT = "DejaVuSans"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
    f"{FONT}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{FONT}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 surrogate pairs.

    reportlab writes them as 5-digit hex, which PDF readers reject: copy-paste and text extraction
    of an emoji in a note would give garbage (pypdf even fails on the page).
    """

    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    pairs = "\n".join(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset))
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar", pairs,
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])  # fmt: skip


@cache
def register_fonts() -> str:
    """Embed DejaVu Sans (Latin, Greek, Cyrillic, Hebrew, Arabic) once per process; returns its name."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # looked up at call time; see _to_unicode_cmap
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=f"{FONT}-Bold", italic=f"{FONT}-Oblique", boldItalic=f"{FONT}-BoldOblique"
    )
    return FONT


@cache
def coverage() -> frozenset[int]:
    """Code points the regular and bold faces can both draw; others would print as empty boxes.

    (The oblique faces lack Arabic; the report only sets its own labels in italics.)
    """
    register_fonts()
    regular, bold = (set(pdfmetrics.getFont(name).face.charToGlyph) for name in (FONT, f"{FONT}-Bold"))
    return frozenset(regular & bold)
