"""Split an article into the blocks a news reader sees, and recognise the ones that are not prose.

A block is a paragraph (text between blank lines) or, inside a paragraph, a line that clearly stands on
its own. Headlines, datelines, bylines, photo captions and "Read more"-style boilerplate are recognised
here, before any parsing, so they never reach the checklist and cost nothing to skip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum


class BlockRole(StrEnum):
    PROSE = "prose"
    HEADLINE = "headline"
    HEADING = "heading"
    DATELINE = "dateline"
    BYLINE = "byline"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class Block:
    """A stretch of the article: ``text == article[start:end]``, never with surrounding whitespace."""

    start: int
    end: int
    text: str
    role: BlockRole


# Blocks longer than this are cut (at a line or sentence end) so a 100,000-word text without blank lines
# still flows through the pipeline in pieces: progress keeps moving and memory stays flat.
MAX_BLOCK_CHARS = 5_000

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAYS = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:,?\s+\d{{4}})?"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b",
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:BST|GMT|UTC|UK|ET|EST|EDT|PT|CET))?\b", re.I
)
_DATELINE_WORDS_RE = re.compile(
    r"\b(?:updated|published|posted|last\s+modified|first\s+published|modified|created)\b\s*:?", re.I
)
# "By Deborah Haynes", "By the Associated Press"; not "By the way, …", "By 2030 …", "By March, …".
_BYLINE_RE = re.compile(
    r"^(?:by|words\s+by|written\s+by|posted\s+by|story\s+by|reporting\s+by|report\s+by|"
    rf"analysis\s+by|interview\s+by)\s+(?!(?:{_MONTHS}|{_WEEKDAYS}|then|now|contrast|comparison)\b)"
    r"(?:the\s+)?(?-i:[A-Z])",
    re.I,
)
# A contributor line: "Keith Bradsher contributed reporting from Hong Kong.",
# "Fox News' Jessica Napoli contributed to this report."
_CONTRIBUTOR_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,6}(?:and\s+(?:[A-Z][\w.'’-]*\s+){1,4})?contributed\s+"
    r"(?:reporting|research|additional\s+reporting|to\s+this\s+(?:report|article|story))\b"
)
_AUTHOR_ROLE_RE = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*[,|–—-]\s*"
    r"(?:[\w ]+\s)?(?:correspondent|reporter|editor|journalist|writer|columnist|producer|staff\s+writer)\b",
    re.I,
)
_CAPTION_RE = re.compile(
    r"^(?:image|images|photo|photograph|picture|pic|video|caption|credit|illustration|graphic|"
    r"file\s+photo|image\s+copyright|image\s+caption|media\s+caption|photo\s+credit)\s*(?:copyright)?\s*[:|/–—-]"
    r"|\((?:photo|picture|image)s?\s+(?:by|credit|:)"
    r"|(?:/|\|)\s*(?:getty(?:\s+images)?|reuters|afp|ap|pa(?:\s+media)?|epa|shutterstock|alamy)\s*\)?\s*$"
    r"|^(?:getty\s+images|reuters|afp|ap\s+photo|pa\s+media|epa)\s*$",
    re.I,
)
_BOILERPLATE_RE = re.compile(
    r"^(?:read\s+more|read\s+next|more\s+on\s+this|more\s+from|(?:see\s+)?more(?=\s*:)|also\s+(?:read|see)"
    r"|(?:watch|listen|read)(?=\s*:)|related(?:\s+(?:articles?|stories|content|topics))?"
    r"|see\s+also|click\s+here|tap\s+here|sign\s+up|subscribe|follow\s+(?:us|@|sky|the)|share\s+(?:this|on|via)"
    r"|advertisement|sponsored|you\s+may\s+also\s+like|recommended|most\s+read|trending|skip\s+to"
    r"|download\s+the|listen\s+to\s+(?:this|the)|watch\s+(?:now|live|more|the\s+video)|continue\s+reading"
    r"|copyright|all\s+rights\s+reserved|©|cookies?\b|terms\s+(?:and|&)\s+conditions|privacy\s+policy"
    r"|editing\s+by|additional\s+reporting\s+by|contact\s+us|newsletter|back\s+to\s+top|top\s+stories"
    r"|this\s+story\s+(?:has\s+been|was)\s+updated"
    r"|also\s+on\s+[\w-]+\.(?:com|net|org|co\.uk|news|tv))\b",
    re.I,
)
# Footer and sharing text that can sit anywhere in a short block, not only at its start.
_BOILERPLATE_ANYWHERE_RE = re.compile(
    r"for\s+your\s+personal,?\s+non-commercial\s+use|subscriber\s+agreement|terms\s+of\s+(?:use|service)"
    r"|order\s+(?:presentation-ready\s+|multiple\s+)?copies|\breprints?\b.*\d{3}[-.]\d{3}[-.]\d{4}"
    r"|\bwrite\s+to\s+.+\s+at\s+\S+@\S+|\bsign\s+up\s+(?:for|to)\s+(?:our|the)\s+\w*\s*newsletter"
    r"|(?:share|follow)\s+(?:this\s+(?:article|story)\s+)?on\s+(?:facebook|twitter|whatsapp|linkedin)"
    r"|this\s+(?:article|story|copy)\s+(?:is\s+for|has\s+been\s+sent\s+to)"
    r"|^this\s+(?:article|story|piece)\s+(?:was|is|has\s+been)\s+(?:originally\s+|first\s+)?"
    r"(?:published|reprinted|republished)\b",
    re.I,
)
_LINK_ONLY_RE = re.compile(r"^(?:\S+:\s*[–—-]?\s*)?(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", re.I)
_BULLET_RE = re.compile(r"^\s*(?:[-*•–·]|\d{1,3}[.)])\s+")
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"


def _words(text: str) -> int:
    return len(text.split())


def _in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _ends_like_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def is_dateline(text: str) -> bool:
    """A line that only says when the article was written or updated."""
    if _words(text) > 16 or not (_DATE_RE.search(text) or _TIME_RE.search(text)):
        return False
    rest = _DATELINE_WORDS_RE.sub(" ", text)
    rest = _DATE_RE.sub(" ", rest)
    rest = _TIME_RE.sub(" ", rest)
    rest = re.sub(rf"\b{_WEEKDAYS}\b", " ", rest, flags=re.I)
    rest = re.sub(r"\b(?:at|on|am|pm|uk|bst|gmt|utc|est|edt|et|\d{4})\b", " ", rest, flags=re.I)
    leftover_words = re.findall(r"[A-Za-z]{2,}", rest)
    return len(leftover_words) <= 2


def _is_byline(text: str) -> bool:
    """A line naming the author ("By Jane Smith", "Jane Smith, Political Correspondent"), not a
    sentence about a reporter ("Smith, a former editor of the Times, resigned on Monday.")."""
    if _BYLINE_RE.match(text):
        return not _ends_like_sentence(text) or _words(text) <= 6
    return bool(_AUTHOR_ROLE_RE.match(text)) and not _ends_like_sentence(text)


def classify_block(text: str, *, first: bool) -> BlockRole:
    """The role of one block; ``first`` is true for the article's first non-empty block."""
    words = _words(text)
    if is_table_row(text):
        # "|---|:---:|" draws the table, "| Pos | Player | Plays |" heads it; a row with figures is read
        # as a whole, whatever full stops its cells hold
        if not any(ch.isalnum() for ch in text):
            return BlockRole.BOILERPLATE
        return BlockRole.PROSE if any(ch.isdigit() for ch in text) else BlockRole.HEADING
    if is_dateline(text):
        return BlockRole.DATELINE
    if words <= 14 and (_is_byline(text) or _CONTRIBUTOR_RE.match(text)):
        return BlockRole.BYLINE
    if words <= 40 and _CAPTION_RE.search(text):
        return BlockRole.CAPTION
    if words <= 20 and _BOILERPLATE_RE.match(text):
        return BlockRole.BOILERPLATE
    if (words <= 40 and _BOILERPLATE_ANYWHERE_RE.search(text)) or _LINK_ONLY_RE.match(text):
        return BlockRole.BOILERPLATE
    if _BULLET_RE.match(text):
        # "1. CALL TO ORDER", "4. REPORT FROM CLOSED SESSION": a numbered section title in capitals
        # (agendas, reports, minutes), not an item of a list.
        if words <= 12 and not _ends_like_sentence(text) and _in_capitals(_BULLET_RE.sub("", text, count=1)):
            return BlockRole.HEADING
        return BlockRole.PROSE
    if not _ends_like_sentence(text) and "\n" not in text:
        if first and words <= 30:
            return BlockRole.HEADLINE
        if words <= 12 and not text.rstrip().endswith((":", ";", ",")):
            return BlockRole.HEADING
    return BlockRole.PROSE


