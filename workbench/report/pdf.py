"""The printable verification report: a PDF built with reportlab's platypus.

Layout: a cover with the article's provenance and the verdict summary (numbers and a small chart),
an "Attention" section with the disputed claims, every claim in article order, the claims the
checker dismissed, and an appendix with the whole article, each claim marked in place. Every page
has a running header with the title and a "Page X of Y" footer; the viewer's bookmarks list the
sections and claims, and claim numbers in the summary and the appendix link to the claim's entry.

User text only ever enters paragraph markup through :mod:`.text` (escaped, right-to-left reordered,
undrawable characters named), never as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import cache
from typing import Any, BinaryIO

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as _ReportlabParagraph

from workbench import APP_NAME, __version__
from workbench.checklist import describe_change
from workbench.store.records import ClaimRecord, HistoryEntry, SourceRecord, Status

from .fonts import FONT, register_fonts
from .model import VerificationReport
from .text import bidi_layout, clean, drawable, has_rtl, link, styled, visual

INK = colors.HexColor("#1d1d1f")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#c7c7cc")


class StatusLook:
    """How a status prints: a word and a symbol (legible in black and white) on a dark colour."""

    def __init__(self, word: str, symbol: str, colour: str, tint: str) -> None:
        self.word = word
        self.symbol = symbol
        self.colour = colors.HexColor(colour)
        self.tint = colors.HexColor(tint)
        self.hex = colour
        self.tint_hex = tint

    @property
    def label(self) -> str:
        return f"{self.symbol} {self.word}"


LOOKS: dict[str, StatusLook] = {
    Status.VERIFIED: StatusLook("VERIFIED", "✓", "#1e6b34", "#dcefe1"),
    Status.DISPUTED: StatusLook("DISPUTED", "✗", "#a4201a", "#f8dcd9"),
    Status.UNCHECKED: StatusLook("UNCHECKED", "?", "#6b5a00", "#f6efc8"),
    "dismissed": StatusLook("DISMISSED", "–", "#5f6368", "#e8e8ea"),
}


@cache
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "kicker": style("kicker", fontName=f"{FONT}-Bold", fontSize=9, textColor=MUTED, spaceAfter=4),
        "title": style("title", fontName=f"{FONT}-Bold", fontSize=20, leading=25, spaceAfter=10),
        "h1": style("h1", fontName=f"{FONT}-Bold", fontSize=14, leading=18, spaceBefore=6, spaceAfter=6,
                    keepWithNext=1),
        "h2": style("h2", fontName=f"{FONT}-Bold", fontSize=11, leading=14, spaceBefore=4, spaceAfter=4),
        "label": style("label", fontName=f"{FONT}-Bold", fontSize=8.5, leading=12, textColor=MUTED),
        "value": style("value", fontSize=9, leading=12),
        "small": style("small", fontSize=8, leading=10.5, textColor=MUTED),
        "claim": style("claim", fontSize=10, leading=14, leftIndent=8, spaceBefore=3, spaceAfter=3),
        "detail": style("detail", fontSize=9, leading=12, leftIndent=8, spaceAfter=2),
        "warning": style("warning", fontSize=9, leading=12, leftIndent=8, spaceAfter=2,
                         textColor=colors.HexColor("#8a4b00")),
        "history": style("history", fontSize=8, leading=10.5, leftIndent=8, textColor=MUTED, spaceAfter=2),
        "source": style("source", fontSize=8.5, leading=11.5, leftIndent=20, firstLineIndent=-10),
        "badge": style("badge", fontName=f"{FONT}-Bold", fontSize=8, leading=10, textColor=colors.white,
                       alignment=TA_CENTER),
        "article": style("article", fontSize=9.5, leading=14, spaceAfter=6),
        "count": style("count", fontName=f"{FONT}-Bold", fontSize=16, leading=19, alignment=TA_CENTER),
        "countlabel": style("countlabel", fontSize=8, leading=10, alignment=TA_CENTER, textColor=MUTED),
    }


Segment = tuple[str, str, str]  # (user text, opening tags, closing tags): see text.styled


class Paragraph(_ReportlabParagraph):  # type: ignore[misc]  # reportlab ships no type hints
    """A platypus Paragraph that does not break its lines again when wrapped twice at one width.

    KeepTogether measures its contents, then the frame measures them again to place them: without
    this, every line of a long report was broken twice.
    """

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if getattr(self, "_wrapped_at", None) == available_width and hasattr(self, "blPara"):
            return self.width, self.height
        size: tuple[float, float] = super().wrap(available_width, available_height)
        self._wrapped_at = available_width
        return size


def _t(text: str) -> Segment:
    return (text, "", "")


def _b(text: str) -> Segment:
    return (text, "<b>", "</b>")


def _i(text: str) -> Segment:
    return (text, "<i>", "</i>")


@cache
def _right_aligned(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)


def _para(segments: list[Segment], style: ParagraphStyle, width: float) -> Paragraph:
    """A paragraph of user text; right-to-left text is broken into lines and reordered here."""
    if not any(has_rtl(text) for text, _, _ in segments):  # the common case, kept fast
        return Paragraph(styled(segments), style)
    room = width - style.leftIndent - style.rightIndent
    bold = style.fontName if style.fontName.endswith("Bold") else f"{FONT}-Bold"
    laid = bidi_layout(segments, style.fontName, bold, style.fontSize, room, room - style.firstLineIndent)
    if laid is None:
        return Paragraph(styled(segments), style)
    markup, rtl_base = laid
    return Paragraph(markup, _right_aligned(style) if rtl_base else style)


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    text = moment.strftime("%d %B %Y, %H:%M")
    offset = moment.strftime("%z")
    if offset:
        text += " UTC" if offset == "+0000" else f" UTC{offset[:3]}:{offset[3:]}"
    return text


def _page_size(name: str) -> tuple[float, float]:
    return (612.0, 792.0) if name == "Letter" else (595.2755905511812, 841.8897637795277)  # LETTER, A4


TOTAL_PAGES_FORM = "totalPages"


class _ReportCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """A canvas in DejaVu Sans that fills in the page count once it is known, for "Page X of Y".

    Each footer draws a form (a PDF XObject) where the total goes; the form itself is written when
    the document is saved. Pages are emitted as they are laid out, so bookmarks and links point at
    the right pages and memory does not grow with the page count.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = FONT  # else every page starts in an unembedded Helvetica
        super().__init__(*args, **kwargs)

    def save(self) -> None:
        total = self.getPageNumber() - 1  # the page number has moved past the last page
        self.beginForm(TOTAL_PAGES_FORM)
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


