"""The ``claim_evidence`` pipeline component: what the parse shows about each sentence's check-worthiness.

For every news sentence of a ``Doc`` it records the linguistic evidence (numbers, dates, names,
comparisons, attributions, causes, predictions; hedges, opinions, intentions, imperatives), the
checkable parts, a kind, and a score that combines the evidence with the trained classifier (when the
pipeline has one). Results live on ``Doc._.claim_sentences`` and on each sentence's ``Span._``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from workbench.claims.sentences import is_inch_mark, leaves_quote_open, news_sentences
from workbench.claims.types import CheckablePart, ClaimKind, Reason

# --- evidence features: name -> the phrase a fact-checker reads in the claim's reasons -----------------
FEATURE_PHRASES: dict[str, str] = {
    "number": "gives a number",
    "percent": "gives a percentage",
    "money": "gives an amount of money",
    "date": "names a date or time",
    "person": "names a person",
    "organisation": "names an organisation",
    "place": "names a place",
    "named_thing": "names an event, law or work",
    "group": "names a nationality or group",
    "comparison": "makes a comparison",
    "superlative": "uses a superlative or a record",
    "attribution": "attributes it to a source",
    "quote": "contains a direct quotation",
    "causal": "states a cause or an effect",
    "prediction": "predicts what will happen",
    "past_event": "reports something that happened",
    "evidence": "cites evidence, research or data",
    "general_statement": "states something as a general fact",
    "negation": "denies or negates something (not, never)",
    "hedge": "is hedged (may, might, perhaps)",
    "opinion": "expresses an opinion or a judgement",
    "intention": "states the speaker's own intention",
    "imperative": "is an instruction or appeal",
    "second_person": "addresses the listener (you)",
    "short": "is too short to check",
}
FEATURES: tuple[str, ...] = tuple(FEATURE_PHRASES)

# Hand-set weights used when no trained combination is shipped; the trained one replaces them.
DEFAULT_WEIGHTS: dict[str, float] = {
    "bias": -1.6,
    "classifier": 0.0,
    "number": 1.3,
    "percent": 1.0,
    "money": 1.0,
    "date": 0.8,
    "person": 0.5,
    "organisation": 0.6,
    "place": 0.5,
    "named_thing": 0.5,
    "group": 0.3,
    "comparison": 0.9,
    "superlative": 0.5,
    "attribution": 0.7,
    "quote": 0.2,
    "causal": 0.7,
    "prediction": 0.5,
    "past_event": 0.6,
    "evidence": 0.5,
    "general_statement": 0.3,
    "negation": 0.2,
    "hedge": -0.7,
    "opinion": -1.2,
    "intention": -1.2,
    "imperative": -1.5,
    "second_person": -0.5,
    "short": -1.5,
}

_ENT_PARTS = {
    "CARDINAL": "QUANTITY",
    "QUANTITY": "QUANTITY",
    "PERCENT": "PERCENT",
    "MONEY": "MONEY",
    "DATE": "DATE",
    "TIME": "TIME",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "EVENT": "EVENT",
    "LAW": "LAW",
    "WORK_OF_ART": "WORK",
    "NORP": "GROUP",
    "PRODUCT": "PRODUCT",
}
_ENT_FEATURES = {
    "CARDINAL": "number",
    "QUANTITY": "number",
    "PERCENT": "percent",
    "MONEY": "money",
    "DATE": "date",
    "TIME": "date",
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "named_thing",
    "LAW": "named_thing",
    "WORK_OF_ART": "named_thing",
    "PRODUCT": "named_thing",
    "NORP": "group",
}

_SPEECH = {
    "say", "says", "said", "saying", "tell", "tells", "told", "report", "reports", "reported", "claim",
    "claims", "claimed", "state", "states", "stated", "announce", "announces", "announced", "confirm",
    "confirms", "confirmed", "reveal", "reveals", "revealed", "deny", "denies", "denied", "insist",
    "insists", "insisted", "warn", "warns", "warned", "add", "adds", "added", "estimate", "estimates",
    "estimated", "show", "shows", "showed", "shown", "find", "finds", "found", "write", "writes", "wrote",
    "allege", "alleges", "alleged", "admit", "admits", "admitted", "acknowledge", "acknowledged",
    "explain", "explained", "note", "noted", "declare", "declared", "testify", "testified", "disclose",
    "disclosed", "indicate", "indicated", "according", "accuse", "accused", "argue", "argued",
}  # fmt: skip
# Verbs that say one thing changes another, counted when the parse has them as verbs.
_CAUSAL_VERBS = {
    "cause", "causes", "caused", "causing", "lead", "leads", "led", "trigger", "triggers", "triggered",
    "prevent", "prevents", "prevented", "reduce", "reduces", "reduced", "increase", "increases",
    "increased", "boost", "boosts", "boosted", "kill", "kills", "killed", "cure", "cures", "cured",
    "protect", "protects", "protected", "worsen", "worsens", "worsened", "improve", "improves",
    "improved", "damage", "damages", "damaged", "drive", "drives", "drove", "fuel", "fuels", "fuelled",
    "fueled", "raise", "raises", "raised", "lower", "lowers", "lowered", "spread", "spreads", "transmit",
    "transmits", "transmitted", "stop", "stops", "stopped", "create", "creates", "created", "destroy",
    "destroys", "destroyed", "affect", "affects", "affected", "help", "helps", "helped",
}  # fmt: skip
_EVIDENCE_WORDS = {
    "evidence", "study", "studies", "research", "researchers", "scientists", "scientist", "data",
    "trial", "trials", "survey", "poll", "polls", "analysis", "experts", "figures", "statistics",
    "census", "records", "report", "reports", "findings", "proof", "proven",
}  # fmt: skip
_CAUSAL_PAIRS = {("due", "to"), ("thanks", "to"), ("owing", "to"), ("because", "of"), ("led", "to"),
                 ("lead", "to"), ("leads", "to"), ("result", "in"), ("resulted", "in"), ("results", "in"),
                 ("linked", "to"), ("as", "a", "result"), ("so", "that")}  # fmt: skip
_STRONG_CAUSAL = {"because", "cause", "causes", "caused", "causing", "therefore", "consequently",
                  "blamed", "triggered"}  # fmt: skip
_PREDICTIVE = {"forecast", "forecasts", "predict", "predicts", "predicted", "projected", "projects",
               "expected", "expects", "expect", "likely", "anticipated", "poised"}  # fmt: skip
_HEDGES = {"may", "might", "could", "perhaps", "possibly", "probably", "maybe", "apparently",
           "seemingly", "seems", "seem", "seemed", "appears", "appear", "appeared", "suppose",
           "presumably", "arguably"}  # fmt: skip
_OPINION_VERBS = {"think", "believe", "feel", "hope", "guess", "wish", "love", "hate", "like",
                  "suspect", "reckon", "doubt"}  # fmt: skip
_NORMATIVE = {"should", "must", "ought", "need", "needs"}
_EVALUATIVE = {
    "great", "terrible", "wonderful", "horrible", "amazing", "awful", "good", "bad", "better", "best",
    "worse", "worst", "important", "wrong", "right", "fair", "unfair", "ridiculous", "disgrace",
    "disgraceful", "beautiful", "tremendous", "incredible", "stupid", "sad", "fantastic", "excellent",
    "nice", "shameful", "outrageous", "disaster", "disastrous", "strong", "weak", "proud", "ashamed",
    "failed", "dangerous", "crazy", "silly", "brilliant", "unacceptable", "critical", "vital",
    "essential", "huge", "deserve", "deserves", "absolutely", "clearly", "obviously",
}  # fmt: skip
_INTENT_VERBS = {"want", "plan", "intend", "promise", "going", "hope", "like", "propose", "pledge",
                 "aim", "commit", "vow"}  # fmt: skip
_FIRST_PERSON = {"i", "we", "us", "me", "my", "our"}
_SUPERLATIVE_WORDS = {"record", "unprecedented", "highest", "lowest", "biggest", "largest", "smallest"}
_COMPARISON_PAIRS = {("up", "from"), ("down", "from"), ("compared", "with"), ("compared", "to"),
                     ("more", "than"), ("less", "than"), ("fewer", "than"), ("rise", "from"),
                     ("fell", "from"), ("rose", "from"), ("increase", "from"), ("doubled",),
                     ("tripled",), ("halved",), ("twice",)}  # fmt: skip
# Penn tags rather than coarse POS: the pipeline leaves out the attribute_ruler that maps one to the other.
_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_NOMINAL_TAGS = _NOUN_TAGS | {"PRP"}
_IMPERATIVE_OPENERS = {"please", "just", "now", "so", "and", "then", "also", "simply", "do", "kindly"}
_TITLE_MAX_WORDS = 8


@dataclass(frozen=True)
class SentenceEvidence:
    """What the parse shows about one sentence."""

    features: frozenset[str]
    parts: tuple[CheckablePart, ...]  # character offsets relative to the Doc's text
    question: bool
    kind_hints: frozenset[str] = frozenset()  # what only the claim's kind reads (FIGURE, ROUNDED)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _has_pair(words: list[str], pairs: Iterable[tuple[str, ...]]) -> tuple[int, int] | None:
    """Token index range of the first multi-word marker found, else None."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for pair in pairs:
        by_first.setdefault(pair[0], []).append(pair)
    for i, word in enumerate(words):
        for pair in by_first.get(word, ()):
            if tuple(words[i : i + len(pair)]) == pair:
                return i, i + len(pair)
    return None


