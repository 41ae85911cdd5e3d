"""Find the check-worthy sentences of an article: the one entry point the CLI and the GUI use."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from workbench.claims.blocks import BlockRole, as_one_paragraph, split_blocks
from workbench.claims.names import ArticlePeople
from workbench.claims.pipeline import load_pipeline
from workbench.claims.sentences import WIRE_DATELINE_RE, ends_with_closing_quote, is_attribution_tail
from workbench.claims.types import CheckablePart, ExtractedClaim

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# Paragraphs handed to spaCy per batch: small enough that progress and cancelling stay responsive.
_BATCH_SIZE = 16


_PARSED = (BlockRole.PROSE, BlockRole.HEADING)


class ExtractionCancelled(Exception):
    """Raised by ClaimExtractor when its ``cancelled`` callback turned true mid-way."""


class ClaimExtractor:
    """Runs the claims pipeline over an article, paragraph by paragraph, and hands out plain claims."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline()
        if "claim_evidence" not in self.nlp.pipe_names:
            raise ValueError(
                "the spaCy pipeline given to ClaimExtractor has no 'claim_evidence' component; "
                "use workbench.claims.load_pipeline()"
            )

    def extract(
        self, text: str, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> list[ExtractedClaim]:
        """Every candidate claim of ``text`` in article order (see ``extract_iter``)."""
        return list(self.extract_iter(text, progress=progress, cancelled=cancelled))

    def extract_iter(
        self, text: str, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> Iterator[ExtractedClaim]:
        """Yield the candidate claims of ``text`` as they are found, in article order.

        Headlines, datelines, bylines, captions, boilerplate and questions are left out. ``progress``
        gets ``(done_chars, total_chars)`` after each paragraph; when ``cancelled()`` turns true the
        extraction stops and raises ExtractionCancelled.
        """
        if not isinstance(text, str):
            raise TypeError(f"ClaimExtractor needs the article text as str, not {type(text).__name__}")
        total = len(text)
        if progress is not None:
            progress(0, total)
        # Subheadings are parsed too: "Myth #4: Coronavirus can be transmitted through mosquito bites"
        # states a claim; "What happens next" does not, and is dropped below.
        prose = [block for block in split_blocks(text) if block.role in _PARSED]
        evidence = self.nlp.get_pipe("claim_evidence")
        people = ArticlePeople()
        paragraphs = (as_one_paragraph(block.text) for block in prose)
        for block, doc in zip(prose, self._parsed(paragraphs), strict=True):
            # "Donald Trump" in one paragraph, "Trump" (read as an organisation) in the next.
            people.learn(doc)
            people.relabel(doc)
            doc = evidence(doc)
            asked = False  # the sentence before was a quoted question, left out
            for sentence in doc._.claim_sentences:
                if block.role is BlockRole.HEADING and not _states_something(sentence):
                    continue
                # '"Why would anyone do that?" He Jianxiong, the former director …, said at a Nov. 6
                # event in Washington.': with the question left out, its attribution checks nothing.
                if asked and is_attribution_tail(sentence, any_length=True):
                    asked = False
                    continue
                asked = bool(sentence._.claim_question) and ends_with_closing_quote(sentence)
                claim = _claim_from(sentence, block.start, text)
                if claim is not None:
                    yield claim
            if progress is not None:
                progress(block.end, total)
            if cancelled is not None and cancelled():
                raise ExtractionCancelled("claim extraction was cancelled")
        if progress is not None:
            progress(total, total)

    def _parsed(self, texts: Iterable[str]) -> Iterator[Doc]:
        """The texts through every pipeline step but the last (claim_evidence), batched like nlp.pipe."""
        docs: Iterable[Doc] = (self.nlp.make_doc(t) for t in texts)
        for name, step in self.nlp.pipeline:
            if name == "claim_evidence":
                continue
            docs = step.pipe(docs, batch_size=_BATCH_SIZE) if hasattr(step, "pipe") else map(step, docs)
        yield from docs


_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def _states_something(sentence: Span) -> bool:
    """True for a heading that is a statement (a verb with its subject), not a label or a topic.

    The subject may be a noun ("Cold weather causes the flu"), a clause ("Taking a hot bath kills the
    virus") or the "there" of "There are pills that prevent the flu".
    """
    if sentence[0].tag_ in ("WDT", "WP", "WP$", "WRB"):  # "What the evidence says", "How it works"
        return False
    return any(token.dep_ in _SUBJECTS and token.head.tag_.startswith(("VB", "MD")) for token in sentence)


def _claim_from(sentence: Span, offset: int, text: str) -> ExtractedClaim | None:
    """The claim for one scored sentence, with offsets into the article; None if it is no claim."""
    if sentence._.claim_question:
        return None
    raw = sentence.text
    start = offset + sentence.start_char + (len(raw) - len(raw.lstrip()))
    end = offset + sentence.start_char + len(raw.rstrip())
    dateline = WIRE_DATELINE_RE.match(text, start, end) if sentence.start == 0 else None
    if dateline:
        start = dateline.end()
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    spans = tuple(
        CheckablePart(max(start, offset + p.start), min(end, offset + p.end), p.label)
        for p in sentence._.claim_parts
        if offset + p.end > start and offset + p.start < end
    )
    return ExtractedClaim(
        text=text[start:end],
        start=start,
        end=end,
        score=round(float(sentence._.claim_score), 4),
        kind=sentence._.claim_kind,
        reasons=tuple(sentence._.claim_reasons),
        spans=spans,
    )