def _page_decorator(report: VerificationReport) -> Callable[[Canvas, Any], None]:
    """Draws the running header (from page 2) and the footer with "Page X of Y" on each page."""
    title = clean(report.article.title or report.article.source_path or "Untitled article")
    title = " ".join(title.split())
    footer_left = f"{APP_NAME} · SHA-256 {report.article.sha256[:16]}… · {_when(report.generated_at)}"

    def decorate(canvas: Canvas, _doc: Any) -> None:
        width, height = canvas._pagesize
        page = canvas.getPageNumber()
        margin = 18 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7.5)
        if page > 1:
            right = "Verification report"
            room = width - 2 * margin - pdfmetrics.stringWidth(right, FONT, 7.5) - 12
            shown = title[:300]
            while shown and pdfmetrics.stringWidth(visual(drawable(shown)), FONT, 7.5) > room:
                shown = shown[: max(0, len(shown) - 4)]
                shown = shown.rstrip() + "…" if shown else ""
            canvas.drawString(margin, height - 12 * mm, visual(drawable(shown)))
            canvas.drawRightString(width - margin, height - 12 * mm, right)
            canvas.line(margin, height - 13.5 * mm, width - margin, height - 13.5 * mm)
        canvas.line(margin, 13.5 * mm, width - margin, 13.5 * mm)
        canvas.drawString(margin, 10 * mm, footer_left)
        # "Page X of " ends where the total begins; the total's room is that of four digits.
        total_x = width - margin - pdfmetrics.stringWidth("0000", FONT, 7.5)
        canvas.drawRightString(total_x, 10 * mm, f"Page {page} of ")
        canvas.translate(total_x, 10 * mm)
        canvas.doForm(TOTAL_PAGES_FORM)
        canvas.restoreState()

    return decorate


def _claim_segments(claim: ClaimRecord, article_text: str) -> list[Segment]:
    """The claim's text with its checkable parts in bold and underlined."""
    text = claim.text
    if article_text[claim.start : claim.end] != text:
        return [_t(text)]  # offsets do not match the text: show it without emphasis rather than wrongly
    cuts: list[tuple[int, int]] = []
    for part in sorted(claim.spans, key=lambda p: p.start):
        start, end = max(part.start, claim.start) - claim.start, min(part.end, claim.end) - claim.start
        if cuts and start < cuts[-1][1]:
            start = cuts[-1][1]
        if start < end:
            cuts.append((start, end))
    segments: list[tuple[str, str, str]] = []
    pos = 0
    for start, end in cuts:
        segments.append((text[pos:start], "", ""))
        segments.append((text[start:end], "<b><u>", "</u></b>"))
        pos = end
    segments.append((text[pos:], "", ""))
    return segments