def _subject_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")}


def _comparison_part(tokens: list[Token], start: int, end: int) -> CheckablePart:
    """The marker ("up from", "more than") plus the number or name it compares with."""
    last = end - 1
    if end < len(tokens) and (tokens[end].like_num or tokens[end].ent_type_):
        last = end
        while last + 1 < len(tokens) and tokens[last + 1].ent_iob_ == "I":
            last += 1
    first, final = tokens[start], tokens[last]
    return CheckablePart(first.idx, final.idx + len(final.text), "COMPARISON")


def _closing_mark(text: str, start: int, single: bool) -> int:
    """Index of the mark closing a quotation opened just before ``start`` (-1 if it stays open)."""
    if not single:
        found = [j for j in (text.find(c, start) for c in ('"', "”")) if j >= 0]
        return min(found, default=-1)
    j = text.find("’", start)
    while j >= 0 and j + 1 < len(text) and text[j + 1].isalnum():  # the apostrophe of "don’t"
        j = text.find("’", j + 1)
    return j


def _quoted_part(inner: str, start: int, end: int) -> CheckablePart | None:
    """The part for a quotation whose words are ``inner`` and whose marks span ``start``–``end`` in
    the Doc: a quotation, a title, or nothing.

    “War & Peace” and ‘2018 Welcome Daehak-ro Festival’ name a work or an event (TITLE); a word or two
    in quotation marks (the “interim” government) is a manner of speaking; the rest is a QUOTE.
    """
    words = inner.strip(" ,.;:").split()
    if not words:
        return None
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    if (
        len(words) <= _TITLE_MAX_WORDS
        and long_words
        and all(w[0].isupper() for w in long_words)
        and not any(ch in inner.rstrip(" ,.") for ch in ".!?")
    ):
        return CheckablePart(start, end, "TITLE")
    if len(words) <= 2:
        return None
    return CheckablePart(start, end, "QUOTE")