def is_table_row(line: str) -> bool:
    """A row of a Markdown table ("| LB | Joe Schobert | 74 | 100% |"): one block, one claim."""
    row = line.strip()
    return row.startswith("|") and row.endswith("|") and row.count("|") >= 3 and "\n" not in row


def _split_lines(text: str, offset: int) -> Iterator[tuple[int, int]]:
    """Cut a paragraph at the line breaks that end a sentence or a short line; keep soft wraps."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    start = lines[0][0]
    for (line_start, line_end), following in zip(lines, [*lines[1:], None], strict=True):
        if following is None:
            yield offset + start, offset + line_end
            break
        line = text[line_start:line_end].rstrip()
        next_line = text[following[0] : following[1]].lstrip()
        soft_wrap = (
            len(line) >= 40
            and not _ends_like_sentence(line)
            and not line.endswith(":")
            and bool(next_line)
            and not _BULLET_RE.match(next_line)
            and not is_table_row(line)
            and not is_table_row(next_line)
        )
        if not soft_wrap:
            yield offset + start, offset + line_end
            start = following[0]


def _cut_long(text: str, offset: int) -> Iterator[tuple[int, int]]:
    """Cut a block longer than MAX_BLOCK_CHARS at sentence ends, so no single piece is huge."""
    start = 0
    while len(text) - start > MAX_BLOCK_CHARS:
        window = text[start : start + MAX_BLOCK_CHARS]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "), window.rfind("\n")) + 1
        if cut <= MAX_BLOCK_CHARS // 4:
            cut = window.rfind(" ") + 1  # no sentence end in sight: cut between words
        if cut <= 0:
            cut = len(window)
        yield offset + start, offset + start + cut
        start += cut
    yield offset + start, offset + len(text)


# A line ending in one of these words goes on in the next line, whatever the markup says ("won the").
_CONTINUING_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but",
     "that", "which", "who", "whose", "as", "than", "into", "its", "their", "his", "her", "our", "your"}
)  # fmt: skip


def _goes_on(first: str, second: str) -> bool:
    """Whether paragraph ``second`` continues the sentence paragraph ``first`` breaks off: pages that
    put each line of a paragraph in its own element ("…who in 2008, won the" | "Africa Movie …")."""
    if _ends_like_sentence(first) or first.rstrip().endswith((":", ";")):
        return False
    if _BULLET_RE.match(first) or _BULLET_RE.match(second):
        return False
    # Boilerplate, a byline or a dateline after the break stays itself ("copyright Inexhibit 2019").
    if classify_block(second, first=False) not in (BlockRole.PROSE, BlockRole.HEADING):
        return False
    if classify_block(first, first=False) not in (BlockRole.PROSE, BlockRole.HEADING):
        return False
    first_word = second.split(None, 1)[0]
    if not first_word.rstrip(",;").isalpha():  # "www.example.com", "my6sense", "1/2 tsp"
        return False
    if len(first_word) > 1 and first_word.rstrip(",;").isupper():  # a wire dateline: "SPRINGFIELD, Mass."
        return False
    return first_word[0].islower() or first.rsplit(None, 1)[-1] in _CONTINUING_WORDS


_PARAGRAPH_BREAK_RE = re.compile(r"\s*\n[ \t\r\f\v]*\n\s*")


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each non-blank paragraph, line or cut of ``text``, stripped."""
    for match in re.finditer(r"[^\n]+(?:\n(?![ \t\r\f\v]*\n)[^\n]*)*", text):
        for line_start, line_end in _split_lines(match.group(), match.start()):
            for piece_start, piece_end in _cut_long(text[line_start:line_end], line_start):
                piece = text[piece_start:piece_end]
                stripped = piece.strip()
                if stripped:
                    start = piece_start + (len(piece) - len(piece.lstrip()))
                    yield start, start + len(stripped)