def _source_line(index: int, source: SourceRecord) -> list[Segment]:
    parts = [_t(f"{index}. ")]
    if source.title.strip():
        parts += [_b(source.title), _t(" — ")]
    parts.append(link(source.url) if source.url.strip() else _i("no address given"))
    if source.accessed.strip():
        parts.append(_t(f" (accessed {source.accessed})"))
    if source.comment.strip():
        parts.append(_t(f" — {source.comment}"))
    return parts


def _history_line(entry: HistoryEntry) -> list[Segment]:
    who = entry.who if entry.who.strip() else "someone"
    # The same wording as the window's history ("status unchecked → disputed", "found by the extractor").
    return [_t(f"{_when(entry.at)} — {who}: {describe_change(entry, limit=HISTORY_VALUE_CHARS)}")]


class ClaimHeading(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """"Claim 12", a status badge (symbol and word on the status colour) and the kind and score,
    over a rule in the status colour. Drawn directly: a table of paragraphs per claim was the
    slowest part of a long report."""

    def __init__(self, claim: ClaimRecord, status: str) -> None:
        super().__init__()
        self.height = 17.0
        self.spaceBefore = 2.0
        self.number = claim.number
        self.look = LOOKS[status]
        meta = f"{claim.kind} · score {claim.score:.2f}"
        self.meta = meta + (" · added by hand" if claim.by_hand else "")
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.height

    def draw(self) -> None:
        canvas, look = self.canv, self.look
        baseline = 5.5
        canvas.setFillColor(INK)
        canvas.setFont(f"{FONT}-Bold", 11)
        canvas.drawString(0, baseline, f"Claim {self.number}")
        x = 24 * mm
        canvas.setFillColor(look.colour)
        canvas.rect(x, 2.5, 25 * mm, 12, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(f"{FONT}-Bold", 8)
        canvas.drawCentredString(x + 12.5 * mm, baseline, look.label)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 8)
        canvas.drawString(x + 28 * mm, baseline, self.meta)
        canvas.setStrokeColor(look.colour)
        canvas.setLineWidth(1.2)
        canvas.line(0, 0, self.width, 0)


def _text_warnings(claim: ClaimRecord, width: float) -> list[Flowable]:
    """Warnings when the article's text changed under a claim after it was checked."""
    st = _styles()
    found: list[Flowable] = []
    if claim.text_changed:
        found.append(Paragraph(
            "<b>⚠ Text changed:</b> these words are no longer in the article. Check this claim again.",
            st["warning"],
        ))
    if claim.previous_text.strip():
        segments = [_b("⚠ Reworded since it was checked."), _t(f" It read: {claim.previous_text}")]
        found.append(_para(segments, st["warning"], width))
    return found


def _claim_block(claim: ClaimRecord, report: VerificationReport, width: float) -> list[Flowable]:
    st = _styles()
    status = str(claim.status)
    title = f"{claim.number}. {LOOKS[status].word.lower()}: {' '.join(clean(claim.text).split())[:60]}"
    head: list[Flowable] = [
        _outlined(ClaimHeading(claim, status), title, anchor(claim), 1),
        _para(_claim_segments(claim, report.article.text), st["claim"], width),
        *_text_warnings(claim, width),
    ]
    body: list[Flowable] = []
    note = [_t(claim.note)] if claim.note.strip() else [_i("none")]
    body.append(_para([_b("Note: "), *note], st["detail"], width))
    if claim.sources:
        lines = [_para(_source_line(i, s), st["source"], width) for i, s in enumerate(claim.sources, 1)]
        body += [Paragraph("<b>Sources:</b>", st["detail"]), *lines]
    else:
        body.append(Paragraph("<b>Sources:</b> <i>none recorded</i>", st["detail"]))
    if claim.status is Status.UNCHECKED:
        body.append(Paragraph("<b>Status:</b> not checked yet", st["detail"]))
    else:
        by = claim.changed_by if claim.changed_by.strip() else "an unnamed checker"
        when = f" on {_when(claim.changed_at)}" if claim.changed_at is not None else ""
        body.append(_para([_b("Status set by "), _t(by + when)], st["detail"], width))
    entries = report.history.get(claim.id, ())
    if entries:
        history = [_b("History:")]
        for entry in entries:
            history += [_t("\n"), *_history_line(entry)]
        body.append(_para(history, st["history"], width))
    # A usual claim stays on one page. A long one keeps at least its heading with its text (and a
    # short note): keeping a page-long block together would leave a gap before it.
    # (KeepTogether blocks must not nest: reportlab then breaks the page before each of them.)
    if len(claim.note) < 600 and len(claim.sources) <= 4 and len(entries) <= 4:
        return [KeepTogether([*head, *body]), Spacer(1, 8)]
    kept = [*head, *body[:1]] if len(claim.note) < 600 else head
    return [KeepTogether(kept), *body[len(kept) - len(head):], Spacer(1, 8)]


FIELD_LIMIT = 1500  # characters of one cover field: a table row must fit on a page
HISTORY_VALUE_CHARS = 400  # of an old or new value in a history line (a long note is in full above it)


def _capped(value: str) -> str:
    if len(value) <= FIELD_LIMIT:
        return value
    return f"{value[:FIELD_LIMIT]}… ({len(value) - FIELD_LIMIT:,} more characters not shown)"


def _field_rows(report: VerificationReport) -> list[tuple[str, list[Segment]]]:
    a = report.article

    def given(value: str, missing: str = "not given") -> list[Segment]:
        return [_t(_capped(value))] if value.strip() else [_i(missing)]

    rows = [
        ("Byline", given(a.byline)),
        ("Published", given(a.date)),
        ("Source file", given(a.source_path)),
        ("URL", [link(a.url)] if a.url.strip() and len(a.url) <= FIELD_LIMIT else given(a.url)),
        ("Checked by", given(", ".join(report.checkers))),
        ("Organisation", given(report.options.organisation)),
        ("Report generated", given(_when(report.generated_at))),
        ("Article SHA-256", given(a.sha256, "not recorded")),
    ]
    if a.language:
        rows.insert(3, ("Language", [_t(a.language)]))
    return rows


def _chart(report: VerificationReport, width: float) -> Drawing:
    """A horizontal bar per verdict, with its word and count printed beside it (legible in grey)."""
    counts = report.counts
    items = [
        (Status.VERIFIED, counts.verified),
        (Status.DISPUTED, counts.disputed),
        (Status.UNCHECKED, counts.unchecked),
        ("dismissed", counts.dismissed),
    ]
    bar_h, gap, label_w = 11.0, 5.0, 30 * mm
    height = len(items) * (bar_h + gap)
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=8)
    top = max((n for _, n in items), default=0) or 1
    room = width - label_w - 14 * mm
    for row, (status, n) in enumerate(items):
        look = LOOKS[status]
        y = height - (row + 1) * (bar_h + gap) + gap / 2
        drawing.add(String(0, y + 2.5, look.label, fontName=f"{FONT}-Bold", fontSize=8, fillColor=INK))
        length = room * n / top
        if n:
            drawing.add(Rect(label_w, y, max(length, 1.5), bar_h, fillColor=look.colour, strokeColor=None))
        drawing.add(String(label_w + length + 4, y + 2.5, str(n), fontName=FONT, fontSize=8.5, fillColor=INK))
    drawing.add(Line(label_w, 0, label_w, height, strokeColor=RULE, strokeWidth=0.5))
    return drawing