def _quote_parts(sent: Span) -> list[CheckablePart]:
    """Character ranges of the quotations (and quoted titles) inside the sentence.

    A sentence may begin inside a quotation opened in the one before it ("A. B," she said): its text
    up to the closing mark is quoted. An unclosed quotation runs to the sentence's end.
    """
    text = sent.text
    parts: list[CheckablePart] = []
    i = 0
    if leaves_quote_open(sent.doc.text[: sent.start_char]):
        j = _closing_mark(text, 0, single=False)
        end = len(text) if j < 0 else j + 1
        part = _quoted_part(text[: j if j >= 0 else end], sent.start_char, sent.start_char + end)
        if part is not None:
            parts.append(part)
        i = end
    while i < len(text):
        ch = text[i]
        # A single quotation mark only opens a quote at a word start (not in "That's").
        single = ch == "‘" and not (i > 0 and text[i - 1].isalnum())
        if ch == "“" or (ch == '"' and not is_inch_mark(text, i)) or single:
            j = _closing_mark(text, i + 1, single)
            end = len(text) if j < 0 else j + 1
            inner = text[i + 1 : j if j >= 0 else end]
            part = _quoted_part(inner, sent.start_char + i, sent.start_char + end)
            if part is not None:
                parts.append(part)
            i = end
        else:
            i += 1
    return parts