def split_blocks(text: str) -> list[Block]:
    """All blocks of ``text`` in order, each with its role; whitespace-only stretches are dropped.

    A paragraph that breaks off mid-sentence and one that goes on with it are one block (see
    ``_goes_on``); its text keeps the break, which ``as_one_paragraph`` turns into spaces for parsing.
    """
    spans: list[tuple[int, int]] = []
    for start, end in _pieces(text):
        previous = spans[-1] if spans else None
        if (
            previous is not None
            and end - previous[0] <= MAX_BLOCK_CHARS
            and _PARAGRAPH_BREAK_RE.fullmatch(text, previous[1], start)
            and _goes_on(text[previous[0] : previous[1]], text[start:end])
        ):
            spans[-1] = (previous[0], end)
        else:
            spans.append((start, end))
    blocks: list[Block] = []
    for start, end in spans:
        stripped = text[start:end]
        blocks.append(Block(start, end, stripped, classify_block(stripped, first=not blocks)))
    if len(blocks) == 1 and blocks[0].role in (BlockRole.HEADLINE, BlockRole.HEADING):
        # A headline heads something; a lone line without a full stop is a pasted sentence.
        blocks[0] = Block(blocks[0].start, blocks[0].end, blocks[0].text, BlockRole.PROSE)
    return blocks