def _cover(report: VerificationReport, width: float) -> list[Flowable]:
    st = _styles()
    counts = report.counts
    story: list[Flowable] = [
        Paragraph("VERIFICATION REPORT", st["kicker"]),
        _para([_t(report.article.title)] if report.article.title.strip() else [_i("Untitled article")],
              st["title"], width),
    ]
    value_width = width - 34 * mm - 6  # the table's right padding
    rows = [[Paragraph(name, st["label"]), _para(value, st["value"], value_width)]
            for name, value in _field_rows(report)]
    fields = Table(
        rows,
        colWidths=[34 * mm, width - 34 * mm],
    )
    fields.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
    ]))
    story += [fields, Spacer(1, 10), _outlined(Paragraph("Summary", st["h1"]), "Summary", "summary", 0)]
    cells = [
        (Status.VERIFIED, counts.verified),
        (Status.DISPUTED, counts.disputed),
        (Status.UNCHECKED, counts.unchecked),
        ("dismissed", counts.dismissed),
    ]
    tiles = Table(
        [
            [Paragraph(str(n), st["count"]) for _, n in cells],
            [Paragraph(LOOKS[s].label, st["countlabel"]) for s, _ in cells],
        ],
        colWidths=[width / 4] * 4,
    )
    tiles.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        *[("LINEABOVE", (i, 0), (i, 0), 3, LOOKS[s].colour) for i, (s, _) in enumerate(cells)],
        ("TOPPADDING", (0, 0), (-1, 0), 6),
    ]))
    story += [tiles, Spacer(1, 8), _chart(report, width * 0.8), Spacer(1, 8)]
    story.append(Paragraph(_verdict_sentence(report), st["body"]))
    story += [Spacer(1, 14), _sign_off(width)]
    story.append(Paragraph(
        f"Written by {APP_NAME} {__version__}. The SHA-256 above identifies the exact article text that "
        "was checked: the same text gives the same hash.", st["small"]))
    return story