# What the parse shows that only chooses a claim's kind (no weight, never shown as a reason).
FIGURE = "gives_a_figure"
ROUNDED = "rounded_figure"


def _gives_a_figure(ent: Span) -> bool:
    """Whether a number says how many or how much: "58 staff", "rose to 4,000", "two Oscars", "20%".

    Not a number that is part of a name or an address ("iPhone 11", "Corso Monforte 15") or that stands
    for people already named ("the two were on the ground").
    """
    if ent.label_ in ("PERCENT", "MONEY", "QUANTITY"):
        return True
    root = ent.root
    counts_a_noun = root.dep_ in ("nummod", "quantmod") and root.head.i > root.i  # "3 saves", "two Oscars"
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is None or counts_a_noun:
        return True
    if before.tag_ in ("NNP", "NNPS"):
        return False  # a number after a name: "Boeing 737", "iPhone 11" (but "Derek Mertz 3 saves" counts)
    # "the two were on the ground": a number word standing for people already named
    return any(ch.isdigit() for ch in ent.text) or before.lower_ not in ("the", "these", "those")


_CURRENCY_SIGNS = "$£€¥₹"
_SCORE_RE = re.compile(r"(?:[-–]\d+)+(?![\d.,]*\s*(?:%|per\s*cent))")  # "-17" of "24-17", "-0-1" of "14-0-1"
_CITATION_RE = re.compile(r"\(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)")
_APPROXIMATELY_RE = re.compile(r"^(?:about|around|approximately|roughly|some)\s+", re.I)


def _in_citation(ent: Span) -> bool:
    """Whether the entity is a number of a reference marker: "(14)", "(14, 15)", "(3–5)"."""
    text = ent.doc.text
    opening = text.rfind("(", max(ent.start_char - 12, 0), ent.start_char + 1)
    closing = text.find(")", ent.end_char - 1, ent.end_char + 12)
    return opening >= 0 and closing >= 0 and bool(_CITATION_RE.fullmatch(text, opening, closing + 1))


def _entity_part(ent: Span, label: str) -> CheckablePart:
    """The checkable part for an entity, with what the model leaves out of it put back.

    "$55.12" keeps its dollar sign, a score or record "24-17" its second number, and "about Thursday
    night" loses the "about" that is not part of the time.
    """
    text = ent.doc.text
    start, end = ent.start_char, ent.end_char
    if label == "MONEY" and start > 0 and text[start - 1] in _CURRENCY_SIGNS:
        start -= 1
    if label == "QUANTITY" and ent.text.isdigit() and (score := _SCORE_RE.match(text, end)):
        end = score.end()
    if label in ("DATE", "TIME") and (approximately := _APPROXIMATELY_RE.match(ent.text)):
        start += approximately.end()
    return CheckablePart(start, end, label)


def _trimmed(part: CheckablePart, text: str) -> CheckablePart:
    """The part without the commas, colons and spaces it may end on ("Eswar Prasad, a professor,"), and
    within one cell of a table row."""
    start, end = part.start, part.end
    if part.label != "QUOTE" and "|" in text[start:end]:  # a table's cells: "63 | 85%" is "85%"
        start += text.rfind("|", start, end) - start + 1
    while start < end - 1 and text[start] == " ":
        start += 1
    while end > start + 1 and text[end - 1] in " ,;:":
        end -= 1
    return part if (start, end) == (part.start, part.end) else CheckablePart(start, end, part.label)