def as_one_paragraph(block_text: str) -> str:
    """A block's text for the parser: the paragraph breaks inside a joined block become spaces (the
    same number of characters, so offsets still point into the article)."""
    return re.sub(r"\n[ \t\r\f\v]*\n\s*", lambda m: " " * len(m.group()), block_text)


_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NUMBERS = {m: i for i, m in enumerate(_MONTH_ABBREVIATIONS, start=1)}
_DAY_MONTH_YEAR_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS}),?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR_RE = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")


def dateline_date(dateline: str) -> str | None:
    """The first full date in a dateline as ISO 8601 (``"30 May 2019, 18:23"`` → ``"2019-05-30"``)."""
    found: list[tuple[int, str]] = []
    if match := _DAY_MONTH_YEAR_RE.search(dateline):
        day, month, year = int(match[1]), _MONTH_NUMBERS[match[2][:3].lower()], int(match[3])
        found.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    if match := _MONTH_DAY_YEAR_RE.search(dateline):
        month, day, year = _MONTH_NUMBERS[match[1][:3].lower()], int(match[2]), int(match[3])
        found.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    if match := _ISO_DATE_RE.search(dateline):
        found.append((match.start(), match.group()))
    valid = [iso for _, iso in sorted(found) if 1 <= int(iso[5:7]) <= 12 and 1 <= int(iso[8:10]) <= 31]
    return valid[0] if valid else None


def find_dateline(text: str) -> str | None:
    """The article's dateline as printed (e.g. "30 May 2019, 18:23 | Updated: …"), if it has one."""
    for block in split_blocks(text)[:8]:
        if block.role is BlockRole.DATELINE:
            return block.text
    return None