def _sign_off(width: float) -> Table:
    """Blank lines for the editor who signs the check off, on paper."""
    st = _styles()
    rows = [
        [Paragraph("Editor's sign-off", st["h2"]), ""],
        [Paragraph("Approved for publication by", st["label"]), ""],
        [Paragraph("Signature", st["label"]), ""],
        [Paragraph("Date", st["label"]), ""],
        ["", ""],  # room under the last line, inside the box
    ]
    table = Table(rows, colWidths=[55 * mm, width - 55 * mm], rowHeights=[18, 24, 24, 24, 8])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("SPAN", (0, 0), (1, 0)),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (1, 1), (1, -2), 0.6, MUTED),
        ("BOX", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def anchor(claim: ClaimRecord) -> str:
    """The PDF destination of a claim's full entry: in Attention if disputed, else in the list."""
    return f"{'attention' if claim.status is Status.DISPUTED else 'claim'}-{claim.number}"


def _numbers(claims: tuple[ClaimRecord, ...]) -> str:
    """Claim numbers as links to their entries."""
    return ", ".join(f'<a href="#{anchor(c)}" color="#1a4f9c">#{c.number}</a>' for c in claims)


def _outlined(flowable: Flowable, title: str, key: str, level: int) -> Flowable:
    """Mark a flowable for the PDF's outline (the viewer's bookmarks pane) and as a link target."""
    flowable.outline = (title, key, level)
    return flowable


class _OutlinedDocTemplate(SimpleDocTemplate):  # type: ignore[misc]  # reportlab ships no type hints
    """Adds a bookmark and a named destination for every flowable marked by :func:`_outlined`."""

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline is not None:
            title, key, level = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level == 0 and key == "claims")


def _verdict_sentence(report: VerificationReport) -> str:
    c = report.counts
    parts = [
        f"Of <b>{c.to_check}</b> claim{'s' if c.to_check != 1 else ''} to check, "
        f"<b>{c.verified}</b> verified, <b>{c.disputed}</b> disputed and <b>{c.unchecked}</b> unchecked; "
        f"<b>{c.dismissed}</b> more set aside as not check-worthy."
    ]
    if c.disputed:
        parts.append(f"<b>Disputed:</b> {_numbers(report.with_status(Status.DISPUTED))} (see Attention).")
    if c.unchecked:
        parts.append(
            f"<b>Not yet checked:</b> {_numbers(report.with_status(Status.UNCHECKED))}. "
            "The check is not complete."
        )
    elif c.to_check:
        parts.append("Every claim has been checked.")
    return " ".join(parts)


def _annotated_paragraphs(report: VerificationReport) -> Iterator[list[Segment]]:
    """The article's paragraphs as markup, each claim tinted and preceded by its number and status."""
    text = report.article.text
    claims = [c for c in report.claims if 0 <= c.start < c.end <= len(text)]  # already in article order
    first = 0  # claims before this one end before the current paragraph
    for match in re.finditer(r"[^\n]+", text):
        p_start, p_end = match.span()
        if not match.group().strip():
            continue
        while first < len(claims) and claims[first].end <= p_start:
            first += 1
        segments: list[tuple[str, str, str]] = []
        cursor = p_start
        for claim in claims[first:]:
            if claim.start >= p_end:
                break
            start, end = max(claim.start, cursor), min(claim.end, p_end)
            if start >= end:
                continue
            look = LOOKS[str(claim.status)]
            segments.append((text[cursor:start], "", ""))
            if claim.start >= p_start:  # the marker goes where the claim begins, not on continuation lines
                segments.append((
                    f"[{claim.number} {look.label}]",
                    f'<a href="#{anchor(claim)}" color="{look.hex}"><b>',
                    "</b></a> ",
                ))
            segments.append((text[start:end], f'<span backColor="{look.tint_hex}"><u>', "</u></span>"))
            cursor = end
        segments.append((text[cursor:p_end], "", ""))
        yield segments