def analyse_sentence(sent: Span) -> SentenceEvidence:
    """The evidence features and checkable parts of one sentence."""
    features: set[str] = set()
    hints: set[str] = set()  # FIGURE, ROUNDED: they choose the kind only
    parts: list[CheckablePart] = []
    tokens = [t for t in sent if not t.is_space]
    words = [t.lower_ for t in tokens]
    word_set = set(words)
    content = [t for t in tokens if not t.is_punct]

    for ent in sent.ents:
        if _in_citation(ent):
            continue  # a reference marker, "(14, 15)", is no figure to check
        feature = _ENT_FEATURES.get(ent.label_)
        if feature == "number" and ent.label_ == "CARDINAL" and ent.text.lower() in {"one", "a", "an"}:
            continue
        if feature:
            features.add(feature)
            if feature in ("number", "percent", "money") and _gives_a_figure(ent):
                hints.add(FIGURE)
        label = _ENT_PARTS.get(ent.label_)
        if label:
            parts.append(_entity_part(ent, label))
    loose_numbers = [t for t in tokens if t.like_num and t.ent_type_ == "" and t.tag_ == "CD"]
    if loose_numbers:
        features.add("number")
        if any(_gives_a_figure(sent.doc[t.i : t.i + 1]) for t in loose_numbers):
            hints.add(FIGURE)

    quotes = _quote_parts(sent)
    if any(q.label == "QUOTE" for q in quotes):
        features.add("quote")
    parts.extend(quotes)

    # comparisons and superlatives
    comparison = _has_pair(words, _COMPARISON_PAIRS)
    comparatives = [t for t in tokens if t.tag_ in ("JJR", "RBR") and t.lower_ not in ("more", "less")]
    if (
        comparison
        or (comparatives and "than" in word_set)
        or any(t.tag_ in ("JJR", "RBR") and any(c.lower_ == "than" for c in t.subtree) for t in tokens)
    ):
        features.add("comparison")
        if comparison:
            parts.append(_comparison_part(tokens, *comparison))
            start, end = comparison
            if words[start] in ("more", "less", "fewer") and end < len(tokens) and tokens[end].like_num:
                hints.add(ROUNDED)  # "more than 100 people": a figure, not a comparison
    if any(t.tag_ in ("JJS", "RBS") for t in tokens) or (word_set & _SUPERLATIVE_WORDS):
        features.add("superlative")

    # attribution: "X said", "according to X"
    for token in tokens:
        if token.lower_ == "according" and token.i + 1 < sent.end and sent.doc[token.i + 1].lower_ == "to":
            features.add("attribution")
            sources = [t for t in sent.doc[token.i + 1].subtree if t.i > token.i + 1]
            if sources:
                parts.append(CheckablePart(sources[0].idx, sources[-1].idx + len(sources[-1].text), "SOURCE"))
        elif token.lower_ in _SPEECH and token.tag_ in _VERB_TAGS:
            # "he added" says something; "Marchand added three assists" scores
            if token.lower_.startswith("add") and any(c.dep_ == "dobj" for c in token.children):
                continue
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].lower_ not in _FIRST_PERSON:
                features.add("attribution")
                if subjects[0].dep_ == "nsubj" and subjects[0].tag_ in _NOMINAL_TAGS:
                    subtree = list(subjects[0].subtree)
                    end = subtree[-1].idx + len(subtree[-1].text)
                    parts.append(CheckablePart(subtree[0].idx, end, "SOURCE"))

    # causes and predictions
    if (
        word_set & _STRONG_CAUSAL
        or _has_pair(words, _CAUSAL_PAIRS)
        or any(t.lower_ in _CAUSAL_VERBS and t.tag_ in _VERB_TAGS and _subject_words(t) for t in tokens)
    ):
        features.add("causal")
    if word_set & _EVIDENCE_WORDS:
        features.add("evidence")
    subjects_first_person = any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_PERSON for t in tokens for c in t.children
    )
    future = [t for t in tokens if t.lower_ in ("will", "'ll", "shall", "wo") and t.tag_ == "MD"]
    going_to = _has_pair(words, [("going", "to")])
    if (future or going_to) and not subjects_first_person:
        features.add("prediction")
    if word_set & _PREDICTIVE and not subjects_first_person:
        features.add("prediction")

    # what happened: a past-tense main verb with a named participant or a date
    root = sent.root
    if root.tag_ in ("VBD", "VBN") and features & {"person", "organisation", "place", "date", "group"}:
        features.add("past_event")

    # a present-tense statement about the world ("Antibiotics do not treat viruses"), not about us or you
    root_subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if (
        root.tag_ in ("VBZ", "VBP")
        and root_subjects
        and root_subjects[0].lower_ not in _FIRST_PERSON | {"you"}
        and not any(c.tag_ == "MD" for c in root.children)
    ):
        features.add("general_statement")

    # a denial ("Vaccines do not cause autism", "He never voted for it") is as checkable as an assertion
    if any(t.dep_ == "neg" for t in tokens):
        features.add("negation")

    # what counts against
    if any(t.lower_ in _HEDGES and t.ent_type_ == "" for t in tokens):  # not the month in "May 2019"
        features.add("hedge")
    first_person_opinion = any(
        t.lower_ in _OPINION_VERBS and _subject_words(t) & _FIRST_PERSON for t in tokens
    )
    if (
        first_person_opinion
        or any(t.lower_ in _NORMATIVE and t.tag_ == "MD" for t in tokens)
        or (word_set & _EVALUATIVE and not features & {"number", "percent", "money"})
    ):
        features.add("opinion")
    if subjects_first_person and (future or going_to or word_set & _INTENT_VERBS or "let" in word_set):
        features.add("intention")
    if words[:2] == ["let", "'s"] or words[:1] == ["let's"]:
        features.add("intention")
    first_word = next((t for t in tokens if not t.is_punct and t.lower_ not in _IMPERATIVE_OPENERS), None)
    if first_word is not None and root == first_word and root.tag_ == "VB" and not _subject_words(root):
        features.add("imperative")
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for t in tokens for c in t.children):
        features.add("second_person")
    # "Thank you." and "He did it." are too short to check; "Vaccines cause autism." is a whole claim.
    names_its_subject = root.tag_ in _VERB_TAGS and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in _NOUN_TAGS for c in root.children
    )
    if len(content) < 5 and not names_its_subject:
        features.add("short")

    question = sent.text.rstrip().rstrip("\"'”’»)] ").endswith("?")
    parts = [_trimmed(p, sent.doc.text) for p in parts]
    # A name inside a quoted title ("Melvin" in “Melvin and Howard”) is part of the title.
    titles = [p for p in parts if p.label == "TITLE"]

    def in_title(part: CheckablePart) -> bool:
        return part.label != "TITLE" and any(t.start <= part.start and part.end <= t.end for t in titles)

    parts = [p for p in parts if not in_title(p)]
    parts.sort(key=lambda p: (p.start, -p.end))
    return SentenceEvidence(frozenset(features), tuple(parts), question, frozenset(hints))