def _story(report: VerificationReport, width: float) -> list[Flowable]:
    st = _styles()
    story = _cover(report, width)
    disputed = report.with_status(Status.DISPUTED)
    story += [PageBreak(), _outlined(Paragraph("Attention: disputed claims", st["h1"]),
                                     f"Attention: {len(disputed)} disputed", "attention", 0)]
    if disputed:
        story.append(Paragraph(
            f"{len(disputed)} claim{'s' if len(disputed) != 1 else ''} could not be verified as published. "
            "Read these before the article goes out.", st["body"]))
        story.append(Spacer(1, 6))
        for claim in disputed:
            story += _claim_block(claim, report, width)
    else:
        story.append(Paragraph("No claim is disputed.", st["body"]))
    story += [Spacer(1, 10), CondPageBreak(60 * mm),
              _outlined(Paragraph("All claims in article order", st["h1"]), "All claims", "claims", 0)]
    if not report.claims:
        story.append(Paragraph("No check-worthy claims were found in this article.", st["body"]))
    for claim in report.claims:
        if claim.status is Status.DISPUTED:
            story += [
                KeepTogether([
                    _outlined(ClaimHeading(claim, str(claim.status)),
                              f"{claim.number}. disputed (see Attention)", f"claim-{claim.number}", 1),
                    _para(_claim_segments(claim, report.article.text), st["claim"], width),
                    *_text_warnings(claim, width),
                    Paragraph("<i>Details in the Attention section.</i>", st["detail"]),
                ]),
                Spacer(1, 8),
            ]
        else:
            story += _claim_block(claim, report, width)
    if report.dismissed:
        story += [CondPageBreak(40 * mm), _outlined(Paragraph("Dismissed as not check-worthy", st["h1"]),
                                                    "Dismissed", "dismissed", 0)]
        for claim in report.dismissed:
            by = f" — dismissed by {claim.changed_by}" if claim.changed_by.strip() else ""
            story.append(_para([_b(f"{claim.number}. "), _t(claim.text + by)], st["detail"], width))
    story += [PageBreak(), _outlined(Paragraph("Appendix: the article with its claims marked", st["h1"]),
                                     "Appendix: annotated article", "appendix", 0)]
    story.append(Paragraph(
        "Each claim is underlined and tinted, after its number and status in brackets.", st["small"]))
    text = report.article.text
    unplaced = [c for c in report.claims if not (0 <= c.start < c.end <= len(text))]
    if unplaced:
        story.append(Paragraph(
            f"<b>Not marked below</b> (their words are no longer in the text): {_numbers(tuple(unplaced))}.",
            st["warning"]))
    story.append(HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=4, spaceAfter=8))
    for segments in _annotated_paragraphs(report):
        story.append(_para(segments, st["article"], width))
    return story


def write_pdf(report: VerificationReport, stream: BinaryIO) -> None:
    """Lay out the whole report and write the PDF bytes to ``stream``."""
    register_fonts()
    size = _page_size(report.options.page_size)
    article = report.article
    title = " ".join(clean(article.title).split()) or "Untitled article"
    author = ", ".join(report.checkers) or report.options.organisation
    if report.options.organisation and report.checkers:
        author += f" ({report.options.organisation})"
    doc = _OutlinedDocTemplate(
        stream,
        pagesize=size,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=f"Verification report: {title}",
        author=author,
        subject=f"Claim-by-claim verification of “{title}” (SHA-256 {article.sha256})",
        creator=f"{APP_NAME} {__version__}",
        keywords=["fact-check", "verification report"],
        lang=article.language or None,
    )
    # Frames pad their content by 6 pt a side; lay out to the width that is really there.
    decorate = _page_decorator(report)
    doc.build(_story(report, doc.width - 12), onFirstPage=decorate, onLaterPages=decorate,
              canvasmaker=_ReportCanvas)  # fmt: skip


__all__ = ["LOOKS", "register_fonts", "write_pdf"]