def claim_kind(features: frozenset[str]) -> ClaimKind:
    """The kind a fact-checker would file the claim under, from its evidence (and kind hints)."""
    if features & {"percent", "money"} or (
        FIGURE in features and ("comparison" not in features or ROUNDED in features)
    ):
        return ClaimKind.STATISTIC
    if "comparison" in features or "superlative" in features:
        return ClaimKind.COMPARISON
    if "causal" in features:
        return ClaimKind.CAUSAL
    if "prediction" in features:
        return ClaimKind.PREDICTION
    if features & {"attribution", "quote"}:
        return ClaimKind.QUOTE
    if features & {"past_event", "date"}:
        return ClaimKind.EVENT
    return ClaimKind.OTHER


class ClaimEvidence:
    """Scores every news sentence of a Doc: evidence from the parse, plus the trained classifier."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        classifier: str,
        positive_label: str,
        weights: dict[str, float],
        tensor_classifier: str = "",
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.classifier = classifier
        self.tensor_classifier = tensor_classifier
        self.positive_label = positive_label
        self.weights = {**DEFAULT_WEIGHTS, **weights}

    def _classifier_scores(self, name: str, sentences: list[Span]) -> list[float] | None:
        if not name or name not in self.nlp.component_names or not sentences:
            return None
        pipe = self.nlp.get_pipe(name)
        # workbench.ClaimBOW.v1 and workbench.ClaimTensor.v1 read sentence Spans directly (no copying).
        scores = pipe.predict(sentences)  # type: ignore[attr-defined]
        labels = list(pipe.labels)  # type: ignore[attr-defined]
        column = labels.index(self.positive_label)
        return [float(row[column]) for row in pipe.model.ops.to_numpy(scores)]  # type: ignore[attr-defined]

    def __call__(self, doc: Doc) -> Doc:
        sentences = news_sentences(doc)
        classifier = self._classifier_scores(self.classifier, sentences)
        # The second classifier reads the English model's token vectors; it only counts beside the first.
        tensor = None if classifier is None else self._classifier_scores(self.tensor_classifier, sentences)
        for i, sent in enumerate(sentences):
            evidence = analyse_sentence(sent)
            reasons: list[Reason] = []
            z = self.weights["bias"]
            if classifier is not None:
                contribution = self.weights["classifier"] * _logit(classifier[i])
                scores = f"{classifier[i]:.2f}"
                if tensor is not None:
                    contribution += self.weights.get("tensor_classifier", 0.0) * _logit(tensor[i])
                    scores += f", {tensor[i]:.2f}"
                z += contribution
                sent._.claim_classifier = classifier[i]
                verdict = "reads like" if contribution >= 0 else "does not read like"
                label = "classifiers" if tensor is not None else "classifier"
                reasons.append(Reason(f"{verdict} a check-worthy claim ({label} {scores})", contribution))
            for feature in FEATURES:
                if feature in evidence.features and self.weights.get(feature, 0.0) != 0.0:
                    z += self.weights[feature]
                    reasons.append(Reason(FEATURE_PHRASES[feature], self.weights[feature]))
            reasons.sort(key=lambda r: -abs(r.weight))
            sent._.claim_score = _sigmoid(z)
            sent._.claim_features = evidence.features
            sent._.claim_kind = claim_kind(evidence.features | evidence.kind_hints)
            sent._.claim_reasons = tuple(reasons)
            sent._.claim_parts = evidence.parts
            sent._.claim_question = evidence.question
        doc._.claim_sentences = sentences
        return doc


def _register_extensions() -> None:
    for attribute, default in (
        ("claim_score", 0.0),
        ("claim_classifier", None),
        ("claim_features", frozenset()),
        ("claim_kind", ClaimKind.OTHER),
        ("claim_reasons", ()),
        ("claim_parts", ()),
        ("claim_question", False),
    ):
        if not Span.has_extension(attribute):
            Span.set_extension(attribute, default=default)
    if not Doc.has_extension("claim_sentences"):
        Doc.set_extension("claim_sentences", default=None)


_register_extensions()


@Language.factory(
    "claim_evidence",
    default_config={
        "classifier": "claim_textcat",
        "tensor_classifier": "",
        "positive_label": "CHECKWORTHY",
        "weights": {},
    },
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc._.claim_sentences", "span._.claim_score"],
)
def make_claim_evidence(
    nlp: Language,
    name: str,
    classifier: str,
    tensor_classifier: str,
    positive_label: str,
    weights: dict[str, float],
) -> ClaimEvidence:
    """Factory for the ``claim_evidence`` component (see ClaimEvidence)."""
    return ClaimEvidence(nlp, name, classifier, positive_label, weights, tensor_classifier)
